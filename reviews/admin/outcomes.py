"""An outcome's page, reached from its review's page (it is not on the admin's index): what the
outcome says, its GRADE domains as a grid, its certainty worked out or overridden with a reason,
and the references cited for it.

Every write is a service of reviews.services.outcomes, each given the review's version the page
was made from, so a page made stale by someone else's edit is refused (Conflict) and nothing of
the save stays. Who may do what is the review's: reviews.permissions.can_edit decides.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse

from core.admin_bases import ServiceErrorsAsMessages
from core.errors import Conflict
from core.numbers import row_id
from reviews import permissions, services
from reviews.models import Outcome, OutcomeReference, Reference, Review

from .formsets import NamedDuplicatesFormSet
from .outcome_display import OutcomeDisplay, review_url
from .outcome_forms import OutcomeForm


class RefusalsAsMessages(ServiceErrorsAsMessages):
    """Also the services' ValidationError (bad input the form did not catch) as a message: the
    save is rolled back, never a server error."""

    def _refusal_as_message(self, request, view, *args, redirect_to=None):
        try:
            return super()._refusal_as_message(request, view, *args, redirect_to=redirect_to)
        except ValidationError as exc:
            self.message_user(request, f"Nothing was changed: {' '.join(exc.messages)}", messages.ERROR)
            return HttpResponseRedirect(redirect_to or request.get_full_path())


class Writes:
    """The service calls of one save of a page, each with the review's version the page was made
    from, then with the version the previous call left (the first call checks the page's)."""

    def __init__(self, *, review_id: int, version: int | None, actor):
        self.review_id, self.version, self.actor = review_id, version, actor

    def __call__(self, service, **kwargs):
        result = service(actor=self.actor, expected_version=self.version, **kwargs)
        self.version = Review.objects.values_list("version", flat=True).get(pk=self.review_id)
        return result


def page_version(request, review_id: int) -> Writes:
    try:
        version = int(request.POST["version"])
    except (KeyError, ValueError):
        raise Conflict("The page did not say which version of the review it was made from; reload it.") from None
    return Writes(review_id=review_id, version=version, actor=request.user)


class OutcomeReferenceInline(admin.TabularInline):
    model = OutcomeReference
    formset = NamedDuplicatesFormSet  # a reference cited twice is named
    extra = 0
    fields = ["reference", "note"]
    autocomplete_fields = ["reference"]
    verbose_name = "reference cited for this outcome"
    verbose_name_plural = "references cited for this outcome"

    def _outcome_admin(self):
        return self.admin_site.get_model_admin(Outcome)

    def has_view_permission(self, request, obj=None):
        return self._outcome_admin().has_view_permission(request, obj)

    def _editable(self, request, obj):
        parent = self._outcome_admin()
        return parent.has_change_permission(request, obj) if obj else parent.has_add_permission(request)

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj)


@admin.register(Outcome)
class OutcomeAdmin(OutcomeDisplay, RefusalsAsMessages, admin.ModelAdmin):
    form = OutcomeForm
    inlines = [OutcomeReferenceInline]
    readonly_fields = ["review_link", "worked_out_certainty", "certainty_in_force", "override_shown"]

    def get_fieldsets(self, request, obj=None):
        editable = self._editable(request, obj)
        certainty = ["worked_out_certainty", "certainty_in_force"]
        certainty += ["override_certainty", "override_rationale"] if editable else ["override_shown"]
        return [
            (
                None,
                {
                    "fields": ["review_link", "name", ("direction", "importance"), "position"]
                    + (["version"] if editable else [])
                },
            ),
            ("Body of evidence", {"fields": ["design", ("studies", "participants")]}),
            (
                "Effect",
                {
                    "fields": [
                        ("relative_measure", "relative_effect", "relative_ci_low", "relative_ci_high"),
                        ("absolute_effect", "absolute_ci_low", "absolute_ci_high", "absolute_unit"),
                        "effect_text",
                    ]
                },
            ),
            ("Certainty (GRADE)", {"fields": certainty}),
        ]

    def get_queryset(self, request):
        # The review's own grading; an independent grading's outcomes are not reached from here.
        return Outcome.objects.filter(grading__isnull=True).select_related("review__claim__remedy")

    # -- permissions: the review's ----------------------------------------------------------

    def review_for_add(self, request) -> Review | None:
        if not hasattr(request, "_outcome_review"):
            review_id = request.GET.get("review", "")
            request._outcome_review = (
                Review.objects.select_related("claim__remedy").filter(pk=row_id(review_id)).first()
                if row_id(review_id)
                else None
            )
        return request._outcome_review

    def has_module_permission(self, request):
        return False  # not on the index: an outcome is reached through its review

    def has_view_permission(self, request, obj=None):
        review_admin = self.admin_site.get_model_admin(Review)
        return review_admin.has_view_permission(request, obj.review if obj else None)

    def has_add_permission(self, request):
        review = self.review_for_add(request)
        return review is not None and permissions.can_edit(request.user, review)

    def has_change_permission(self, request, obj=None):
        return obj is not None and permissions.can_edit(request.user, obj.review)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def _editable(self, request, obj) -> bool:
        return self.has_change_permission(request, obj) if obj else self.has_add_permission(request)

    # -- display ------------------------------------------------------------------------------

    # -- pages --------------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if obj is None:
            form = type(form.__name__, (form,), {"for_review": self.review_for_add(request)})
        return form

    def _context(self, request, obj, extra_context):
        review = obj.review if obj else self.review_for_add(request)
        return {
            **(extra_context or {}),
            "review": review,
            "grid_editable": self._editable(request, obj),
            "show_save_and_add_another": False,
            "claim_history_url": reverse("admin:claims_claim_history", args=[review.claim_id]),
        }

    def add_view(self, request, form_url="", extra_context=None):
        if self.review_for_add(request) is None:
            self.message_user(request, "An outcome is added from its review's page.", messages.ERROR)
            return HttpResponseRedirect(reverse("admin:reviews_review_changelist"))
        return super().add_view(request, form_url, self._context(request, None, extra_context))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("No such outcome.")
        return super().change_view(request, object_id, form_url, self._context(request, obj, extra_context))

    def changelist_view(self, request, extra_context=None):
        return HttpResponseRedirect(reverse("admin:reviews_review_changelist"))  # listed on each review

    def delete_view(self, request, object_id, extra_context=None):
        # As ServiceErrorsAsMessages does, but a refusal goes back to the review, not to a list.
        obj = self.get_object(request, object_id)
        context = {**(extra_context or {}), "review": obj.review if obj else None}
        view = admin.ModelAdmin.delete_view.__get__(self)
        return self._refusal_as_message(
            request, view, object_id, context, redirect_to=review_url(obj.review_id) if obj else None
        )

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("No such outcome.")
        return HttpResponseRedirect(reverse("admin:claims_claim_history", args=[obj.review.claim_id]))

    # -- saving through the services ----------------------------------------------------------

    def save_model(self, request, obj, form, change):
        writes = request._outcome_writes = Writes(
            review_id=obj.review_id, version=form.cleaned_data["version"], actor=request.user
        )
        fields = form.outcome_changes()
        if not change:
            # An independent grading's outcome (dual grading's admin sets obj.grading) goes to it.
            outcome = writes(services.outcome_add, review=obj.review, grading=obj.grading, **fields)
        elif fields:
            outcome = writes(services.outcome_update, outcome=obj, **fields)
        else:
            outcome = obj
        for domain, severity, rationale in form.judgement_changes():
            if severity:
                writes(services.judgement_save, outcome=outcome, domain=domain, severity=severity, rationale=rationale)
            else:
                writes(services.judgement_remove, outcome=outcome, domain=domain)
        override = form.override_change()
        if override is not None:
            certainty, reason = override
            writes(services.outcome_override, outcome=outcome, certainty=certainty, reason=reason)
        saved = Outcome.objects.get(pk=outcome.pk)  # the page's message names what was saved
        for f in Outcome._meta.concrete_fields:
            setattr(obj, f.attname, getattr(saved, f.attname))

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change)

    def save_formset(self, request, form, formset, change):
        writes, outcome = request._outcome_writes, form.instance
        deleted = set(formset.deleted_forms)
        for item in formset.forms:
            initial = item.initial.get("reference") if item in formset.initial_forms else None
            old = Reference.objects.get(pk=initial) if initial else None
            if item in deleted:
                if old is not None:
                    writes(services.outcome_reference_detach, outcome=outcome, reference=old)
                continue
            if not item.has_changed():
                continue
            new, note = item.cleaned_data["reference"], item.cleaned_data.get("note", "")
            if old is not None and old.pk != new.pk:
                writes(services.outcome_reference_detach, outcome=outcome, reference=old)
            writes(services.outcome_reference_attach, outcome=outcome, reference=new, note=note)

    def delete_model(self, request, obj):
        request._outcome_review_id = obj.review_id
        page_version(request, obj.review_id)(services.outcome_remove, outcome=obj)

    def response_post_save_add(self, request, obj):
        return HttpResponseRedirect(review_url(obj.review_id))

    def response_post_save_change(self, request, obj):
        return HttpResponseRedirect(review_url(obj.review_id))

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(request, f"The outcome “{obj_display}” was removed.", messages.SUCCESS)
        return HttpResponseRedirect(review_url(request._outcome_review_id))

    def construct_change_message(self, request, form, formsets, add=False):
        return []  # for Django's LogEntry, which is not kept (below); the formsets are not saved by Django

    def log_addition(self, request, obj, message):
        pass  # the audit trail, not Django's LogEntry, is the record

    def log_change(self, request, obj, message):
        pass

    def log_deletions(self, request, queryset):
        pass

    def log_deletion(self, request, obj, object_repr):
        pass
