"""Senior reviewers, who own a remedy's classification, also add remedies and keep their aliases
(brand and spelling → ingredient): both go through services that record them in the audit trail."""

from django.db import migrations

GRANTS = [("claims", "remedy", "add")] + [("claims", "remedyalias", action) for action in ("add", "change", "delete")]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    senior = Group.objects.get(name="senior_reviewer")
    senior.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
            for app, model, action in GRANTS
        ]
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    senior = Group.objects.get(name="senior_reviewer")
    senior.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="claims", codename__in=[f"{action}_{model}" for _, model, action in GRANTS]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("reviews", "0007_remedy_added_event")]

    operations = [migrations.RunPython(grant, revoke)]
