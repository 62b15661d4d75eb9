import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_creates_one_account_per_role(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    users = {u.username: u for u in get_user_model().objects.prefetch_related("groups")}
    roles = {name: [g.name for g in users[name].groups.all()] for name in users}
    assert roles == {
        "reviewer": ["reviewer"],
        "reviewer2": ["reviewer"],
        "senior": ["senior_reviewer"],
        "senior2": ["senior_reviewer"],  # one senior adjudicates, the other approves
        "content": ["content_reader"],
        "auditor": ["auditor"],
        "admin": [],
    }
    assert users["admin"].is_superuser and not users["senior"].is_superuser and users["senior2"].is_staff
    assert users["reviewer"].check_password("review-demo-2026")


def test_is_idempotent(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert get_user_model().objects.count() == 7


def test_refused_with_production_settings(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_printed_curl_line_fetches_from_where_the_service_runs(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", "--base-url", "http://127.0.0.1:8777/", stdout=out)
    [line] = [line for line in out.getvalue().splitlines() if "curl" in line]
    assert line.endswith("http://127.0.0.1:8777/api/v1/claims/")
    assert "Authorization: Token " in line
