"""Reviewers and senior reviewers may add sources in the admin: taking in an article. What matters
(who may add an article, accept or reject its proposals, add a remedy) is decided by the services'
predicates (claims.permissions), whatever this says; the permission only shows the admin's link."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ("reviewer", "senior_reviewer")


def _add_source(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="claims", codename="add_source")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = _add_source(apps)
    for role in ROLES:
        Group.objects.get(name=role).permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = _add_source(apps)
    for role in ROLES:
        Group.objects.get(name=role).permissions.remove(permission)


class Migration(migrations.Migration):
    # After the roles exist with their first grants (reviews 0004 sets them, replacing any before).
    dependencies = [("claims", "0006_ingested_articles_and_proposals"), ("reviews", "0004_role_permissions")]

    operations = [migrations.RunPython(grant, revoke)]
