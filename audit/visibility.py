"""Which audit events a reader may see. Whoever may read the trail reads all of it, except what an
app above narrows: blinded dual grading (reviews) hides another grader's grading from a grader
until both gradings are submitted. This app cannot import the apps above it, so they register here
at startup (their AppConfig.ready); the audit admin, the auditors' API and its exports, and any
other reader of the trail apply `visible_events`."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet

from audit.models import AuditEvent

# Each takes a user and returns the events hidden from them (a QuerySet), or None to hide nothing.
Hider = Callable[[object], "QuerySet[AuditEvent] | None"]
_hiders: list[Hider] = []


def register(hider: Hider) -> None:
    if hider not in _hiders:
        _hiders.append(hider)


def _hidden(user) -> list[QuerySet]:
    return [hidden for hider in _hiders if (hidden := hider(user)) is not None]


def visible_events(user, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
    """The events of `queryset` the user may see."""
    for hidden in _hidden(user):
        queryset = queryset.exclude(pk__in=hidden.values("pk"))
    return queryset


def hides_events(user) -> bool:
    """Whether some events are hidden from the user: an export of theirs then holds only some."""
    return any(hidden.exists() for hidden in _hidden(user))
