"""Dual grading in the admin, over HTTP, as each person would: start an independent grading from
the review's page, add its outcome (the outcome page, for the grading), recommendation and
contraindication, submit; the side-by-side disagreements, agreed by both graders; the conflict
gate on the review's page. Every write goes through the services."""

import pytest
from django.test import Client
from django.urls import reverse

from reviews.models import Disagreement, Grading, Outcome
from tests.admin.pages import messages_of, new_outcome
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db


def admin(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def review_page(review) -> str:
    return reverse("admin:reviews_review_change", args=[review.pk])


def grade_in_the_admin(client, review, recommendation) -> Grading:
    """Start, grade and submit one's independent grading through the admin's pages."""
    page = client.get(review_page(review)).content.decode()
    assert 'id="start-grading"' in page
    started = client.post(reverse("admin:reviews_grading_start", args=[review.pk]))
    grading = Grading.objects.get(review=review, grader=started.wsgi_request.user)
    assert started["Location"] == reverse("admin:reviews_grading_change", args=[grading.pk])
    add = reverse("admin:reviews_gradingoutcome_add") + f"?grading={grading.pk}"
    outcome = new_outcome(0, name="Cramp frequency", design="observational")
    assert client.post(add, outcome).status_code == 302
    change = reverse("admin:reviews_grading_change", args=[grading.pk])
    saved = client.post(change, {"recommendation": recommendation, "summary": "Two small trials."})
    assert saved.status_code == 302, messages_of(saved)
    contraindication = {
        "contraindication-condition": "Pregnancy",
        "contraindication-kind": "condition",
        "contraindication-severity": "absolute",
        "contraindication-rationale": "Label contraindication.",
        "contraindication-source_kind": "label",
    }
    client.post(reverse("admin:reviews_grading_contraindication", args=[grading.pk]), contraindication)
    client.post(reverse("admin:reviews_grading_submit", args=[grading.pk]))
    grading.refresh_from_db()
    return grading


def test_two_graders_grade_in_the_admin_then_agree_on_the_disagreements_page(dual_review, reviewer, reviewer2):
    first_client, second_client = admin(reviewer), admin(reviewer2)
    first = grade_in_the_admin(first_client, dual_review, "strong_against")
    assert first.is_submitted and first.outcomes.get().certainty == "low"
    assert first.contraindications.get().condition == "Pregnancy" and first.recommendation == "strong_against"
    # The second grader cannot open the first's grading, nor submit it.
    assert second_client.get(reverse("admin:reviews_grading_change", args=[first.pk])).status_code == 404
    assert second_client.post(reverse("admin:reviews_grading_submit", args=[first.pk])).status_code == 403
    second = grade_in_the_admin(second_client, dual_review, "conditional_against")
    assert second.is_submitted
    point = Disagreement.objects.get(review=dual_review)
    assert (point.item, point.first_value, point.second_value) == (
        "recommendation",
        "strong_against",
        "conditional_against",
    )
    disagreements = reverse("admin:reviews_grading_disagreements", args=[dual_review.pk])
    page = first_client.get(disagreements).content.decode()
    assert "Strong against" in page and "Conditional against" in page and "1 still open" in page
    first_client.post(
        disagreements,
        {"disagreement": point.pk, "action": "propose", "value": "conditional_against", "reason": "Rare harms."},
    )
    page = second_client.get(disagreements).content.decode()
    assert 'value="confirm"' in page and "rev1 proposes Conditional against" in page
    second_client.post(
        disagreements,
        {"disagreement": point.pk, "action": "confirm", "value": "conditional_against", "reason": "Agreed."},
    )
    point.refresh_from_db()
    assert (point.resolution, point.resolved_value) == ("agreed", "conditional_against")
    dual_review.refresh_from_db()
    assert dual_review.recommendation == "conditional_against" and dual_review.certainty == "low"
    assert list(Outcome.objects.filter(review=dual_review, grading=None).values_list("name", flat=True)) == [
        "Cramp frequency"
    ]
    assert audit_types(dual_review)[-2:] == ["contraindication.added", "grading.resolved"]
    assert 'id="conflict-gate"' not in first_client.get(review_page(dual_review)).content.decode()


def test_the_review_page_shows_the_conflict_gate(dual_review, reviewer, third):
    page = admin(third).get(review_page(dual_review)).content.decode()
    gate = "cannot be submitted or approved until it has both independent gradings submitted (0 of 2 so far)."
    assert f"Conflict gate: this review {gate}" in page
    assert 'id="start-grading"' in page


def test_a_third_grading_is_refused_with_a_message(dual_review, reviewer, reviewer2, third):
    admin(reviewer).post(reverse("admin:reviews_grading_start", args=[dual_review.pk]))
    admin(reviewer2).post(reverse("admin:reviews_grading_start", args=[dual_review.pk]))
    response = admin(third).post(reverse("admin:reviews_grading_start", args=[dual_review.pk]), follow=True)
    assert response.status_code == 200
    assert any("already has its two independent gradings" in m for m in messages_of(response))
    assert Grading.objects.filter(review=dual_review).count() == 2


def test_a_senior_requires_dual_grading_from_the_review_page(standard_claim, reviewer, senior):
    from reviews import services

    review = services.review_start(claim=standard_claim, actor=reviewer)
    assert 'id="require-dual-grading"' not in admin(reviewer).get(review_page(review)).content.decode()
    assert 'id="require-dual-grading"' in admin(senior).get(review_page(review)).content.decode()
    admin(senior).post(reverse("admin:reviews_grading_require", args=[review.pk]), {"note": "Contested."})
    review.refresh_from_db()
    assert review.dual_grading
