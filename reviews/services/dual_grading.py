"""Blinded dual grading: which reviews are graded twice, and each grader's independent grading —
started, changed, its contraindications, submitted (and then frozen). The outcomes of a grading
are reviews.services.outcomes' (outcome_add(grading=...)); when the second grading is submitted,
reviews.services.disagreements lists where the two differ."""

from __future__ import annotations

from django.utils import timezone

from audit.models import AuditEvent
from audit.trail import audit_record, service
from core.errors import Conflict, InvalidTransition, NotAllowed, NotReady
from reviews import grade, permissions
from reviews.models import Grading, GradingContraindication, Importance, Review
from reviews.services.disagreements import list_disagreements
from reviews.services.editing import edit_review, locked, touch

Event = AuditEvent.Type
GRADING_FIELDS = ("recommendation", "summary")
CONTRAINDICATION_FIELDS = ("kind", "severity", "rationale", "source_kind", "source_reference")


def grading_state(grading: Grading) -> dict:
    """The grading as its events record it; `grading` names it, so that blinding can hide it."""
    return {"grading": grading.pk, **grading.audit_state()}


@service
def dual_grading_require(*, review: Review, actor, note: str = "") -> Review:
    """A senior reviewer has a draft (or a review sent back for changes) graded by two reviewers
    independently, whatever its risk tier (the tiers of DUAL_GRADING_TIERS are from the start, and
    a review whose remedy became high-risk since is sent back for this). Once required, it stays
    required."""
    review = locked(review)
    if review.state not in Review.EDITABLE_STATES:
        raise InvalidTransition(review.state, "dual-graded")
    if not permissions.can_require_dual_grading(actor, review):
        raise NotAllowed("Only a senior reviewer may require dual grading.")
    if review.dual_grading:
        return review
    before = review.audit_state()
    review.dual_grading = True
    review.version += 1
    review.full_clean()
    review.save()
    audit_record(
        event_type=Event.REVIEW_DUAL_GRADING_REQUIRED,
        actor=actor,
        review=review,
        before=before,
        after=review.audit_state(),
        reason=note,
    )
    return review


@service
def grading_start(*, review: Review, actor) -> Grading:
    """A reviewer starts their independent grading of a dual-graded review: at most two, one each."""
    review = locked(review)
    if review.state not in Review.EDITABLE_STATES:
        raise InvalidTransition(review.state, "graded independently")
    if not review.dual_grading:
        raise NotAllowed(f"Review #{review.pk} is graded once, not by two reviewers independently.")
    if not permissions.can_grade(actor, review):
        raise NotAllowed("Only reviewers may grade a review.")
    gradings = list(Grading.objects.filter(review=review))
    own = next((g for g in gradings if g.grader_id == actor.pk), None)
    if own is not None:
        raise Conflict(f"You already grade review #{review.pk} (grading #{own.pk}).")
    if len(gradings) >= 2:
        raise Conflict(f"Review #{review.pk} already has its two independent gradings.")
    grading = Grading(review=review, grader=actor)
    grading.full_clean()
    grading.save()
    touch(review, actor, Event.GRADING_STARTED)
    audit_record(event_type=Event.GRADING_STARTED, actor=actor, review=review, after=grading_state(grading))
    return grading


def _open(grading: Grading, actor) -> tuple[Review, Grading]:
    """The grading's review locked for an edit, then the grading: only its grader changes it, and
    only until it is submitted."""
    review = edit_review(Review(pk=grading.review_id), actor, None)
    grading = Grading.objects.select_for_update().get(pk=grading.pk)
    if grading.grader_id != actor.pk:
        raise NotAllowed("Only its grader may change an independent grading.")
    if grading.is_submitted:
        raise NotAllowed("This independent grading was submitted; it can no longer be changed.")
    return review, grading


@service
def grading_update(*, grading: Grading, actor, **changes) -> Grading:
    """The grader's recommendation and summary."""
    unknown = set(changes) - set(GRADING_FIELDS)
    if unknown:
        raise ValueError(f"not grading fields: {', '.join(sorted(unknown))}")
    review, grading = _open(grading, actor)
    before = grading_state(grading)
    for field, value in changes.items():
        setattr(grading, field, value or "")
    grading.full_clean()
    after = grading_state(grading)
    if after == before:
        return grading
    grading.save()
    touch(review, actor, Event.GRADING_CHANGED)
    audit_record(event_type=Event.GRADING_CHANGED, actor=actor, review=review, before=before, after=after)
    return grading


def _contraindications(grading: Grading) -> list[dict]:
    return [c.audit_state() for c in grading.contraindications.order_by("condition", "id")]


@service
def grading_contraindication_save(*, grading: Grading, actor, condition: str, **fields) -> GradingContraindication:
    """Add a contraindication to the grading, or change the one of that condition (case aside)."""
    unknown = set(fields) - set(CONTRAINDICATION_FIELDS)
    if unknown:
        raise ValueError(f"not contraindication fields: {', '.join(sorted(unknown))}")
    review, grading = _open(grading, actor)
    condition = (condition or "").strip()
    item = grading.contraindications.filter(condition__iexact=condition).first() if condition else None
    before = {"grading": grading.pk, "contraindications": _contraindications(grading)}
    item = item or GradingContraindication(grading=grading)
    item.condition = condition
    for field, value in fields.items():
        setattr(item, field, value if field == "source_reference" else (value or ""))
    item.full_clean()
    item.save()
    after = {"grading": grading.pk, "contraindications": _contraindications(grading)}
    if after != before:
        touch(review, actor, Event.GRADING_CHANGED)
        audit_record(event_type=Event.GRADING_CHANGED, actor=actor, review=review, before=before, after=after)
    return item


@service
def grading_contraindication_remove(*, contraindication: GradingContraindication, actor) -> None:
    review, grading = _open(Grading.objects.get(pk=contraindication.grading_id), actor)
    before = {"grading": grading.pk, "contraindications": _contraindications(grading)}
    GradingContraindication.objects.filter(pk=contraindication.pk, grading=grading).delete()
    after = {"grading": grading.pk, "contraindications": _contraindications(grading)}
    if after == before:  # removed meanwhile
        return
    touch(review, actor, Event.GRADING_CHANGED)
    audit_record(event_type=Event.GRADING_CHANGED, actor=actor, review=review, before=before, after=after)


def submission_gaps(grading: Grading) -> list[str]:
    """What a grading lacks before it may be submitted."""
    missing = []
    pairs = list(grading.outcomes.values_list("importance", "certainty"))
    if not any(importance == Importance.CRITICAL for importance, _ in pairs):
        missing.append("at least one critical outcome")
    elif grade.overall(pairs) is None:
        missing.append("a certainty for every critical outcome (give a design, or override with a reason)")
    if not grading.recommendation:
        missing.append("a recommendation")
    return missing


@service
def grading_submit(*, grading: Grading, actor) -> Grading:
    """The grader hands in their independent grading, which is frozen from then on. When both are
    in, every disagreement between them is listed (and if there is none, the gradings agree and
    their grading becomes the review's at once)."""
    review, grading = _open(grading, actor)
    missing = submission_gaps(grading)
    if missing:
        raise NotReady(missing)
    before = grading_state(grading)
    grading.submitted_at = timezone.now()
    grading.full_clean()
    grading.save()
    after = grading_state(grading)
    after["outcomes"] = [
        {"name": name, "importance": importance, "certainty": certainty}
        for name, importance, certainty in grading.outcomes.order_by("position", "id").values_list(
            "name", "importance", "certainty"
        )
    ]
    after["contraindications"] = _contraindications(grading)
    touch(review, actor, Event.GRADING_SUBMITTED)
    audit_record(event_type=Event.GRADING_SUBMITTED, actor=actor, review=review, before=before, after=after)
    gradings = list(Grading.objects.filter(review=review).order_by("created_at", "id"))
    if len(gradings) == 2 and all(g.is_submitted for g in gradings):
        list_disagreements(review=review, actor=actor, first=gradings[0], second=gradings[1])
    return grading
