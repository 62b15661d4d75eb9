"""The emails the review workflow sends, one row per recipient, and each user's choice to get them.

A row is written after the transition's transaction commits, never inside it: a rolled-back
transition leaves no row and sends nothing (notifications.dispatch)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from audit.models import AuditEventType


class NotificationStatus(models.TextChoices):
    PENDING = "pending", "Pending"  # written, the email not yet handed to the backend
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"  # the backend raised: `detail` says what
    SKIPPED = "skipped", "Skipped"  # no address, or the recipient turned emails off: `detail` says which


class Notification(models.Model):
    Status = NotificationStatus

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # The audit event type of the step (recipients.RULES). No choices here: the registry is
    # audit.models.AuditEventType, which grows without a migration of this app.
    event_type = models.CharField(max_length=64)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who took the step the email reports.",
    )
    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="+")
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="+")
    email = models.EmailField(blank=True, help_text="The address written to (empty: none on the account).")
    subject = models.CharField(max_length=255)
    status = models.CharField(max_length=16, choices=NotificationStatus, default=NotificationStatus.PENDING)
    detail = models.TextField(blank=True, help_text="Why it was skipped, or the error the email backend raised.")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "-created_at"], name="notification_recipient_recent")]

    def __str__(self):
        return f"{self.subject} → {self.recipient} ({self.status})"

    @property
    def event_label(self) -> str:
        return AuditEventType(self.event_type).label if self.event_type in AuditEventType.values else self.event_type


class NotificationSetting(models.Model):
    """A user's choice. No row: emails on (the default)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_setting")
    email_enabled = models.BooleanField(
        default=True, help_text="Email me when a review I graded, submitted or may decide on moves on."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "notification setting"

    def __str__(self):
        return f"{self.user}: emails {'on' if self.email_enabled else 'off'}"
