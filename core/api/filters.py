"""Filters every API shares: ids a key column can hold, UTC times, strict ordering, and filter sets
built only for the filters a request names."""

from datetime import UTC

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

BIGINT_MAX = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number a key column can hold, or a 400 naming the parameter. (A plain
    NumberFilter takes any decimal, and one past the column's range fails in the database.)"""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", BIGINT_MAX)
        super().__init__(*args, **kwargs)


class UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 time that also exists in UTC, where the database compares it: the first hours
    of year 1 at +12:00 or the last of year 9999 at -12:00 do not, and SQLite would fail on them."""

    def to_python(self, value):
        value = super().to_python(value)
        if value is not None:
            try:
                value.astimezone(UTC)
            except OverflowError:
                raise forms.ValidationError("Out of range once converted to UTC.", code="invalid") from None
        return value


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class RequestScopedFilterSet(django_filters.FilterSet):
    """Copies, validates and applies only the filters the request names.

    django-filter deep-copies every declared filter and builds a new form class for each request.
    With a dozen filters, of which a request uses one or two, that cost several times the page's
    query. The form class for each set of requested filters is built once per process, so its
    fields are shared by every request: a filter whose choices depend on the request (a
    ModelChoiceFilter with a callable queryset) does not belong in such a filterset.
    """

    _form_classes: dict

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._form_classes = {}

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if data is not None and prefix is None:
            # An instance attribute: the parent's __init__ deep-copies only these.
            self.base_filters = {name: f for name, f in type(self).base_filters.items() if name in data}
        super().__init__(data, queryset, request=request, prefix=prefix)

    def get_form_class(self):
        names = tuple(self.filters)
        form_class = self._form_classes.get(names)
        if form_class is None:
            # The form copies its fields on every instantiation, so the class can be shared.
            form_class = self._form_classes.setdefault(names, super().get_form_class())
        return form_class


class StrictOrderingFilter(OrderingFilter):
    """An unknown ordering is a 400 naming the parameter, not a silent fallback."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            valid = {f for field in view.ordering_fields for f in (field, f"-{field}")}
            wrong = [term.strip() for term in params.split(",") if term.strip() not in valid]
            if wrong:
                raise ValidationError(
                    {
                        self.ordering_param: [
                            f"Unknown ordering {', '.join(wrong)}; use one of {', '.join(sorted(valid))}."
                        ]
                    }
                )
        return super().get_ordering(request, queryset, view)


class RequestedFilterBackend(DjangoFilterBackend):
    """Builds the filterset only when the request names one of its filters: building it (a form,
    deep copies of every filter) cost more than an unfiltered page's query."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and request.query_params.keys().isdisjoint(filterset_class.base_filters):
            return queryset
        return super().filter_queryset(request, queryset, view)
