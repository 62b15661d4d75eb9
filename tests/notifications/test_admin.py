"""The recent notifications in the admin (read-only: staff see their own, operations everyone's),
and each user's own email setting."""

import pytest
from django.urls import reverse

from notifications.models import Notification, NotificationSetting
from reviews import services

pytestmark = pytest.mark.django_db

LIST = reverse("admin:notifications_notification_changelist")
SETTINGS = reverse("admin:notifications_notificationsetting_changelist")
ADD_SETTING = reverse("admin:notifications_notificationsetting_add")


@pytest.fixture
def notified(graded_review, reviewer, reviewer2, senior, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.review_submit(review=graded_review, actor=reviewer)


def listed(client, user) -> set[str]:
    client.force_login(user)
    response = client.get(LIST)
    assert response.status_code == 200
    return {n.recipient.username for n in response.context["cl"].result_list}


def test_a_reviewer_sees_their_own_notifications(client, notified, reviewer2):
    assert listed(client, reviewer2) == {"rev2"}
    others = Notification.objects.exclude(recipient=reviewer2).first()
    assert client.get(reverse("admin:notifications_notification_change", args=[others.pk])).status_code == 302


def test_operations_see_every_notification_read_only(client, notified, staff):
    root = next(user for user in staff if user.is_superuser)
    assert listed(client, root) == {"rev2", "sen1", "sen2"}
    row = Notification.objects.first()
    response = client.get(reverse("admin:notifications_notification_change", args=[row.pk]))
    assert response.status_code == 200 and not response.context["has_change_permission"]
    assert client.post(reverse("admin:notifications_notification_delete", args=[row.pk])).status_code == 403


def test_a_user_turns_their_own_emails_off(client, reviewer, reviewer2):
    client.force_login(reviewer)
    assert client.post(ADD_SETTING, {}).status_code == 302  # the box unticked: off
    assert NotificationSetting.objects.get(user=reviewer).email_enabled is False
    other = NotificationSetting.objects.create(user=reviewer2)
    response = client.get(SETTINGS)
    assert [s.user for s in response.context["cl"].result_list] == [reviewer]
    change_other = reverse("admin:notifications_notificationsetting_change", args=[other.pk])
    assert client.post(change_other, {}).status_code == 302  # not found among one's own: back to the index
    assert NotificationSetting.objects.get(user=reviewer2).email_enabled is True
    assert client.post(ADD_SETTING, {"email_enabled": "on"}).status_code == 302  # changes it: one per user
    assert NotificationSetting.objects.get(user=reviewer).email_enabled is True


def test_the_admin_menu_costs_no_query_for_the_notifications(client, reviewer, django_assert_num_queries):
    from django.contrib import admin
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = reviewer
    with django_assert_num_queries(0):
        for model in (Notification, NotificationSetting):
            admin.site.get_model_admin(model).get_model_perms(request)
