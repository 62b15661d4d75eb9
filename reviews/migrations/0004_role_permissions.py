"""Each role gets exactly the model permissions it needs in the admin. The rules that matter
(four-eyes, high-risk approval, reasons) live in reviews.services, whatever the permissions say."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ALL = [
    ("claims", m, "view") for m in ("source", "remedy", "remedyalias", "claim", "appearance")
] + [
    ("reviews", m, "view")
    for m in ("review", "reference", "reviewreference", "domainjudgement", "contraindication")
]  # and the audit trail's view permission: granted by audit 0001, which owns the model now
REVIEWER = VIEW_ALL + [
    ("reviews", "review", "add"), ("reviews", "review", "change"),
    ("reviews", "reference", "add"), ("reviews", "reference", "change"),
    ("reviews", "reviewreference", "add"), ("reviews", "reviewreference", "change"),
    ("reviews", "reviewreference", "delete"),
    ("reviews", "domainjudgement", "add"), ("reviews", "domainjudgement", "change"),
    ("reviews", "domainjudgement", "delete"),
    ("reviews", "contraindication", "add"), ("reviews", "contraindication", "change"),
    ("reviews", "contraindication", "delete"),
]
ROLES = {
    "reviewer": REVIEWER,
    "senior_reviewer": REVIEWER + [("claims", "remedy", "change")],
    "auditor": VIEW_ALL,
    "content_reader": [],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([
            Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
            for app, model, action in perms
        ])


class Migration(migrations.Migration):
    dependencies = [("reviews", "0003_auditevent_append_only"), ("claims", "0002_remedy_history")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
