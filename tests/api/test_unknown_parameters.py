"""A query parameter an endpoint does not read is a 400 naming it (core.api.parameters): a typo in
a filter must not answer with the whole unfiltered list."""

import pytest

from tests.helpers import ids

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "name", "reads"),
    [
        ("/api/v1/claims/?abot=night-leg-cramps", "abot", "about"),
        ("/api/v1/claims/?remedy=quinine&Kind=relief", "Kind", "kind"),
        ("/api/v1/remedies/?q=ibuprofen", "q", "cursor"),
        ("/api/v1/changes/?since=1", "since", "after"),
        ("/api/v1/claims/?version=2", "version", "about"),
    ],
)
def test_an_unknown_parameter_of_the_content_api_is_named(api, published, url, name, reads):
    response = api.get(url)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"] == f"Invalid query parameter: {name}."
    [said] = error["detail"][name]
    assert said.startswith("Unknown parameter: this endpoint reads ") and f" {reads}," in said


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims/?about=x&about=night-leg-cramps",
        "/api/v1/claims/?kind=x&kind=cause",
        "/api/v1/remedies/?page_size=1&page_size=2",
    ],
)
def test_a_parameter_given_twice_is_named_not_read_as_its_last_value(api, published, url):
    response = api.get(url)
    assert response.status_code == 400
    name = url.split("?")[1].split("=")[0]
    assert response.json()["error"]["detail"][name] == ["Given more than once: give one value (a filter reads one)."]


def test_a_filter_that_reads_every_value_given_takes_them_all(auditor_api):
    response = auditor_api.get("/api/v1/audit/events/?event_type=review.published&event_type=review.approved")
    assert response.status_code == 200


def test_every_parameter_an_endpoint_reads_is_still_read(api, published):
    quinine = published["quinine"]
    response = api.get(
        "/api/v1/claims/?about=night-leg-cramps&remedy=quinine&ordering=claim_id&page_size=5&format=json"
    )
    assert response.status_code == 200 and ids(response) == [quinine.claim_id]
    assert api.get(f"/api/v1/claims/{quinine.claim_id}/?version=1").status_code == 200
    assert api.get(f"/api/v1/claims/{quinine.claim_id}/claimreview/?version=1").status_code == 200
    assert api.get("/api/v1/remedies/?page_size=1").status_code == 200
    assert api.get("/api/v1/changes/?after=0").status_code == 200


def test_the_evidence_profile_reads_no_version(api, published):
    quinine = published["quinine"]
    response = api.get(f"/api/v1/claims/{quinine.claim_id}/evidence-profile/?version=1")
    assert response.status_code == 400 and "version" in response.json()["error"]["detail"]
    assert api.get(f"/api/v1/claims/{quinine.claim_id}/evidence-profile/").status_code == 200


def test_who_may_not_read_hears_that_first(client, published):
    assert client.get("/api/v1/claims/?abot=x").status_code == 401


@pytest.mark.parametrize(
    "url", ["/api/v1/audit/events/?actr=rev1", "/api/v1/audit/export/?format=csv&evnt_type=claim.added"]
)
def test_an_unknown_parameter_of_the_auditors_api_is_named(auditor_api, url):
    response = auditor_api.get(url)
    assert response.status_code == 400
    name = url.split("?")[1].split("&")[-1].split("=")[0]
    assert response.json()["error"]["detail"][name][0].startswith("Unknown parameter")
    assert auditor_api.get(url.replace("actr", "actor").replace("evnt_type", "event_type")).status_code == 200
