"""What reviews add to the catalogue's admins (claims/admin.py): on a claim, its review status, its
contraindications, starting a review and its audit history (page and CSV); on a remedy, the
contraindications every claim of it inherits. Registered in place of the catalogue's own admins."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from audit.export import export_bytes
from audit.models import AuditEvent
from audit.visibility import visible_events
from claims.admin import ClaimAdmin, RemedyAdmin
from claims.models import Claim, Remedy
from core.errors import ReasonRequired, ServiceError
from reviews import permissions, services
from reviews.history import readable_history
from reviews.models import Publication, Review
from reviews.selectors import contraindications_for_claim
from reviews.services.transitions import live_publication

from .rereview import start_review_page


class ReviewStatusFilter(admin.SimpleListFilter):
    """The backlog: claims nobody has started a review of (listed highest risk first)."""

    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("none", "Backlog: not started"),
            ("open", "Under review"),
            ("published", "Published"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(reviews__isnull=True)
        # Exists, not a join and DISTINCT: PostgreSQL refuses DISTINCT with the risk ordering.
        if self.value() == "open":
            return queryset.filter(Exists(Review.objects.filter(claim=OuterRef("pk"), state__in=Review.OPEN_STATES)))
        if self.value() == "published":
            return queryset.filter(Exists(Publication.objects.filter(claim=OuterRef("pk"), is_current=True)))
        return queryset


def start_review_action(modeladmin, request, queryset):
    started = 0
    for claim in queryset:
        try:
            services.review_start(claim=claim, actor=request.user)
            started += 1
        except ReasonRequired as exc:  # a published claim: its page asks why, and says what stays live
            modeladmin.message_user(
                request, f"Claim #{claim.pk}: {exc} Open the claim: “Review again…”.", messages.ERROR
            )
        except ServiceError as exc:
            modeladmin.message_user(request, f"Claim #{claim.pk}: {exc}", messages.ERROR)
    if started:
        modeladmin.message_user(request, f"Started {started} review(s).", messages.SUCCESS)


start_review_action.short_description = "Start a review of the selected claims"


@admin.action(description="Export the audit history of the selected claims (CSV)", permissions=["view"])
def export_claim_history_action(modeladmin, request, queryset):
    claims = queryset.order_by()  # the list's ordering and annotations are not needed here
    claim_ids = list(claims.values_list("pk", flat=True))
    remedy_ids = list(claims.values_list("remedy_id", flat=True).distinct())
    events = AuditEvent.objects.filter(Q(claim_id__in=claim_ids) | Q(remedy_id__in=remedy_ids))
    events = visible_events(request.user, events)  # blinded dual grading, for one
    response = StreamingHttpResponse(export_bytes(events, "csv"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="claim-history.csv"'
    return response


def claim_history_view(modeladmin, request, object_id):
    """A claim's audit history (its reviews, own and inherited contraindications) with diffs."""
    claim = modeladmin.get_object(request, object_id)  # None for an id that is not one
    if claim is None:
        raise Http404("No such claim.")
    if not modeladmin.has_view_permission(request, claim):
        raise PermissionDenied
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": Claim._meta,
        "original": claim,
        "title": f"Audit history: {claim}",
        "rows": readable_history(request.user, claim),  # blinded dual grading, for one
        "reviews_now": claim.reviews.order_by("pk"),
    }
    return TemplateResponse(request, "admin/claims/claim/audit_history.html", context)


def _html_list(rows: list[tuple], item_html: str) -> str:
    """The rows as an HTML list, each through item_html (escaped), or "none"."""
    if not rows:
        return "none"
    return format_html("<ul>{}</ul>", format_html_join("", item_html, rows))


class ReviewedRemedyAdmin(RemedyAdmin):
    readonly_fields = [*RemedyAdmin.readonly_fields, "remedy_contraindications"]

    @admin.display(description="contraindications (inherited by every claim)")
    def remedy_contraindications(self, obj):
        rows = [(c.condition, c.get_severity_display().lower(), c.rationale) for c in obj.contraindications.all()]
        return _html_list(rows, "<li><strong>{}</strong> ({}) — {}</li>")


class ReviewedClaimAdmin(ClaimAdmin):
    actions = [start_review_action, export_claim_history_action]
    readonly_fields = [*ClaimAdmin.readonly_fields, "review_status", "claim_contraindications"]
    list_filter = [ReviewStatusFilter, *ClaimAdmin.list_filter]

    @admin.display(description="review")
    def review_status(self, obj):
        review = obj.reviews.filter(state__in=Review.OPEN_STATES).first() or obj.reviews.order_by("-pk").first()
        if review is None:
            return "not reviewed yet"
        url = reverse("admin:reviews_review_change", args=[review.pk])
        return format_html('<a href="{}">Review #{} — {}</a>', url, review.pk, review.get_state_display())

    @admin.display(description="contraindications (own and inherited)")
    def claim_contraindications(self, obj):
        rows = [
            (c.condition, c.get_severity_display().lower(), "remedy-wide" if c.remedy_id else "this claim")
            for c in contraindications_for_claim(obj)
        ]
        return _html_list(rows, "<li><strong>{}</strong> ({}, {})</li>")

    def get_urls(self):
        return [
            path(
                "<path:object_id>/start-review/",
                self.admin_site.admin_view(self.start_review_view),
                name="claims_claim_start_review",
            ),
            *super().get_urls(),
        ]

    def start_review_view(self, request, object_id):
        claim = self.get_object(request, object_id)
        if claim is None:
            raise Http404("No such claim.")
        return start_review_page(self, request, claim)

    def history_view(self, request, object_id, extra_context=None):
        return claim_history_view(self, request, object_id)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "can_start_review": claim is not None
            and permissions.can_start(request.user, claim)
            and not claim.reviews.filter(state__in=Review.OPEN_STATES).exists(),
            "live_publication": claim is not None and live_publication(claim),
        }
        return super().change_view(request, object_id, form_url, extra_context)


admin.site.unregister(Remedy)
admin.site.register(Remedy, ReviewedRemedyAdmin)
admin.site.unregister(Claim)
admin.site.register(Claim, ReviewedClaimAdmin)
