"""The review workflow as one table.

Services guard their state changes with it, the admin draws its buttons and forms from it, and the
database trigger that refuses any other state change (reviews/db_rules.py) is generated from it.
Nothing else lists which state may follow which.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from audit.models import AuditEventType as E
from core.errors import InvalidTransition
from reviews import permissions
from reviews.models import Review
from reviews.models import ReviewState as S


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    # Who may take it: a predicate over (user, review). None: the system takes it, never a person
    # pressing a button (an approval lapses when what it approved changes).
    allowed: Callable | None
    # The audit event that records it. It is written before the state changes, and the database
    # refuses a state change that the review's latest audit event does not record.
    event: str
    reason_required: bool = False
    # The second reviewer's decisions: nobody who contributed to the review may take them.
    decision: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            name="submit",
            label="Submit for approval",
            sources=frozenset({S.DRAFT, S.CHANGES_REQUESTED}),
            target=S.IN_REVIEW,
            allowed=permissions.can_submit,
            event=E.REVIEW_SUBMITTED,
        ),
        Transition(
            name="approve",
            label="Approve",
            sources=frozenset({S.IN_REVIEW}),
            target=S.APPROVED,
            allowed=permissions.can_approve,
            event=E.REVIEW_APPROVED,
            decision=True,
        ),
        Transition(
            name="request_changes",
            label="Send back for changes",
            sources=frozenset({S.IN_REVIEW}),
            target=S.CHANGES_REQUESTED,
            allowed=permissions.can_request_changes,
            event=E.REVIEW_CHANGES_REQUESTED,
            reason_required=True,
            decision=True,
        ),
        Transition(
            name="reject",
            label="Reject",
            sources=frozenset({S.DRAFT, S.CHANGES_REQUESTED, S.IN_REVIEW}),
            target=S.REJECTED,
            allowed=permissions.can_reject,
            event=E.REVIEW_REJECTED,
            reason_required=True,
            decision=True,
        ),
        Transition(
            name="publish",
            label="Publish",
            sources=frozenset({S.APPROVED}),
            target=S.PUBLISHED,
            allowed=permissions.can_publish,
            event=E.REVIEW_PUBLISHED,
        ),
        Transition(
            name="withdraw",
            label="Withdraw from the API",
            sources=frozenset({S.PUBLISHED}),
            target=S.WITHDRAWN,
            allowed=permissions.can_withdraw,
            event=E.REVIEW_WITHDRAWN,
            reason_required=True,
        ),
        Transition(
            name="lapse",
            label="Approval lapsed",
            sources=frozenset({S.APPROVED}),
            target=S.IN_REVIEW,
            allowed=None,
            event=E.REVIEW_APPROVAL_LAPSED,
        ),
    )
}

# A review is created in this state, and in no other.
INITIAL_STATE = S.DRAFT
# States a review's grading may be edited in, and states in which a claim's review is still open
# (at most one per claim: a partial unique constraint holds it).
EDITABLE_STATES = frozenset(Review.EDITABLE_STATES)
OPEN_STATES = frozenset(Review.OPEN_STATES)
DECISION_STATES = frozenset(t.target for t in TRANSITIONS.values() if t.decision)


def require(name: str, state: str) -> Transition:
    """The transition, if it may leave from this state; InvalidTransition otherwise."""
    transition = TRANSITIONS[name]
    if state not in transition.sources:
        raise InvalidTransition(state, transition.target)
    return transition


def edges() -> list[tuple[str, str, str]]:
    """Every allowed (from, to) pair of states with the audit event that records it, for the
    database trigger."""
    return sorted({(source, t.target, t.event) for t in TRANSITIONS.values() for source in t.sources})


def available(user, review) -> list[Transition]:
    """The transitions this user may take on this review now: the admin's buttons."""
    return [
        t
        for t in TRANSITIONS.values()
        if t.allowed is not None and review.state in t.sources and t.allowed(user, review)
    ]


def refusal(user, review, transition: Transition) -> str:
    """Why this user may not take this transition on this review now, in words; "" when they may."""
    if review.state not in transition.sources:
        return f"Not possible while the review is {review.get_state_display().lower()}."
    if transition.allowed is None:
        return "Taken by the system, never by a person."
    if transition.allowed(user, review):
        return ""
    return permissions.refusal(user, review, transition.name)


def offered(user, review) -> list[tuple[Transition, str]]:
    """The review page's buttons: each transition a person takes from the review's state, with why
    this user may not take it ("" when they may)."""
    return [
        (t, refusal(user, review, t))
        for t in TRANSITIONS.values()
        if t.allowed is not None and review.state in t.sources
    ]
