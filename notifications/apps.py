from django.apps import AppConfig
from django.db.models.signals import post_save


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        from audit.models import AuditEvent
        from notifications.dispatch import on_audit_event

        # Every transition records its audit event in its own transaction (audit.trail.audit_record):
        # the notification is hooked there, so no entry point (admin, API, shell, loader) misses it,
        # and sent only once that transaction commits.
        post_save.connect(on_audit_event, sender=AuditEvent, dispatch_uid="notifications.on_audit_event")
