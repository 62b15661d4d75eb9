"""The review's way through the workflow (reviews/workflow.py): start, submit, and the second
reviewer's decisions — send back, approve (freezing what is approved), reject."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from audit.trail import audit_record, service
from claims.models import Claim, RiskTier
from core.errors import Conflict, NotAllowed, NotReady, ReasonRequired, no_reason
from reviews import permissions, workflow
from reviews.contributions import contribute
from reviews.dual_grading.selectors import conflict_gate_gaps, dual_grading_required
from reviews.models import Importance, Outcome, Recommendation, Review
from reviews.publishing.snapshots import approval_snapshot, snapshot_hash
from reviews.selectors import contraindications_for_claim
from reviews.services.editing import locked

Event = AuditEvent.Type
State = Review.State


def outcome_gaps(review: Review) -> list[str]:
    """What the review's own grading lacks in outcomes: GRADE rates certainty per outcome and
    the overall certainty rests on the critical ones."""
    outcomes = list(Outcome.objects.filter(review=review, grading__isnull=True).order_by("position", "id"))
    if not outcomes:
        return ["at least one graded outcome"]
    missing = []
    if not any(outcome.importance == Importance.CRITICAL for outcome in outcomes):
        missing.append("at least one critical outcome (the overall certainty rests on the critical outcomes)")
    uncertain = [f"“{outcome.name}”" for outcome in outcomes if not outcome.certainty]
    if uncertain:
        missing.append(
            "a certainty for every outcome (give a design, or override with a reason): " + ", ".join(uncertain)
        )
    return missing


def approval_gaps(review: Review) -> list[str]:
    """What the review still lacks before a second reviewer may approve it (and before it may be
    submitted): for a dual-graded review, first of all the conflict gate."""
    missing = conflict_gate_gaps(review) + outcome_gaps(review)
    if not review.dual_grading and dual_grading_required(review.claim):
        missing.insert(
            0,
            "dual grading, which the remedy's risk tier now requires (send the review back; a senior "
            "reviewer requires dual grading of it)",
        )
    if not review.recommendation:
        missing.append("a recommendation")
    if review.recommendation != Recommendation.INSUFFICIENT and not review.review_references.exists():
        missing.append("at least one reference (unless the recommendation is “insufficient evidence”)")
    if (
        review.claim.remedy.risk_tier == RiskTier.HIGH
        and not review.no_known_contraindication
        and not contraindications_for_claim(review.claim).exists()
    ):
        missing.append(
            "for a high-risk remedy, at least one contraindication or an explicit, reasoned “no known contraindication”"
        )
    return missing


def live_publication(claim: Claim):
    """The claim's published version the content API serves now, if any."""
    return claim.publications.filter(is_current=True, withdrawn_at__isnull=True).first()


@service
def review_start(*, claim: Claim, actor, assignee=None, reason: str = "") -> Review:
    """Open a draft review of a claim. One open review per claim: the database enforces it too.
    Re-reviewing a published claim needs a reason, on the record; its published version stays
    live until the new review is published."""
    claim = Claim.objects.select_for_update().select_related("remedy").get(pk=claim.pk)
    if not permissions.can_start(actor, claim):
        raise NotAllowed("Only reviewers may start a review.")
    open_review = claim.reviews.filter(state__in=Review.OPEN_STATES).first()
    if open_review is not None:
        raise Conflict(
            f"Claim #{claim.pk} already has an open review (#{open_review.pk}, {open_review.get_state_display()})."
        )
    live = live_publication(claim)
    if live is not None and no_reason(reason):
        raise ReasonRequired(f"A new review of claim #{claim.pk}, published as version {live.version},")
    review = Review(
        claim=claim, started_by=actor, assignee=assignee or actor, dual_grading=dual_grading_required(claim)
    )
    review.full_clean()
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError as exc:  # a concurrent start won the race
        raise Conflict(f"Claim #{claim.pk} already has an open review.") from exc
    audit_record(
        event_type=Event.REVIEW_STARTED, actor=actor, review=review, after=review.audit_state(), reason=reason.strip()
    )
    return review


@service
def review_submit(*, review: Review, actor, note: str = "") -> Review:
    """Hand a graded review to a second reviewer. Only a complete review can be submitted."""
    review = locked(review)
    workflow.require("submit", review.state)
    if not permissions.can_submit(actor, review):
        raise NotAllowed("Only reviewers may submit a review.")
    missing = approval_gaps(review)
    if missing:
        raise NotReady(missing)
    before = review.audit_state()
    review.state = State.IN_REVIEW
    review.submitted_by = actor
    review.version += 1
    review.full_clean()
    contribute(review=review, actor=actor, event_type=Event.REVIEW_SUBMITTED)
    # On the record first: the database refuses a state change its latest event does not record.
    audit_record(
        event_type=Event.REVIEW_SUBMITTED,
        actor=actor,
        review=review,
        before=before,
        after=review.audit_state(),
        reason=note,
    )
    review.save()
    return review


def _decide(review: Review, actor, state: str, note: str, event_type: str) -> Review:
    """The second reviewer's decision: the new state, who decided, when and why, on the record."""
    before = review.audit_state()
    review.state = state
    review.decided_by, review.decided_at, review.decision_note = actor, timezone.now(), note
    if state == State.APPROVED:
        # What is approved is frozen here: publishing publishes exactly this snapshot.
        review.approved_snapshot = approval_snapshot(review=review, approved_by=actor, approved_at=review.decided_at)
        review.approved_hash = snapshot_hash(review.approved_snapshot)
    review.version += 1
    review.full_clean()
    after = review.audit_state()
    if state == State.APPROVED:
        after["approved_snapshot"] = review.approved_snapshot  # signed with the event
    # On the record first: the database refuses a state change its latest event does not record.
    audit_record(event_type=event_type, actor=actor, review=review, before=before, after=after, reason=note)
    review.save()
    return review


@service
def review_request_changes(*, review: Review, actor, reason: str) -> Review:
    """The second reviewer sends the review back to its grader, saying why."""
    review = locked(review)
    workflow.require("request_changes", review.state)
    if not permissions.can_request_changes(actor, review):
        raise NotAllowed(second_reviewer_refusal(actor, review))
    if no_reason(reason):
        raise ReasonRequired("Sending a review back")
    return _decide(review, actor, State.CHANGES_REQUESTED, reason, Event.REVIEW_CHANGES_REQUESTED)


@service
def review_approve(*, review: Review, actor, note: str = "") -> Review:
    """Second-reviewer approval. Four-eyes and the high-risk rule are enforced here, so every
    entry point (admin, API, shell) gets the same answer. The approval stores the snapshot it
    approved, with its hash."""
    review = locked(review)
    workflow.require("approve", review.state)
    if not permissions.can_approve(actor, review):
        raise NotAllowed(second_reviewer_refusal(actor, review))
    missing = approval_gaps(review)
    if missing:
        raise NotReady(missing)
    return _decide(review, actor, State.APPROVED, note, Event.REVIEW_APPROVED)


@service
def review_reject(*, review: Review, actor, reason: str) -> Review:
    """A senior reviewer rejects the review; the claim may be reviewed afresh later."""
    review = locked(review)
    workflow.require("reject", review.state)
    if not permissions.can_reject(actor, review):
        raise NotAllowed("Only a senior reviewer who took no part in this review may reject it.")
    if no_reason(reason):
        raise ReasonRequired("Rejecting a review")
    return _decide(review, actor, State.REJECTED, reason, Event.REVIEW_REJECTED)


def second_reviewer_refusal(actor, review: Review) -> str:
    if permissions.contributed(actor, review):
        return "Four-eyes: you took part in this review; another reviewer must decide."
    if review.claim.remedy.risk_tier == RiskTier.HIGH:
        return "The remedy is high-risk: only a senior reviewer may decide on this review."
    return "Only reviewers may decide on a review."
