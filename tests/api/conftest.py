import pytest
from rest_framework.test import APIClient

from claims.models import Claim
from core.tokens import token_issue
from reviews.publishing import services as publishing
from tests.factories import UserFactory
from tests.helpers import take_to_approved


@pytest.fixture
def people(db):
    return {
        "reviewer": UserFactory(username="api_rev", role="reviewer"),
        "reviewer2": UserFactory(username="api_rev2", role="reviewer"),
        "senior": UserFactory(username="api_sen", role="senior_reviewer"),
        "content": UserFactory(username="api_content", role="content_reader", is_staff=False),
        "auditor": UserFactory(username="api_aud", role="auditor"),
    }


@pytest.fixture
def publish(people):
    def publish_claim(claim, note="first", **grading):
        review = take_to_approved(claim, people, **grading)
        return publishing.review_publish(review=review, actor=people["senior"], note=note)

    return publish_claim


@pytest.fixture
def quinine_claim(db):
    return Claim.objects.filter(remedy__name="quinine").order_by("pk").first()


@pytest.fixture
def stretching_claim(db):
    return Claim.objects.filter(remedy__name="stretching").order_by("pk").first()


@pytest.fixture
def published(publish, quinine_claim, stretching_claim):
    """Two published claims: quinine (high risk, low certainty) and stretching (moderate)."""
    return {
        "quinine": publish(quinine_claim, certainty="low", recommendation="strong_against"),
        "stretching": publish(stretching_claim, certainty="moderate", recommendation="conditional_for"),
    }


@pytest.fixture
def api(people):
    """A client authenticated with a content reader's token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=people['content'])}")
    return client


@pytest.fixture
def auditor_api(people):
    """A client authenticated with an auditor's token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=people['auditor'])}")
    return client
