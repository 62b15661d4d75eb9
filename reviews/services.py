"""Every write to a review, and the audit event that records it.

Each service runs in one transaction: lock the row, check the state, check the permission
predicate, check readiness, change, validate, save, audit, in that order. The admin, the API and
the management commands call these; none of them re-implements a rule.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from claims.models import Claim, Remedy, RiskTier
from reviews import permissions
from reviews.audit import audit_record
from reviews.errors import Conflict, InvalidTransition, NotAllowed, NotReady, ReasonRequired
from reviews.models import (
    AuditEvent,
    Contraindication,
    DomainJudgement,
    Recommendation,
    Reference,
    Review,
    ReviewReference,
)
from reviews.selectors import contraindications_for_claim

Event = AuditEvent.Type
State = Review.State

GRADING_FIELDS = (
    "certainty",
    "recommendation",
    "summary",
    "no_known_contraindication",
    "no_contraindication_reason",
    "assignee",
)


def _locked(review: Review) -> Review:
    return Review.objects.select_for_update().select_related("claim__remedy").get(pk=review.pk)


def _require_state(review: Review, target: str, *allowed: str) -> None:
    if review.state not in allowed:
        raise InvalidTransition(review.state, target)


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


def _touch(review: Review, actor) -> None:
    review.last_edited_by = actor
    review.version += 1
    review.full_clean()
    review.save()


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


@transaction.atomic
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


@transaction.atomic
def review_save_grading(*, review: Review, actor, expected_version: int | None, **changes) -> Review:
    """Save the grading of a draft (certainty, recommendation, summary, the explicit "no known
    contraindication" and the assignee). A save made from a stale version is refused."""
    unknown = set(changes) - set(GRADING_FIELDS)
    if unknown:
        raise ValueError(f"not grading fields: {', '.join(sorted(unknown))}")
    review = _edit_review(review, actor, expected_version)
    before = review.snapshot()
    for field, value in changes.items():
        setattr(review, field, "" if value is None and field != "assignee" else value)
    if review.snapshot() == before:
        return review
    review.graded_by = actor
    _touch(review, actor)
    audit_record(event_type=Event.REVIEW_GRADED, actor=actor, review=review, before=before, after=review.snapshot())
    return review


@transaction.atomic
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
    _touch(review, actor)
    audit_record(
        event_type=Event.JUDGEMENT_SAVED,
        actor=actor,
        review=review,
        before=before,
        after={"domain": domain, "severity": severity, "rationale": rationale},
    )
    return judgement


@transaction.atomic
def judgement_remove(*, review: Review, actor, domain: str, expected_version: int | None = None) -> None:
    review = _edit_review(review, actor, expected_version)
    judgement = DomainJudgement.objects.get(review=review, domain=domain)
    before = {"domain": domain, "severity": judgement.severity, "rationale": judgement.rationale}
    judgement.delete()
    _touch(review, actor)
    audit_record(event_type=Event.JUDGEMENT_REMOVED, actor=actor, review=review, before=before)


@transaction.atomic
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
    audit_record(
        event_type=Event.REFERENCE_SAVED,
        actor=actor,
        before=before,
        after={f: getattr(reference, f) for f in ("title", "kind", "pmid", "doi", "url", "year")}
        | {"reference_id": reference.pk},
    )
    return reference


@transaction.atomic
def reference_attach(
    *, review: Review, actor, reference: Reference, note: str = "", expected_version: int | None = None
) -> ReviewReference:
    review = _edit_review(review, actor, expected_version)
    link, created = ReviewReference.objects.get_or_create(review=review, reference=reference, defaults={"note": note})
    if not created and link.note != note:
        link.note = note
        link.save()
    _touch(review, actor)
    audit_record(
        event_type=Event.REFERENCE_ATTACHED,
        actor=actor,
        review=review,
        after={"reference_id": reference.pk, "reference": str(reference), "note": note},
    )
    return link


@transaction.atomic
def reference_detach(*, review: Review, actor, reference: Reference, expected_version: int | None = None) -> None:
    review = _edit_review(review, actor, expected_version)
    deleted, _ = ReviewReference.objects.filter(review=review, reference=reference).delete()
    if deleted:
        _touch(review, actor)
        audit_record(
            event_type=Event.REFERENCE_DETACHED,
            actor=actor,
            review=review,
            before={"reference_id": reference.pk, "reference": str(reference)},
        )


def _contraindication_target(contraindication: Contraindication, actor) -> Review | None:
    """A contraindication attached in a review, or to a claim under review, is part of that review:
    it may change only while the review is editable, and it counts as an edit for four-eyes."""
    if not permissions.can_manage_contraindications(actor):
        raise NotAllowed("Only reviewers may manage contraindications.")
    review = contraindication.review
    if review is None and contraindication.claim_id is not None:
        review = Review.objects.filter(claim_id=contraindication.claim_id, state__in=Review.OPEN_STATES).first()
    if review is None:
        return None
    review = _edit_review(review, actor, None)
    _touch(review, actor)
    return review


@transaction.atomic
def contraindication_save(*, actor, contraindication: Contraindication) -> Contraindication:
    """Add or change a contraindication of a remedy (inherited by all its claims) or of one claim."""
    before = {}
    if contraindication.pk:
        before = Contraindication.objects.select_for_update().get(pk=contraindication.pk).snapshot()
    review = _contraindication_target(contraindication, actor)
    if not contraindication.pk:
        contraindication.created_by = actor
    contraindication.full_clean()
    contraindication.save()
    audit_record(
        event_type=Event.CONTRAINDICATION_CHANGED if before else Event.CONTRAINDICATION_ADDED,
        actor=actor,
        review=review,
        claim=contraindication.claim,
        remedy=contraindication.remedy,
        before=before,
        after=contraindication.snapshot() | {"contraindication_id": contraindication.pk},
    )
    return contraindication


@transaction.atomic
def contraindication_remove(*, actor, contraindication: Contraindication) -> None:
    contraindication = Contraindication.objects.select_for_update().get(pk=contraindication.pk)
    review = _contraindication_target(contraindication, actor)
    before = contraindication.snapshot() | {"contraindication_id": contraindication.pk}
    claim, remedy = contraindication.claim, contraindication.remedy
    contraindication.delete()
    audit_record(
        event_type=Event.CONTRAINDICATION_REMOVED, actor=actor, review=review, claim=claim, remedy=remedy, before=before
    )


@transaction.atomic
def review_submit(*, review: Review, actor, note: str = "") -> Review:
    """Hand a graded review to a second reviewer. Only a complete review can be submitted."""
    review = _locked(review)
    _require_state(review, State.IN_REVIEW, *Review.EDITABLE_STATES)
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
    review.save()
    audit_record(
        event_type=Event.REVIEW_SUBMITTED,
        actor=actor,
        review=review,
        before=before,
        after=review.snapshot(),
        reason=note,
    )
    return review


def _decide(review: Review, actor, state: str, note: str, event_type: str) -> Review:
    """The second reviewer's decision: the new state, who decided, when and why, on the record."""
    before = review.snapshot()
    review.state = state
    review.decided_by, review.decided_at, review.decision_note = actor, timezone.now(), note
    review.version += 1
    review.full_clean()
    review.save()
    audit_record(event_type=event_type, actor=actor, review=review, before=before, after=review.snapshot(), reason=note)
    return review


@transaction.atomic
def review_request_changes(*, review: Review, actor, reason: str) -> Review:
    """The second reviewer sends the review back to its grader, saying why."""
    review = _locked(review)
    _require_state(review, State.CHANGES_REQUESTED, State.IN_REVIEW)
    if not permissions.can_request_changes(actor, review):
        raise NotAllowed(_second_reviewer_refusal(actor, review))
    if not reason.strip():
        raise ReasonRequired("Sending a review back")
    return _decide(review, actor, State.CHANGES_REQUESTED, reason, Event.REVIEW_CHANGES_REQUESTED)


@transaction.atomic
def review_approve(*, review: Review, actor, note: str = "") -> Review:
    """Second-reviewer approval. Four-eyes and the high-risk rule are enforced here, so every
    entry point (admin, API, shell) gets the same answer."""
    review = _locked(review)
    _require_state(review, State.APPROVED, State.IN_REVIEW)
    if not permissions.can_approve(actor, review):
        raise NotAllowed(_second_reviewer_refusal(actor, review))
    missing = approval_gaps(review)
    if missing:
        raise NotReady(missing)
    return _decide(review, actor, State.APPROVED, note, Event.REVIEW_APPROVED)


@transaction.atomic
def review_reject(*, review: Review, actor, reason: str) -> Review:
    """A senior reviewer rejects the review; the claim may be reviewed afresh later."""
    review = _locked(review)
    _require_state(review, State.REJECTED, State.IN_REVIEW, *Review.EDITABLE_STATES)
    if not permissions.can_reject(actor, review):
        raise NotAllowed("Only a senior reviewer who did not grade, submit or last edit this review may reject it.")
    if not reason.strip():
        raise ReasonRequired("Rejecting a review")
    return _decide(review, actor, State.REJECTED, reason, Event.REVIEW_REJECTED)


def _second_reviewer_refusal(actor, review: Review) -> str:
    if permissions.authored(actor, review):
        return "Four-eyes: you graded, submitted or last edited this review; another reviewer must decide."
    if review.claim.remedy.risk_tier == RiskTier.HIGH:
        return "The remedy is high-risk: only a senior reviewer may decide on this review."
    return "Only reviewers may decide on a review."


REMEDY_FIELDS = ("name", "category", "atc_code", "risk_tier", "risk_reason")


@transaction.atomic
def remedy_update(*, remedy: Remedy, actor, **changes) -> Remedy:
    """Change a remedy's classification or risk tier (senior reviewers), on the record."""
    remedy_locked = Remedy.objects.select_for_update().get(pk=remedy.pk)
    if actor is not None and not permissions.can_change_remedy(actor):
        raise NotAllowed("Only senior reviewers may change a remedy's classification or risk tier.")
    before = {f: getattr(remedy_locked, f) for f in REMEDY_FIELDS}
    for field, value in changes.items():
        if field not in REMEDY_FIELDS:
            raise ValueError(f"not a remedy field: {field}")
        setattr(remedy_locked, field, value)
    after = {f: getattr(remedy_locked, f) for f in REMEDY_FIELDS}
    if after == before:
        return remedy_locked
    remedy_locked.full_clean()
    remedy_locked.save()
    audit_record(event_type=Event.REMEDY_CHANGED, actor=actor, remedy=remedy_locked, before=before, after=after)
    return remedy_locked


@transaction.atomic
def remedy_add(*, remedy: Remedy, actor) -> Remedy:
    """Save a new remedy (senior reviewers), on the record."""
    if remedy.pk is not None:
        raise ValueError("remedy_add() saves a new remedy; use remedy_update() to change one")
    if not permissions.can_change_remedy(actor):
        raise NotAllowed("Only senior reviewers may add remedies.")
    remedy.full_clean()
    remedy.save()
    after = {f: getattr(remedy, f) for f in REMEDY_FIELDS}
    audit_record(event_type=Event.REMEDY_ADDED, actor=actor, remedy=remedy, after=after)
    return remedy


@transaction.atomic
def remedy_set_aliases(*, remedy: Remedy, actor, aliases: list[str]) -> Remedy:
    """Replace a remedy's aliases (senior reviewers), on the record. Aliases decide which remedy
    the API's remedy filter finds, so they are audited like the remedy's own fields."""
    from claims.models import RemedyAlias

    remedy_locked = Remedy.objects.select_for_update().get(pk=remedy.pk)
    if not permissions.can_change_remedy(actor):
        raise NotAllowed("Only senior reviewers may change a remedy's aliases.")
    wanted = sorted({alias.strip() for alias in aliases if alias.strip()}, key=str.lower)
    current = {alias.alias: alias for alias in remedy_locked.aliases.all()}
    before = sorted(current, key=str.lower)
    if wanted == before:
        return remedy_locked
    remedy_locked.aliases.exclude(alias__in=wanted).delete()
    for alias in wanted:
        if alias in current:
            continue
        taken = RemedyAlias.objects.filter(alias__iexact=alias).exclude(remedy=remedy_locked).first()
        if taken is not None:
            raise Conflict(f"The alias {alias!r} already belongs to {taken.remedy}.")
        try:
            with transaction.atomic():
                RemedyAlias.objects.create(remedy=remedy_locked, alias=alias)
        except IntegrityError as exc:  # the same alias twice in different case
            raise Conflict(f"The alias {alias!r} is given twice.") from exc
    audit_record(
        event_type=Event.REMEDY_CHANGED,
        actor=actor,
        remedy=remedy_locked,
        before={"aliases": before},
        after={"aliases": wanted},
    )
    return remedy_locked
