"""Agreement on a disagreement takes both graders: one proposes a value, the other confirms it (the
proposal's fields). A grader's contraindication says where it comes from, like the claim's
contraindication it becomes when the resolved grading is applied."""

import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
from django.conf import settings
from django.db import migrations, models

from core.triggers import drop_sqlite_triggers_naming


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0018_judgement_belongs_to_an_outcome"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # SQLite rebuilds these tables for their new constraints; the conflict gate's trigger
        # (reviews.db_rules.sqlite) names them and is installed again after migrate.
        drop_sqlite_triggers_naming("reviews_disagreement", "reviews_gradingcontraindication", "reviews_grading"),
        pgtrigger.migrations.RemoveTrigger(
            model_name="disagreement",
            name="insert_insert",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="disagreement",
            name="update_update",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="gradingcontraindication",
            name="insert_insert",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="gradingcontraindication",
            name="update_update",
        ),
        migrations.AddField(
            model_name="disagreement",
            name="proposal_reason",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="disagreement",
            name="proposed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="disagreement",
            name="proposed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="disagreement",
            name="proposed_value",
            field=models.TextField(blank=True, help_text="The value one grader proposes (empty: nothing)."),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="proposal_reason",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="proposed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="proposed_by",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="proposed_value",
            field=models.TextField(blank=True, help_text="The value one grader proposes (empty: nothing)."),
        ),
        migrations.AddField(
            model_name="gradingcontraindication",
            name="source_kind",
            field=models.CharField(
                choices=[
                    ("label", "Drug label"),
                    ("guideline", "Guideline"),
                    ("study", "Study"),
                    ("regulator", "Regulator safety communication"),
                ],
                default="study",
                max_length=10,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="gradingcontraindication",
            name="source_reference",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="reviews.reference",
            ),
        ),
        migrations.AddField(
            model_name="gradingcontraindicationevent",
            name="source_kind",
            field=models.CharField(
                choices=[
                    ("label", "Drug label"),
                    ("guideline", "Guideline"),
                    ("study", "Study"),
                    ("regulator", "Regulator safety communication"),
                ],
                default="study",
                max_length=10,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="gradingcontraindicationevent",
            name="source_reference",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.reference",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="disagreement",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_disagreementevent" ("first_id", "first_value", "id", "item", "label", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "proposal_reason", "proposed_at", "proposed_by_id", "proposed_value", "resolution", "resolution_reason", "resolved_at", "resolved_by_id", "resolved_value", "review_id", "second_id", "second_value") VALUES (NEW."first_id", NEW."first_value", NEW."id", NEW."item", NEW."label", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."proposal_reason", NEW."proposed_at", NEW."proposed_by_id", NEW."proposed_value", NEW."resolution", NEW."resolution_reason", NEW."resolved_at", NEW."resolved_by_id", NEW."resolved_value", NEW."review_id", NEW."second_id", NEW."second_value"); RETURN NULL;',
                    hash="b45f5d630786698bd31bf5f2451dce512a082c1f",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_7424c",
                    table="reviews_disagreement",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="disagreement",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "reviews_disagreementevent" ("first_id", "first_value", "id", "item", "label", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "proposal_reason", "proposed_at", "proposed_by_id", "proposed_value", "resolution", "resolution_reason", "resolved_at", "resolved_by_id", "resolved_value", "review_id", "second_id", "second_value") VALUES (NEW."first_id", NEW."first_value", NEW."id", NEW."item", NEW."label", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."proposal_reason", NEW."proposed_at", NEW."proposed_by_id", NEW."proposed_value", NEW."resolution", NEW."resolution_reason", NEW."resolved_at", NEW."resolved_by_id", NEW."resolved_value", NEW."review_id", NEW."second_id", NEW."second_value"); RETURN NULL;',
                    hash="fdc9cc74fcd3c0c97985e7088c876bd8eaf0343b",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_e0481",
                    table="reviews_disagreement",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="gradingcontraindication",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_gradingcontraindicationevent" ("condition", "grading_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rationale", "severity", "source_kind", "source_reference_id") VALUES (NEW."condition", NEW."grading_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."rationale", NEW."severity", NEW."source_kind", NEW."source_reference_id"); RETURN NULL;',
                    hash="ef99690e6b1730616cbc0e3320545b91db8d85e5",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_94e1d",
                    table="reviews_gradingcontraindication",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="gradingcontraindication",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "reviews_gradingcontraindicationevent" ("condition", "grading_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rationale", "severity", "source_kind", "source_reference_id") VALUES (NEW."condition", NEW."grading_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."rationale", NEW."severity", NEW."source_kind", NEW."source_reference_id"); RETURN NULL;',
                    hash="8677768758296bd968e8e9f3fc501de948185887",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_d5eb8",
                    table="reviews_gradingcontraindication",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="disagreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("proposed_by__isnull", True),
                        ("proposed_at__isnull", True),
                        ("proposal_reason", ""),
                        ("proposed_value", ""),
                    ),
                    models.Q(
                        ("proposed_by__isnull", False),
                        ("proposed_at__isnull", False),
                        models.Q(("proposal_reason", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="disagreement_proposal_complete",
            ),
        ),
        migrations.AddConstraint(
            model_name="gradingcontraindication",
            constraint=models.CheckConstraint(
                condition=models.Q(("source_kind__in", ["label", "guideline", "study", "regulator"])),
                name="grading_contraindication_source_kind_known",
            ),
        ),
    ]
