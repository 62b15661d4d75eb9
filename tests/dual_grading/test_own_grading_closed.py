"""While a review is dual-graded and its two gradings are not both in and reconciled, nobody writes
the review's own grading directly: it comes from the gradings (grading_apply), through the same
services, once every disagreement is resolved."""

import pytest

from audit.models import AuditEvent
from core.errors import NotAllowed
from reviews import services
from reviews.models import Outcome, Recommendation
from tests.dual_grading.helpers import FIRST, grade_independently


def _events(review):
    return list(AuditEvent.objects.filter(review=review).values_list("event_type", flat=True))


@pytest.mark.parametrize(
    "write",
    [
        lambda review, actor, ref: services.outcome_add(
            review=review, actor=actor, name="Cramp frequency", design="randomised"
        ),
        lambda review, actor, ref: services.review_save_grading(
            review=review, actor=actor, expected_version=review.version, recommendation=Recommendation.STRONG_AGAINST
        ),
        lambda review, actor, ref: services.reference_attach(review=review, actor=actor, reference=ref),
    ],
    ids=["outcome", "recommendation", "reference"],
)
def test_the_review_own_grading_is_closed_until_both_gradings_are_in(
    dual_review, reviewer, reviewer2, third, reference, write
):
    grade_independently(dual_review, reviewer, **FIRST, submit=True)  # one of two in
    for actor in (reviewer, reviewer2, third):
        dual_review.refresh_from_db()
        before = _events(dual_review)
        with pytest.raises(NotAllowed, match="dual-graded"):
            write(dual_review, actor, reference)
        assert _events(dual_review) == before
    assert not Outcome.objects.filter(review=dual_review, grading=None).exists()


def test_the_assignee_may_still_change_while_dual_grading_is_open(dual_review, reviewer, reviewer2):
    review = services.review_save_grading(
        review=dual_review, actor=reviewer, expected_version=dual_review.version, assignee=reviewer2
    )
    assert review.assignee == reviewer2


def test_a_review_not_dual_graded_is_graded_directly(standard_claim, reviewer):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    assert not review.dual_grading
    outcome = services.outcome_add(review=review, actor=reviewer, name="Cramp frequency", design="randomised")
    assert outcome.grading is None
