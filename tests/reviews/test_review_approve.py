import pytest

from core.errors import InvalidTransition, NotAllowed, NotReady
from reviews import services
from reviews.models import Review
from tests.factories import ReviewFactory
from tests.helpers import HIGH_GRADED, audit_types

pytestmark = pytest.mark.django_db

SUBMITTED = ["review.started", "review.graded", "outcome.added", "reference.attached", "review.submitted"]
HIGH_SUBMITTED = [*HIGH_GRADED, "review.submitted"]


def test_second_reviewer_approves_a_standard_claim(submitted_review, reviewer2):
    review = services.review_approve(review=submitted_review, actor=reviewer2, note="Agree.")
    assert review.state == Review.State.APPROVED
    assert review.decided_by == reviewer2 and review.decided_at is not None
    assert audit_types(review) == [*SUBMITTED, "review.approved"]


@pytest.mark.parametrize("who", ["reviewer"])
def test_grader_cannot_approve_own_review(submitted_review, who, request):
    with pytest.raises(NotAllowed, match="Four-eyes"):
        services.review_approve(review=submitted_review, actor=request.getfixturevalue(who))
    assert Review.objects.get(pk=submitted_review.pk).state == Review.State.IN_REVIEW
    assert audit_types(submitted_review) == SUBMITTED


def test_four_eyes_holds_for_a_senior_who_graded(standard_claim, senior, reference, senior2):
    review = ReviewFactory(submitted=True, claim=standard_claim, grader=senior, reference=reference)
    with pytest.raises(NotAllowed, match="Four-eyes"):
        services.review_approve(review=review, actor=senior)
    assert services.review_approve(review=review, actor=senior2).state == Review.State.APPROVED


def test_superuser_does_not_bypass_four_eyes(submitted_review, superuser):
    with pytest.raises(NotAllowed):
        services.review_approve(review=submitted_review, actor=superuser)
    assert audit_types(submitted_review) == SUBMITTED


def test_last_editor_cannot_approve(submitted_review, reviewer, reviewer2, senior):
    # reviewer2 sends it back, then edits it themself; the original grader resubmits.
    services.review_request_changes(review=submitted_review, actor=senior, reason="Add imprecision.")
    services.judgement_save(
        outcome=submitted_review.outcomes.get(),
        actor=reviewer2,
        domain="imprecision",
        severity="serious",
        rationale="Wide CI.",
    )
    review = services.review_submit(review=submitted_review, actor=reviewer)
    with pytest.raises(NotAllowed, match="Four-eyes"):
        services.review_approve(review=review, actor=reviewer2)
    assert services.review_approve(review=review, actor=senior).state == Review.State.APPROVED
    assert audit_types(review) == [
        *SUBMITTED,
        "review.changes_requested",
        "judgement.saved",
        "review.submitted",
        "review.approved",
    ]


def test_high_risk_claim_needs_a_senior(submitted_high_review, reviewer2, senior):
    with pytest.raises(NotAllowed, match="high-risk"):
        services.review_approve(review=submitted_high_review, actor=reviewer2)
    assert audit_types(submitted_high_review) == HIGH_SUBMITTED
    review = services.review_approve(review=submitted_high_review, actor=senior)
    assert review.state == Review.State.APPROVED
    assert audit_types(review) == [*HIGH_SUBMITTED, "review.approved"]


def test_high_risk_without_contraindication_is_not_approved(submitted_high_review, reviewer, senior):
    # The contraindication is removed behind the workflow's back (it was attached to the claim).
    from reviews.models import Contraindication

    Contraindication.objects.filter(claim=submitted_high_review.claim).delete()
    with pytest.raises(NotReady, match="high-risk remedy"):
        services.review_approve(review=submitted_high_review, actor=senior)
    assert Review.objects.get(pk=submitted_high_review.pk).state == Review.State.IN_REVIEW


def test_remedy_level_contraindication_is_inherited(high_claim, reviewer, senior, reference):
    from reviews.models import Contraindication

    services.contraindication_save(
        actor=reviewer,
        contraindication=Contraindication(
            remedy=high_claim.remedy,
            condition="G6PD deficiency",
            severity="absolute",
            rationale="Haemolysis.",
            source_kind="label",
        ),
    )
    review = ReviewFactory(
        submitted=True, claim=high_claim, grader=reviewer, reference=reference, claim_contraindication=False
    )
    assert services.review_approve(review=review, actor=senior).state == Review.State.APPROVED


def test_draft_cannot_be_approved(graded_review, reviewer2):
    with pytest.raises(InvalidTransition):
        services.review_approve(review=graded_review, actor=reviewer2)


def test_approved_review_cannot_be_approved_again(submitted_review, reviewer2, senior):
    services.review_approve(review=submitted_review, actor=reviewer2)
    with pytest.raises(InvalidTransition):
        services.review_approve(review=submitted_review, actor=senior)
    assert audit_types(submitted_review) == [*SUBMITTED, "review.approved"]


def test_auditor_and_content_reader_cannot_approve(submitted_review, auditor, content_reader):
    for user in (auditor, content_reader):
        with pytest.raises(NotAllowed):
            services.review_approve(review=submitted_review, actor=user)
    assert audit_types(submitted_review) == SUBMITTED
