"""The review page of the demo's reviews, over HTTP: a dual-graded review whose own grading is
closed shows it read-only (with why) until its disagreements are resolved; the conflict gate and
the refusals read as sentences; adjudication's messages do not nest quotes; a published claim's
printable evidence profile is linked from its review."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from reviews.admin.review import OWN_GRADING_CLOSED
from reviews.models import Disagreement, Review
from tests.admin.pages import messages_of, review_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return {u.username: u for u in get_user_model().objects.all()}


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _review(remedy: str) -> Review:
    return Review.objects.get(claim__remedy__name=remedy)


def _closed_page_checks(page: str) -> None:
    assert 'name="recommendation"' not in page and 'name="summary"' not in page
    assert 'name="no_known_contraindication"' not in page
    assert 'id="add-outcome"' not in page and "Add an outcome" not in page
    assert "review_references-__prefix__-reference" not in page  # no reference to add
    assert "contraindications-__prefix__-condition" not in page
    assert 'name="assignee"' in page  # assigning is not grading: still editable
    assert OWN_GRADING_CLOSED in page


def test_a_closed_dual_grading_shows_the_review_own_grading_read_only_until_reconciled(users):
    needle = _review("needle pricking")
    grader, adjudicator = as_user(users["reviewer"]), as_user(users["senior"])
    _closed_page_checks(grader.get(review_url(needle)).content.decode())

    # The gate, as a sentence, on the review page and the disagreements page.
    gate = (
        "cannot be submitted or approved until it has every disagreement between the two gradings resolved "
        "(4 still open)."
    )
    assert f"Conflict gate: this review {gate}" in grader.get(review_url(needle)).content.decode()
    disagreements = reverse("admin:reviews_grading_disagreements", args=[needle.pk])
    assert f"Conflict gate: the review {gate}" in adjudicator.get(disagreements).content.decode()
    submit = reverse("admin:reviews_review_transition", args=[needle.pk, "submit"])
    refused = grader.post(submit, {"reason": ""})
    assert any(
        "refused. Not ready: it still needs every disagreement between the two gradings resolved (4 still open);" in m
        for m in messages_of(refused)
    ), messages_of(refused)

    # A senior adjudicates every point; the messages name the point without nesting quotes.
    points = list(Disagreement.objects.filter(review=needle).order_by("id"))
    for point in points:
        response = adjudicator.post(
            disagreements,
            {"disagreement": point.pk, "action": "adjudicate", "value": point.second_value, "reason": "Judged."},
        )
        assert messages_of(response)[-1] == f"Adjudicate ({point.label}): done."
    assert "Adjudicate (Outcome “Infection, vessel or nerve injury”: certainty): done." in [
        f"Adjudicate ({p.label}): done." for p in points
    ]
    again = adjudicator.post(
        disagreements,
        {"disagreement": points[0].pk, "action": "adjudicate", "value": points[0].second_value, "reason": "Again."},
    )
    assert messages_of(again)[-1] == (
        f"Adjudicate ({points[0].label}): refused. This disagreement ({points[0].label}) was already resolved: "
        "adjudicated by a third reviewer."
    )

    # Reconciled: the review's own grading is the grader's to edit again.
    page = grader.get(review_url(needle)).content.decode()
    assert 'name="recommendation"' in page and 'name="summary"' in page and 'id="add-outcome"' in page
    assert "review_references-__prefix__-reference" in page
    assert OWN_GRADING_CLOSED not in page and 'id="conflict-gate"' not in page


def test_the_published_review_links_its_printable_evidence_profile_and_a_draft_does_not(users):
    client = as_user(users["senior"])
    quinine = _review("quinine")
    page = client.get(review_url(quinine)).content.decode()
    url = reverse("api:claim-evidence-profile", args=[quinine.claim_id])
    assert f'<a href="{url}" target="_blank" rel="noopener">Evidence profile (printable)</a>' in page
    assert client.get(url).status_code == 200
    assert "Evidence profile (printable)" not in client.get(review_url(_review("needle pricking"))).content.decode()
