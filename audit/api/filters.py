"""One set of audit filters for the API list, the exports and the management command."""

import django_filters
from django.db.models import Q

from audit.models import AuditEvent, AuditEventType
from core.api.filters import IdFilter, UtcDateTimeFilter
from core.numbers import row_id


class AuditEventFilter(django_filters.FilterSet):
    since = UtcDateTimeFilter(
        field_name="occurred_at", lookup_expr="gte", help_text="Events at or after this time (ISO 8601)."
    )
    until = UtcDateTimeFilter(
        field_name="occurred_at", lookup_expr="lt", help_text="Events before this time (ISO 8601)."
    )
    claim = IdFilter(field_name="claim_id")
    remedy = IdFilter(method="filter_remedy", help_text="Events about the remedy or its claims.")
    review = IdFilter(field_name="review_id")
    actor = django_filters.CharFilter(method="filter_actor", help_text="Username (or numeric user id).")
    event_type = django_filters.MultipleChoiceFilter(choices=AuditEventType.choices)

    class Meta:
        model = AuditEvent
        fields = []

    @property
    def narrows(self) -> bool:
        """Whether any filter was given (after is_valid()): an export of it holds only some events."""
        return any(value not in (None, "", [], ()) for value in self.form.cleaned_data.values())

    def filter_remedy(self, queryset, name, value):
        return queryset.filter(Q(remedy_id=value) | Q(claim__remedy_id=value))

    def filter_actor(self, queryset, name, value):
        # A number past any id is a (missing) username.
        if (actor_id := row_id(value)) is not None:
            return queryset.filter(actor_id=actor_id)
        return queryset.filter(actor_username=value)
