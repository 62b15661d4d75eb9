"""What the claims admin (claims/admin.py) offers from reviews: starting reviews, and a claim's
audit history (as a page and as a CSV export)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse

from claims.models import Claim
from reviews import services
from reviews.errors import ReviewError
from reviews.models import AuditEvent

from .audit import render_diff


def start_review_action(modeladmin, request, queryset):
    started = 0
    for claim in queryset:
        try:
            services.review_start(claim=claim, actor=request.user)
            started += 1
        except ReviewError as exc:
            modeladmin.message_user(request, f"Claim #{claim.pk}: {exc}", messages.ERROR)
    if started:
        modeladmin.message_user(request, f"Started {started} review(s).", messages.SUCCESS)


start_review_action.short_description = "Start a review of the selected claims"


@admin.action(description="Export the audit history of the selected claims (CSV)", permissions=["view"])
def export_claim_history_action(modeladmin, request, queryset):
    from django.db.models import Q
    from django.http import StreamingHttpResponse

    from reviews.audit_export import export_bytes

    claims = queryset.order_by()  # the list's ordering and annotations are not needed here
    claim_ids = list(claims.values_list("pk", flat=True))
    remedy_ids = list(claims.values_list("remedy_id", flat=True).distinct())
    events = AuditEvent.objects.filter(Q(claim_id__in=claim_ids) | Q(remedy_id__in=remedy_ids))
    response = StreamingHttpResponse(export_bytes(events, "csv"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claim-history.csv"'
    return response


def claim_history_view(modeladmin, request, object_id):
    """A claim's audit history (its reviews, own and inherited contraindications) with diffs."""
    from reviews.selectors import claim_history

    claim = modeladmin.get_object(request, object_id)  # None for an id that is not one
    if claim is None:
        raise Http404("No such claim.")
    if not modeladmin.has_view_permission(request, claim):
        raise PermissionDenied
    events = [(event, render_diff(event)) for event in claim_history(claim).select_related("actor")]
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": Claim._meta,
        "original": claim,
        "title": f"Audit history: {claim}",
        "events": events,
    }
    return TemplateResponse(request, "admin/claims/claim/audit_history.html", context)
