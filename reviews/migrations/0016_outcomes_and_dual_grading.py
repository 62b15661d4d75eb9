"""Outcomes graded per review (or per independent grading), blinded dual grading and its
disagreements; a judgement belongs to an outcome (filled in by 0017, required by 0018)."""

import django.db.models.deletion
import django.db.models.functions.text
import pgtrigger.compiler
import pgtrigger.migrations
from django.conf import settings
from django.db import migrations, models

from core.triggers import drop_sqlite_triggers_naming


class Migration(migrations.Migration):
    dependencies = [
        ("pghistory", "0007_auto_20250421_0444"),
        ("reviews", "0015_immutability_by_pgtrigger"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        drop_sqlite_triggers_naming("reviews_review", "reviews_domainjudgement"),
        migrations.CreateModel(
            name="Disagreement",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("item", models.CharField(max_length=400)),
                ("label", models.CharField(help_text="The point, in words.", max_length=400)),
                (
                    "first_value",
                    models.TextField(blank=True, help_text="What the first grading says (empty: nothing)."),
                ),
                (
                    "second_value",
                    models.TextField(blank=True, help_text="What the second grading says (empty: nothing)."),
                ),
                (
                    "resolution",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("agreed", "Agreed by the two graders"),
                            ("adjudicated", "Adjudicated by a third reviewer"),
                        ],
                        max_length=15,
                    ),
                ),
                ("resolved_value", models.TextField(blank=True)),
                ("resolution_reason", models.TextField(blank=True)),
                ("resolved_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "ordering": ["review", "id"],
            },
        ),
        migrations.CreateModel(
            name="DisagreementEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("item", models.CharField(max_length=400)),
                ("label", models.CharField(help_text="The point, in words.", max_length=400)),
                (
                    "first_value",
                    models.TextField(blank=True, help_text="What the first grading says (empty: nothing)."),
                ),
                (
                    "second_value",
                    models.TextField(blank=True, help_text="What the second grading says (empty: nothing)."),
                ),
                (
                    "resolution",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("agreed", "Agreed by the two graders"),
                            ("adjudicated", "Adjudicated by a third reviewer"),
                        ],
                        max_length=15,
                    ),
                ),
                ("resolved_value", models.TextField(blank=True)),
                ("resolution_reason", models.TextField(blank=True)),
                ("resolved_at", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Grading",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "recommendation",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("strong_for", "Strong for"),
                            ("conditional_for", "Conditional for"),
                            ("conditional_against", "Conditional against"),
                            ("strong_against", "Strong against"),
                            ("insufficient_evidence", "Insufficient evidence"),
                        ],
                        max_length=25,
                    ),
                ),
                (
                    "certainty",
                    models.CharField(
                        blank=True,
                        choices=[("high", "High"), ("moderate", "Moderate"), ("low", "Low"), ("very_low", "Very low")],
                        max_length=10,
                    ),
                ),
                ("summary", models.TextField(blank=True)),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "ordering": ["review", "created_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="GradingContraindication",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("condition", "Condition"),
                            ("population", "Population"),
                            ("interacting_drug", "Interacting drug"),
                        ],
                        default="condition",
                        max_length=20,
                    ),
                ),
                ("condition", models.CharField(max_length=300)),
                (
                    "severity",
                    models.CharField(
                        choices=[("absolute", "Absolute"), ("relative", "Relative"), ("caution", "Caution")],
                        max_length=10,
                    ),
                ),
                ("rationale", models.TextField()),
            ],
            options={
                "ordering": ["grading", "condition"],
            },
        ),
        migrations.CreateModel(
            name="GradingContraindicationEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("condition", "Condition"),
                            ("population", "Population"),
                            ("interacting_drug", "Interacting drug"),
                        ],
                        default="condition",
                        max_length=20,
                    ),
                ),
                ("condition", models.CharField(max_length=300)),
                (
                    "severity",
                    models.CharField(
                        choices=[("absolute", "Absolute"), ("relative", "Relative"), ("caution", "Caution")],
                        max_length=10,
                    ),
                ),
                ("rationale", models.TextField()),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="GradingEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "recommendation",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("strong_for", "Strong for"),
                            ("conditional_for", "Conditional for"),
                            ("conditional_against", "Conditional against"),
                            ("strong_against", "Strong against"),
                            ("insufficient_evidence", "Insufficient evidence"),
                        ],
                        max_length=25,
                    ),
                ),
                (
                    "certainty",
                    models.CharField(
                        blank=True,
                        choices=[("high", "High"), ("moderate", "Moderate"), ("low", "Low"), ("very_low", "Very low")],
                        max_length=10,
                    ),
                ),
                ("summary", models.TextField(blank=True)),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="Outcome",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Order in the Summary of Findings."),
                ),
                ("name", models.CharField(help_text="E.g. “Cramp frequency (cramps over two weeks)”.", max_length=200)),
                (
                    "direction",
                    models.CharField(
                        choices=[("benefit", "Benefit"), ("harm", "Harm")], default="benefit", max_length=10
                    ),
                ),
                (
                    "importance",
                    models.CharField(
                        choices=[
                            ("critical", "Critical"),
                            ("important", "Important"),
                            ("not_important", "Not important"),
                        ],
                        default="critical",
                        max_length=15,
                    ),
                ),
                (
                    "design",
                    models.CharField(
                        blank=True,
                        choices=[("randomised", "Randomised trials"), ("observational", "Observational studies")],
                        help_text="The body of evidence's design: where its certainty starts. Empty only on an outcome migrated from a single-certainty review, whose certainty is an override.",
                        max_length=15,
                    ),
                ),
                ("studies", models.PositiveIntegerField(blank=True, help_text="Number of studies.", null=True)),
                (
                    "participants",
                    models.PositiveIntegerField(blank=True, help_text="Number of participants.", null=True),
                ),
                ("relative_measure", models.CharField(blank=True, help_text="E.g. RR, OR, HR, MD.", max_length=30)),
                ("relative_effect", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("relative_ci_low", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("relative_ci_high", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("absolute_effect", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("absolute_ci_low", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("absolute_ci_high", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                (
                    "absolute_unit",
                    models.CharField(blank=True, help_text="E.g. “per 1,000”, “cramps in 2 weeks”.", max_length=100),
                ),
                (
                    "effect_text",
                    models.TextField(blank=True, help_text="The effect in words, as the evidence reports it."),
                ),
                (
                    "certainty",
                    models.CharField(
                        blank=True,
                        choices=[("high", "High"), ("moderate", "Moderate"), ("low", "Low"), ("very_low", "Very low")],
                        max_length=10,
                    ),
                ),
                (
                    "certainty_override",
                    models.CharField(
                        blank=True,
                        choices=[("high", "High"), ("moderate", "Moderate"), ("low", "Low"), ("very_low", "Very low")],
                        max_length=10,
                    ),
                ),
                ("override_reason", models.TextField(blank=True)),
            ],
            options={
                "ordering": ["review", "grading", "position", "id"],
            },
        ),
        migrations.CreateModel(
            name="OutcomeEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "position",
                    models.PositiveSmallIntegerField(default=0, help_text="Order in the Summary of Findings."),
                ),
                ("name", models.CharField(help_text="E.g. “Cramp frequency (cramps over two weeks)”.", max_length=200)),
                (
                    "direction",
                    models.CharField(
                        choices=[("benefit", "Benefit"), ("harm", "Harm")], default="benefit", max_length=10
                    ),
                ),
                (
                    "importance",
                    models.CharField(
                        choices=[
                            ("critical", "Critical"),
                            ("important", "Important"),
                            ("not_important", "Not important"),
                        ],
                        default="critical",
                        max_length=15,
                    ),
                ),
                (
                    "design",
                    models.CharField(
                        blank=True,
                        choices=[("randomised", "Randomised trials"), ("observational", "Observational studies")],
                        help_text="The body of evidence's design: where its certainty starts. Empty only on an outcome migrated from a single-certainty review, whose certainty is an override.",
                        max_length=15,
                    ),
                ),
                ("studies", models.PositiveIntegerField(blank=True, help_text="Number of studies.", null=True)),
                (
                    "participants",
                    models.PositiveIntegerField(blank=True, help_text="Number of participants.", null=True),
                ),
                ("relative_measure", models.CharField(blank=True, help_text="E.g. RR, OR, HR, MD.", max_length=30)),
                ("relative_effect", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("relative_ci_low", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("relative_ci_high", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("absolute_effect", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("absolute_ci_low", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                ("absolute_ci_high", models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True)),
                (
                    "absolute_unit",
                    models.CharField(blank=True, help_text="E.g. “per 1,000”, “cramps in 2 weeks”.", max_length=100),
                ),
                (
                    "effect_text",
                    models.TextField(blank=True, help_text="The effect in words, as the evidence reports it."),
                ),
                (
                    "certainty",
                    models.CharField(
                        blank=True,
                        choices=[("high", "High"), ("moderate", "Moderate"), ("low", "Low"), ("very_low", "Very low")],
                        max_length=10,
                    ),
                ),
                (
                    "certainty_override",
                    models.CharField(
                        blank=True,
                        choices=[("high", "High"), ("moderate", "Moderate"), ("low", "Low"), ("very_low", "Very low")],
                        max_length=10,
                    ),
                ),
                ("override_reason", models.TextField(blank=True)),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="OutcomeReference",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("note", models.CharField(blank=True, help_text="What this reference supports.", max_length=500)),
            ],
        ),
        migrations.CreateModel(
            name="OutcomeReferenceEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("note", models.CharField(blank=True, help_text="What this reference supports.", max_length=500)),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AlterModelOptions(
            name="domainjudgement",
            options={"ordering": ["outcome", "domain"]},
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="domainjudgement",
            name="insert_insert",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="domainjudgement",
            name="update_update",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="review",
            name="insert_insert",
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name="review",
            name="update_update",
        ),
        migrations.RemoveConstraint(
            model_name="domainjudgement",
            name="judgement_one_per_domain",
        ),
        migrations.AddField(
            model_name="review",
            name="dual_grading",
            field=models.BooleanField(
                default=False,
                help_text="Graded by two reviewers independently (required for the risk tiers in DUAL_GRADING_TIERS).",
            ),
        ),
        migrations.AddField(
            model_name="reviewevent",
            name="dual_grading",
            field=models.BooleanField(
                default=False,
                help_text="Graded by two reviewers independently (required for the risk tiers in DUAL_GRADING_TIERS).",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="domainjudgement",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_domainjudgementevent" ("domain", "id", "outcome_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rationale", "review_id", "severity") VALUES (NEW."domain", NEW."id", NEW."outcome_id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."rationale", NEW."review_id", NEW."severity"); RETURN NULL;',
                    hash="8e5feb7e7907bc338dee79041a295f13f9f02425",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_49375",
                    table="reviews_domainjudgement",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="domainjudgement",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "reviews_domainjudgementevent" ("domain", "id", "outcome_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rationale", "review_id", "severity") VALUES (NEW."domain", NEW."id", NEW."outcome_id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."rationale", NEW."review_id", NEW."severity"); RETURN NULL;',
                    hash="a539db5887330b83f2c474050bef7bcf1e866351",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_65e46",
                    table="reviews_domainjudgement",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="review",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_reviewevent" ("approved_hash", "approved_snapshot", "assignee_id", "certainty", "claim_id", "created_at", "decided_at", "decided_by_id", "decision_note", "dual_grading", "graded_by_id", "id", "last_edited_by_id", "no_contraindication_reason", "no_known_contraindication", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recommendation", "started_by_id", "state", "submitted_by_id", "summary", "updated_at", "version") VALUES (NEW."approved_hash", NEW."approved_snapshot", NEW."assignee_id", NEW."certainty", NEW."claim_id", NEW."created_at", NEW."decided_at", NEW."decided_by_id", NEW."decision_note", NEW."dual_grading", NEW."graded_by_id", NEW."id", NEW."last_edited_by_id", NEW."no_contraindication_reason", NEW."no_known_contraindication", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."recommendation", NEW."started_by_id", NEW."state", NEW."submitted_by_id", NEW."summary", NEW."updated_at", NEW."version"); RETURN NULL;',
                    hash="27cdf8638b358b8c3f137dc70a57ef4450c4630d",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_7a7c1",
                    table="reviews_review",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="review",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "reviews_reviewevent" ("approved_hash", "approved_snapshot", "assignee_id", "certainty", "claim_id", "created_at", "decided_at", "decided_by_id", "decision_note", "dual_grading", "graded_by_id", "id", "last_edited_by_id", "no_contraindication_reason", "no_known_contraindication", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recommendation", "started_by_id", "state", "submitted_by_id", "summary", "updated_at", "version") VALUES (NEW."approved_hash", NEW."approved_snapshot", NEW."assignee_id", NEW."certainty", NEW."claim_id", NEW."created_at", NEW."decided_at", NEW."decided_by_id", NEW."decision_note", NEW."dual_grading", NEW."graded_by_id", NEW."id", NEW."last_edited_by_id", NEW."no_contraindication_reason", NEW."no_known_contraindication", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."recommendation", NEW."started_by_id", NEW."state", NEW."submitted_by_id", NEW."summary", NEW."updated_at", NEW."version"); RETURN NULL;',
                    hash="d36f58bc94bddf96e96203a827fefdc7971c8a83",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_b34c8",
                    table="reviews_review",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddField(
            model_name="disagreement",
            name="resolved_by",
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
            name="review",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="disagreements", to="reviews.review"
            ),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="pgh_context",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="pghistory.context",
            ),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="pgh_obj",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="events",
                to="reviews.disagreement",
            ),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="resolved_by",
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
            name="review",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.review",
            ),
        ),
        migrations.AddField(
            model_name="grading",
            name="grader",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
            ),
        ),
        migrations.AddField(
            model_name="grading",
            name="review",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="gradings", to="reviews.review"
            ),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="first",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.grading",
            ),
        ),
        migrations.AddField(
            model_name="disagreementevent",
            name="second",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.grading",
            ),
        ),
        migrations.AddField(
            model_name="disagreement",
            name="first",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="reviews.grading"
            ),
        ),
        migrations.AddField(
            model_name="disagreement",
            name="second",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="reviews.grading"
            ),
        ),
        migrations.AddField(
            model_name="gradingcontraindication",
            name="grading",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="contraindications", to="reviews.grading"
            ),
        ),
        migrations.AddField(
            model_name="gradingcontraindicationevent",
            name="grading",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.grading",
            ),
        ),
        migrations.AddField(
            model_name="gradingcontraindicationevent",
            name="pgh_context",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="pghistory.context",
            ),
        ),
        migrations.AddField(
            model_name="gradingcontraindicationevent",
            name="pgh_obj",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="events",
                to="reviews.gradingcontraindication",
            ),
        ),
        migrations.AddField(
            model_name="gradingevent",
            name="grader",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="gradingevent",
            name="pgh_context",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="pghistory.context",
            ),
        ),
        migrations.AddField(
            model_name="gradingevent",
            name="pgh_obj",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="events",
                to="reviews.grading",
            ),
        ),
        migrations.AddField(
            model_name="gradingevent",
            name="review",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.review",
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="grading",
            field=models.ForeignKey(
                blank=True,
                help_text="The independent grading it belongs to (dual grading); empty: the review's own grading.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="outcomes",
                to="reviews.grading",
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="review",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="outcomes", to="reviews.review"
            ),
        ),
        migrations.AddField(
            model_name="domainjudgement",
            name="outcome",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="judgements", to="reviews.outcome"
            ),
        ),
        migrations.AddField(
            model_name="domainjudgementevent",
            name="outcome",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.outcome",
            ),
        ),
        migrations.AddConstraint(
            model_name="domainjudgement",
            constraint=models.UniqueConstraint(fields=("outcome", "domain"), name="judgement_one_per_outcome_domain"),
        ),
        migrations.AddField(
            model_name="outcomeevent",
            name="grading",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="The independent grading it belongs to (dual grading); empty: the review's own grading.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.grading",
            ),
        ),
        migrations.AddField(
            model_name="outcomeevent",
            name="pgh_context",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="pghistory.context",
            ),
        ),
        migrations.AddField(
            model_name="outcomeevent",
            name="pgh_obj",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="events",
                to="reviews.outcome",
            ),
        ),
        migrations.AddField(
            model_name="outcomeevent",
            name="review",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.review",
            ),
        ),
        migrations.AddField(
            model_name="outcomereference",
            name="outcome",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="outcome_references", to="reviews.outcome"
            ),
        ),
        migrations.AddField(
            model_name="outcomereference",
            name="reference",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to="reviews.reference"
            ),
        ),
        migrations.AddField(
            model_name="outcome",
            name="references",
            field=models.ManyToManyField(
                blank=True, related_name="outcomes", through="reviews.OutcomeReference", to="reviews.reference"
            ),
        ),
        migrations.AddField(
            model_name="outcomereferenceevent",
            name="outcome",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.outcome",
            ),
        ),
        migrations.AddField(
            model_name="outcomereferenceevent",
            name="pgh_context",
            field=models.ForeignKey(
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="pghistory.context",
            ),
        ),
        migrations.AddField(
            model_name="outcomereferenceevent",
            name="pgh_obj",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="events",
                to="reviews.outcomereference",
            ),
        ),
        migrations.AddField(
            model_name="outcomereferenceevent",
            name="reference",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                related_query_name="+",
                to="reviews.reference",
            ),
        ),
        migrations.AddConstraint(
            model_name="grading",
            constraint=models.UniqueConstraint(fields=("review", "grader"), name="grading_once_per_grader"),
        ),
        migrations.AddConstraint(
            model_name="grading",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("recommendation", ""),
                    (
                        "recommendation__in",
                        [
                            "strong_for",
                            "conditional_for",
                            "conditional_against",
                            "strong_against",
                            "insufficient_evidence",
                        ],
                    ),
                    _connector="OR",
                ),
                name="grading_recommendation_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="grading",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("certainty", ""), ("certainty__in", ["high", "moderate", "low", "very_low"]), _connector="OR"
                ),
                name="grading_certainty_known",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="grading",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_gradingevent" ("certainty", "created_at", "grader_id", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recommendation", "review_id", "submitted_at", "summary") VALUES (NEW."certainty", NEW."created_at", NEW."grader_id", NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."recommendation", NEW."review_id", NEW."submitted_at", NEW."summary"); RETURN NULL;',
                    hash="4b74314526850e3acefe350d2ae1f55214c0c38a",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_893ed",
                    table="reviews_grading",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="grading",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "reviews_gradingevent" ("certainty", "created_at", "grader_id", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recommendation", "review_id", "submitted_at", "summary") VALUES (NEW."certainty", NEW."created_at", NEW."grader_id", NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."recommendation", NEW."review_id", NEW."submitted_at", NEW."summary"); RETURN NULL;',
                    hash="9ab5f1e8b87fd2a7a37c6c847defbf2c2002f912",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_54020",
                    table="reviews_grading",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="disagreementevent",
            trigger=pgtrigger.compiler.Trigger(
                name="no_truncate",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';",
                    hash="645fcf447e0b99b6ee79e5310de5290afc3c84a4",
                    level="STATEMENT",
                    operation="TRUNCATE",
                    pgid="pgtrigger_no_truncate_be453",
                    table="reviews_disagreementevent",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="disagreementevent",
            trigger=pgtrigger.compiler.Trigger(
                name="append_only",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;",
                    hash="9df28e49d5ad68b8e0b45bc43e21ac0bc9da794b",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_append_only_509a4",
                    table="reviews_disagreementevent",
                    when="BEFORE",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="disagreement",
            constraint=models.UniqueConstraint(fields=("review", "item"), name="disagreement_once_per_item"),
        ),
        migrations.AddConstraint(
            model_name="disagreement",
            constraint=models.CheckConstraint(
                condition=models.Q(("resolution", ""), ("resolution__in", ["agreed", "adjudicated"]), _connector="OR"),
                name="disagreement_resolution_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="disagreement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("resolution", ""),
                        ("resolved_by__isnull", True),
                        ("resolved_at__isnull", True),
                        ("resolution_reason", ""),
                    ),
                    models.Q(
                        models.Q(("resolution", ""), _negated=True),
                        ("resolved_by__isnull", False),
                        ("resolved_at__isnull", False),
                        models.Q(("resolution_reason", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="disagreement_resolution_complete",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="disagreement",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_disagreementevent" ("first_id", "first_value", "id", "item", "label", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "resolution", "resolution_reason", "resolved_at", "resolved_by_id", "resolved_value", "review_id", "second_id", "second_value") VALUES (NEW."first_id", NEW."first_value", NEW."id", NEW."item", NEW."label", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."resolution", NEW."resolution_reason", NEW."resolved_at", NEW."resolved_by_id", NEW."resolved_value", NEW."review_id", NEW."second_id", NEW."second_value"); RETURN NULL;',
                    hash="99170ee19526eb60bbb3e38669669283f97a65de",
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
                    func='INSERT INTO "reviews_disagreementevent" ("first_id", "first_value", "id", "item", "label", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "resolution", "resolution_reason", "resolved_at", "resolved_by_id", "resolved_value", "review_id", "second_id", "second_value") VALUES (NEW."first_id", NEW."first_value", NEW."id", NEW."item", NEW."label", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."resolution", NEW."resolution_reason", NEW."resolved_at", NEW."resolved_by_id", NEW."resolved_value", NEW."review_id", NEW."second_id", NEW."second_value"); RETURN NULL;',
                    hash="4fc9692cf8ac84393f2c3e7334d782f767073f7e",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_e0481",
                    table="reviews_disagreement",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="gradingcontraindication",
            constraint=models.UniqueConstraint(
                models.F("grading"),
                django.db.models.functions.text.Lower("condition"),
                name="grading_contraindication_once",
            ),
        ),
        migrations.AddConstraint(
            model_name="gradingcontraindication",
            constraint=models.CheckConstraint(
                condition=models.Q(("condition", ""), _negated=True), name="grading_contraindication_condition_given"
            ),
        ),
        migrations.AddConstraint(
            model_name="gradingcontraindication",
            constraint=models.CheckConstraint(
                condition=models.Q(("severity__in", ["absolute", "relative", "caution"])),
                name="grading_contraindication_severity_known",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="gradingcontraindication",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_gradingcontraindicationevent" ("condition", "grading_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rationale", "severity") VALUES (NEW."condition", NEW."grading_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."rationale", NEW."severity"); RETURN NULL;',
                    hash="6d9faf9e6f217118ef498e923d573d89a2a35a8a",
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
                    func='INSERT INTO "reviews_gradingcontraindicationevent" ("condition", "grading_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rationale", "severity") VALUES (NEW."condition", NEW."grading_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."rationale", NEW."severity"); RETURN NULL;',
                    hash="0dc838aa078db5f807836428edd77a84ae324b2e",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_d5eb8",
                    table="reviews_gradingcontraindication",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="gradingcontraindicationevent",
            trigger=pgtrigger.compiler.Trigger(
                name="no_truncate",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';",
                    hash="99979f542292364a1e841bc6684ab5a74aa52d96",
                    level="STATEMENT",
                    operation="TRUNCATE",
                    pgid="pgtrigger_no_truncate_4490a",
                    table="reviews_gradingcontraindicationevent",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="gradingcontraindicationevent",
            trigger=pgtrigger.compiler.Trigger(
                name="append_only",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;",
                    hash="1047d9e2ef9ff9fc0001e0e05ad00a448c32c814",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_append_only_e0ac9",
                    table="reviews_gradingcontraindicationevent",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="gradingevent",
            trigger=pgtrigger.compiler.Trigger(
                name="no_truncate",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';",
                    hash="8009c757d043d9897922dee67823d2b5e919e650",
                    level="STATEMENT",
                    operation="TRUNCATE",
                    pgid="pgtrigger_no_truncate_7d558",
                    table="reviews_gradingevent",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="gradingevent",
            trigger=pgtrigger.compiler.Trigger(
                name="append_only",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;",
                    hash="48413cdbd22d5e0d68c237d947e20337cc31aa0c",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_append_only_4334c",
                    table="reviews_gradingevent",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcomeevent",
            trigger=pgtrigger.compiler.Trigger(
                name="no_truncate",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';",
                    hash="109cb2217745435cdec6a9f2e9403eaf542216de",
                    level="STATEMENT",
                    operation="TRUNCATE",
                    pgid="pgtrigger_no_truncate_76d64",
                    table="reviews_outcomeevent",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcomeevent",
            trigger=pgtrigger.compiler.Trigger(
                name="append_only",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;",
                    hash="11eead9d0a48042f8776b51e688e851c17f7c7ee",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_append_only_a3bdb",
                    table="reviews_outcomeevent",
                    when="BEFORE",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="outcomereference",
            constraint=models.UniqueConstraint(fields=("outcome", "reference"), name="outcome_reference_once"),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcomereference",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_outcomereferenceevent" ("id", "note", "outcome_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reference_id") VALUES (NEW."id", NEW."note", NEW."outcome_id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."reference_id"); RETURN NULL;',
                    hash="315728a8b041dd37f22640398d533537279e147f",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_c3e7e",
                    table="reviews_outcomereference",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcomereference",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "reviews_outcomereferenceevent" ("id", "note", "outcome_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reference_id") VALUES (NEW."id", NEW."note", NEW."outcome_id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."reference_id"); RETURN NULL;',
                    hash="c50420e5f6da1e1419fca770fc2eb65175f8e91e",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_5cec8",
                    table="reviews_outcomereference",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.UniqueConstraint(
                models.F("review"),
                django.db.models.functions.text.Lower("name"),
                condition=models.Q(("grading__isnull", True)),
                name="outcome_name_once_per_review",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.UniqueConstraint(
                models.F("grading"),
                django.db.models.functions.text.Lower("name"),
                condition=models.Q(("grading__isnull", False)),
                name="outcome_name_once_per_grading",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(("name", ""), _negated=True), name="outcome_name_given"
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(("direction__in", ["benefit", "harm"])), name="outcome_direction_known"
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(("importance__in", ["critical", "important", "not_important"])),
                name="outcome_importance_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(("design", ""), ("design__in", ["randomised", "observational"]), _connector="OR"),
                name="outcome_design_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("certainty", ""), ("certainty__in", ["high", "moderate", "low", "very_low"]), _connector="OR"
                ),
                name="outcome_certainty_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("certainty_override", ""),
                    ("certainty_override__in", ["high", "moderate", "low", "very_low"]),
                    _connector="OR",
                ),
                name="outcome_override_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("certainty_override", ""),
                    models.Q(
                        models.Q(("override_reason", ""), _negated=True), ("certainty", models.F("certainty_override"))
                    ),
                    _connector="OR",
                ),
                name="outcome_override_reasoned",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcome",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "reviews_outcomeevent" ("absolute_ci_high", "absolute_ci_low", "absolute_effect", "absolute_unit", "certainty", "certainty_override", "design", "direction", "effect_text", "grading_id", "id", "importance", "name", "override_reason", "participants", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "position", "relative_ci_high", "relative_ci_low", "relative_effect", "relative_measure", "review_id", "studies") VALUES (NEW."absolute_ci_high", NEW."absolute_ci_low", NEW."absolute_effect", NEW."absolute_unit", NEW."certainty", NEW."certainty_override", NEW."design", NEW."direction", NEW."effect_text", NEW."grading_id", NEW."id", NEW."importance", NEW."name", NEW."override_reason", NEW."participants", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."position", NEW."relative_ci_high", NEW."relative_ci_low", NEW."relative_effect", NEW."relative_measure", NEW."review_id", NEW."studies"); RETURN NULL;',
                    hash="0934d57e32bfbe52ff387e5cbed92006f07a7f32",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_f6671",
                    table="reviews_outcome",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcome",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "reviews_outcomeevent" ("absolute_ci_high", "absolute_ci_low", "absolute_effect", "absolute_unit", "certainty", "certainty_override", "design", "direction", "effect_text", "grading_id", "id", "importance", "name", "override_reason", "participants", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "position", "relative_ci_high", "relative_ci_low", "relative_effect", "relative_measure", "review_id", "studies") VALUES (NEW."absolute_ci_high", NEW."absolute_ci_low", NEW."absolute_effect", NEW."absolute_unit", NEW."certainty", NEW."certainty_override", NEW."design", NEW."direction", NEW."effect_text", NEW."grading_id", NEW."id", NEW."importance", NEW."name", NEW."override_reason", NEW."participants", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."position", NEW."relative_ci_high", NEW."relative_ci_low", NEW."relative_effect", NEW."relative_measure", NEW."review_id", NEW."studies"); RETURN NULL;',
                    hash="3aaf3cdff8f53ec69590a216df5e59f5cdbc7095",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_9f42e",
                    table="reviews_outcome",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcomereferenceevent",
            trigger=pgtrigger.compiler.Trigger(
                name="no_truncate",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';",
                    hash="ab6f21f793de6a14846df2811642626aa534944a",
                    level="STATEMENT",
                    operation="TRUNCATE",
                    pgid="pgtrigger_no_truncate_d2ac7",
                    table="reviews_outcomereferenceevent",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="outcomereferenceevent",
            trigger=pgtrigger.compiler.Trigger(
                name="append_only",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;",
                    hash="eb10f73ae2ed670f7ae99c21e58f9ce700afa5dd",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_append_only_99bd8",
                    table="reviews_outcomereferenceevent",
                    when="BEFORE",
                ),
            ),
        ),
    ]
