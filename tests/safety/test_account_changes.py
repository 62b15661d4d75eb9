"""Taking over a senior's account is on the record: a password reset, a flag or a group changed in
the admin is an audit event by the person who did it, before anything done as that account."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from audit.models import AuditEvent
from audit.trail import verify_database

pytestmark = pytest.mark.django_db


def account_events():
    return list(AuditEvent.objects.filter(event_type="account.changed").order_by("seq"))


def test_a_superuser_resetting_a_seniors_password_is_on_the_record(client, superuser, senior):
    client.force_login(superuser)
    url = reverse("admin:auth_user_password_change", args=[senior.pk])
    response = client.post(url, {"password1": "owned-2026-x!", "password2": "owned-2026-x!", "usable_password": "true"})
    assert response.status_code == 302
    [event] = account_events()
    assert (event.actor_username, event.before["account"]) == ("root1", "sen1")
    assert (event.before["password"], event.after["password"]) == ("(previous)", "changed")
    assert "owned" not in str(event.after)  # never the password or its hash
    assert verify_database().ok


def test_groups_and_flags_changed_in_the_admin_are_on_the_record(client, superuser, reviewer):
    client.force_login(superuser)
    senior_group = Group.objects.get_or_create(name="senior_reviewer")[0]
    url = reverse("admin:auth_user_change", args=[reviewer.pk])
    form = {
        "username": reviewer.username, "password": reviewer.password, "is_active": "on", "is_staff": "on",
        "is_superuser": "on", "groups": [g.pk for g in reviewer.groups.all()] + [senior_group.pk],
        "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-12-01", "date_joined_1": "10:00:00",
        "initial-date_joined_0": "2026-12-01", "initial-date_joined_1": "10:00:00",
    }  # fmt: skip
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    changes = [(e.before, e.after) for e in account_events()]
    assert any(after.get("is_superuser") is True and before.get("is_superuser") is False for before, after in changes)
    assert any("senior_reviewer" in after.get("groups", []) for _, after in changes)
    assert all(e.actor_username == "root1" for e in account_events())


def test_changes_outside_a_request_are_not_recorded_here(reviewer):
    reviewer.is_superuser = True
    reviewer.save()
    assert account_events() == []
