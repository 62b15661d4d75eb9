"""Approval freezes the content: what is published is exactly what was approved. A change to
anything the approved snapshot holds either is refused or makes the approval lapse, on the record;
a change made past the services is caught when publishing."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from claims import edits as catalogue_edits
from claims.models import Claim, Remedy
from core.errors import Conflict, InvalidTransition, NotAllowed
from reviews import services
from reviews.models import Contraindication, Publication, Review
from reviews.publishing import services as publishing
from reviews.publishing.snapshots import PUBLICATION_FIELDS
from tests.factories import ReferenceFactory, UserFactory
from tests.helpers import HIGH_GRADED, audit_types, published_claim_ids

pytestmark = pytest.mark.django_db

APPROVED = [
    "review.started",
    "review.graded",
    "outcome.added",
    "reference.attached",
    "review.submitted",
    "review.approved",
]
APPROVED_HIGH = [*HIGH_GRADED, "review.submitted", "review.approved"]


def remedy_wide(remedy, condition="Myasthenia gravis"):
    return Contraindication(
        remedy=remedy, condition=condition, severity="absolute", rationale="Label.", source_kind="label"
    )


def state(review) -> str:
    return Review.objects.get(pk=review.pk).state


def events_since(seq: int) -> list[tuple[str, int | None]]:
    return list(AuditEvent.objects.filter(seq__gt=seq).order_by("seq").values_list("event_type", "review_id"))


def last_seq() -> int:
    return AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()


def assert_lapsed(review, cause_fragment: str):
    review = Review.objects.get(pk=review.pk)
    assert review.state == Review.State.IN_REVIEW
    assert (review.approved_snapshot, review.approved_hash, review.decided_by) == (None, "", None)
    lapse = AuditEvent.objects.filter(review_id=review.pk).order_by("-seq").first()
    assert lapse.event_type == "review.approval_lapsed" and cause_fragment in lapse.reason
    return review


def test_the_approval_stores_the_snapshot_it_approved(approved_review, reviewer2, senior):
    review = Review.objects.get(pk=approved_review.pk)
    assert review.approved_snapshot["approved_by"] == "rev2"
    assert review.approved_snapshot["remedy"]["risk_tier"] == review.claim.remedy.risk_tier
    assert AuditEvent.objects.get(review_id=review.pk, event_type="review.approved").after["approved_hash"] == (
        review.approved_hash
    )
    publication = publishing.review_publish(review=review, actor=senior)
    published = {k: v for k, v in publication.snapshot.items() if k not in PUBLICATION_FIELDS}
    assert published == review.approved_snapshot
    assert publication.approved_hash == review.approved_hash


def test_a_remedy_wide_contraindication_added_after_approval_makes_it_lapse(approved_review, reviewer, senior):
    seq = last_seq()
    services.contraindication_save(actor=reviewer, contraindication=remedy_wide(approved_review.claim.remedy))
    assert events_since(seq) == [("contraindication.added", None), ("review.approval_lapsed", approved_review.pk)]
    assert_lapsed(approved_review, "was added")
    with pytest.raises(InvalidTransition):
        publishing.review_publish(review=approved_review, actor=senior)


def test_a_remedy_wide_contraindication_removed_after_approval_makes_it_lapse(
    high_claim, submitted_high_review, reviewer, senior, senior2, content_api
):
    item = services.contraindication_save(actor=senior2, contraindication=remedy_wide(high_claim.remedy))
    review = services.review_approve(review=submitted_high_review, actor=senior)
    seq = last_seq()
    services.contraindication_remove(actor=reviewer, contraindication=item)
    assert events_since(seq) == [("contraindication.removed", None), ("review.approval_lapsed", review.pk)]
    assert_lapsed(review, "was removed")
    with pytest.raises(InvalidTransition):
        publishing.review_publish(review=review, actor=senior2)
    assert high_claim.pk not in published_claim_ids(content_api)


def test_a_remedy_wide_contraindication_changed_after_approval_makes_it_lapse(
    high_claim, submitted_high_review, senior
):
    item = services.contraindication_save(actor=senior, contraindication=remedy_wide(high_claim.remedy))
    reviewer3 = UserFactory(username="rev3", role="reviewer")
    review = services.review_approve(
        review=submitted_high_review, actor=UserFactory(username="sen3", role="senior_reviewer")
    )
    item.severity = "caution"
    services.contraindication_save(actor=reviewer3, contraindication=item)
    assert audit_types(review)[-1] == "review.approval_lapsed"
    assert_lapsed(review, "was changed")


def test_a_claims_own_contraindication_cannot_be_moved_away_from_an_approved_review(
    approved_high_review, reviewer2, senior
):
    item = Contraindication.objects.get(claim=approved_high_review.claim)
    other = Claim.objects.exclude(pk=approved_high_review.claim_id).filter(remedy__name="stretching").first()
    item.claim = other
    seq = last_seq()
    with pytest.raises(InvalidTransition):
        services.contraindication_save(actor=reviewer2, contraindication=item)
    assert Contraindication.objects.get(pk=item.pk).claim_id == approved_high_review.claim_id
    assert events_since(seq) == []
    assert state(approved_high_review) == Review.State.APPROVED


def test_lowering_the_risk_tier_to_let_a_reviewer_approve_then_raising_it_publishes_nothing(
    high_claim, submitted_high_review, reviewer2, senior, senior2, content_api
):
    remedy = high_claim.remedy
    catalogue_edits.remedy_update(remedy=remedy, actor=senior2, risk_tier="low")
    review = services.review_approve(review=submitted_high_review, actor=reviewer2)  # allowed: low risk now
    seq = last_seq()
    catalogue_edits.remedy_update(remedy=remedy, actor=senior2, risk_tier="high")
    assert events_since(seq) == [("remedy.changed", None), ("review.approval_lapsed", review.pk)]
    review = assert_lapsed(review, "risk_tier 'low' → 'high'")
    with pytest.raises(NotAllowed):
        services.review_approve(review=review, actor=reviewer2)  # high risk again: a senior decides
    assert high_claim.pk not in published_claim_ids(content_api)


def test_the_tier_changed_past_the_services_is_caught_at_publication(
    high_claim, submitted_high_review, reviewer2, senior, content_api
):
    Remedy.objects.filter(pk=high_claim.remedy_id).update(risk_tier="low")
    review = services.review_approve(review=submitted_high_review, actor=reviewer2)
    Remedy.objects.filter(pk=high_claim.remedy_id).update(risk_tier="high")
    with pytest.raises(Conflict, match="risk_tier|remedy") as excinfo:
        publishing.review_publish(review=review, actor=senior)
    assert "not a senior reviewer" in str(excinfo.value)
    assert not Publication.objects.filter(review=review).exists()
    assert high_claim.pk not in published_claim_ids(content_api)


def test_a_shared_reference_edited_after_approval_makes_it_lapse(approved_review, reviewer):
    link = approved_review.review_references.get()
    reference = link.reference
    reference.title = "A different trial"
    seq = last_seq()
    services.reference_save(actor=reviewer, reference=reference)
    assert events_since(seq) == [("reference.saved", None), ("review.approval_lapsed", approved_review.pk)]
    assert_lapsed(approved_review, "was changed")


def test_aliases_changed_after_approval_make_it_lapse(approved_review, senior):
    remedy = approved_review.claim.remedy
    catalogue_edits.remedy_set_aliases(remedy=remedy, actor=senior, aliases=["calf stretch"])
    assert_lapsed(approved_review, "aliases")


def test_a_claim_changed_after_approval_makes_it_lapse(approved_review, senior):
    seq = last_seq()
    catalogue_edits.claim_update(claim=approved_review.claim, actor=senior, statement="Stretching cures everything.")
    assert events_since(seq) == [("claim.changed", None), ("review.approval_lapsed", approved_review.pk)]
    review = assert_lapsed(approved_review, "statement")
    assert AuditEvent.objects.filter(event_type="claim.changed").get().claim_id == review.claim_id


def test_a_claim_changed_past_the_services_is_caught_at_publication(approved_review, senior, content_api):
    Claim.objects.filter(pk=approved_review.claim_id).update(statement="Stretching cures everything.")
    with pytest.raises(Conflict, match="changed since approval: statement"):
        publishing.review_publish(review=approved_review, actor=senior)
    assert approved_review.claim_id not in published_claim_ids(content_api)


def test_a_forged_approved_snapshot_is_caught_at_publication(approved_review, senior, content_api):
    """The frozen snapshot cannot be swapped (the trigger), and a snapshot with no approval event
    recording it is refused."""
    from django.db import DatabaseError, transaction

    with pytest.raises(DatabaseError, match="frozen"), transaction.atomic():
        Review.objects.filter(pk=approved_review.pk).update(approved_hash="0" * 64)
    assert approved_review.claim_id not in published_claim_ids(content_api)


def test_a_superuser_cannot_change_a_claim_in_the_admin_and_a_senior_does_it_on_the_record(
    client, approved_review, superuser, senior
):
    claim = approved_review.claim
    other_remedy = Remedy.objects.create(name="camphor balm", category="topical", risk_tier="low", risk_reason="Skin.")
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = {"condition": claim.condition_id, "remedy": other_remedy.pk, "kind": "caution", "population": ""}
    form["statement"] = claim.statement
    appearances = list(claim.appearances.values_list("pk", flat=True))  # the read-only inline, as the page posts it
    form |= {"appearances-TOTAL_FORMS": len(appearances), "appearances-INITIAL_FORMS": len(appearances)}
    form |= {f"appearances-{i}-id": pk for i, pk in enumerate(appearances)}
    form |= {f"appearances-{i}-claim": claim.pk for i in range(len(appearances))}
    client.force_login(superuser)
    response = client.post(url, form, follow=True)
    assert "Only senior reviewers" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).remedy_id == claim.remedy_id
    assert state(approved_review) == Review.State.APPROVED

    client.force_login(senior)
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).remedy_id == other_remedy.pk
    events = AuditEvent.objects.filter(claim_id=claim.pk).order_by("-seq")[:2]
    assert [(e.event_type, e.actor_username) for e in reversed(events)] == [
        ("claim.changed", "sen1"),
        ("review.approval_lapsed", "sen1"),
    ]


def test_a_reference_cited_by_a_contraindication_edited_after_approval_makes_it_lapse(
    high_claim, submitted_high_review, reviewer, senior, senior2
):
    cited = ReferenceFactory(title="Quinine label")
    item = remedy_wide(high_claim.remedy)
    item.source_reference = cited
    services.contraindication_save(actor=senior2, contraindication=item)
    review = services.review_approve(review=submitted_high_review, actor=senior)
    cited.title = "Quinine label, revised"
    services.reference_save(actor=reviewer, reference=cited)
    assert_lapsed(review, "was changed")


def test_the_history_names_the_frozen_snapshot_by_its_hash(client, approved_review, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_claim_history", args=[approved_review.claim_id]))
    page = response.content.decode()
    assert f"frozen (hash {Review.objects.get(pk=approved_review.pk).approved_hash[:12]}" in page
    assert "&#x27;appearances&#x27;" not in page and "'appearances'" not in page
