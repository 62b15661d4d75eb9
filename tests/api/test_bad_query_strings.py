"""Query strings a client could send by mistake or on purpose: each is a 400 naming the parameter,
never a 500. Cursors are query parameters too, and only the API's own links carry valid ones."""

from base64 import b64encode

import pytest
from django.db import connection

from tests.helpers import ids

pytestmark = pytest.mark.django_db


def cursor(tokens: str) -> str:
    return b64encode(tokens.encode()).decode()


NOT_CURSORS = ["YQ", cursor("p=%00")]  # not base64; NUL, which PostgreSQL refuses in text
NOT_TIMES = [cursor("p=notadate"), cursor("p=")]
NOT_IDS = [cursor("p=notadate"), cursor("p="), cursor("o=5&p=2024-01-01")]


def assert_400_naming_cursor(response):
    assert response.status_code == 400, response.content
    assert "cursor" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("path", "value"),
    [("/api/v1/claims/", v) for v in NOT_CURSORS + NOT_TIMES]
    + [("/api/v1/changes/", v) for v in NOT_CURSORS + NOT_IDS]
    + [("/api/v1/remedies/", v) for v in NOT_CURSORS],  # ordered by name: any other text is a position
)
def test_a_cursor_the_api_did_not_write_is_a_400(api, published, path, value):
    assert_400_naming_cursor(api.get(path, {"cursor": value}))


def test_a_cursor_time_past_year_9999_in_utc(api, published):
    response = api.get("/api/v1/claims/", {"cursor": cursor("p=9999-12-31T23:59:59-12:00")})
    if connection.vendor == "sqlite":  # SQLite compares times as UTC text: year 10000 overflows
        assert_400_naming_cursor(response)
    else:  # PostgreSQL's timestamps reach far past it: a valid position, newer than every claim
        assert response.status_code == 200
        assert ids(response) == ids(api.get("/api/v1/claims/")) != []


@pytest.mark.parametrize("value", NOT_CURSORS + NOT_IDS)
def test_audit_cursors_too(auditor_api, published, value):
    assert_400_naming_cursor(auditor_api.get("/api/v1/audit/events/", {"cursor": value}))


def test_the_api_own_cursor_links_still_work(api, auditor_api, published):
    page = api.get("/api/v1/claims/", {"page_size": 1}).json()
    assert api.get(page["next"]).status_code == 200
    events = auditor_api.get("/api/v1/audit/events/", {"page_size": 2}).json()
    assert auditor_api.get(events["next"]).status_code == 200


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("/api/v1/claims/", {"updated_since": "9999-12-31T23:59:59-12:00"}, "updated_since"),
        ("/api/v1/claims/", {"updated_since": "0001-01-01T00:00:00+12:00"}, "updated_since"),
        ("/api/v1/changes/", {"after": "1.5"}, "after"),
        ("/api/v1/changes/", {"after": "99999999999999999999999"}, "after"),
        ("/api/v1/audit/events/", {"claim": "99999999999999999999999"}, "claim"),
        ("/api/v1/audit/events/", {"review": "1.5"}, "review"),
        ("/api/v1/audit/events/", {"remedy": "-3"}, "remedy"),
        ("/api/v1/audit/events/", {"since": "0001-01-01T00:00:00+12:00"}, "since"),
        ("/api/v1/audit/events/", {"until": "9999-12-31T23:59:59-12:00"}, "until"),
    ],
)
def test_values_out_of_range_are_400_naming_the_parameter(api, auditor_api, published, path, query, parameter):
    client = auditor_api if "/audit/" in path else api
    response = client.get(path, query)
    assert response.status_code == 400, response.content
    assert parameter in response.json()["error"]["message"]


def test_a_numeric_actor_past_any_id_is_a_username(auditor_api, published):
    response = auditor_api.get("/api/v1/audit/events/", {"actor": "99999999999999999999999"})
    assert response.status_code == 200 and response.json()["results"] == []


@pytest.mark.parametrize("query", ["about=%00", "remedy=quin%00ine"])
def test_a_nul_character_in_a_query_is_the_apis_json_error(api, query):
    response = api.get(f"/api/v1/claims/?{query}")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json() == {"error": {"status": 400, "message": "A NUL character is not allowed in a request."}}


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/sources/", "/api/v1/claims/x/y/", "/api/"])
def test_an_unknown_api_path_is_a_json_404_whatever_debug_says(client, settings, path, debug):
    """The demo runs with DEBUG on: an unknown API path answered with Django's HTML page."""
    settings.DEBUG = debug
    response = client.get(path)
    assert response.status_code == 404 and response["Content-Type"] == "application/json", response.content[:200]
    assert response.json() == {"error": {"status": 404, "message": "No such API endpoint or object."}}


def test_an_api_path_without_its_final_slash_is_still_redirected(client):
    response = client.get("/api/v1/claims")
    assert response.status_code == 301 and response["Location"] == "/api/v1/claims/"
