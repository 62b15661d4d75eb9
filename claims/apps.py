from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims catalogue"

    def ready(self):
        from claims.api import schema  # noqa: F401  registers the OpenAPI token scheme
