"""What a publication is about, for the content API's `about` filter: the condition's name and
slug as published. Publications from before claims carried a condition are filled from their
claim's condition (claims 0009 gave every claim then one); their snapshots stay as published."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.conf import settings
from django.db import migrations, models


def drop_sqlite_rules(apps, schema_editor):
    """SQLite may add the columns by rebuilding the table, which it refuses while a trigger names
    it: the triggers that name the publication tables go, and reviews.db_rules re-creates them after
    migrate (with the new columns frozen too)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND instr(sql, 'reviews_publication') > 0"
        )
        for (trigger,) in cursor.fetchall():
            cursor.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')


def fill_from_claims(apps, schema_editor):
    """Between the removal of the frozen-content trigger and its return (PostgreSQL), or without
    the rules (SQLite): the only UPDATE of published rows, filling the new columns."""
    Publication = apps.get_model("reviews", "Publication")
    Claim = apps.get_model("claims", "Claim")
    Condition = apps.get_model("claims", "Condition")
    publication, claim, condition = (m._meta.db_table for m in (Publication, Claim, Condition))
    of_claim = f"FROM {condition} c JOIN {claim} cl ON cl.condition_id = c.id WHERE cl.id = {publication}.claim_id"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {publication} SET condition_name = (SELECT c.name {of_claim}), "
            f"condition_slug = (SELECT c.slug {of_claim})"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_conditions"),
        ("reviews", "0022_frozen_submitted_gradings_and_disagreements"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(drop_sqlite_rules, migrations.RunPython.noop),
        pgtrigger.migrations.RemoveTrigger(
            model_name="publication",
            name="content_frozen",
        ),
        migrations.AddField(
            model_name="publication",
            name="condition_name",
            field=models.CharField(default="", help_text="What the claim is about, as published.", max_length=200),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="publication",
            name="condition_slug",
            field=models.CharField(
                default="", help_text="The condition's slug: the API's `about` filter.", max_length=200
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_from_claims, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                condition=models.Q(("is_current", True)),
                fields=["condition_slug", "published_at", "id"],
                name="publication_current_about",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="publication",
            trigger=pgtrigger.compiler.Trigger(
                name="content_frozen",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition='WHEN (OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."claim_id" IS DISTINCT FROM (NEW."claim_id") OR OLD."review_id" IS DISTINCT FROM (NEW."review_id") OR OLD."version" IS DISTINCT FROM (NEW."version") OR OLD."snapshot" IS DISTINCT FROM (NEW."snapshot") OR OLD."approved_hash" IS DISTINCT FROM (NEW."approved_hash") OR OLD."remedy_id" IS DISTINCT FROM (NEW."remedy_id") OR OLD."remedy_name" IS DISTINCT FROM (NEW."remedy_name") OR OLD."condition_name" IS DISTINCT FROM (NEW."condition_name") OR OLD."condition_slug" IS DISTINCT FROM (NEW."condition_slug") OR OLD."category" IS DISTINCT FROM (NEW."category") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."population" IS DISTINCT FROM (NEW."population") OR OLD."risk_tier" IS DISTINCT FROM (NEW."risk_tier") OR OLD."certainty" IS DISTINCT FROM (NEW."certainty") OR OLD."recommendation" IS DISTINCT FROM (NEW."recommendation") OR OLD."search_text" IS DISTINCT FROM (NEW."search_text") OR OLD."change_note" IS DISTINCT FROM (NEW."change_note") OR OLD."published_by_id" IS DISTINCT FROM (NEW."published_by_id") OR OLD."published_at" IS DISTINCT FROM (NEW."published_at"))',
                    func="RAISE EXCEPTION '% on %: published data is immutable', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';",
                    hash="692046ec71fa8cde58748e1cd38bb58eaff5f453",
                    operation="UPDATE",
                    pgid="pgtrigger_content_frozen_0ecb7",
                    table="reviews_publication",
                    when="BEFORE",
                ),
            ),
        ),
    ]
