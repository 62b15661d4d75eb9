"""Conditions: an article and its claims are about one (night leg cramps, heartburn …). The
articles already here and their claims are about night leg cramps, the five catalogued articles'
subject: the migration says so. A claim is now one per condition, remedy, kind and population.
Reviewers, seniors and auditors see the conditions in the admin."""

import django.db.models.deletion
import django.db.models.functions.text
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

EXISTING = ("night leg cramps", "night-leg-cramps")
VIEWERS = ("reviewer", "senior_reviewer", "auditor")


def existing_rows_are_about_night_leg_cramps(apps, schema_editor):
    alias = schema_editor.connection.alias
    Condition = apps.get_model("claims", "Condition")
    Source = apps.get_model("claims", "Source")
    Claim = apps.get_model("claims", "Claim")
    if not (Source.objects.using(alias).exists() or Claim.objects.using(alias).exists()):
        return
    name, slug = EXISTING
    condition, _ = Condition.objects.using(alias).get_or_create(slug=slug, defaults={"name": name})
    Source.objects.using(alias).filter(condition__isnull=True).update(condition=condition)
    Claim.objects.using(alias).filter(condition__isnull=True).update(condition=condition)


def grant_view(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    view = Permission.objects.get(content_type__app_label="claims", codename="view_condition")
    for group in Group.objects.filter(name__in=VIEWERS):
        group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [("claims", "0008_proposer_runs"), ("reviews", "0004_role_permissions")]

    operations = [
        migrations.CreateModel(
            name="Condition",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=200)),
                ("slug", models.SlugField(max_length=200, unique=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["name"],
                "constraints": [
                    models.UniqueConstraint(
                        django.db.models.functions.text.Lower("name"), name="condition_name_ci_unique"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("name", ""), _negated=True), name="condition_name_given"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("slug__regex", "^[a-z0-9]+(-[a-z0-9]+)*$")), name="condition_slug_format"
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="source",
            name="condition",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="sources",
                to="claims.condition",
                help_text="What the article is about.",
            ),
        ),
        migrations.AddField(
            model_name="claim",
            name="condition",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="claims",
                to="claims.condition",
                help_text="The condition the claim is about.",
            ),
        ),
        migrations.RunPython(existing_rows_are_about_night_leg_cramps, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="source",
            name="condition",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="sources",
                to="claims.condition",
                help_text="What the article is about.",
            ),
        ),
        migrations.AlterField(
            model_name="claim",
            name="condition",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="claims",
                to="claims.condition",
                help_text="The condition the claim is about.",
            ),
        ),
        migrations.RemoveConstraint(model_name="claim", name="claim_unique_per_population"),
        migrations.RemoveConstraint(model_name="claim", name="claim_unique_general_population"),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.UniqueConstraint(
                condition=models.Q(("population__isnull", False)),
                fields=("condition", "remedy", "kind", "population"),
                name="claim_unique_per_condition_population",
            ),
        ),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.UniqueConstraint(
                condition=models.Q(("population__isnull", True)),
                fields=("condition", "remedy", "kind"),
                name="claim_unique_per_condition",
            ),
        ),
        migrations.AlterModelOptions(
            name="claim", options={"ordering": ["remedy__name", "kind", "population", "condition__name"]}
        ),
        migrations.RunPython(grant_view, migrations.RunPython.noop),
    ]
