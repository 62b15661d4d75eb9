"""Every refusal in the admin is a message, never a server error; the queue and the backlog are
ordered by risk, then age; sources enter through the loader only."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims.models import Claim
from reviews import services
from reviews.models import Contraindication, Review

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def locked_contraindication(graded_high_review, reviewer):
    """A claim's own contraindication while its review awaits the second reviewer."""
    services.review_submit(review=graded_high_review, actor=reviewer)
    return Contraindication.objects.get(claim=graded_high_review.claim)


def test_deleting_a_contraindication_of_a_locked_review_is_a_message(client, senior, locked_contraindication):
    client.force_login(senior)
    url = reverse("admin:reviews_contraindication_delete", args=[locked_contraindication.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert any("Nothing was changed" in m for m in messages_of(response))
    assert Contraindication.objects.filter(pk=locked_contraindication.pk).exists()


def test_bulk_deleting_contraindications_of_a_locked_review_is_a_message(client, senior, locked_contraindication):
    client.force_login(senior)
    url = reverse("admin:reviews_contraindication_changelist")
    data = {"action": "delete_selected", "_selected_action": [locked_contraindication.pk], "post": "yes"}
    response = client.post(url, data)
    assert response.status_code == 302
    assert any("Nothing was changed" in m for m in messages_of(response))
    assert Contraindication.objects.filter(pk=locked_contraindication.pk).exists()


def test_sources_are_not_added_or_edited_in_the_admin(client, superuser):
    client.force_login(superuser)
    assert client.get(reverse("admin:claims_source_add")).status_code == 403
    response = client.post(reverse("admin:claims_source_add"), {"file_name": "x.txt", "title": "X", "language": "en"})
    assert response.status_code == 403
    assert client.get(reverse("admin:claims_source_changelist")).status_code == 200


def test_the_review_queue_is_highest_risk_first_then_oldest(client, reviewer, high_claim):
    low = list(Claim.objects.filter(remedy__risk_tier="low").order_by("pk")[:2])
    started = [services.review_start(claim=claim, actor=reviewer) for claim in (high_claim, *low)]
    # The older low-risk review is edited last: "last edited first" would put it on top.
    services.review_save_grading(review=started[1], actor=reviewer, expected_version=1, summary="Edited.")
    client.force_login(reviewer)
    response = client.get(reverse("admin:reviews_review_changelist"))
    listed = [review.pk for review in response.context["cl"].result_list]
    assert listed == [review.pk for review in started]


def test_the_backlog_lists_claims_nobody_started_highest_risk_first(client, reviewer, high_claim):
    services.review_start(claim=high_claim, actor=reviewer)
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_claim_changelist") + "?review=none")
    listed = list(response.context["cl"].result_list)
    assert high_claim not in listed
    assert not Review.objects.filter(claim__in=listed).exists()
    tiers = [claim.remedy.risk_tier for claim in listed]
    order = {"high": 0, "moderate": 1, "low": 2}
    assert tiers == sorted(tiers, key=order.__getitem__)
    assert len(listed) == min(100, Claim.objects.filter(reviews__isnull=True).count())


def test_a_refused_contraindication_inline_on_the_review_page_is_a_message(client, reviewer, graded_high_review):
    """A reviewer posts the review page of a review that is no longer editable."""
    services.review_submit(review=graded_high_review, actor=reviewer)
    add_url = reverse("admin:reviews_review_change", args=[graded_high_review.pk])
    client.force_login(reviewer)
    response = client.post(add_url, {"certainty": "high", "version": graded_high_review.version + 1})
    assert response.status_code in (302, 403)
    assert Review.objects.get(pk=graded_high_review.pk).certainty == "low"


def test_adding_a_contraindication_for_a_claim_under_approval_is_a_message(client, reviewer2, submitted_high_review):
    client.force_login(reviewer2)
    data = {
        "claim": submitted_high_review.claim_id, "kind": "condition", "condition": "Asthma", "severity": "caution",
        "rationale": "Label.", "source_kind": "label",
    }  # fmt: skip
    response = client.post(reverse("admin:reviews_contraindication_add"), data)
    assert response.status_code == 302
    assert any("Nothing was changed" in m for m in messages_of(response))
    assert not Contraindication.objects.filter(condition="Asthma").exists()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/reviews/review/abc/transition/approve/",
        "/admin/reviews/review/1%00/transition/approve/",
        "/admin/claims/claim/abc/history/",
        "/admin/claims/claim/abc/start-review/",
    ],
)
def test_an_id_that_is_not_one_is_a_404(client, senior, path):
    client.force_login(senior)
    assert client.get(path).status_code in (400, 404)  # a NUL is refused before the view
    assert client.post(path, {"reason": "x"}).status_code in (400, 404)


@pytest.mark.parametrize("query", ["?source=abc", "?source=99999999999999999999", "?source=%C2%B2"])
def test_a_bad_source_filter_is_not_a_server_error(client, reviewer, query):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_claim_changelist") + query)
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("query", ["?q=magnesium", "?review=open", "?review=published", "?review=none", "?source=1"])
def test_the_claims_list_filters_and_search_work_on_every_database(client, reviewer, high_claim, query):
    services.review_start(claim=high_claim, actor=reviewer)
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_claim_changelist") + query)
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 0


def test_the_claim_autocomplete_of_the_contraindication_form_works(client, reviewer):
    client.force_login(reviewer)
    query = "?term=magnesium&app_label=reviews&model_name=contraindication&field_name=claim"
    response = client.get("/admin/autocomplete/" + query)
    assert response.status_code == 200
    assert response.json()["results"]


@pytest.mark.parametrize(
    "path",
    [
        "/admin/reviews/review/?state=%00",
        "/admin/claims/claim/?kind=%00",
        "/admin/audit/auditevent/?event_type=%00",
        "/admin/autocomplete/?term=%00&app_label=reviews&model_name=contraindication&field_name=claim",
    ],
)
def test_a_nul_in_a_query_is_a_400(client, reviewer, path):
    client.force_login(reviewer)
    assert client.get(path).status_code == 400


def test_an_action_on_a_selection_that_is_not_ids_is_a_400(client, reviewer):
    client.force_login(reviewer)
    data = {"action": "start_review_action", "_selected_action": ["abc"]}
    assert client.post(reverse("admin:claims_claim_changelist"), data).status_code == 400
