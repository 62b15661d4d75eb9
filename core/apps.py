from django.apps import AppConfig


class CoreConfig(AppConfig):
    """core has no models: it is an app for its management command (issue_token) and its admin
    module, which keeps knox's token admin out of the admin site."""

    name = "core"
    label = "core"
    verbose_name = "Core"
