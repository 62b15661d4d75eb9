"""Every write to a review, and the audit event that records it.

Each service runs in one transaction: lock the row, check the state, check the permission
predicate, check readiness, change, validate, save, audit, in that order. The admin, the API and
the management commands call these; none of them re-implements a rule.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from audit.models import AuditEvent
from audit.trail import audit_record, service
from claims.models import Claim, RiskTier
from core.errors import Conflict, InvalidTransition, NotAllowed, NotReady, ReasonRequired  # noqa: F401
from reviews import permissions, workflow
from reviews.contributions import content_changed, contribute
from reviews.models import Contraindication, DomainJudgement, Recommendation, Reference, Review, ReviewReference
from reviews.publishing.snapshots import approval_snapshot, snapshot_hash
from reviews.selectors import contraindications_for_claim

Event = AuditEvent.Type
State = Review.State

GRADING_FIELDS = (
    "certainty",
    "recommendation",
    "summary",
    "no_known_contraindication",
    "no_contraindication_reason",
)
# Saved with the grading from the review page, but assigning is not grading: it makes nobody a
# contributor and is recorded as its own event.
EDIT_FIELDS = (*GRADING_FIELDS, "assignee")


def _locked(review: Review) -> Review:
    return Review.objects.select_for_update().select_related("claim__remedy").get(pk=review.pk)


def _check_version(review: Review, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != review.version:
        raise Conflict(
            f"Review #{review.pk} was changed by {review.last_edited_by or 'someone else'} while you "
            f"edited it (your version {expected_version}, current {review.version}). Nothing was "
            f"saved; reload the review and apply your changes again."
        )


def _edit_review(review: Review, actor, expected_version: int | None) -> Review:
    """Lock a review for an edit of its grading or of what hangs off it."""
    review = _locked(review)
    if review.state not in Review.EDITABLE_STATES:
        raise InvalidTransition(review.state, "edited")
    if not permissions.can_edit(actor, review):
        raise NotAllowed("Only reviewers may edit a review.")
    _check_version(review, expected_version)
    return review


def _touch(review: Review, actor, event_type: str) -> None:
    """An edit of the review's content: a new version, and the actor is a contributor."""
    review.last_edited_by = actor
    review.version += 1
    review.full_clean()
    review.save()
    contribute(review=review, actor=actor, event_type=event_type)


def approval_gaps(review: Review) -> list[str]:
    """What the review still lacks before a second reviewer may approve it."""
    missing = []
    if not review.certainty:
        missing.append("a GRADE certainty")
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


@service
def review_start(*, claim: Claim, actor, assignee=None) -> Review:
    """Open a draft review of a claim. One open review per claim: the database enforces it too."""
    claim = Claim.objects.select_for_update().select_related("remedy").get(pk=claim.pk)
    if not permissions.can_start(actor, claim):
        raise NotAllowed("Only reviewers may start a review.")
    open_review = claim.reviews.filter(state__in=Review.OPEN_STATES).first()
    if open_review is not None:
        raise Conflict(
            f"Claim #{claim.pk} already has an open review (#{open_review.pk}, {open_review.get_state_display()})."
        )
    review = Review(claim=claim, started_by=actor, assignee=assignee or actor)
    review.full_clean()
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError as exc:  # a concurrent start won the race
        raise Conflict(f"Claim #{claim.pk} already has an open review.") from exc
    audit_record(event_type=Event.REVIEW_STARTED, actor=actor, review=review, after=review.snapshot())
    return review


@service
def review_save_grading(*, review: Review, actor, expected_version: int | None, **changes) -> Review:
    """Save the grading of a draft (certainty, recommendation, summary, the explicit "no known
    contraindication") and its assignee. A save made from a stale version is refused. Changing the
    grading makes the actor a contributor; changing only the assignee does not."""
    unknown = set(changes) - set(EDIT_FIELDS)
    if unknown:
        raise ValueError(f"not grading fields: {', '.join(sorted(unknown))}")
    review = _edit_review(review, actor, expected_version)
    before = review.snapshot()
    for field, value in changes.items():
        setattr(review, field, "" if value is None and field != "assignee" else value)
    after = review.snapshot()
    if after == before:
        return review
    if any(before[field] != after[field] for field in GRADING_FIELDS):
        review.graded_by = actor
        _touch(review, actor, Event.REVIEW_GRADED)
        event_type = Event.REVIEW_GRADED
    else:
        review.version += 1
        review.full_clean()
        review.save()
        event_type = Event.REVIEW_ASSIGNED
    audit_record(event_type=event_type, actor=actor, review=review, before=before, after=review.snapshot())
    return review


@service
def judgement_save(
    *, review: Review, actor, domain: str, severity: str, rationale: str, expected_version: int | None = None
) -> DomainJudgement:
    """Record (or change) the judgement of one GRADE domain."""
    review = _edit_review(review, actor, expected_version)
    judgement = DomainJudgement.objects.filter(review=review, domain=domain).first()
    before = {"domain": domain, "severity": judgement.severity, "rationale": judgement.rationale} if judgement else {}
    judgement = judgement or DomainJudgement(review=review, domain=domain)
    judgement.severity, judgement.rationale = severity, rationale
    judgement.full_clean()
    judgement.save()
    review.graded_by = actor
    _touch(review, actor, Event.JUDGEMENT_SAVED)
    audit_record(
        event_type=Event.JUDGEMENT_SAVED,
        actor=actor,
        review=review,
        before=before,
        after={"domain": domain, "severity": severity, "rationale": rationale},
    )
    return judgement


@service
def judgement_remove(*, review: Review, actor, domain: str, expected_version: int | None = None) -> None:
    review = _edit_review(review, actor, expected_version)
    judgement = DomainJudgement.objects.get(review=review, domain=domain)
    before = {"domain": domain, "severity": judgement.severity, "rationale": judgement.rationale}
    judgement.delete()
    _touch(review, actor, Event.JUDGEMENT_REMOVED)
    audit_record(event_type=Event.JUDGEMENT_REMOVED, actor=actor, review=review, before=before)


@service
def reference_save(*, actor, reference: Reference) -> Reference:
    """Add a reference to the shared library, or change one (formats are validated)."""
    if not permissions.is_reviewer(actor):
        raise NotAllowed("Only reviewers may edit the reference library.")
    before = {}
    if reference.pk:
        old = Reference.objects.select_for_update().get(pk=reference.pk)
        before = {f: getattr(old, f) for f in ("title", "kind", "pmid", "doi", "url", "year")}
    reference.full_clean()
    reference.save()
    after = {f: getattr(reference, f) for f in ("title", "kind", "pmid", "doi", "url", "year")}
    audit_record(
        event_type=Event.REFERENCE_SAVED, actor=actor, before=before, after=after | {"reference_id": reference.pk}
    )
    if before and before != after:
        # Every open review citing it (as evidence, or as the source of a contraindication in force)
        # now cites something else than its grader read.
        content_changed(
            actor=actor,
            reviews=Q(review_references__reference_id=reference.pk)
            | Q(claim__contraindications__source_reference_id=reference.pk)
            | Q(claim__remedy__contraindications__source_reference_id=reference.pk),
            event_type=Event.REFERENCE_SAVED,
            cause=f"reference #{reference.pk} ({reference.title}) was changed",
        )
    return reference


@service
def reference_attach(
    *, review: Review, actor, reference: Reference, note: str = "", expected_version: int | None = None
) -> ReviewReference:
    review = _edit_review(review, actor, expected_version)
    link, created = ReviewReference.objects.get_or_create(review=review, reference=reference, defaults={"note": note})
    if not created and link.note != note:
        link.note = note
        link.save()
    _touch(review, actor, Event.REFERENCE_ATTACHED)
    audit_record(
        event_type=Event.REFERENCE_ATTACHED,
        actor=actor,
        review=review,
        after={"reference_id": reference.pk, "reference": str(reference), "note": note},
    )
    return link


@service
def reference_detach(*, review: Review, actor, reference: Reference, expected_version: int | None = None) -> None:
    review = _edit_review(review, actor, expected_version)
    deleted, _ = ReviewReference.objects.filter(review=review, reference=reference).delete()
    if deleted:
        _touch(review, actor, Event.REFERENCE_DETACHED)
        audit_record(
            event_type=Event.REFERENCE_DETACHED,
            actor=actor,
            review=review,
            before={"reference_id": reference.pk, "reference": str(reference)},
        )


def _contraindication_reviews(contraindication: Contraindication, actor, event_type: str, *snapshots) -> list[Review]:
    """Lock and touch the reviews a contraindication belongs to: the open review of each claim it
    is (or was) attached to — which must still be editable, or the change is refused — and the
    review it was attached in, if that one is still being graded. Each gets a new version and the
    actor as a contributor."""
    if not permissions.can_manage_contraindications(actor):
        raise NotAllowed("Only reviewers may manage contraindications.")
    candidates = [_open_review_of(s.get("claim_id")) for s in snapshots]
    if contraindication.review is not None and contraindication.review.state in Review.EDITABLE_STATES:
        candidates.append(contraindication.review)
    touched = {}
    for review in sorted((r for r in candidates if r is not None), key=lambda r: r.pk):
        if review.pk not in touched:
            review = _edit_review(review, actor, None)
            _touch(review, actor, event_type)
            touched[review.pk] = review
    return list(touched.values())


def _contraindication_reach(*snapshots: dict) -> Q:
    """The reviews a contraindication is in force for, before and after a change: moving one from
    claim A to claim B changes what both of them read."""
    reach = Q(pk__in=[])
    for snap in snapshots:
        if snap.get("claim_id"):
            reach |= Q(claim_id=snap["claim_id"])
        if snap.get("remedy_id"):
            reach |= Q(claim__remedy_id=snap["remedy_id"])
    return reach


def _open_review_of(claim_id: int | None) -> Review | None:
    if claim_id is None:
        return None
    return Review.objects.filter(claim_id=claim_id, state__in=Review.OPEN_STATES).first()


@service
def contraindication_save(*, actor, contraindication: Contraindication) -> Contraindication:
    """Add or change a contraindication of a remedy (inherited by all its claims) or of one claim.
    A claim's own contraindication changes only while that claim's review is being graded; every
    other open review it is (or was) in force for gets the actor as a contributor, and an approval
    among them lapses."""
    before = {}
    if contraindication.pk:
        before = Contraindication.objects.select_for_update().get(pk=contraindication.pk).snapshot()
    event_type = Event.CONTRAINDICATION_CHANGED if before else Event.CONTRAINDICATION_ADDED
    touched = _contraindication_reviews(
        contraindication, actor, event_type, before, {"claim_id": contraindication.claim_id}
    )
    if not contraindication.pk:
        contraindication.created_by = actor
    contraindication.full_clean()
    contraindication.save()
    after = contraindication.snapshot()
    audit_record(
        event_type=event_type,
        actor=actor,
        review=touched[0] if touched else None,
        claim=contraindication.claim,
        remedy=contraindication.remedy,
        before=before,
        after=after | {"contraindication_id": contraindication.pk},
    )
    if before != after:
        content_changed(
            actor=actor,
            reviews=_contraindication_reach(before, after),
            event_type=event_type,
            cause=f"contraindication #{contraindication.pk} ({contraindication.condition}) was "
            f"{'changed' if before else 'added'}",
            exclude=[review.pk for review in touched],
        )
    return contraindication


@service
def contraindication_remove(*, actor, contraindication: Contraindication) -> None:
    contraindication = Contraindication.objects.select_for_update().get(pk=contraindication.pk)
    before = contraindication.snapshot()
    touched = _contraindication_reviews(contraindication, actor, Event.CONTRAINDICATION_REMOVED, before)
    claim, remedy, pk = contraindication.claim, contraindication.remedy, contraindication.pk
    contraindication.delete()
    audit_record(
        event_type=Event.CONTRAINDICATION_REMOVED,
        actor=actor,
        review=touched[0] if touched else None,
        claim=claim,
        remedy=remedy,
        before=before | {"contraindication_id": pk},
    )
    content_changed(
        actor=actor,
        reviews=_contraindication_reach(before),
        event_type=Event.CONTRAINDICATION_REMOVED,
        cause=f"contraindication #{pk} ({before['condition']}) was removed",
        exclude=[review.pk for review in touched],
    )


@service
def review_submit(*, review: Review, actor, note: str = "") -> Review:
    """Hand a graded review to a second reviewer. Only a complete review can be submitted."""
    review = _locked(review)
    workflow.require("submit", review.state)
    if not permissions.can_submit(actor, review):
        raise NotAllowed("Only reviewers may submit a review.")
    missing = approval_gaps(review)
    if missing:
        raise NotReady(missing)
    before = review.snapshot()
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
        after=review.snapshot(),
        reason=note,
    )
    review.save()
    return review


def _decide(review: Review, actor, state: str, note: str, event_type: str) -> Review:
    """The second reviewer's decision: the new state, who decided, when and why, on the record."""
    before = review.snapshot()
    review.state = state
    review.decided_by, review.decided_at, review.decision_note = actor, timezone.now(), note
    if state == State.APPROVED:
        # What is approved is frozen here: publishing publishes exactly this snapshot.
        review.approved_snapshot = approval_snapshot(review=review, approved_by=actor, approved_at=review.decided_at)
        review.approved_hash = snapshot_hash(review.approved_snapshot)
    review.version += 1
    review.full_clean()
    after = review.snapshot()
    if state == State.APPROVED:
        after["approved_snapshot"] = review.approved_snapshot  # signed with the event
    # On the record first: the database refuses a state change its latest event does not record.
    audit_record(event_type=event_type, actor=actor, review=review, before=before, after=after, reason=note)
    review.save()
    return review


@service
def review_request_changes(*, review: Review, actor, reason: str) -> Review:
    """The second reviewer sends the review back to its grader, saying why."""
    review = _locked(review)
    workflow.require("request_changes", review.state)
    if not permissions.can_request_changes(actor, review):
        raise NotAllowed(second_reviewer_refusal(actor, review))
    if not reason.strip():
        raise ReasonRequired("Sending a review back")
    return _decide(review, actor, State.CHANGES_REQUESTED, reason, Event.REVIEW_CHANGES_REQUESTED)


@service
def review_approve(*, review: Review, actor, note: str = "") -> Review:
    """Second-reviewer approval. Four-eyes and the high-risk rule are enforced here, so every
    entry point (admin, API, shell) gets the same answer. The approval stores the snapshot it
    approved, with its hash."""
    review = _locked(review)
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
    review = _locked(review)
    workflow.require("reject", review.state)
    if not permissions.can_reject(actor, review):
        raise NotAllowed("Only a senior reviewer who took no part in this review may reject it.")
    if not reason.strip():
        raise ReasonRequired("Rejecting a review")
    return _decide(review, actor, State.REJECTED, reason, Event.REVIEW_REJECTED)


def second_reviewer_refusal(actor, review: Review) -> str:
    if permissions.contributed(actor, review):
        return "Four-eyes: you took part in this review; another reviewer must decide."
    if review.claim.remedy.risk_tier == RiskTier.HIGH:
        return "The remedy is high-risk: only a senior reviewer may decide on this review."
    return "Only reviewers may decide on a review."
