"""Logging in to the admin with an account that has no admin access: with the right password, the
page says the account has no admin access (an API reader is told it reads the API); with a wrong
password — or a username that does not exist — Django's message is unchanged, and django-axes
still counts the failures."""

import pytest
from django.conf import settings
from django.test import Client

from core import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "pw"  # UserFactory's
DJANGO_MESSAGE = "Please enter the correct username and password for a staff account"


@pytest.fixture(autouse=True)
def clean_slate():
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()


def attempt(username, password):
    client = Client(REMOTE_ADDR="203.0.113.9")
    response = client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})
    return client, response.content.decode()


def test_an_api_reader_with_the_right_password_is_told_it_has_no_admin_access(content_reader):
    client, page = attempt(content_reader.username, PASSWORD)
    assert "has no access to the admin" in page and "reads the content API" in page
    assert content_reader.username in page and DJANGO_MESSAGE not in page
    assert "_auth_user_id" not in client.session


def test_an_account_without_any_role_is_told_too_without_the_api(db):
    user = UserFactory(username="nobody_role", is_staff=False)
    _, page = attempt(user.username, PASSWORD)
    assert "has no access to the admin" in page and "content API" not in page


def test_a_wrong_password_or_an_unknown_username_gets_the_same_message_as_before(content_reader):
    for username, password in (
        (content_reader.username, "wrong"),
        ("no-such-user", "wrong"),
        ("no-such-user", PASSWORD),
    ):
        _, page = attempt(username, password)
        assert DJANGO_MESSAGE in page and "no access to the admin" not in page, username


def test_an_inactive_account_with_the_right_password_learns_nothing(db):
    user = UserFactory(username="gone_reader", role=roles.CONTENT_READER, is_staff=False, is_active=False)
    _, page = attempt(user.username, PASSWORD)
    assert DJANGO_MESSAGE in page and "no access to the admin" not in page


def test_axes_still_locks_out_after_the_failure_limit(content_reader):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(content_reader.username, "wrong")
    client, page = attempt(content_reader.username, PASSWORD)
    assert "no access to the admin" not in page and "_auth_user_id" not in client.session
    assert "locked" in page.lower() or "too many" in page.lower()


def test_a_staff_reviewer_still_logs_in(reviewer):
    client, _ = attempt(reviewer.username, PASSWORD)
    assert "_auth_user_id" in client.session
