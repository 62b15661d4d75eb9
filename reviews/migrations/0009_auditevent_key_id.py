"""Audit events record which chain key signed them (the hash becomes an HMAC keyed outside the
database).

Rows written before this change carry the unkeyed hash and get an empty key id, which
`verify_audit` refuses as an unknown key: the audit table is append-only, so such a database is
re-created (or re-chained), not patched. SQLite adds the column by rebuilding the table, which
drops its triggers: the append-only triggers of 0003 are put back afterwards (and after a
reversal)."""

import importlib

from django.db import migrations, models

append_only = importlib.import_module("reviews.migrations.0003_auditevent_append_only")


def reinstall_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in [*append_only.SQLITE_DOWN, *append_only.SQLITE_UP]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0008_senior_edits_aliases")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, reinstall_sqlite_triggers),
        migrations.AddField(
            model_name="auditevent",
            name="key_id",
            field=models.CharField(
                default="", help_text="Which chain key signed this event (HMAC-SHA256).", max_length=32
            ),
            preserve_default=False,
        ),
        migrations.RunPython(reinstall_sqlite_triggers, migrations.RunPython.noop),
    ]
