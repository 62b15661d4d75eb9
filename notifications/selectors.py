"""What of the notifications a user may read."""

from __future__ import annotations

from django.db.models import QuerySet

from notifications.models import Notification, NotificationSetting


def sees_every_notification(user) -> bool:
    """Operations (superusers, or whoever holds the view permission) read everyone's."""
    return user.is_active and (user.is_superuser or user.has_perm("notifications.view_notification"))


def visible_notifications(user, queryset: QuerySet[Notification] | None = None) -> QuerySet[Notification]:
    queryset = Notification.objects.all() if queryset is None else queryset
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    queryset = queryset.select_related("recipient", "actor", "claim")
    return queryset if sees_every_notification(user) else queryset.filter(recipient=user)


def email_enabled(user) -> bool:
    return not NotificationSetting.objects.filter(user=user, email_enabled=False).exists()
