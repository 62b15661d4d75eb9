"""Four-eyes by contribution, and approvals that lapse when what they approved changes.

Every service that changes what a review says — or what its claim, remedy, references or
contraindications read — calls `contribute` (the review is known) or `content_changed` (a shared
row changed: every open review that reads it is affected). Both run inside the service's
transaction, so the record of who took part is written with the change itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from audit.actors import is_system
from audit.models import AuditEvent
from audit.trail import audit_record
from claims.models import Claim
from reviews.models import Review, ReviewContribution

State = Review.State


def contribute(*, review: Review, actor, event_type: str) -> None:
    """Put the actor on the review's list of contributors (once). System actors are not people and
    take no decisions, so they are not listed."""
    if actor is None or is_system(actor):
        return
    ReviewContribution.objects.get_or_create(
        review=review, user=actor, defaults={"first_contribution": event_type, "first_at": timezone.now()}
    )


def contributor_ids(review: Review) -> set[int]:
    return set(ReviewContribution.objects.filter(review=review).values_list("user_id", flat=True))


def lapse(*, review: Review, actor, cause: str) -> Review:
    """An approved review whose content changed goes back to "in review": someone decides again,
    on what the claim reads now. The review must be locked by the caller."""
    before = review.audit_state()
    review.state = State.IN_REVIEW
    review.approved_snapshot, review.approved_hash = None, ""
    review.decided_by, review.decided_at, review.decision_note = None, None, ""
    review.version += 1
    review.full_clean()
    # On the record first: the database refuses a state change its latest event does not record.
    audit_record(
        event_type=AuditEvent.Type.REVIEW_APPROVAL_LAPSED,
        actor=actor,
        review=review,
        before=before,
        after=review.audit_state(),
        reason=cause,
    )
    review.save()
    return review


def content_changed(*, actor, reviews: Q, event_type: str, cause: str, exclude: Iterable[int] = ()) -> list[Review]:
    """Something every open review of the matching claims reads has changed (a remedy-wide
    contraindication, a shared reference, the remedy's risk tier, the claim itself). The actor
    becomes a contributor of each of those reviews, and each approval among them lapses.

    `reviews` selects the affected reviews (e.g. Q(claim__remedy_id=…)); those in `exclude` were
    already handled by the caller. Returns the reviews that lapsed."""
    ids = set(Review.objects.filter(reviews, state__in=Review.OPEN_STATES).values_list("pk", flat=True))
    lapsed = []
    for review in Review.objects.select_for_update().filter(pk__in=ids - set(exclude)).order_by("pk"):
        contribute(review=review, actor=actor, event_type=event_type)
        if review.state == State.APPROVED:
            lapsed.append(lapse(review=review, actor=actor, cause=cause))
    return lapsed


def on_catalogue_changed(sender, *, actor, claims: Q, event_type: str, cause: str, **kwargs) -> None:
    """claims.signals.catalogue_changed: what the matching claims say changed (claims.edits, the
    catalogue loader); every open review of them is affected."""
    content_changed(actor=actor, reviews=Q(claim__in=Claim.objects.filter(claims)), event_type=event_type, cause=cause)
