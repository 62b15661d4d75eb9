import pytest

from claims.models import Claim
from reviews.publishing import services as publishing
from tests.helpers import take_to_approved

pytestmark = pytest.mark.django_db


def republish(people, claim, **grading):
    review = take_to_approved(claim, people, **grading)
    return publishing.review_publish(review=review, actor=people["senior"], note="update")


def changes(api, after=None):
    url = "/api/v1/changes/" + (f"?after={after}" if after is not None else "")
    return [(c["kind"], c["claim_id"], c["version"]) for c in api.get(url).json()["results"]]


def test_republish_serves_version_two_and_keeps_version_one_readable(api, published, people, stretching_claim):
    republish(people, stretching_claim, certainty="high", recommendation="strong_for")
    current = api.get(f"/api/v1/claims/{stretching_claim.pk}/").json()
    assert (current["version"], current["evidence"]["certainty"]) == (2, "high")
    earlier = api.get(f"/api/v1/claims/{stretching_claim.pk}/?version=1").json()
    assert (earlier["version"], earlier["current_version"], earlier["evidence"]["certainty"]) == (1, 2, "moderate")
    assert api.get(f"/api/v1/claims/{stretching_claim.pk}/?version=3").status_code == 404
    for wrong in ("first", "²", "0"):  # "²".isdigit() is true, but it is no version
        bad = api.get(f"/api/v1/claims/{stretching_claim.pk}/", {"version": wrong})
        assert bad.status_code == 400 and "version" in bad.json()["error"]["message"], wrong


def test_changes_feed_after_publish_republish_and_withdraw(api, published, people, stretching_claim, quinine_claim):
    start = changes(api)
    assert start == [("published", quinine_claim.pk, 1), ("published", stretching_claim.pk, 1)]
    last_seen = api.get("/api/v1/changes/").json()["results"][-1]["id"]
    republish(people, stretching_claim)
    publishing.review_withdraw(review=published["quinine"].review, actor=people["senior"], reason="Safety.")
    assert changes(api, after=last_seen) == [
        ("republished", stretching_claim.pk, 2),
        ("withdrawn", quinine_claim.pk, 1),
    ]
    withdrawn = api.get(f"/api/v1/changes/?after={last_seen}&kind=withdrawn").json()["results"]
    assert withdrawn[0]["reason"] == "Safety." and withdrawn[0]["url"] is None


def test_etag_gives_304_until_something_is_published(api, published, people, stretching_claim):
    first = api.get("/api/v1/claims/")
    etag = first["ETag"]
    assert first["Last-Modified"]
    assert api.get("/api/v1/claims/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    detail = api.get(f"/api/v1/claims/{stretching_claim.pk}/")
    assert api.get(f"/api/v1/claims/{stretching_claim.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304
    republish(people, stretching_claim)
    assert api.get("/api/v1/claims/", HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert api.get(f"/api/v1/claims/{stretching_claim.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 200


def test_a_weak_etag_in_if_none_match_gets_a_304(api, published, stretching_claim):
    # A cache that changed the body's encoding may send the ETag back weak (W/"..."): it still matches.
    for path in ("/api/v1/claims/", f"/api/v1/claims/{stretching_claim.pk}/", "/api/v1/changes/"):
        etag = api.get(path)["ETag"]
        assert api.get(path, HTTP_IF_NONE_MATCH=f"W/{etag}").status_code == 304, path
        assert api.get(path, HTTP_IF_NONE_MATCH=f'"elsewhere", W/{etag}').status_code == 304, path
        assert api.get(path, HTTP_IF_NONE_MATCH='W/"elsewhere"').status_code == 200, path
    # If-Match, which a GET rarely sends, is answered as Django answers it.
    etag = api.get("/api/v1/claims/")["ETag"]
    assert api.get("/api/v1/claims/", HTTP_IF_MATCH=etag).status_code == 200
    assert api.get("/api/v1/claims/", HTTP_IF_MATCH='"elsewhere"').status_code == 412


def test_a_claims_validators_are_its_own(api, published, people, stretching_claim, quinine_claim, publish):
    from django.utils.http import http_date

    path = f"/api/v1/claims/{stretching_claim.pk}/"
    first = api.get(path)
    assert first["Last-Modified"] == http_date(published["stretching"].published_at.timestamp())
    assert api.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    # Publishing or withdrawing another claim leaves this one's copy good...
    publish(Claim.objects.filter(remedy__name="magnesium").order_by("pk").first())
    publishing.review_withdraw(review=published["quinine"].review, actor=people["senior"], reason="Safety.")
    assert api.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # ...its own republication does not, and the new version answers with new validators.
    republish(people, stretching_claim)
    second = api.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (second.status_code, second.json()["version"]) == (200, 2)
    assert second["ETag"] != first["ETag"]
    assert api.get(path, HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304
    # An earlier version names the current one, so its validators follow every publication.
    earlier = api.get(f"{path}?version=1")["ETag"]
    assert api.get(f"{path}?version=1", HTTP_IF_NONE_MATCH=earlier).status_code == 304
    publish(Claim.objects.filter(remedy__name="quinine").exclude(pk=quinine_claim.pk).order_by("pk").first())
    assert api.get(f"{path}?version=1", HTTP_IF_NONE_MATCH=earlier).status_code == 200


def test_validators_name_the_host_and_scheme_and_every_answer_is_revalidated(api, published, stretching_claim):
    path = f"/api/v1/claims/{stretching_claim.pk}/"
    plain = api.get(path)
    assert plain.json()["url"].startswith("http://")
    over_tls = api.get(path, HTTP_IF_NONE_MATCH=plain["ETag"], secure=True)
    assert (over_tls.status_code, over_tls.json()["url"][:8]) == (200, "https://")
    for response in (plain, api.get(path, HTTP_IF_NONE_MATCH=plain["ETag"]), api.get("/api/v1/claims/")):
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}, response.status_code


def test_the_current_version_costs_the_token_and_one_row(api, published, stretching_claim, django_assert_num_queries):
    path = f"/api/v1/claims/{stretching_claim.pk}/"
    etag = api.get(path)["ETag"]
    with django_assert_num_queries(2):
        assert api.get(path).status_code == 200
    with django_assert_num_queries(2):
        assert api.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_withdrawal_changes_the_etag(api, published, people):
    etag = api.get("/api/v1/claims/")["ETag"]
    publishing.review_withdraw(review=published["quinine"].review, actor=people["senior"], reason="Safety.")
    assert api.get("/api/v1/claims/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_claimreview_maps_the_recommendation_to_a_rating(api, published, quinine_claim):
    response = api.get(f"/api/v1/claims/{quinine_claim.pk}/claimreview/")
    assert response["Content-Type"].startswith("application/ld+json")
    body = response.json()
    assert body["@type"] == "ClaimReview" and body["claimReviewed"] == quinine_claim.statement
    assert body["reviewRating"] == {
        **body["reviewRating"],
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Strong recommendation against",
    }
    assert body["url"].endswith(f"/api/v1/claims/{quinine_claim.pk}/")


def test_remedies_lists_only_remedies_with_published_claims(api, published):
    body = api.get("/api/v1/remedies/").json()
    assert [r["name"] for r in body["results"]] == ["quinine", "stretching"]
    quinine = body["results"][0]
    assert "Qualaquin" in quinine["aliases"] and quinine["published_claims"] == 1
    assert api.get(f"/api/v1/remedies/{quinine['id']}/").json()["name"] == "quinine"
    from claims.models import Remedy

    unpublished = Remedy.objects.get(name="magnesium")
    assert api.get(f"/api/v1/remedies/{unpublished.pk}/").status_code == 404


@pytest.mark.parametrize("query", ["", "?format=json", "?page_size=1&format=json"])
def test_claim_urls_lead_to_the_claim_whatever_the_query(api, published, query):
    listed = api.get(f"/api/v1/claims/{query}").json()["results"]
    assert listed
    for claim in listed:
        assert claim["url"] == f"http://testserver/api/v1/claims/{claim['id']}/"
        assert api.get(claim["url"]).json()["url"] == claim["url"]
