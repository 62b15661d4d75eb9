import pytest

from core.errors import InvalidTransition, NotAllowed, NotReady
from reviews import services
from reviews.models import Review
from tests.factories import ReviewFactory
from tests.helpers import audit_types, grade

pytestmark = pytest.mark.django_db


def test_submits_a_complete_review(graded_review, reviewer):
    review = services.review_submit(review=graded_review, actor=reviewer, note="done")
    assert review.state == Review.State.IN_REVIEW and review.submitted_by == reviewer
    assert audit_types(review) == [
        "review.started",
        "review.graded",
        "outcome.added",
        "reference.attached",
        "review.submitted",
    ]


def test_incomplete_review_is_not_submitted(standard_claim, reviewer):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    with pytest.raises(NotReady) as excinfo:
        services.review_submit(review=review, actor=reviewer)
    assert excinfo.value.missing[:2] == ["at least one graded outcome", "a recommendation"]
    assert Review.objects.get(pk=review.pk).state == Review.State.DRAFT
    assert audit_types(review) == ["review.started"]


def test_reference_required_unless_evidence_is_insufficient(standard_claim, reviewer):
    review = grade(services.review_start(claim=standard_claim, actor=reviewer), reviewer, None)
    with pytest.raises(NotReady, match="at least one reference"):
        services.review_submit(review=review, actor=reviewer)
    review = grade(review, reviewer, None, recommendation="insufficient_evidence")
    assert services.review_submit(review=review, actor=reviewer).state == Review.State.IN_REVIEW


def test_high_risk_needs_a_contraindication_or_a_reasoned_none(high_claim, reviewer, reference):
    review = ReviewFactory(
        graded=True, claim=high_claim, grader=reviewer, reference=reference, claim_contraindication=False
    )
    with pytest.raises(NotReady, match="high-risk remedy"):
        services.review_submit(review=review, actor=reviewer)
    review = grade(
        review,
        reviewer,
        None,
        no_known_contraindication=True,
        no_contraindication_reason="Checked the label and the AAN guideline.",
    )
    assert services.review_submit(review=review, actor=reviewer).state == Review.State.IN_REVIEW


def test_cannot_submit_twice(submitted_review, reviewer):
    with pytest.raises(InvalidTransition):
        services.review_submit(review=submitted_review, actor=reviewer)


def test_auditor_cannot_submit(graded_review, auditor):
    with pytest.raises(NotAllowed):
        services.review_submit(review=graded_review, actor=auditor)
    assert Review.objects.get(pk=graded_review.pk).state == Review.State.DRAFT
