"""Filters every API shares: ids a key column can hold, UTC times, strict ordering, and filter sets
built only for the filters a request names."""

import functools
from datetime import UTC

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from core.numbers import BIGINT_MAX


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


def with_named_filters_only(filterset_class: type[django_filters.FilterSet], data) -> type[django_filters.FilterSet]:
    """`filterset_class` with only the filters the query `data` names. django-filter deep-copies
    every declared filter and builds a form field of each for every request; with a dozen filters,
    of which a request names one or two, that made a filtered page 15 % slower (p50 9.8 -> 11.3 ms
    in the same bench run) and an unfiltered one 14 % (deep cursor 17 %)."""
    return _narrowed(filterset_class, frozenset(data.keys() & filterset_class.base_filters.keys()))


@functools.cache
def _narrowed(filterset_class, names: frozenset[str]):
    # Once per set of names, which the filterset declares: finitely many classes.
    narrowed = type(filterset_class.__name__, (filterset_class,), {"__module__": filterset_class.__module__})
    narrowed.base_filters = {name: f for name, f in filterset_class.base_filters.items() if name in names}
    narrowed.get_form_class = _form_class_built_once
    return narrowed


def _form_class_built_once(filterset) -> type:
    """The filterset's form class, built once per narrowed filterset class instead of per request.
    A form copies its declared fields on every instantiation, so the class can be shared; a filter
    whose field depends on the request (a ModelChoiceFilter with a callable queryset) does not
    belong in such a filterset. Figure: see bench/README.md ("What each measure buys")."""
    cls = type(filterset)
    if "_form_class" not in cls.__dict__:
        cls._form_class = django_filters.FilterSet.get_form_class(filterset)
    return cls._form_class


class NamedFiltersBackend(DjangoFilterBackend):
    """django-filter's backend, whose filterset holds only the filters the request names."""

    def get_filterset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return None
        kwargs = self.get_filterset_kwargs(request, queryset, view)
        return with_named_filters_only(filterset_class, request.query_params)(**kwargs)
