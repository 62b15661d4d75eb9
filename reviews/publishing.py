"""Publishing approved reviews to the content API, and withdrawing them.

Same shape as reviews.services: lock, check state, check the predicate, write, audit, in one
transaction. A publication is never edited; a new approved review publishes the next version.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from reviews import permissions
from reviews.audit import audit_record
from reviews.errors import Conflict, InvalidTransition, NotAllowed, ReasonRequired
from reviews.models import (
    AuditEvent,
    Publication,
    PublicationChange,
    PublicationCondition,
    PublicationSource,
    Review,
)
from reviews.snapshots import publication_snapshot, search_text

State = Review.State


@transaction.atomic
def review_publish(*, review: Review, actor, note: str = "") -> Publication:
    """Publish an approved review as the claim's next numbered version (senior reviewers; never
    one who graded, submitted or last edited it). The previous version stops being current."""
    review = (
        Review.objects.select_for_update(of=("self",)).select_related("claim__remedy", "decided_by").get(pk=review.pk)
    )
    if review.state != State.APPROVED:
        raise InvalidTransition(review.state, State.PUBLISHED)
    if not permissions.can_publish(actor, review):
        raise NotAllowed("Only a senior reviewer who did not grade, submit or last edit this review may publish it.")
    previous = Publication.objects.select_for_update().filter(claim_id=review.claim_id).order_by("-version").first()
    version = previous.version + 1 if previous else 1
    was_live = previous is not None and previous.is_current
    if was_live:
        Publication.objects.filter(pk=previous.pk).update(is_current=False)
    now = timezone.now()
    snapshot = publication_snapshot(
        review=review, version=version, published_by=actor, published_at=now, change_note=note
    )
    remedy = review.claim.remedy
    publication = Publication.objects.create(
        claim=review.claim,
        review=review,
        version=version,
        snapshot=snapshot,
        remedy=remedy,
        category=remedy.category,
        kind=review.claim.kind,
        population=review.claim.population or "",
        risk_tier=remedy.risk_tier,
        certainty=review.certainty,
        recommendation=review.recommendation,
        search_text=search_text(snapshot),
        change_note=note,
        published_by=actor,
        published_at=now,
    )
    PublicationCondition.objects.bulk_create(
        PublicationCondition(publication=publication, condition=c["condition"].lower())
        for c in snapshot["contraindications"]
    )
    PublicationSource.objects.bulk_create(
        PublicationSource(publication=publication, source_id=source_id)
        for source_id in set(review.claim.appearances.values_list("source_id", flat=True))
    )
    PublicationChange.objects.create(
        claim=review.claim,
        publication=publication,
        version=version,
        occurred_at=now,
        reason=note,
        kind=PublicationChange.Kind.REPUBLISHED if previous else PublicationChange.Kind.PUBLISHED,
    )
    before = review.snapshot()
    review.state = State.PUBLISHED
    review.version += 1
    review.save()
    audit_record(
        event_type=AuditEvent.Type.REVIEW_PUBLISHED,
        actor=actor,
        review=review,
        before=before,
        after=review.snapshot() | {"publication_version": version},
        reason=note,
    )
    return publication


@transaction.atomic
def review_withdraw(*, review: Review, actor, reason: str) -> Publication:
    """Take a published claim out of the content API at once (senior reviewers, with a reason).
    The withdrawal appears in the changes feed; the snapshot itself stays on record."""
    review = Review.objects.select_for_update().select_related("claim__remedy").get(pk=review.pk)
    if review.state != State.PUBLISHED:
        raise InvalidTransition(review.state, State.WITHDRAWN)
    if not permissions.can_withdraw(actor, review):
        raise NotAllowed("Only a senior reviewer may withdraw a published claim.")
    if not reason.strip():
        raise ReasonRequired("Withdrawing a claim")
    publication = Publication.objects.select_for_update().get(review=review)
    if not publication.is_current:
        raise Conflict(
            f"Version {publication.version} of this claim was superseded by a later publication; "
            f"withdraw the current version instead."
        )
    now = timezone.now()
    Publication.objects.filter(pk=publication.pk).update(is_current=False, withdrawn_at=now)
    PublicationChange.objects.create(
        claim=review.claim,
        publication=publication,
        version=publication.version,
        kind=PublicationChange.Kind.WITHDRAWN,
        occurred_at=now,
        reason=reason,
    )
    before = review.snapshot()
    review.state = State.WITHDRAWN
    review.decided_by, review.decided_at, review.decision_note = actor, now, reason
    review.version += 1
    review.save()
    audit_record(
        event_type=AuditEvent.Type.REVIEW_WITHDRAWN,
        actor=actor,
        review=review,
        before=before,
        after=review.snapshot() | {"publication_version": publication.version},
        reason=reason,
    )
    publication.refresh_from_db()
    return publication
