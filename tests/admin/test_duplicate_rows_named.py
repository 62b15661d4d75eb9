"""A reference listed twice on an outcome's page or on the review page is refused with a message
that names it — not "Please correct the duplicate data for reference."."""

import pytest
from django.test import Client

from reviews.factories import add_outcome
from tests.admin.pages import form_data, outcome_url, review_url
from tests.factories import ReferenceFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(standard_claim, reviewer):
    review = ReviewFactory(claim=standard_claim, grader=reviewer)
    add_outcome(review=review, actor=reviewer, name="Cramp frequency", design="randomised", importance="critical")
    review.refresh_from_db()
    return review


def twice(data: dict, prefix: str, reference) -> dict:
    """The page's data with the reference in two new rows of the inline `prefix`."""
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for i in (total, total + 1):
        data[f"{prefix}-{i}-reference"] = str(reference.pk)
        data[f"{prefix}-{i}-note"] = f"row {i}"
    data[f"{prefix}-TOTAL_FORMS"] = str(total + 2)
    return data


def errors_of(response) -> str:
    assert response.status_code == 200, "refused: the page is shown again with its errors"
    return " ".join(str(e) for e in response.context["errors"])


def test_a_reference_cited_twice_for_an_outcome_is_named(draft, reviewer):
    cited = ReferenceFactory(title="Magnesium for cramps (Cochrane)")
    client = Client()
    client.force_login(reviewer)
    outcome = draft.outcomes.get()
    data = twice(form_data(client.get(outcome_url(outcome))), "outcome_references", cited)
    errors = errors_of(client.post(outcome_url(outcome), data))
    assert "Magnesium for cramps (Cochrane)" in errors and "more than once" in errors
    assert "Please correct the duplicate data" not in errors
    assert not outcome.outcome_references.exists()


def test_a_reference_cited_twice_on_the_review_page_is_named(draft, reviewer):
    cited = ReferenceFactory(title="Stretching trial (Hallegraeff)")
    client = Client()
    client.force_login(reviewer)
    data = twice(form_data(client.get(review_url(draft))), "review_references", cited)
    errors = errors_of(client.post(review_url(draft), data))
    assert "Stretching trial (Hallegraeff)" in errors and "Please correct the duplicate data" not in errors
