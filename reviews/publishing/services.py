"""Publishing approved reviews to the content API, and withdrawing them.

Same shape as reviews.services: lock, check state, check the predicate, write, audit, in one
transaction. A publication is never edited; a new approved review publishes the next version.
"""

from __future__ import annotations

from django.utils import timezone

from audit.keys import UnknownChainKey
from audit.models import AuditEvent
from audit.rows import event_row
from audit.trail import audit_record, compute_hash, service
from claims.models import RiskTier, Source
from core.errors import Conflict, NotAllowed, ReasonRequired, no_reason
from core.roles import is_senior
from reviews import permissions, workflow
from reviews.models import (
    Publication,
    PublicationChange,
    PublicationCondition,
    PublicationRemedyName,
    PublicationSource,
    Review,
)
from reviews.publishing.snapshots import (
    approval_snapshot,
    publication_snapshot,
    remedy_names,
    search_text,
    snapshot_hash,
    source_file_names,
)
from reviews.services import approval_gaps

State = Review.State


def signed(event: AuditEvent) -> bool:
    """Whether the event carries the chain key's MAC: written by the service, not by someone who
    holds only the database."""
    try:
        return compute_hash(event_row(event)) == event.hash
    except UnknownChainKey:
        return False


# Fields of the approval snapshot that approvals from before them lack (reviews 0023: conditions).
SNAPSHOT_FIELDS_ADDED_LATER = ("condition",)


def approval_problems(review: Review) -> list[str]:
    """Why the approval on record no longer holds, judged at publication: the snapshot it froze
    must be the one its hash names and the one the approval event recorded, and the claim must
    still read exactly like it — with the risk tier in force now and the high-risk rule."""
    problems = []
    frozen = review.approved_snapshot
    if not frozen or not review.approved_hash or snapshot_hash(frozen) != review.approved_hash:
        return ["the approved snapshot is missing or does not match its hash"]
    if review.decided_by is None or review.decided_at is None:
        return ["no approver is on record"]
    approval = (  # the standing one: no lapse after it
        AuditEvent.objects.filter(
            review_id=review.pk,
            event_type__in=[AuditEvent.Type.REVIEW_APPROVED, AuditEvent.Type.REVIEW_APPROVAL_LAPSED],
        )
        .order_by("-seq")
        .first()
    )
    if (
        approval is None
        or approval.event_type != AuditEvent.Type.REVIEW_APPROVED
        or approval.actor_id != review.decided_by_id
        or approval.after.get("approved_hash") != review.approved_hash
        or approval.after.get("approved_snapshot") != frozen
        or not signed(approval)
    ):
        problems.append("no approval on the audit trail records this snapshot and approver")
    now = approval_snapshot(review=review, approved_by=review.decided_by, approved_at=review.decided_at)
    # A snapshot approved before claims carried a condition has none to compare: the claim's
    # condition can only have changed since through claim_update, which lapses the approval.
    later = {key for key in SNAPSHOT_FIELDS_ADDED_LATER if key not in frozen}
    changed = sorted(key for key in (frozen.keys() | now.keys()) - later if frozen.get(key) != now.get(key))
    if changed:
        problems.append(f"changed since approval: {', '.join(changed)}")
    if review.claim.remedy.risk_tier == RiskTier.HIGH and not is_senior(review.decided_by):
        problems.append("the remedy is high-risk now and the approver is not a senior reviewer")
    problems += approval_gaps(review)
    return problems


@service
def review_publish(*, review: Review, actor, note: str = "") -> Publication:
    """Publish exactly the snapshot the approval froze, as the claim's next numbered version
    (senior reviewers who took no part in the review). Refused if the approval no longer holds.
    The previous version stops being current."""
    review = (
        Review.objects.select_for_update(of=("self",)).select_related("claim__remedy", "decided_by").get(pk=review.pk)
    )
    workflow.require("publish", review.state)
    if not permissions.can_publish(actor, review):
        raise NotAllowed("Only a senior reviewer who took no part in this review may publish it.")
    problems = approval_problems(review)
    if problems:
        raise Conflict(
            f"The approval no longer holds ({'; '.join(problems)}). Send the review back or approve it again."
        )
    previous = Publication.objects.select_for_update().filter(claim_id=review.claim_id).order_by("-version").first()
    version = previous.version + 1 if previous else 1
    # On the record first: the database accepts the publication, and the review's new state,
    # only when the review's latest audit event is this publication by this publisher.
    before = review.audit_state()
    review.state = State.PUBLISHED
    review.version += 1
    audit_record(
        event_type=AuditEvent.Type.REVIEW_PUBLISHED,
        actor=actor,
        review=review,
        before=before,
        after=review.audit_state() | {"publication_version": version},
        reason=note,
    )
    if previous is not None and previous.is_current:
        Publication.objects.filter(pk=previous.pk).update(is_current=False)
    now = timezone.now()
    snapshot = publication_snapshot(
        review=review, version=version, published_by=actor, published_at=now, change_note=note
    )
    # An approval from before claims carried a condition: the claim's, which it had then.
    about = snapshot.get("condition") or {"name": review.claim.condition.name, "slug": review.claim.condition.slug}
    publication = Publication.objects.create(
        claim=review.claim,
        review=review,
        version=version,
        snapshot=snapshot,
        approved_hash=review.approved_hash,
        remedy_id=snapshot["remedy"]["id"],
        remedy_name=snapshot["remedy"]["name"],
        condition_name=about["name"],
        condition_slug=about["slug"],
        category=snapshot["remedy"]["category"],
        kind=snapshot["kind"],
        population=snapshot["population"] or "",
        risk_tier=snapshot["remedy"]["risk_tier"],
        certainty=snapshot["evidence"]["certainty"],
        recommendation=snapshot["recommendation"],
        search_text=search_text(snapshot),
        change_note=note,
        published_by=actor,
        published_at=now,
    )
    PublicationCondition.objects.bulk_create(
        PublicationCondition(publication=publication, condition=c["condition"].lower())
        for c in snapshot["contraindications"]
    )
    # The names the snapshot carries, for the `remedy` and `source` filters: never the catalogue's.
    PublicationRemedyName.objects.bulk_create(
        PublicationRemedyName(publication=publication, name=name) for name in sorted(remedy_names(snapshot))
    )
    PublicationSource.objects.bulk_create(
        PublicationSource(publication=publication, source_id=source_id, file_name=file_name)
        for source_id, file_name in Source.objects.filter(file_name__in=source_file_names(snapshot))
        .order_by("file_name")
        .values_list("pk", "file_name")
    )
    PublicationChange.objects.create(
        claim=review.claim,
        publication=publication,
        version=version,
        occurred_at=now,
        reason=note,
        kind=PublicationChange.Kind.REPUBLISHED if previous else PublicationChange.Kind.PUBLISHED,
    )
    review.save()
    return publication


@service
def review_withdraw(*, review: Review, actor, reason: str) -> Publication:
    """Take a published claim out of the content API at once (senior reviewers, with a reason).
    The withdrawal appears in the changes feed; the snapshot itself stays on record."""
    review = Review.objects.select_for_update().select_related("claim__remedy").get(pk=review.pk)
    workflow.require("withdraw", review.state)
    if not permissions.can_withdraw(actor, review):
        raise NotAllowed("Only a senior reviewer may withdraw a published claim.")
    if no_reason(reason):
        raise ReasonRequired("Withdrawing a claim")
    publication = Publication.objects.select_for_update().get(review=review)
    if not publication.is_current:
        raise Conflict(
            f"Version {publication.version} of this claim was superseded by a later publication; "
            f"withdraw the current version instead."
        )
    now = timezone.now()
    before = review.audit_state()
    review.state = State.WITHDRAWN
    review.decided_by, review.decided_at, review.decision_note = actor, now, reason
    review.version += 1
    # On the record first: the database refuses a state change its latest event does not record.
    audit_record(
        event_type=AuditEvent.Type.REVIEW_WITHDRAWN,
        actor=actor,
        review=review,
        before=before,
        after=review.audit_state() | {"publication_version": publication.version},
        reason=reason,
    )
    Publication.objects.filter(pk=publication.pk).update(is_current=False, withdrawn_at=now)
    PublicationChange.objects.create(
        claim=review.claim,
        publication=publication,
        version=publication.version,
        kind=PublicationChange.Kind.WITHDRAWN,
        occurred_at=now,
        reason=reason,
    )
    review.save()
    publication.refresh_from_db()
    return publication
