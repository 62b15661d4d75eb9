import pytest
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from core.errors import Conflict, NotAllowed
from reviews import services
from reviews.models import Review
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db


def test_reviewer_starts_a_draft(standard_claim, reviewer):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    assert review.state == Review.State.DRAFT
    assert review.started_by == reviewer and review.assignee == reviewer
    assert audit_types(review) == ["review.started"]


@pytest.mark.parametrize("who", ["auditor", "content_reader", "superuser"])
def test_non_reviewers_cannot_start(standard_claim, who, request):
    with pytest.raises(NotAllowed):
        services.review_start(claim=standard_claim, actor=request.getfixturevalue(who))
    assert not Review.objects.exists()
    assert not AuditEvent.objects.exclude(event_type="catalogue.loaded").exists()


def test_second_open_review_of_a_claim_is_refused(standard_claim, reviewer, reviewer2):
    first = services.review_start(claim=standard_claim, actor=reviewer)
    with pytest.raises(Conflict, match=f"open review \\(#{first.pk}"):
        services.review_start(claim=standard_claim, actor=reviewer2)
    assert audit_types(first) == ["review.started"]
    assert Review.objects.count() == 1


def test_database_refuses_a_second_open_review(standard_claim, reviewer):
    services.review_start(claim=standard_claim, actor=reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(claim=standard_claim, started_by=reviewer, state=Review.State.IN_REVIEW)


def test_a_closed_review_does_not_block_a_new_one(graded_review, reviewer, senior):
    services.review_reject(review=graded_review, actor=senior, reason="Wrong claim wording.")
    again = services.review_start(claim=graded_review.claim, actor=reviewer)
    assert again.pk != graded_review.pk
