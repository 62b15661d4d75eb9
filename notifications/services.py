"""The one write a person makes here: their own email setting."""

from __future__ import annotations

from django.db import transaction

from notifications.models import NotificationSetting


@transaction.atomic
def email_setting_save(*, user, email_enabled: bool) -> NotificationSetting:
    """Turn the user's workflow emails on or off (a user changes only their own: the admin passes
    the user who is logged in)."""
    setting, _ = NotificationSetting.objects.select_for_update().get_or_create(user=user)
    setting.email_enabled = email_enabled
    setting.save()
    return setting
