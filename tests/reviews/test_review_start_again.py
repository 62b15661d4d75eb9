"""Re-reviewing a published claim: a reason is required (in the service, and on the admin's
page), it goes on the record with the new review's start, and the published version stays what
the content API serves until the new review is published."""

# ruff: noqa: F811 — the content API's fixtures (tests/api/conftest.py) are imported by name

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from audit.models import AuditEvent
from core.errors import ReasonRequired
from reviews import services
from reviews.models import Review
from reviews.publishing import services as publishing
from tests.api.conftest import api, people, publish, stretching_claim  # noqa: F401
from tests.helpers import take_to_approved

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_claim(people, publish, stretching_claim):
    publish(stretching_claim, certainty="moderate", recommendation="conditional_for")
    return stretching_claim


def test_the_service_refuses_a_re_review_without_a_reason(published_claim, people):
    for reason in ("", "   "):
        with pytest.raises(ReasonRequired, match="published as version 1, needs a reason"):
            services.review_start(claim=published_claim, actor=people["reviewer"], reason=reason)
    assert not published_claim.reviews.filter(state__in=Review.OPEN_STATES).exists()


def test_the_reason_is_on_the_record_of_the_new_review(published_claim, people):
    review = services.review_start(claim=published_claim, actor=people["reviewer"], reason="A new trial in 2026.")
    event = AuditEvent.objects.get(review_id=review.pk, event_type="review.started")
    assert event.reason == "A new trial in 2026."


def test_a_claim_never_published_needs_no_reason(standard_claim, reviewer):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    assert AuditEvent.objects.get(review_id=review.pk, event_type="review.started").reason == ""


def test_a_withdrawn_claim_needs_no_reason(published_claim, people):
    live = published_claim.publications.get(is_current=True)
    publishing.review_withdraw(review=live.review, actor=people["senior"], reason="Safety.")
    assert services.review_start(claim=published_claim, actor=people["reviewer"]).state == Review.State.DRAFT


def test_the_published_version_stays_served_until_the_new_one_is_published(published_claim, people, api):
    url = f"/api/v1/claims/{published_claim.pk}/"
    assert api.get(url).json()["version"] == 1
    review = take_to_approved(published_claim, people, certainty="high", recommendation="strong_for")
    served = api.get(url).json()
    assert (served["version"], served["evidence"]["certainty"]) == (1, "moderate")
    publishing.review_publish(review=review, actor=people["senior"], note="update")
    served = api.get(url).json()
    assert (served["version"], served["evidence"]["certainty"]) == (2, "high")


def start_url(claim):
    return reverse("admin:claims_claim_start_review", args=[claim.pk])


def test_the_claim_page_offers_review_again_as_a_link_to_the_form(client, published_claim, people):
    client.force_login(people["reviewer"])
    html = client.get(reverse("admin:claims_claim_change", args=[published_claim.pk])).content.decode()
    assert f'href="{start_url(published_claim)}" class="historylink" id="start-review">Review again' in html


def test_the_form_asks_a_reason_and_says_the_published_version_stays_live(client, published_claim, people):
    client.force_login(people["reviewer"])
    page = client.get(start_url(published_claim))
    html = page.content.decode()
    assert page.status_code == 200 and 'id="rereview-form"' in html
    assert "The published version stays live in the content API until the new review is published" in html
    refused = client.post(start_url(published_claim), {"reason": "  "})
    assert refused.status_code == 200 and "Give the reason" in refused.content.decode()
    assert not published_claim.reviews.filter(state__in=Review.OPEN_STATES).exists()


def test_the_form_starts_the_review_with_the_reason(client, published_claim, people):
    client.force_login(people["reviewer"])
    response = client.post(start_url(published_claim), {"reason": "New safety signal."})
    review = published_claim.reviews.get(state=Review.State.DRAFT)
    assert response["Location"] == reverse("admin:reviews_review_change", args=[review.pk])
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "Version 1 stays live until this review is published." in said
    assert AuditEvent.objects.get(review_id=review.pk, event_type="review.started").reason == "New safety signal."


def test_an_unpublished_claim_still_starts_in_one_click(client, standard_claim, reviewer):
    client.force_login(reviewer)
    assert client.get(start_url(standard_claim))["Location"] == reverse(
        "admin:claims_claim_change", args=[standard_claim.pk]
    )
    response = client.post(start_url(standard_claim))
    review = standard_claim.reviews.get()
    assert response["Location"] == reverse("admin:reviews_review_change", args=[review.pk])


def test_the_bulk_action_refuses_a_published_claim_and_points_to_its_page(client, published_claim, people):
    client.force_login(people["reviewer"])
    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "start_review_action", "_selected_action": [published_claim.pk]},
    )
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "needs a reason" in said and "Review again" in said
    assert not published_claim.reviews.filter(state__in=Review.OPEN_STATES).exists()
