"""An approval from before claims carried a condition (its snapshot has none: the earlier release
wrote none) is still published after the upgrade, with its claim's condition in the columns the
`about` filter reads; the missing condition is no "change since approval". The earlier approval is
simulated by approving through the service while the snapshot writer leaves the condition out, as
the earlier release's did (the approval event is genuine and signed)."""

import pytest

import reviews.services.transitions as transitions
from reviews.models import Publication, Review
from reviews.publishing import services as publishing
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def test_an_approval_from_before_conditions_can_still_be_published(
    monkeypatch, standard_claim, reviewer, reviewer2, reference, senior
):
    real = transitions.approval_snapshot

    def earlier_release(**kwargs):
        snapshot = real(**kwargs)
        snapshot.pop("condition", None)
        return snapshot

    monkeypatch.setattr(transitions, "approval_snapshot", earlier_release)
    review = ReviewFactory(
        approved=True, claim=standard_claim, grader=reviewer, reference=reference, second_reviewer=reviewer2
    )
    monkeypatch.setattr(transitions, "approval_snapshot", real)  # the upgrade
    review = Review.objects.get(pk=review.pk)
    assert review.state == Review.State.APPROVED and "condition" not in review.approved_snapshot

    publishing.review_publish(review=review, actor=senior)
    publication = Publication.objects.get(review=review)
    assert publication.condition_slug == standard_claim.condition.slug
    assert "condition" not in publication.snapshot  # published as approved
