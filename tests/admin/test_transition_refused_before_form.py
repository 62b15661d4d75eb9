"""A transition a user may not take is refused when its confirmation page is asked for, with the
reason, before any form is shown — not after the form is submitted."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from reviews.models import Review

pytestmark = pytest.mark.django_db


def transition_url(review, name):
    return reverse("admin:reviews_review_transition", args=[review.pk, name])


def refusal(response) -> str:
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def test_grader_asking_to_approve_is_refused_with_the_reason(client, reviewer, submitted_review):
    client.force_login(reviewer)
    response = client.get(transition_url(submitted_review, "approve"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:reviews_review_change", args=[submitted_review.pk])
    assert "Approve: refused" in refusal(response) and "four-eyes" in refusal(response).lower()
    page = client.get(response["Location"])
    assert 'id="confirm-transition"' not in page.content.decode()


def test_reviewer_asking_to_approve_a_high_risk_review_is_told_a_senior_decides(
    client, reviewer2, submitted_high_review
):
    client.force_login(reviewer2)
    response = client.get(transition_url(submitted_high_review, "approve"))
    assert response.status_code == 302
    assert "senior reviewer" in refusal(response)


def test_a_transition_the_state_does_not_allow_is_refused_before_the_form(client, reviewer2, graded_review):
    client.force_login(reviewer2)
    response = client.get(transition_url(graded_review, "approve"))
    assert response.status_code == 302
    assert "Approve: refused" in refusal(response) and "draft" in refusal(response).lower()


def test_second_reviewer_gets_the_form(client, reviewer2, submitted_review):
    client.force_login(reviewer2)
    response = client.get(transition_url(submitted_review, "approve"))
    assert response.status_code == 200
    assert 'id="confirm-transition"' in response.content.decode()


def test_a_refused_post_changes_nothing(client, reviewer, submitted_review):
    client.force_login(reviewer)
    response = client.post(transition_url(submitted_review, "approve"), {"reason": ""})
    assert response.status_code == 302 and "four-eyes" in refusal(response).lower()
    submitted_review.refresh_from_db()
    assert submitted_review.state == Review.State.IN_REVIEW
