"""The conflict gate, four-eyes and bad input, attacked through the services and the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from claims.edits import remedy_update
from core.errors import NotAllowed, NotReady
from reviews import services
from reviews.models import Contraindication, ContraindicationLevel, Disagreement, Review
from reviews.services.contraindications import contraindication_save
from reviews.services.disagreements import disagreement_propose, disagreement_resolve
from reviews.services.dual_grading import dual_grading_require
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently


@pytest.fixture
def open_points(dual_review, reviewer, reviewer2):
    grade_independently(dual_review, reviewer, **FIRST, submit=True)
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    return dual_review


def login(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.parametrize("value", ["abc", "1.5", "99999999999999999999999", "-1", ""])
def test_a_disagreement_id_that_is_no_id_is_not_a_server_error(open_points, senior2, value):
    url = reverse("admin:reviews_grading_disagreements", args=[open_points.pk])
    response = login(senior2).post(url, {"disagreement": value, "action": "adjudicate", "value": "x", "reason": "r"})
    assert response.status_code in (302, 404)


def test_a_grader_may_not_add_the_claims_own_contraindication_while_dual_grading_is_open(
    dual_review, reviewer, reviewer2
):
    """The contraindications of a dual-graded review come from the two gradings once reconciled;
    a grader adding one to the claim directly bypasses the gate and shows the other grader what
    they think."""
    grade_independently(dual_review, reviewer, **FIRST)
    item = Contraindication(
        claim=dual_review.claim, condition="Tinnitus", severity=ContraindicationLevel.ABSOLUTE,
        rationale="Label.", source_kind="label", review=dual_review,
    )  # fmt: skip
    with pytest.raises(NotAllowed):
        contraindication_save(actor=reviewer, contraindication=item)
    assert not Contraindication.objects.filter(condition="Tinnitus").exists()


def test_a_reviewer_not_senior_cannot_adjudicate_a_high_risk_review(open_points, third):
    point = Disagreement.objects.filter(review=open_points).first()
    with pytest.raises(NotAllowed):
        disagreement_resolve(disagreement=point, actor=third, value=point.first_value, reason="I decide.")


def test_a_grader_cannot_confirm_their_own_proposal(open_points, reviewer):
    point = Disagreement.objects.filter(review=open_points).first()
    disagreement_propose(disagreement=point, actor=reviewer, value=point.first_value, reason="Mine.")
    with pytest.raises(NotAllowed):
        disagreement_resolve(disagreement=point, actor=reviewer, value=point.first_value, reason="Agreed with me.")


def test_a_high_risk_review_is_not_approved_single_graded_when_its_remedy_became_high_risk(
    standard_claim, reviewer, senior, senior2
):
    """GRADE dual grading is required for high-risk remedies: a review started while the remedy
    was low-risk, then graded once after the remedy became high-risk, must not be approved."""
    from tests.factories import ReviewFactory

    review = ReviewFactory(claim=standard_claim, grader=reviewer, graded=True, claim_contraindication=True)
    assert not review.dual_grading
    remedy_update(remedy=standard_claim.remedy, actor=senior, risk_tier="high", risk_reason="QT prolongation.")
    review.refresh_from_db()
    with pytest.raises(NotReady, match="dual grading, which the remedy's risk tier now requires"):
        services.review_submit(review=review, actor=reviewer)
    # Sent back or still a draft, a senior requires dual grading of it: the two gradings come next.
    review = dual_grading_require(review=Review.objects.get(pk=review.pk), actor=senior)
    assert review.dual_grading
    with pytest.raises(NotReady, match="both independent gradings submitted"):
        services.review_submit(review=review, actor=reviewer)
