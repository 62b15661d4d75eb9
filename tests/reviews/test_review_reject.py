import pytest

from core.errors import NotAllowed, ReasonRequired
from reviews import services
from reviews.models import Review
from tests.factories import ReviewFactory
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db

SUBMITTED = ["review.started", "review.graded", "outcome.added", "reference.attached", "review.submitted"]


def test_senior_rejects_with_a_reason(submitted_review, senior):
    review = services.review_reject(review=submitted_review, actor=senior, reason="Not a claim about cramps.")
    assert review.state == Review.State.REJECTED
    assert audit_types(review) == [*SUBMITTED, "review.rejected"]


def test_reason_is_required(submitted_review, senior):
    with pytest.raises(ReasonRequired):
        services.review_reject(review=submitted_review, actor=senior, reason="")
    assert audit_types(submitted_review) == SUBMITTED


def test_plain_reviewer_cannot_reject(submitted_review, reviewer2):
    with pytest.raises(NotAllowed):
        services.review_reject(review=submitted_review, actor=reviewer2, reason="x")


def test_senior_cannot_reject_a_review_they_graded(standard_claim, senior, reference):
    review = ReviewFactory(graded=True, claim=standard_claim, grader=senior, reference=reference)
    with pytest.raises(NotAllowed):
        services.review_reject(review=review, actor=senior, reason="x")
    assert Review.objects.get(pk=review.pk).state == Review.State.DRAFT
