"""The recent notifications, read-only, and each user's own email setting."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from core.admin_bases import ReadOnlyAdmin
from notifications.models import Notification, NotificationSetting
from notifications.selectors import visible_notifications
from notifications.services import email_setting_save


def _staff(request) -> bool:
    return request.user.is_active and request.user.is_staff


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Every staff user sees the emails addressed to them; operations see everyone's."""

    list_display = ["created_at", "recipient", "event", "review_link", "claim_id", "status", "email", "detail"]
    list_filter = ["status", "event_type", "created_at"]
    search_fields = ["recipient__username", "email", "subject", "=review__id", "=claim__id"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "created_at",
        "event_type",
        "recipient",
        "actor",
        "review_link",
        "claim",
        "email",
        "subject",
        "status",
        "detail",
        "sent_at",
    ]
    exclude = ["review"]

    def get_queryset(self, request):
        return visible_notifications(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return _staff(request)

    def has_view_permission(self, request, obj=None):
        return _staff(request) and (obj is None or visible_notifications(request.user).filter(pk=obj.pk).exists())

    @admin.display(description="step", ordering="event_type")
    def event(self, obj):
        return obj.event_label

    @admin.display(description="review", ordering="review_id")
    def review_link(self, obj):
        return format_html(
            '<a href="{}">Review #{}</a>', reverse("admin:reviews_review_change", args=[obj.review_id]), obj.review_id
        )


@admin.register(NotificationSetting)
class NotificationSettingAdmin(admin.ModelAdmin):
    """A user's own setting only: no one reads or changes another's."""

    list_display = ["user", "email_enabled", "updated_at"]
    fields = ["email_enabled"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user_id=request.user.pk)

    def _own(self, request, obj) -> bool:
        return _staff(request) and (obj is None or obj.user_id == request.user.pk)

    def has_module_permission(self, request):
        return _staff(request)

    def has_view_permission(self, request, obj=None):
        return self._own(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._own(request, obj)

    def has_add_permission(self, request):
        # No query here: every admin page's menu asks. Adding when one's setting exists changes it.
        return _staff(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = email_setting_save(user=request.user, email_enabled=obj.email_enabled)
        obj.pk, obj.user = saved.pk, saved.user
