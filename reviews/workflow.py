"""The review workflow as one table.

Services guard their state changes with it, the admin draws its buttons and forms from it, and the
database trigger that refuses any other state change (reviews/db_rules.py) is generated from it.
Nothing else lists which state may follow which.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reviews import permissions
from reviews.errors import InvalidTransition
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
    reason_required: bool = False
    # The second reviewer's decisions: nobody who contributed to the review may take them.
    decision: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "submit",
            "Submit for approval",
            frozenset({S.DRAFT, S.CHANGES_REQUESTED}),
            S.IN_REVIEW,
            permissions.can_submit,
        ),
        Transition("approve", "Approve", frozenset({S.IN_REVIEW}), S.APPROVED, permissions.can_approve, decision=True),
        Transition(
            "request_changes",
            "Send back for changes",
            frozenset({S.IN_REVIEW}),
            S.CHANGES_REQUESTED,
            permissions.can_request_changes,
            reason_required=True,
            decision=True,
        ),
        Transition(
            "reject",
            "Reject",
            frozenset({S.DRAFT, S.CHANGES_REQUESTED, S.IN_REVIEW}),
            S.REJECTED,
            permissions.can_reject,
            reason_required=True,
            decision=True,
        ),
        Transition("publish", "Publish", frozenset({S.APPROVED}), S.PUBLISHED, permissions.can_publish),
        Transition(
            "withdraw",
            "Withdraw from the API",
            frozenset({S.PUBLISHED}),
            S.WITHDRAWN,
            permissions.can_withdraw,
            reason_required=True,
        ),
        Transition("lapse", "Approval lapsed", frozenset({S.APPROVED}), S.IN_REVIEW, None),
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


def edges() -> list[tuple[str, str]]:
    """Every allowed (from, to) pair of states, for the database trigger."""
    return sorted({(source, t.target) for t in TRANSITIONS.values() for source in t.sources})


def available(user, review) -> list[Transition]:
    """The transitions this user may take on this review now: the admin's buttons."""
    return [
        t
        for t in TRANSITIONS.values()
        if t.allowed is not None and review.state in t.sources and t.allowed(user, review)
    ]
