"""After the conflict gate: the resolved grading becomes the review's, and from there the review is
closed for good to what the graders resolved: no grader undoes alone what the adjudicator decided
against them."""

import pytest

from audit.models import AuditEvent
from core.errors import NotAllowed, ServiceError
from reviews import services
from reviews.models import Disagreement, Outcome, Review
from reviews.services.disagreements import disagreement_resolve
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently


def test_a_grader_cannot_undo_an_adjudication_alone(dual_review, reviewer, reviewer2, senior, senior2, reference):
    grade_independently(dual_review, reviewer, **FIRST, submit=True)
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    for point in Disagreement.objects.filter(review=dual_review):
        # The adjudicator sides with the second grader throughout.
        disagreement_resolve(disagreement=point, actor=senior2, value=point.second_value, reason="Adjudicated.")
    outcome = Outcome.objects.get(review=dual_review, grading=None, name__iexact="cramp frequency")
    assert outcome.certainty == "moderate"  # as adjudicated
    recommendation = Review.objects.get(pk=dual_review.pk).recommendation
    events = AuditEvent.objects.filter(review=dual_review).count()
    # The first grader, outvoted, tries to put their own certainty and recommendation back.
    with pytest.raises(NotAllowed, match="not changed by one person"):
        services.outcome_override(outcome=outcome, actor=reviewer, certainty="low", reason="I still think so.")
    with pytest.raises(NotAllowed, match="not changed by one person"):
        services.judgement_save(outcome=outcome, actor=reviewer, domain="risk_of_bias", severity="very_serious",
                                rationale="I still think so.")  # fmt: skip
    with pytest.raises(NotAllowed, match="not changed by one person"):
        services.review_save_grading(review=Review.objects.get(pk=dual_review.pk), actor=reviewer,
                                     expected_version=None, recommendation="conditional_for")  # fmt: skip
    outcome.refresh_from_db()
    assert outcome.certainty == "moderate"
    assert Review.objects.get(pk=dual_review.pk).recommendation == recommendation
    assert AuditEvent.objects.filter(review=dual_review).count() == events
    # What the resolution leaves to the review (references, the summary) is still written, and the
    # review goes on to a senior who took no part.
    services.reference_attach(review=dual_review, actor=reviewer, reference=reference)
    services.review_save_grading(review=Review.objects.get(pk=dual_review.pk), actor=reviewer,
                                 expected_version=None, summary="Resolved by adjudication.")  # fmt: skip
    review = services.review_submit(review=Review.objects.get(pk=dual_review.pk), actor=reviewer)
    with pytest.raises(ServiceError):
        services.review_approve(review=review, actor=senior2)  # the adjudicator
    assert services.review_approve(review=review, actor=senior).state == Review.State.APPROVED
