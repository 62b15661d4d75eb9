"""The agreement page (reviews/admin/agreement.py): seniors and auditors see the figures, other
staff get 403, and the review list links to it for those who may see it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim
from core import roles
from reviews.models import Grading, Review
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reviews/agreement/"


@pytest.fixture
def dual_graded(db):
    """Two graders, three reviews both submitted and one where the second grading is still open."""
    a, b = UserFactory(username="grader_a", role=roles.REVIEWER), UserFactory(username="grader_b", role=roles.REVIEWER)
    rows = [
        ("low", "low", "strong_for", "conditional_for", True),
        ("moderate", "low", "strong_against", "strong_against", True),
        ("high", "high", "insufficient_evidence", "strong_against", True),
        ("very_low", "high", "strong_for", "strong_against", False),
    ]
    for claim, (cert_a, cert_b, rec_a, rec_b, both) in zip(Claim.objects.order_by("pk"), rows, strict=False):
        review = Review.objects.create(claim=claim, started_by=a, dual_grading=True)
        Grading.objects.create(
            review=review, grader=a, certainty=cert_a, recommendation=rec_a, submitted_at=timezone.now()
        )
        Grading.objects.create(
            review=review,
            grader=b,
            certainty=cert_b,
            recommendation=rec_b,
            submitted_at=timezone.now() if both else None,
        )
    return a, b


def test_the_url_is_the_named_one():
    assert reverse("reviews_agreement") == URL


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.parametrize("who", ["reviewer", "superuser"])
def test_other_staff_are_refused(client, request, who, dual_graded):
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    assert response.status_code == 403
    assert "grader_a" not in response.content.decode()


def test_a_content_reader_has_no_admin(client, content_reader):
    client.force_login(content_reader)
    assert client.get(URL).status_code == 302


@pytest.mark.parametrize("who", ["senior", "auditor"])
def test_seniors_and_auditors_see_the_figures(client, request, who, dual_graded):
    client.force_login(request.getfixturevalue(who))
    response = client.get(URL)
    assert response.status_code == 200
    overall = response.context["figures"].overall
    assert overall.reviews == 3  # the review with a grading still open is not counted
    page = response.content.decode()
    assert '<strong id="agreement-reviews">3</strong>' in page
    # Certainty (L, L), (M, L), (H, H): 2 of 3; linearly weighted kappa 2/3 (tests/reviews/test_agreement.py).
    assert "66.7 %" in page and "0.67" in page
    assert "grader_a and grader_b" in page
    assert "Landis &amp; Koch" in page and "up to 0.60 moderate" in page


def test_no_figures_yet_says_so(client, senior):
    client.force_login(senior)
    page = client.get(URL).content.decode()
    assert "No pair of graders has both gradings of a review submitted yet." in page
    assert "no reviews with both gradings submitted" in page


def test_the_page_costs_the_same_however_many_reviews(client, senior, dual_graded, django_assert_num_queries):
    client.force_login(senior)
    client.get(URL)  # warm
    # The session, the user, the role, the gradings, and the admin's two permission reads (its menu).
    with django_assert_num_queries(6):
        client.get(URL)
    c = UserFactory(username="grader_c", role=roles.REVIEWER)
    a = Grading.objects.first().grader
    for claim in Claim.objects.filter(reviews__isnull=True).order_by("pk")[:4]:  # a new pair, four more reviews
        review = Review.objects.create(claim=claim, started_by=a, dual_grading=True)
        for grader in (a, c):
            Grading.objects.create(review=review, grader=grader, certainty="low", submitted_at=timezone.now())
    with django_assert_num_queries(6):
        response = client.get(URL)
    assert response.context["figures"].overall.reviews == 7


@pytest.mark.parametrize(("who", "linked"), [("senior", True), ("auditor", True), ("reviewer", False)])
def test_the_review_list_links_to_the_page_for_those_who_may_see_it(client, request, who, linked):
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("admin:reviews_review_changelist")).content.decode()
    assert (f'href="{URL}"' in page) is linked
