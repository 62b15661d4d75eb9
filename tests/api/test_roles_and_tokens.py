import io
from datetime import timedelta

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.utils import timezone
from knox.crypto import hash_token
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from core.tokens import TokenAuthentication, token_issue, token_model
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/claims/",
    "/api/v1/claims/{id}/",
    "/api/v1/claims/{id}/claimreview/",
    "/api/v1/remedies/",
    "/api/v1/changes/",
]


def client_for(user, how):
    client = APIClient()
    if how == "token":
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    elif how == "session":
        client.force_login(user)
    return client


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_anonymous_gets_401(published, endpoint, quinine_claim):
    response = APIClient().get(endpoint.format(id=quinine_claim.pk))
    assert response.status_code == 401
    assert response.json()["error"]["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("role", "how"),
    [
        ("content", "token"),
        ("reviewer", "session"),
        ("senior", "session"),
        ("auditor", "token"),
        ("auditor", "session"),
    ],
)
def test_every_role_reads_published_data(people, published, quinine_claim, endpoint, role, how):
    response = client_for(people[role], how).get(endpoint.format(id=quinine_claim.pk))
    assert response.status_code == 200


def test_account_without_a_role_gets_403(published):
    staff = UserFactory(username="norole", is_staff=True, is_superuser=True)
    response = client_for(staff, "session").get("/api/v1/claims/")
    assert response.status_code == 403


def test_token_of_a_user_who_lost_the_role_gets_403(people, published):
    client = client_for(people["content"], "token")
    people["content"].groups.clear()
    assert client.get("/api/v1/claims/").status_code == 403


def test_issue_token_prints_a_working_token_and_revoke_stops_it(people, published):
    out = io.StringIO()
    call_command("issue_token", "api_content", stdout=out)
    token = out.getvalue().strip()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/claims/").status_code == 200
    call_command("issue_token", "api_content", "--revoke", stdout=io.StringIO())
    assert client.get("/api/v1/claims/").status_code == 401


def test_tokens_are_stored_hashed(people):
    token = token_issue(user=people["content"])
    stored = token_model().objects.get(user=people["content"])
    # knox keeps the SHA-512 digest and the first 15 characters (to find the row), never the token.
    assert stored.digest == hash_token(token) and len(stored.digest) == 128
    assert stored.token_key == token[:15] and len(token) == 64
    assert stored.expiry is None  # valid until revoked


def test_revoke_removes_every_token_of_the_account_only(people, published):
    kept = client_for(people["auditor"], "token")
    tokens = [client_for(people["content"], "token") for _ in range(2)]
    out = io.StringIO()
    call_command("issue_token", "api_content", "--revoke", stdout=out)
    assert out.getvalue().strip() == "revoked 2 token(s) of api_content"
    assert [client.get("/api/v1/claims/").status_code for client in tokens] == [401, 401]
    assert kept.get("/api/v1/claims/").status_code == 200


def test_token_of_an_inactive_account_gets_401(people, published):
    client = client_for(people["content"], "token")
    people["content"].is_active = False
    people["content"].save(update_fields=["is_active"])
    response = client.get("/api/v1/claims/")
    assert response.status_code == 401 and response["WWW-Authenticate"] == "Token"


def test_an_expired_token_gets_401(people, published):
    client = client_for(people["content"], "token")
    token_model().objects.filter(user=people["content"]).update(expiry=timezone.now() - timedelta(seconds=1))
    assert client.get("/api/v1/claims/").status_code == 401
    assert token_model().objects.filter(user=people["content"]).exists()  # refused, not deleted on a read


def test_knox_token_admin_is_not_offered(db):
    # Its add form would issue a token to any account, role or not.
    assert not admin.site.is_registered(token_model())


def test_issue_token_refuses_accounts_without_an_api_role(db):
    UserFactory(username="plain")
    with pytest.raises(CommandError, match="no API role"):
        call_command("issue_token", "plain", stdout=io.StringIO())
    with pytest.raises(CommandError, match="no such user"):
        call_command("issue_token", "ghost", stdout=io.StringIO())


@pytest.mark.parametrize(
    "header",
    [
        "Token",
        "Token a b",
        "Token not-a-real-token",
        "Token " + "0" * 64,  # the shape of a token, but none issued
        "Token caf\u00e9" + "0" * 60,  # not ASCII
        "Token a\u0000b",
    ],
)
def test_bad_token_headers_get_401(published, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    assert client.get("/api/v1/claims/").status_code == 401


def test_a_malformed_token_costs_no_query(db, django_assert_num_queries):
    request = Request(APIRequestFactory().get("/", HTTP_AUTHORIZATION="Token caf\u00e9-not-hex!"))
    with django_assert_num_queries(0), pytest.raises(Exception, match="Invalid or revoked token"):
        TokenAuthentication().authenticate(request)


def test_throttling_per_token(people, published, settings, monkeypatch):
    from django.core.cache import cache

    cache.clear()
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "token": "3/min"}
    from core.api.throttling import PerTokenRateThrottle

    original = PerTokenRateThrottle.THROTTLE_RATES
    PerTokenRateThrottle.THROTTLE_RATES = rates
    # Mid-window: a run that crossed into the next minute would get a fresh budget.
    monkeypatch.setattr(PerTokenRateThrottle, "timer", lambda self: 60 * 16_666_667 + 30.0)
    try:
        first, second = client_for(people["content"], "token"), client_for(people["content"], "token")
        codes = [first.get("/api/v1/changes/").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        assert first.get("/api/v1/changes/").json()["error"]["status"] == 429
        assert second.get("/api/v1/changes/").status_code == 200  # its own budget
    finally:
        PerTokenRateThrottle.THROTTLE_RATES = original
        cache.clear()


def test_throttle_budget_returns_with_the_next_window(people, published, monkeypatch):
    from django.core.cache import cache

    from core.api.throttling import PerTokenRateThrottle

    cache.clear()
    now = [60 * 16_666_667 + 30.0]  # 30 s into a one-minute window
    monkeypatch.setattr(PerTokenRateThrottle, "THROTTLE_RATES", {"token": "2/min"})
    monkeypatch.setattr(PerTokenRateThrottle, "timer", lambda self: now[0])
    try:
        client = client_for(people["content"], "token")
        codes = [client.get("/api/v1/changes/").status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        refused = client.get("/api/v1/changes/")
        assert (refused.status_code, refused["Retry-After"]) == (429, "30")
        now[0] += 30  # the next window
        assert client.get("/api/v1/changes/").status_code == 200
    finally:
        cache.clear()


def test_token_authentication_gives_the_whole_user_in_one_query(people, django_assert_num_queries):
    content = people["content"]
    token = token_issue(user=content)
    request = Request(APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Token {token}"))
    with django_assert_num_queries(1):  # the token, its user and the role check together
        user, auth = TokenAuthentication().authenticate(request)
        assert (user.pk, user.get_username(), user.is_active) == (content.pk, content.username, True)
        assert (user.is_staff, user.is_superuser) == (False, False)
        assert auth.user_id == content.pk and auth.has_api_role is True
        assert auth.created is not None and auth.expiry is None
    assert user.date_joined == content.date_joined  # fields the API does not read load on access


def test_role_check_rides_on_the_token_query(people, django_assert_num_queries):
    token = token_issue(user=people["content"])
    people["content"].groups.clear()
    request = Request(APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Token {token}"))
    with django_assert_num_queries(1):
        _, auth = TokenAuthentication().authenticate(request)
    assert auth.has_api_role is False


def test_the_compiled_lookup_serves_each_connection_and_key(people):
    # The token query is compiled once per connection; each request puts its own key in it.
    first, second = token_issue(user=people["content"]), token_issue(user=people["auditor"])
    for token, user in [(first, people["content"]), (second, people["auditor"]), (first, people["content"])]:
        request = Request(APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Token {token}"))
        assert TokenAuthentication().authenticate(request)[0].pk == user.pk


def test_an_authenticated_list_costs_the_token_validators_and_page(api, published, django_assert_num_queries):
    with django_assert_num_queries(3):  # token (with user and role), list validators, the page
        assert api.get("/api/v1/claims/").status_code == 200
