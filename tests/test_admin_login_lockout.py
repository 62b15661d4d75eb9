"""Admin login is protected against password guessing: after AXES_FAILURE_LIMIT failed logins for
a username from one address, that username is refused from that address (even with the right
password) for AXES_COOLOFF_MINUTES, with a page that says so. Other users and addresses are not
affected, and a successful login clears the count."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "pw"  # UserFactory's


def access_attempts():
    from axes.models import AccessAttempt

    return AccessAttempt.objects.all()


@pytest.fixture(autouse=True)
def clean_slate():
    if "axes" in settings.INSTALLED_APPS:
        access_attempts().delete()


def attempt(username, password, address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})
    return client, response


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_settings_from_the_environment_have_sane_defaults():
    assert settings.AXES_ENABLED
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_RESET_ON_SUCCESS


def test_the_right_password_logs_in():
    UserFactory(username="lock_ok")
    client, response = attempt("lock_ok", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_after_100_wrong_passwords_the_right_one_is_refused_and_others_are_not():
    UserFactory(username="lock_victim")
    UserFactory(username="lock_bystander")
    for _ in range(100):
        _, response = attempt("lock_victim", "wrong")
        assert response.status_code in (200, 429)  # the form again, then the lockout page; never a 500

    client, response = attempt("lock_victim", PASSWORD)
    assert not logged_in(client)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins" in page and "15 minutes" in page

    # Another user from the same address, and the same user from another address, still log in.
    client, response = attempt("lock_bystander", PASSWORD)
    assert response.status_code == 302 and logged_in(client)
    client, response = attempt("lock_victim", PASSWORD, address="198.51.100.9")
    assert response.status_code == 302 and logged_in(client)


def test_the_lockout_starts_at_the_failure_limit():
    UserFactory(username="lock_limit")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _, response = attempt("lock_limit", "wrong")
        assert response.status_code == 200
    _, response = attempt("lock_limit", "wrong")
    assert response.status_code == 429
    client, _ = attempt("lock_limit", PASSWORD)
    assert not logged_in(client)


def test_a_successful_login_resets_the_count():
    UserFactory(username="lock_reset")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt("lock_reset", "wrong")
    client, _ = attempt("lock_reset", PASSWORD)
    assert logged_in(client)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt("lock_reset", "wrong")
    client, _ = attempt("lock_reset", PASSWORD)
    assert logged_in(client)


def test_the_lockout_ends_after_the_cool_off():
    UserFactory(username="lock_cool")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt("lock_cool", "wrong")
    client, _ = attempt("lock_cool", PASSWORD)
    assert not logged_in(client)
    access_attempts().update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    client, response = attempt("lock_cool", PASSWORD)
    assert response.status_code == 302 and logged_in(client)


def test_test_client_login_and_force_login_still_work():
    user = UserFactory(username="lock_client")
    client = Client()
    assert client.login(username="lock_client", password=PASSWORD)
    other = Client()
    other.force_login(user)
    assert other.get("/admin/").status_code == 200
