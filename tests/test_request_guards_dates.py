"""A date list's year, month or day beyond the calendar is a 400 naming the parameter, not a
server error (Django's date hierarchy raises OverflowError on them)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/admin/notifications/notification/", "created_at__year=99999999999"),
        ("/admin/notifications/notification/", "created_at__year=2026&created_at__month=99999999999"),
        ("/admin/audit/auditevent/", "occurred_at__year=99999999999"),
        ("/admin/audit/auditevent/", "occurred_at__day=-1"),
    ],
)
def test_an_absurd_date_is_a_bad_request_naming_it(auditor, url, query):
    client = Client(raise_request_exception=False)
    client.force_login(auditor)
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    assert "a year, month or day" in response.content.decode()


def test_a_real_date_still_filters(auditor):
    client = Client()
    client.force_login(auditor)
    assert client.get("/admin/audit/auditevent/?occurred_at__year=2026&occurred_at__month=12").status_code == 200
