"""Every version of a review, explained: which event made each one.

A review's version goes up by one with every write to it (reviews.services.editing.touch and the
transitions), and each of those writes records an event. Events of the review itself (review.*)
record the version before and after; the others (outcomes, judgements, references, independent
gradings, contraindications) record what they changed, and are counted here, over every event of
the claim. The page then shows, between two events it shows, how many versions were made by
events the reader may not see (another grader's grading, blinded until both are submitted) or by
a write whose event is not there — never a silent jump."""

from __future__ import annotations

from dataclasses import dataclass

from audit.models import AuditEvent, AuditEventType

Event = AuditEventType

# Events of a review that do not make a new version of it: the list of disagreements is recorded
# in the transaction of the second grading's submission, which made the version.
NO_NEW_VERSION = {Event.DISAGREEMENTS_LISTED}


@dataclass(frozen=True)
class Gap:
    """Versions first..last of a review, made by writes whose events are not on the page."""

    review_id: int
    first: int
    last: int
    blinded: bool  # events hidden from this reader made (some of) them

    @property
    def steps(self) -> int:
        return self.last - self.first + 1


def versions(events: list[AuditEvent]) -> dict[int, int]:
    """Event pk -> the version of its review it made, for every event (all of the claim's, in
    order) that made one."""
    current: dict[int, int] = {}
    made = {}
    for event in events:
        if event.review_id is None or event.event_type in NO_NEW_VERSION:
            continue
        before, after = event.before or {}, event.after or {}
        known = current.get(event.review_id)
        if after.get("version") is not None:
            version = after["version"]
        elif known is not None:
            version = known + 1
        else:
            continue
        # A recorded "before" later than the count: writes with no event made the versions between;
        # gaps() finds them.
        if before.get("version") is not None and known is not None and before["version"] > known:
            version = max(version, before["version"] + 1)
        current[event.review_id] = made[event.pk] = version
    return made


def gaps(shown: list[AuditEvent], made: dict[int, int], hidden: set[tuple[int, int]], now: dict[int, int]):
    """Walk the events shown, in order: yields (gap or None, event) pairs, and finally
    (gap, None) for each review whose current version is later than the last one shown.
    `hidden` holds (review id, version) for each version made by an event this reader may not see;
    `now` each review's version now."""
    last: dict[int, int] = {}
    for event in shown:
        version = made.get(event.pk)
        gap = None
        if version is not None:
            previous = last.get(event.review_id, 0)
            if version > previous + 1:
                gap = _gap(event.review_id, previous + 1, version - 1, hidden)
            last[event.review_id] = version
        yield gap, event
    for review_id, version in sorted(now.items()):
        previous = last.get(review_id)
        if previous is not None and version > previous:
            yield _gap(review_id, previous + 1, version, hidden), None


def _gap(review_id: int, first: int, last: int, hidden: set[tuple[int, int]]) -> Gap:
    blinded = any((review_id, v) in hidden for v in range(first, last + 1))
    return Gap(review_id, first, last, blinded=blinded)
