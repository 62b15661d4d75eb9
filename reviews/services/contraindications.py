"""Contraindications of a claim or of a whole remedy: every open review that reads one is affected."""

from __future__ import annotations

from django.db.models import Q

from audit.models import AuditEvent
from audit.trail import audit_record, service
from core.errors import NotAllowed
from reviews import permissions
from reviews.contributions import content_changed
from reviews.models import Contraindication, Review
from reviews.services.editing import check_own_grading_open, edit_review, touch

Event = AuditEvent.Type


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
            review = edit_review(review, actor, None)
            check_own_grading_open(review)  # a dual-graded review's come from its two gradings
            touch(review, actor, event_type)
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
        before = Contraindication.objects.select_for_update().get(pk=contraindication.pk).audit_state()
    event_type = Event.CONTRAINDICATION_CHANGED if before else Event.CONTRAINDICATION_ADDED
    touched = _contraindication_reviews(
        contraindication, actor, event_type, before, {"claim_id": contraindication.claim_id}
    )
    if not contraindication.pk:
        contraindication.created_by = actor
    contraindication.full_clean()
    contraindication.save()
    after = contraindication.audit_state()
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
    before = contraindication.audit_state()
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
