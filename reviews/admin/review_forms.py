"""The review page's form, the transition form, and the queue's state filter."""

from django import forms
from django.contrib import admin

from reviews.models import Review


class ReviewForm(forms.ModelForm):
    """The review's own fields. Its certainty is not one of them: it is worked out from the
    outcomes (the lowest among the critical ones) and shown read-only."""

    # The version the page was made from: a save from a stale page is refused (Conflict).
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Review
        fields = [
            "recommendation",
            "summary",
            "no_known_contraindication",
            "no_contraindication_reason",
            "assignee",
            "version",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version


class StateFilter(admin.SimpleListFilter):
    """Open reviews by default: the queue is what still needs someone."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", "Open: not yet published or closed (default)"), *Review.State.choices, ("all", "All")]

    def choices(self, changelist):
        value = self.value() or "open"
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or "open"
        if value == "open":
            return queryset.filter(state__in=Review.OPEN_STATES)
        if value == "all":
            return queryset
        return queryset.filter(state=value)


class TransitionForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "cols": 80}), required=False)
