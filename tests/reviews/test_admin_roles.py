"""Each role in the admin: what it sees, what it may press, and that refusals are messages."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from reviews.models import Review
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(reverse("admin:reviews_review_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_content_reader_has_no_admin(login, content_reader):
    response = login(content_reader).get(reverse("admin:reviews_review_changelist"))
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["reviewer", "senior", "auditor"])
def test_staff_roles_see_the_queue_and_the_claims(login, who, request, submitted_review):
    client = login(request.getfixturevalue(who))
    assert client.get(reverse("admin:reviews_review_changelist")).status_code == 200
    assert client.get(reverse("admin:claims_claim_changelist")).status_code == 200
    assert client.get(reverse("admin:audit_auditevent_changelist")).status_code == 200
    page = client.get(reverse("admin:reviews_review_change", args=[submitted_review.pk]))
    assert page.status_code == 200
    assert submitted_review.claim.appearances.first().quote[:40] in page.content.decode()


def test_queue_orders_by_risk_then_age(login, reviewer, graded_review, graded_high_review):
    page = login(reviewer).get(reverse("admin:reviews_review_changelist"))
    reviews = list(page.context["cl"].result_list)
    assert [r.pk for r in reviews] == [graded_high_review.pk, graded_review.pk]


def test_grader_is_not_offered_approve_but_second_reviewer_is(login, reviewer, reviewer2, submitted_review):
    url = reverse("admin:reviews_review_change", args=[submitted_review.pk])
    assert "transition-approve" not in login(reviewer).get(url).content.decode()
    assert "transition-approve" in login(reviewer2).get(url).content.decode()


def test_forced_approve_by_grader_is_refused_with_a_message(login, reviewer, submitted_review):
    client = login(reviewer)
    url = reverse("admin:reviews_review_transition", args=[submitted_review.pk, "approve"])
    response = client.post(url, {"reason": ""}, follow=True)
    assert response.status_code == 200
    assert "Four-eyes" in response.content.decode()
    assert Review.objects.get(pk=submitted_review.pk).state == Review.State.IN_REVIEW


def test_approve_through_the_admin(login, reviewer2, submitted_review):
    url = reverse("admin:reviews_review_transition", args=[submitted_review.pk, "approve"])
    response = login(reviewer2).post(url, {"reason": "Agree."}, follow=True)
    assert "Approve: done." in response.content.decode()
    assert audit_types(submitted_review)[-1] == "review.approved"


def test_send_back_without_a_reason_asks_for_one(login, reviewer2, submitted_review):
    url = reverse("admin:reviews_review_transition", args=[submitted_review.pk, "request_changes"])
    response = login(reviewer2).post(url, {"reason": ""}, follow=True)
    assert "needs a reason" in response.content.decode()
    assert Review.objects.get(pk=submitted_review.pk).state == Review.State.IN_REVIEW


def test_auditor_cannot_change_anything(login, auditor, graded_review):
    client = login(auditor)
    url = reverse("admin:reviews_review_change", args=[graded_review.pk])
    assert client.post(url, {"certainty": "high", "version": graded_review.version}).status_code == 403
    response = client.post(reverse("admin:reviews_review_transition", args=[graded_review.pk, "submit"]), follow=True)
    assert "refused" in response.content.decode()
    assert Review.objects.get(pk=graded_review.pk).state == Review.State.DRAFT
    audit_url = reverse("admin:audit_auditevent_change", args=[AuditEvent.objects.first().pk])
    page = client.get(audit_url)
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


def test_start_review_from_the_claim_page(login, reviewer, standard_claim):
    response = login(reviewer).post(reverse("admin:claims_claim_start_review", args=[standard_claim.pk]), follow=True)
    review = Review.objects.get(claim=standard_claim)
    assert response.redirect_chain[-1][0] == reverse("admin:reviews_review_change", args=[review.pk])


def test_grading_in_the_admin_goes_through_the_service_and_detects_stale_pages(login, reviewer, graded_review):
    client = login(reviewer)
    url = reverse("admin:reviews_review_change", args=[graded_review.pk])
    form = {
        "recommendation": "conditional_against",
        "summary": "Updated.",
        "no_contraindication_reason": "",
        "assignee": reviewer.pk,
        "version": graded_review.version,
        **{
            f"{prefix}-{k}": v
            for prefix in ("judgements", "review_references", "contraindications_added")
            for k, v in {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0}.items()
        },
        "review_references-TOTAL_FORMS": 1,
        "review_references-INITIAL_FORMS": 1,
        "review_references-0-id": graded_review.review_references.get().pk,
        "review_references-0-review": graded_review.pk,
        "review_references-0-reference": graded_review.review_references.get().reference_id,
        "review_references-0-note": "",
        "_continue": "1",
    }
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    graded_review.refresh_from_db()
    assert graded_review.summary == "Updated."
    assert audit_types(graded_review)[-1] == "review.graded"
    # The same page submitted again is stale now: refused, nothing saved.
    stale = client.post(url, {**form, "summary": "Updated again."}, follow=True)
    assert "Nothing was saved" in stale.content.decode()
    graded_review.refresh_from_db()
    assert graded_review.summary == "Updated."


def test_review_page_lists_published_versions_and_publications_are_read_only(
    login, senior, reviewer2, auditor, submitted_review
):
    from reviews import services
    from reviews.publishing import services as publishing

    review = services.review_approve(review=submitted_review, actor=reviewer2)
    publication = publishing.review_publish(review=review, actor=senior)
    page = login(senior).get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    assert "v1 — " in page and "(this review) — current" in page
    client = login(auditor)
    assert client.get(reverse("admin:reviews_publication_changelist")).status_code == 200
    detail = client.get(reverse("admin:reviews_publication_change", args=[publication.pk]))
    assert detail.status_code == 200 and 'name="_save"' not in detail.content.decode()
