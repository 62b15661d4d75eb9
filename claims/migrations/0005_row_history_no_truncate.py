"""The row-history tables (django-pghistory) refuse TRUNCATE through a django-pgtrigger trigger
declared with the tracked model (core.triggers.track_history), beside pghistory's own `append_only`
trigger for UPDATE and DELETE.

The raw triggers reviews.db_rules installed after every migrate until now, which did the same, are
dropped (PostgreSQL). Reversed, only the pgtrigger triggers go: the earlier release's post-migrate
hook installs its own again."""

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
    (table, f"{table}_{rule}")
    for table in ("claims_remedyevent", "claims_remedyaliasevent")
    for rule in ("append_only", "no_truncate")
]


def drop_raw_triggers(apps, schema_editor):
    _drop(schema_editor, RAW_TRIGGERS)


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0004_remedy_name_index'),
    ]

    operations = [
        pgtrigger.migrations.AddTrigger(
            model_name='remedyaliasevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='1ba8c86da851b87aa92f5d8a6097d7b107f8f0a1', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_f8c51', table='claims_remedyaliasevent', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='remedyevent',
            trigger=pgtrigger.compiler.Trigger(name='no_truncate', sql=pgtrigger.compiler.UpsertTriggerSql(func="IF current_setting('reviews.allow_truncate', true) = 'on' AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';", hash='dc0fd4be333df2c053df3c2aac1e781159719a66', level='STATEMENT', operation='TRUNCATE', pgid='pgtrigger_no_truncate_4a168', table='claims_remedyevent', when='BEFORE')),
        ),
        migrations.RunPython(drop_raw_triggers, migrations.RunPython.noop),
    ]
