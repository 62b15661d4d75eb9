"""After the conflict gate: the resolved grading becomes the review's, and from there the review is
edited like any other. One grader can then undo, alone, what the adjudicator decided against
them, and the review goes on to approval with a grading no second person reconciled."""

import pytest

from core.errors import ServiceError
from reviews import services
from reviews.models import Disagreement, Outcome, Review
from reviews.services.disagreements import disagreement_resolve
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently


@pytest.mark.xfail(
    strict=True,
    reason="the review's grading, once resolved, is open to any reviewer, a grader too: an adjudicated "
    "point can be changed back by one grader before submission, and approval does not compare the "
    "review's grading with the resolution",
)
def test_a_grader_cannot_undo_an_adjudication_alone(dual_review, reviewer, reviewer2, senior, senior2, reference):
    grade_independently(dual_review, reviewer, **FIRST, submit=True)
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    for point in Disagreement.objects.filter(review=dual_review):
        # The adjudicator sides with the second grader throughout.
        disagreement_resolve(disagreement=point, actor=senior2, value=point.second_value, reason="Adjudicated.")
    outcome = Outcome.objects.get(review=dual_review, grading=None, name__iexact="cramp frequency")
    assert outcome.certainty == "moderate"  # as adjudicated
    # The first grader, outvoted, puts their own certainty and recommendation back.
    services.outcome_override(outcome=outcome, actor=reviewer, certainty="low", reason="I still think so.")
    services.review_save_grading(review=Review.objects.get(pk=dual_review.pk), actor=reviewer,
                                 expected_version=None, recommendation="strong_against")  # fmt: skip
    services.reference_attach(review=dual_review, actor=reviewer, reference=reference)
    review = services.review_submit(review=Review.objects.get(pk=dual_review.pk), actor=reviewer)
    with pytest.raises(ServiceError):
        services.review_approve(review=review, actor=senior)
