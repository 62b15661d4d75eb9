import pytest

from core import roles
from reviews import services
from reviews.services.dual_grading import dual_grading_require
from tests.factories import UserFactory


@pytest.fixture
def third(db):
    """A reviewer who grades nothing: an adjudicator of a standard-risk review."""
    return UserFactory(username="rev3", role=roles.REVIEWER)


@pytest.fixture
def chief(db):
    """A senior reviewer who requires dual grading where the tier does not, and takes no other part."""
    return UserFactory(username="chief", role=roles.SENIOR_REVIEWER)


def _dual(claim, starter, chief):
    review = services.review_start(claim=claim, actor=starter)
    return review if review.dual_grading else dual_grading_require(review=review, actor=chief)


@pytest.fixture
def dual_review(high_claim, reviewer, chief):
    """A draft of a high-risk claim (quinine), dual-graded."""
    return _dual(high_claim, reviewer, chief)


@pytest.fixture
def standard_dual_review(standard_claim, reviewer, chief):
    """A draft of a low-risk claim (stretching) whose dual grading a senior required."""
    return _dual(standard_claim, reviewer, chief)
