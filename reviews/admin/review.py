"""The reviewers' workbench. Every save and every transition calls a service in reviews.services;
a refusal is shown as an admin message, never as a server error."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from claims.models import RiskTier
from core import roles
from core.admin_bases import ServiceErrorsAsMessages
from core.errors import ReasonRequired, ServiceError
from reviews import permissions, services, workflow
from reviews.dual_grading.selectors import own_grading_closed
from reviews.models import Contraindication, Review, ReviewReference
from reviews.publishing import services as publishing
from reviews.selectors import review_queue
from reviews.sof import review_outcomes, summary_of_findings

from .assignees import AssigneeFilter
from .my_work import MyWorkFilter
from .publications import evidence_profile_link
from .review_display import ReviewDisplay
from .review_forms import ReviewForm, StateFilter, TransitionForm
from .review_inlines import ContraindicationInline, ReviewReferenceInline
from .review_top import top_of_page

# Why a dual-graded review's own grading is read-only on its page (the services refuse it too).
OWN_GRADING_CLOSED = (
    "Graded independently by two reviewers: the review's own grading comes from their gradings once both "
    "are submitted and every disagreement is resolved — see the dual-grading panel."
)

# The service behind each button of the workflow table (reviews.workflow.TRANSITIONS).
TRANSITION_SERVICES = {
    "submit": services.review_submit,
    "approve": services.review_approve,
    "request_changes": services.review_request_changes,
    "reject": services.review_reject,
    "publish": publishing.review_publish,
    "withdraw": publishing.review_withdraw,
}


@admin.register(Review)
class ReviewAdmin(ReviewDisplay, ServiceErrorsAsMessages, admin.ModelAdmin):
    form = ReviewForm
    list_display = [
        "id",
        "claim_statement",
        "remedy",
        "risk_tier",
        "state",
        "certainty",
        "recommendation",
        "assignee",
        "created_at",
    ]
    list_display_links = ["id", "claim_statement"]
    list_filter = [MyWorkFilter, StateFilter, "claim__remedy__risk_tier", "certainty", ("assignee", AssigneeFilter)]
    search_fields = ["claim__statement", "claim__remedy__name", "claim__remedy__aliases__alias"]
    readonly_fields = [
        "claim_link",
        "state",
        "people",
        "publications",
        "appearances",
        "overall_certainty",
        "all_contraindications",
    ]
    inlines = [ReviewReferenceInline, ContraindicationInline]
    fieldsets = [
        (None, {"fields": ["claim_link", "state", "people", "publications"]}),
        ("What the articles say", {"fields": ["appearances"]}),
        ("Evidence (GRADE)", {"fields": ["overall_certainty", "recommendation", "summary", "assignee", "version"]}),
        (
            "Contraindications",
            {"fields": ["all_contraindications", "no_known_contraindication", "no_contraindication_reason"]},
        ),
    ]

    def get_queryset(self, request):
        return review_queue()

    def get_ordering(self, request):
        return ["risk_rank", "created_at"]  # the queue: highest risk first, then oldest

    def has_add_permission(self, request):
        return False  # a review is started from its claim (Claims → "Start review")

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can_edit(request.user, obj))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and own_grading_closed(obj):  # only the assignee stays editable
            fields += [field for field in services.GRADING_FIELDS if field not in fields]
        return fields

    def get_fieldsets(self, request, obj=None):
        if obj is None or not own_grading_closed(obj):
            return self.fieldsets
        return [
            (name, {**options, "description": OWN_GRADING_CLOSED}) if name == "Evidence (GRADE)" else (name, options)
            for name, options in self.fieldsets
        ]

    # -- display ----------------------------------------------------------------------------

    @admin.display(description="claim", ordering="claim__statement")
    def claim_statement(self, obj):
        return obj.claim.statement

    @admin.display(description="remedy", ordering="claim__remedy__name")
    def remedy(self, obj):
        return obj.claim.remedy.name

    @admin.display(description="risk", ordering="risk_rank")
    def risk_tier(self, obj):
        return obj.claim.remedy.get_risk_tier_display()

    # -- saving through the services ----------------------------------------------------------

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":  # only people who can review
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(groups__name__in=[roles.REVIEWER, roles.SENIOR_REVIEWER], is_active=True)
                .distinct()
                .order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        # The review's own fields; its outcomes are saved on their own pages (OutcomeAdmin).
        changes = {field: form.cleaned_data[field] for field in services.EDIT_FIELDS if field in form.cleaned_data}
        services.review_save_grading(
            review=obj, actor=request.user, expected_version=form.cleaned_data["version"], **changes
        )

    def save_formset(self, request, form, formset, change):
        review, actor = form.instance, request.user
        objects = formset.save(commit=False)
        for deleted in formset.deleted_objects:
            if isinstance(deleted, ReviewReference):
                services.reference_detach(review=review, actor=actor, reference=deleted.reference)
            elif isinstance(deleted, Contraindication):
                services.contraindication_remove(actor=actor, contraindication=deleted)
        for item in objects:
            if isinstance(item, ReviewReference):
                services.reference_attach(review=review, actor=actor, reference=item.reference, note=item.note)
            elif isinstance(item, Contraindication):
                item.review = review
                services.contraindication_save(actor=actor, contraindication=item)

    def log_change(self, request, obj, message):
        pass  # the audit trail, not Django's LogEntry, is the record

    # -- transitions --------------------------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<path:object_id>/transition/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="reviews_review_transition",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        # The record is the audit trail, read on the claim's history page (Django's LogEntry
        # history of the review would say it has none).
        review = self.get_object(request, object_id)
        if review is None:
            raise Http404("No such review.")
        return HttpResponseRedirect(reverse("admin:claims_claim_history", args=[review.claim_id]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        review = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if review is not None:
            extra_context["transitions"] = workflow.available(request.user, review)
            extra_context["waiting_for"] = self.waiting_for(request.user, review)
            extra_context["approval_gaps"] = services.approval_gaps(review) if review.is_open else []
            extra_context["claim_history_url"] = reverse("admin:claims_claim_history", args=[review.claim_id])
            current = review.claim.publications.filter(is_current=True, withdrawn_at__isnull=True).first()
            if current is not None:
                extra_context["evidence_profile"] = evidence_profile_link(current, "Evidence profile (printable)")
            extra_context.update(self.outcomes_context(request, review))
            extra_context.update(top_of_page(request.user, review))
        return super().change_view(request, object_id, form_url, extra_context)

    @staticmethod
    def outcomes_context(request, review) -> dict:
        """The outcomes section and the Summary of Findings of the review page."""
        outcomes = list(review_outcomes(review))
        table = summary_of_findings(outcomes)
        return {
            "outcome_rows": list(zip(outcomes, table.rows, strict=True)),
            "sof": table,
            "outcomes_editable": permissions.can_edit(request.user, review) and not own_grading_closed(review),
            "add_outcome_url": reverse("admin:reviews_outcome_add") + f"?review={review.pk}",
        }

    @staticmethod
    def waiting_for(user, review) -> str:
        """Why this user has nothing to press, in words a reviewer understands."""
        if review.state == Review.State.IN_REVIEW and permissions.contributed(user, review):
            return "Waiting for a second reviewer: you took part in this review (four-eyes)."
        if review.state == Review.State.IN_REVIEW and review.claim.remedy.risk_tier == RiskTier.HIGH:
            return "Waiting for a senior reviewer: the remedy is high-risk."
        if review.state == Review.State.APPROVED:
            return "Approved: waiting for a senior reviewer who did not author it to publish it."
        return ""

    def transition_view(self, request, object_id, name):
        review = self.get_object(request, object_id)  # None for an id that is not one
        if review is None:
            raise Http404("No such review.")
        transition = workflow.TRANSITIONS.get(name)
        if name not in TRANSITION_SERVICES or not self.has_view_permission(request, review):
            raise PermissionDenied
        label, service, needs_reason = transition.label, TRANSITION_SERVICES[name], transition.reason_required
        change_url = reverse("admin:reviews_review_change", args=[review.pk])
        why_not = workflow.refusal(request.user, review, transition)
        if why_not:  # refused before its form, with the reason; the service refuses it again anyway
            self.message_user(request, f"{label}: refused. {why_not}", messages.ERROR)
            return HttpResponseRedirect(change_url)
        form = TransitionForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            kwargs = {"reason": reason} if needs_reason else {"note": reason}
            try:
                with transaction.atomic():
                    service(review=review, actor=request.user, **kwargs)
            except ServiceError as exc:
                self.message_user(request, f"{label}: refused. {exc}", messages.ERROR)
                if isinstance(exc, ReasonRequired):
                    return HttpResponseRedirect(request.path)
                return HttpResponseRedirect(change_url)
            self.message_user(request, f"{label}: done.", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": review,
            "title": f"{label}: review #{review.pk}",
            "form": form,
            "label": label,
            "needs_reason": needs_reason,
            "change_url": change_url,
            "approval_gaps": services.approval_gaps(review) if review.is_open else [],
        }
        return TemplateResponse(request, "admin/reviews/review/transition.html", context)
