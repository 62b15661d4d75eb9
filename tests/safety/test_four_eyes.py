"""Four-eyes by contribution: nobody who changed what a review says may decide on it or publish it,
whoever changed it last, whatever their role. Assigning is not grading."""

import pytest
from django.db import DatabaseError, transaction

from core.errors import NotAllowed
from reviews import services
from reviews.models import Contraindication, Publication, Review, ReviewContribution
from reviews.publishing import services as publishing
from tests.factories import UserFactory
from tests.helpers import audit_types, grade, published_claim_ids

pytestmark = pytest.mark.django_db


def contributors(review) -> list[str]:
    return sorted(ReviewContribution.objects.filter(review=review).values_list("user__username", flat=True))


def test_a_colleagues_one_character_edit_does_not_hand_the_decision_back_to_the_grader(
    graded_review, reviewer, reviewer2, content_api
):
    # The grader did all the work; a colleague changes one character and submits.
    review = services.review_save_grading(
        review=graded_review, actor=reviewer2, expected_version=graded_review.version, summary="Small trials!"
    )
    review = services.review_submit(review=review, actor=reviewer2)
    assert contributors(review) == ["rev1", "rev2"]
    for person in (reviewer, reviewer2):
        with pytest.raises(NotAllowed, match="took part"):
            services.review_approve(review=review, actor=person)
        with pytest.raises(NotAllowed):
            services.review_request_changes(review=review, actor=person, reason="Mine.")
    assert Review.objects.get(pk=review.pk).state == Review.State.IN_REVIEW
    assert review.claim_id not in published_claim_ids(content_api)


def test_reassigning_is_not_grading(graded_review, reviewer, reviewer2):
    review = services.review_save_grading(
        review=graded_review, actor=reviewer2, expected_version=graded_review.version, assignee=reviewer2
    )
    assert (review.graded_by, review.assignee) == (reviewer, reviewer2)
    assert audit_types(review)[-1] == "review.assigned"
    assert contributors(review) == ["rev1"]
    review = services.review_submit(review=review, actor=reviewer)
    assert services.review_approve(review=review, actor=reviewer2).state == Review.State.APPROVED


def test_a_contraindication_attached_to_the_claim_makes_a_contributor(graded_review, reviewer, reviewer2):
    services.contraindication_save(
        actor=reviewer2,
        contraindication=Contraindication(
            claim=graded_review.claim,
            condition="Pregnancy",
            severity="caution",
            rationale="Label.",
            source_kind="label",
        ),
    )
    review = services.review_submit(review=Review.objects.get(pk=graded_review.pk), actor=reviewer)
    with pytest.raises(NotAllowed):
        services.review_approve(review=review, actor=reviewer2)


def test_a_superuser_who_graded_may_not_approve_or_publish(standard_claim, reference, reviewer, content_api):
    root = UserFactory(username="root_senior", is_superuser=True, role="senior_reviewer")
    review = grade(services.review_start(claim=standard_claim, actor=reviewer), root, reference)
    review = services.review_submit(review=review, actor=reviewer)
    with pytest.raises(NotAllowed):
        services.review_approve(review=review, actor=root)
    review = services.review_approve(review=review, actor=UserFactory(username="third", role="reviewer"))
    with pytest.raises(NotAllowed):
        publishing.review_publish(review=review, actor=root)
    assert standard_claim.pk not in published_claim_ids(content_api)


def test_the_database_refuses_a_decision_by_a_contributor(submitted_review, reviewer, content_api):
    """The ORM past the services: a grader marks their own review approved."""
    with pytest.raises(DatabaseError, match="four-eyes|audit event"), transaction.atomic():
        Review.objects.filter(pk=submitted_review.pk).update(
            state="approved", decided_by=reviewer, approved_snapshot={"forged": True}, approved_hash="f" * 64
        )
    assert Review.objects.get(pk=submitted_review.pk).state == Review.State.IN_REVIEW
    assert submitted_review.claim_id not in published_claim_ids(content_api)


def test_the_database_refuses_a_publication_by_a_contributor(approved_review, reviewer, content_api):
    review = Review.objects.get(pk=approved_review.pk)
    snapshot = review.approved_snapshot | {"version": 1, "published_by": "rev1", "published_at": "", "change_note": ""}
    with pytest.raises(DatabaseError), transaction.atomic():
        Publication.objects.create(
            claim=review.claim, review=review, version=1, snapshot=snapshot, approved_hash=review.approved_hash,
            remedy=review.claim.remedy, category="x", kind="x", risk_tier="x", certainty="low",
            recommendation="insufficient_evidence", search_text="", published_by=reviewer,
            published_at=review.decided_at,
        )  # fmt: skip
    assert review.claim_id not in published_claim_ids(content_api)
