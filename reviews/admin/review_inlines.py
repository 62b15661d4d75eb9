"""The review page's inlines: references, and the contraindications attached in the review.
Editable exactly when the review is; ReviewAdmin.save_formset saves them through the services.
The GRADE judgements belong to the outcomes, on their own pages (reviews/admin/outcomes.py)."""

from django import forms
from django.contrib import admin

from reviews import permissions
from reviews.dual_grading.selectors import own_grading_closed
from reviews.models import Contraindication, ReviewReference

from .formsets import LabelledCellsFormSet


class EditableWithReview:
    """Inlines are editable exactly when the review is (its state, the user's role), and, for a
    dual-graded review, its own grading is open (reviews.services.editing.check_own_grading_open)."""

    def _editable(self, request, obj):
        return obj is None or (permissions.can_edit(request.user, obj) and not own_grading_closed(obj))

    def has_add_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(request, obj) and super().has_delete_permission(request, obj)


class ReviewReferenceInline(EditableWithReview, admin.TabularInline):
    model = ReviewReference
    formset = LabelledCellsFormSet  # a reference cited twice is named; each cell's field named
    extra = 0
    fields = ["reference", "note"]
    autocomplete_fields = ["reference"]
    verbose_name = "reference"


class ContraindicationInlineForm(forms.ModelForm):
    SCOPES = [("claim", "This claim only"), ("remedy", "Every claim of this remedy")]
    scope = forms.ChoiceField(choices=SCOPES, initial="claim")

    class Meta:
        model = Contraindication
        fields = [
            "scope",
            "kind",
            "condition",
            "severity",
            "rationale",
            "source_kind",
            "source_reference",
            "source_date",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["scope"].initial = "remedy" if self.instance.remedy_id else "claim"

    def _post_clean(self):
        # Claim or remedy is set from the scope when the review saves it (ReviewAdmin.save_formset).
        review = self.instance.review
        if review is not None and self.cleaned_data.get("scope"):
            on_remedy = self.cleaned_data["scope"] == "remedy"
            self.instance.remedy = review.claim.remedy if on_remedy else None
            self.instance.claim = None if on_remedy else review.claim
        super()._post_clean()


class ContraindicationInline(EditableWithReview, admin.StackedInline):
    model = Contraindication
    form = ContraindicationInlineForm
    fk_name = "review"
    extra = 0
    autocomplete_fields = ["source_reference"]
    verbose_name = "contraindication attached in this review"
    verbose_name_plural = "contraindications attached in this review"

    @admin.display(description="scope")
    def scope(self, obj):
        # "scope" is a form-only field: a read-only inline (a review no longer editable) shows it
        # from here, not as "None".
        return dict(ContraindicationInlineForm.SCOPES)["remedy" if obj.remedy_id else "claim"]
