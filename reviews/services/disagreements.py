"""The disagreements between the two independent gradings of a review: listed when the second is
submitted, then resolved one by one, each with a reason — by the two graders agreeing (one
proposes a value, the other confirms it: agreement takes both) or by a third reviewer adjudicating
(a senior reviewer for a high-risk remedy). When the last one is resolved, the resolved grading
becomes the review's (reviews.services.grading_apply). Until then the conflict gate keeps the
review from being submitted or approved."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from audit.trail import audit_record, service
from claims.models import RiskTier
from core.errors import Conflict, InvalidTransition, NotAllowed, ReasonRequired, no_reason
from reviews import permissions
from reviews.dual_grading.compare import compare, grading_data, options
from reviews.models import Disagreement, Grading, Resolution, Review
from reviews.services.editing import locked, touch
from reviews.services.grading_apply import grading_apply

Event = AuditEvent.Type


def list_disagreements(*, review: Review, actor, first: Grading, second: Grading) -> list[Disagreement]:
    """Store every point the two submitted gradings differ on, and put the list on the record. With
    none, the gradings agree: their grading becomes the review's at once. Runs in the transaction
    of the second submission."""
    points = compare(grading_data(first), grading_data(second))
    items = [
        Disagreement(
            review=review,
            item=p.item,
            label=p.label,
            first=first,
            second=second,
            first_value=p.first_value,
            second_value=p.second_value,
        )
        for p in points
    ]
    for item in items:
        item.full_clean()
        item.save()
    audit_record(
        event_type=Event.DISAGREEMENTS_LISTED,
        actor=actor,
        review=review,
        after={
            "gradings": [first.pk, second.pk],
            "count": len(items),
            "items": [
                {"item": d.item, "label": d.label, "first_value": d.first_value, "second_value": d.second_value}
                for d in items
            ],
        },
    )
    if not items:
        grading_apply(review=review, actor=actor)
    return items


def _open(disagreement: Disagreement, actor, value, reason: str, step: str) -> tuple[Review, Disagreement, str, str]:
    """The review locked (it must still be in grading's states), the disagreement locked and still
    open, the value one of the point's and the reason given."""
    review = locked(Review(pk=disagreement.review_id))
    if review.state not in Review.EDITABLE_STATES:
        raise InvalidTransition(review.state, "resolved")
    disagreement = Disagreement.objects.select_for_update().select_related("first", "second").get(pk=disagreement.pk)
    if disagreement.is_resolved:
        raise Conflict(
            f"This disagreement ({disagreement.label}) was already resolved: "
            f"{disagreement.get_resolution_display().lower()}."
        )
    value = "" if value is None else str(value)
    allowed = options(disagreement.item)
    if value not in dict(allowed):
        listed = ", ".join(f"“{label}”" for _, label in allowed)
        raise ValidationError({"value": f"“{value}” is not a value of this point; one of {listed}."})
    reason = (reason or "").strip()
    if no_reason(reason):
        raise ReasonRequired(step)
    return review, disagreement, value, reason


def _graders(disagreement: Disagreement) -> tuple[int, int]:
    return disagreement.first.grader_id, disagreement.second.grader_id


@service
def disagreement_propose(*, disagreement: Disagreement, actor, value, reason: str) -> Disagreement:
    """One grader proposes how to resolve a disagreement; it stands resolved once the other grader
    confirms the same value (disagreement_resolve). A new proposal replaces the standing one."""
    review, disagreement, value, reason = _open(disagreement, actor, value, reason, "Proposing a resolution")
    if actor.pk not in _graders(disagreement):
        raise NotAllowed("Only the two graders propose a resolution; a third reviewer adjudicates instead.")
    before = disagreement.audit_state()
    disagreement.proposed_value, disagreement.proposed_by = value, actor
    disagreement.proposal_reason, disagreement.proposed_at = reason, timezone.now()
    disagreement.full_clean()
    disagreement.save()
    touch(review, actor, Event.DISAGREEMENT_PROPOSED)
    audit_record(
        event_type=Event.DISAGREEMENT_PROPOSED,
        actor=actor,
        review=review,
        before=before,
        after=disagreement.audit_state(),
        reason=reason,
    )
    return disagreement


@service
def disagreement_resolve(*, disagreement: Disagreement, actor, value, reason: str) -> Disagreement:
    """Resolve a disagreement: a grader confirming the value the other grader proposed (agreed), or
    a third reviewer deciding it (adjudicated; a senior reviewer for a high-risk remedy). The last
    one resolved makes the resolved grading the review's."""
    review, disagreement, value, reason = _open(disagreement, actor, value, reason, "Resolving a disagreement")
    if actor.pk in _graders(disagreement):
        if disagreement.proposed_by_id in (None, actor.pk):
            raise NotAllowed(
                "Agreement takes both graders: propose a value, and the other grader confirms it "
                "(or a third reviewer adjudicates)."
            )
        if value != disagreement.proposed_value:
            raise ValidationError(
                {"value": "To agree, confirm the value the other grader proposed; or propose another one."}
            )
        resolution = Resolution.AGREED
    elif permissions.can_adjudicate(actor, review):
        resolution = Resolution.ADJUDICATED
    else:
        raise NotAllowed(
            "Only a senior reviewer who is not one of its graders may adjudicate a high-risk review."
            if review.claim.remedy.risk_tier == RiskTier.HIGH
            else "Only a reviewer who is not one of its graders may adjudicate."
        )
    before = disagreement.audit_state()
    disagreement.resolution, disagreement.resolved_value = resolution, value
    disagreement.resolved_by, disagreement.resolved_at = actor, timezone.now()
    disagreement.resolution_reason = reason
    disagreement.full_clean()
    disagreement.save()
    touch(review, actor, Event.DISAGREEMENT_RESOLVED)
    audit_record(
        event_type=Event.DISAGREEMENT_RESOLVED,
        actor=actor,
        review=review,
        before=before,
        after=disagreement.audit_state(),
        reason=reason,
    )
    if not Disagreement.objects.filter(review=review, resolution="").exists():
        grading_apply(review=review, actor=actor)
    return disagreement
