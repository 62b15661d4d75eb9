import pytest

from core.errors import InvalidTransition, NotAllowed, ReasonRequired
from reviews import services
from reviews.models import Review
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db

SUBMITTED = ["review.started", "review.graded", "outcome.added", "reference.attached", "review.submitted"]


def test_second_reviewer_sends_back_with_a_reason(submitted_review, reviewer2):
    review = services.review_request_changes(review=submitted_review, actor=reviewer2, reason="Cite the RCT.")
    assert review.state == Review.State.CHANGES_REQUESTED and review.decision_note == "Cite the RCT."
    assert audit_types(review) == [*SUBMITTED, "review.changes_requested"]


@pytest.mark.parametrize("reason", ["", "   "])
def test_reason_is_required(submitted_review, reviewer2, reason):
    with pytest.raises(ReasonRequired):
        services.review_request_changes(review=submitted_review, actor=reviewer2, reason=reason)
    assert Review.objects.get(pk=submitted_review.pk).state == Review.State.IN_REVIEW
    assert audit_types(submitted_review) == SUBMITTED


def test_grader_cannot_send_own_review_back(submitted_review, reviewer):
    with pytest.raises(NotAllowed):
        services.review_request_changes(review=submitted_review, actor=reviewer, reason="x")


def test_only_a_submitted_review_can_be_sent_back(graded_review, reviewer2):
    with pytest.raises(InvalidTransition):
        services.review_request_changes(review=graded_review, actor=reviewer2, reason="x")


def test_sent_back_review_is_editable_again(submitted_review, reviewer, reviewer2):
    services.review_request_changes(review=submitted_review, actor=reviewer2, reason="More detail.")
    review = Review.objects.get(pk=submitted_review.pk)
    review = services.review_save_grading(
        review=review, actor=reviewer, expected_version=review.version, summary="More detail."
    )
    assert review.state == Review.State.CHANGES_REQUESTED and review.summary == "More detail."
