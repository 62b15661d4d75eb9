from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from audit import account_trail, keys  # noqa: F401 (keys registers the check of the chain keys)

        account_trail.connect()
