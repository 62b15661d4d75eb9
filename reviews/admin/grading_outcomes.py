"""The outcome pages of an independent grading: the review's outcome page (reviews.admin.outcomes)
for an outcome of one grader's grading, reached from that grading's page (`?grading=<id>` to add
one). Only its grader writes it, and only until it is submitted (the outcome services say so too);
the others see it when blinding allows (reviews.dual_grading.selectors), never before.

A grader's saves are not checked against the review's version: the other grader's work changes it
all the time, and a refusal would tell one grader when the other works."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse

from core.numbers import row_id
from reviews import services
from reviews.dual_grading.selectors import visible_outcomes
from reviews.models import Grading, GradingOutcome, Review

from .dual_grading import may_edit
from .outcomes import OutcomeAdmin, OutcomeReferenceInline


def grading_url(grading_id: int) -> str:
    return reverse("admin:reviews_grading_change", args=[grading_id]) + "#outcomes"


class GradingOutcomeReferenceInline(OutcomeReferenceInline):
    def _outcome_admin(self):
        return self.admin_site.get_model_admin(GradingOutcome)


@admin.register(GradingOutcome)
class GradingOutcomeAdmin(OutcomeAdmin):
    inlines = [GradingOutcomeReferenceInline]
    change_form_template = "admin/reviews/gradingoutcome/change_form.html"
    delete_confirmation_template = "admin/reviews/gradingoutcome/delete_confirmation.html"

    def get_queryset(self, request):
        outcomes = GradingOutcome.objects.filter(grading__isnull=False).select_related(
            "review__claim__remedy", "grading"
        )
        return visible_outcomes(request.user, outcomes)

    def grading_for_add(self, request) -> Grading | None:
        if not hasattr(request, "_outcome_grading"):
            grading_id = request.GET.get("grading", "")
            request._outcome_grading = (
                Grading.objects.select_related("review__claim__remedy").filter(pk=row_id(grading_id)).first()
                if row_id(grading_id)
                else None
            )
        return request._outcome_grading

    def review_for_add(self, request) -> Review | None:
        grading = self.grading_for_add(request)
        return grading.review if grading else None

    def has_add_permission(self, request):
        grading = self.grading_for_add(request)
        return grading is not None and may_edit(request.user, grading)

    def has_change_permission(self, request, obj=None):
        return obj is not None and may_edit(request.user, obj.grading)

    def _context(self, request, obj, extra_context):
        grading = obj.grading if obj else self.grading_for_add(request)
        return {**super()._context(request, obj, extra_context), "grading": grading}

    def save_model(self, request, obj, form, change):
        if not change:
            obj.grading = self.grading_for_add(request)
        form.cleaned_data["version"] = None  # see the module's docstring
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        request._outcome_grading_id = obj.grading_id
        services.outcome_remove(outcome=obj, actor=request.user)

    def response_post_save_add(self, request, obj):
        return HttpResponseRedirect(grading_url(obj.grading_id))

    def response_post_save_change(self, request, obj):
        return HttpResponseRedirect(grading_url(obj.grading_id))

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(request, f"The outcome “{obj_display}” was removed.", messages.SUCCESS)
        return HttpResponseRedirect(grading_url(request._outcome_grading_id))

    def add_view(self, request, form_url="", extra_context=None):
        if self.grading_for_add(request) is None:
            self.message_user(request, "An outcome of a grading is added from the grading's page.", messages.ERROR)
            return HttpResponseRedirect(reverse("admin:reviews_grading_changelist"))
        return super().add_view(request, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        return HttpResponseRedirect(reverse("admin:reviews_grading_changelist"))
