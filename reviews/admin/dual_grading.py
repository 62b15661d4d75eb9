"""Blinded dual grading in the admin: a grader's own grading page (recommendation, summary, the
outcomes — edited on their own pages, reviews.admin.grading_outcomes — the contraindications, and
the submit button), started from the review's page; a senior's "require dual grading" of a draft.
The side-by-side disagreements are reviews.admin.disagreements.

Every page lists and opens only the gradings its reader may see (reviews.dual_grading.selectors:
until both are submitted, a grader sees only their own). Every write is a service; a refusal is a
message, never a server error.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from reviews import grade, permissions
from reviews.dual_grading.selectors import both_submitted, hidden_gradings
from reviews.models import Grading, GradingContraindication, Review
from reviews.services import dual_grading as services
from reviews.services.dual_grading import CONTRAINDICATION_FIELDS, submission_gaps

from .disagreements import disagreements_view, run_service


class GradingContraindicationForm(forms.ModelForm):
    class Meta:
        model = GradingContraindication
        fields = ["condition", *CONTRAINDICATION_FIELDS]
        widgets = {"rationale": forms.Textarea(attrs={"rows": 2, "cols": 60})}


def grading_url(grading_id: int) -> str:
    return reverse("admin:reviews_grading_change", args=[grading_id])


def review_url(review_id: int) -> str:
    return reverse("admin:reviews_review_change", args=[review_id])


def may_edit(user, grading: Grading) -> bool:
    """The grader, until they submit it, while the review is still being graded."""
    return grading.grader_id == user.pk and not grading.is_submitted and permissions.can_edit(user, grading.review)


@admin.register(Grading)
class GradingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "review_link", "grader", "status", "certainty_shown", "recommendation"]
    list_select_related = ["review__claim", "grader"]
    list_filter = ["submitted_at"]
    fields = ["review_link", "grader", "status", "certainty_shown", "recommendation", "summary"]
    readonly_fields = ["review_link", "grader", "status", "certainty_shown"]
    change_form_template = "admin/reviews/grading/change_form.html"

    def get_queryset(self, request):
        # Blinding: never a grading the reader may not see, in the list or on a page.
        visible = Grading.objects.exclude(pk__in=hidden_gradings(request.user))
        return visible.select_related("review__claim__remedy", "grader")

    def has_add_permission(self, request):
        return False  # started from the review's page

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return obj is not None and may_edit(request.user, obj)

    # -- display ------------------------------------------------------------------------------

    @admin.display(description="review")
    def review_link(self, obj):
        return format_html('<a href="{}">Review #{}</a> of “{}”', review_url(obj.review_id), obj.review_id,
                           obj.review.claim.statement)  # fmt: skip

    @admin.display(description="status")
    def status(self, obj):
        if obj.is_submitted:
            return f"submitted {obj.submitted_at:%Y-%m-%d %H:%M} UTC (frozen)"
        return "in progress"

    @admin.display(description="overall certainty")
    def certainty_shown(self, obj):
        if not obj.certainty:
            return "— (the lowest certainty among the critical outcomes, once they have one)"
        return format_html('<span class="outcome-symbols">{}</span> {}', grade.symbols(obj.certainty),
                           obj.get_certainty_display())  # fmt: skip

    # -- pages --------------------------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("start/<int:review_id>/", view(self.start_view), name="reviews_grading_start"),
            path("require/<int:review_id>/", view(self.require_view), name="reviews_grading_require"),
            path("<int:grading_id>/submit/", view(self.submit_view), name="reviews_grading_submit"),
            path(
                "<int:grading_id>/contraindications/",
                view(self.contraindication_view),
                name="reviews_grading_contraindication",
            ),
            path(
                "<int:grading_id>/contraindications/<int:item_id>/remove/",
                view(self.contraindication_remove_view),
                name="reviews_grading_contraindication_remove",
            ),
            path(
                "disagreements/<int:review_id>/",
                view(lambda request, review_id: disagreements_view(self, request, review_id)),
                name="reviews_grading_disagreements",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        grading = self.get_object(request, object_id)
        if grading is None:
            raise Http404("No such grading, or not one you may see.")
        editable = may_edit(request.user, grading)
        outcomes = grading.outcomes.order_by("position", "id").prefetch_related("judgements", "outcome_references")
        context = {
            **(extra_context or {}),
            "grading": grading,
            "editable": editable,
            "outcomes": outcomes,
            "outcome_add_url": reverse("admin:reviews_gradingoutcome_add") + f"?grading={grading.pk}",
            "contraindications": grading.contraindications.select_related("source_reference"),
            "contraindication_form": GradingContraindicationForm(prefix="contraindication") if editable else None,
            "submission_gaps": submission_gaps(grading) if editable else [],
            "disagreements_url": (
                reverse("admin:reviews_grading_disagreements", args=[grading.review_id])
                if both_submitted(grading.review)
                else ""
            ),
        }
        return super().change_view(request, object_id, form_url, context)

    def save_model(self, request, obj, form, change):
        services.grading_update(
            grading=obj,
            actor=request.user,
            recommendation=form.cleaned_data["recommendation"],
            summary=form.cleaned_data["summary"],
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except ServiceError as exc:
            messages.error(request, f"Nothing was changed: {exc}")
            return HttpResponseRedirect(request.get_full_path())

    def log_change(self, request, obj, message):
        pass  # the audit trail, not Django's LogEntry, is the record

    # -- the services behind the buttons ------------------------------------------------------

    def _own(self, request, grading_id: int) -> Grading:
        grading = self.get_queryset(request).filter(pk=grading_id, grader_id=request.user.pk).first()
        if grading is None:
            raise PermissionDenied
        return grading

    @staticmethod
    def _review(review_id: int) -> Review:
        return get_object_or_404(Review.objects.select_related("claim__remedy"), pk=review_id)

    @method_decorator(require_POST)
    def start_view(self, request, review_id):
        review = self._review(review_id)
        started = []
        run_service(
            request,
            "Start your independent grading",
            lambda: started.append(services.grading_start(review=review, actor=request.user)),
        )
        return HttpResponseRedirect(grading_url(started[0].pk) if started else review_url(review.pk))

    @method_decorator(require_POST)
    def require_view(self, request, review_id):
        review = self._review(review_id)
        note = request.POST.get("note", "")
        run_service(
            request,
            "Require dual grading",
            lambda: services.dual_grading_require(review=review, actor=request.user, note=note),
        )
        return HttpResponseRedirect(review_url(review.pk))

    @method_decorator(require_POST)
    def submit_view(self, request, grading_id):
        grading = self._own(request, grading_id)
        submitted = run_service(
            request, "Submit your grading", lambda: services.grading_submit(grading=grading, actor=request.user)
        )
        if submitted and both_submitted(grading.review):
            return HttpResponseRedirect(reverse("admin:reviews_grading_disagreements", args=[grading.review_id]))
        return HttpResponseRedirect(grading_url(grading.pk))

    @method_decorator(require_POST)
    def contraindication_view(self, request, grading_id):
        grading = self._own(request, grading_id)
        form = GradingContraindicationForm(request.POST, prefix="contraindication")
        if not form.is_valid():
            errors = "; ".join(f"{field}: {' '.join(e)}" for field, e in form.errors.items())
            messages.error(request, f"Contraindication: refused. {errors}")
        else:
            data = form.cleaned_data
            run_service(
                request,
                f"Contraindication “{data['condition']}”",
                lambda: services.grading_contraindication_save(grading=grading, actor=request.user, **data),
            )
        return HttpResponseRedirect(grading_url(grading.pk) + "#contraindications")

    @method_decorator(require_POST)
    def contraindication_remove_view(self, request, grading_id, item_id):
        grading = self._own(request, grading_id)
        item = get_object_or_404(GradingContraindication, pk=item_id, grading=grading)
        run_service(
            request,
            f"Remove “{item.condition}”",
            lambda: services.grading_contraindication_remove(contraindication=item, actor=request.user),
        )
        return HttpResponseRedirect(grading_url(grading.pk) + "#contraindications")
