"""The admin permissions of outcomes and of dual grading, per role (as 0004 granted the first
models'). What matters — only its grader writes a grading, only before it is submitted; blinding;
who may resolve a disagreement — is the services' and the selectors', whatever these say."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

NEW_MODELS = ("outcome", "outcomereference", "grading", "gradingcontraindication", "disagreement")
VIEW = [("reviews", model, "view") for model in NEW_MODELS]
REVIEWER = VIEW + [
    ("reviews", "outcome", "add"),
    ("reviews", "outcome", "change"),
    ("reviews", "outcome", "delete"),
    ("reviews", "outcomereference", "add"),
    ("reviews", "outcomereference", "change"),
    ("reviews", "outcomereference", "delete"),
    ("reviews", "grading", "add"),
    ("reviews", "grading", "change"),
    ("reviews", "gradingcontraindication", "add"),
    ("reviews", "gradingcontraindication", "change"),
    ("reviews", "gradingcontraindication", "delete"),
    ("reviews", "disagreement", "change"),
]
GRANTS = {"reviewer": REVIEWER, "senior_reviewer": REVIEWER, "auditor": VIEW}


def _permissions(apps, perms):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
        for app, model, action in perms
    ]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    for role, perms in GRANTS.items():
        Group.objects.get(name=role).permissions.add(*_permissions(apps, perms))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role, perms in GRANTS.items():
        Group.objects.get(name=role).permissions.remove(*_permissions(apps, perms))


class Migration(migrations.Migration):
    dependencies = [("reviews", "0019_agreement_by_both_graders_and_grading_contraindication_sources")]

    operations = [migrations.RunPython(grant, revoke)]
