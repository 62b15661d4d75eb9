"""A claim's history as people read it: each event in words, with the version of its review it
made, and every version step accounted for (reviews.history.steps). What a reader may see is
audit.visibility's, as everywhere else; the auditors' API serves the same events with their codes."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.models import AuditEvent
from audit.visibility import visible_events
from claims.models import Claim
from reviews.models import Review
from reviews.selectors import claim_history

from .steps import Gap, gaps, versions
from .words import Lookups, changes, describe

__all__ = ["HistoryRow", "readable_history"]


@dataclass
class HistoryRow:
    event: AuditEvent | None = None
    gap: Gap | None = None
    what: str = ""
    version: int | None = None
    changes: list[tuple[str, str, str]] = field(default_factory=list)


def readable_history(user, claim: Claim) -> list[HistoryRow]:
    """The claim's events the user may see, oldest first, in words, with a row for each run of
    versions made by events not shown."""
    every = list(claim_history(claim).only("pk", "seq", "review_id", "event_type", "before", "after"))
    shown = list(visible_events(user, claim_history(claim)).select_related("actor"))
    made = versions(every)
    shown_pks = {event.pk for event in shown}
    hidden = {(e.review_id, made[e.pk]) for e in every if e.pk not in shown_pks and e.pk in made}
    now = dict(Review.objects.filter(claim=claim).values_list("pk", "version"))
    lookups = Lookups.for_events(shown)
    rows = []
    for gap, event in gaps(shown, made, hidden, now):
        if gap is not None:
            rows.append(HistoryRow(gap=gap))
        if event is not None:
            rows.append(
                HistoryRow(
                    event=event,
                    what=describe(event, lookups),
                    version=made.get(event.pk),
                    changes=changes(event, lookups),
                )
            )
    return rows
