"""The audit table's append-only rules become django-pgtrigger triggers declared on the model
(AuditEvent.Meta.triggers): UPDATE and DELETE refused, and TRUNCATE but for the test runner's flush.

The raw triggers they replace are dropped (PostgreSQL): those reviews.db_rules installed after every
migrate until now, and those of reviews 0003, which a fresh migrate would otherwise install again
beside them. Reversed, only the pgtrigger triggers go: the earlier release's post-migrate hook
installs its own again."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations


def _drop(schema_editor, triggers, functions=()):
    """PostgreSQL only: on SQLite the triggers of these names are reviews.db_rules.sqlite's, kept."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in triggers:
        schema_editor.execute(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
    for function in functions:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}")


RAW_TRIGGERS = [
    ("reviews_auditevent", name)
    for name in (
        "reviews_auditevent_append_only",  # reviews.db_rules, after every migrate
        "reviews_auditevent_no_truncate",
        "reviews_auditevent_no_update",  # reviews 0003
        "reviews_auditevent_no_delete",
    )
]


def drop_raw_triggers(apps, schema_editor):
    _drop(schema_editor, RAW_TRIGGERS, ["reviews_auditevent_refuse_change()"])


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0001_initial'),
    ]

    operations = [
        pgtrigger.migrations.AddTrigger(
            model_name='auditevent',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='ba6c561710bb3afe426dde43ccc124ac31a49c1b', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_00dfa', table='reviews_auditevent', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='auditevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='795341dbc198589cfc733d90fbede7a454e917a2', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_c220f', table='reviews_auditevent', when='BEFORE')),
        ),
        migrations.RunPython(drop_raw_triggers, migrations.RunPython.noop),
    ]
