"""The `remedy.added` event type.

SQLite applies a change to a constrained column by rebuilding the table, which drops the table's
triggers: the append-only triggers of 0003 are put back afterwards (and after a reversal)."""

import importlib

from django.conf import settings
from django.db import migrations, models

append_only = importlib.import_module("reviews.migrations.0003_auditevent_append_only")


def reinstall_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in [*append_only.SQLITE_DOWN, *append_only.SQLITE_UP]:
        schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0004_remedy_name_index'),
        ('reviews', '0006_publications_immutable'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, reinstall_sqlite_triggers),
        migrations.RemoveConstraint(
            model_name='auditevent',
            name='auditevent_type_known',
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='event_type',
            field=models.CharField(choices=[('review.started', 'Review Started'), ('review.graded', 'Review Graded'), ('review.submitted', 'Review Submitted'), ('review.changes_requested', 'Review Changes Requested'), ('review.approved', 'Review Approved'), ('review.rejected', 'Review Rejected'), ('review.published', 'Review Published'), ('review.withdrawn', 'Review Withdrawn'), ('reference.attached', 'Reference Attached'), ('reference.detached', 'Reference Detached'), ('reference.saved', 'Reference Saved'), ('judgement.saved', 'Judgement Saved'), ('judgement.removed', 'Judgement Removed'), ('contraindication.added', 'Contraindication Added'), ('contraindication.changed', 'Contraindication Changed'), ('contraindication.removed', 'Contraindication Removed'), ('remedy.added', 'Remedy Added'), ('remedy.changed', 'Remedy Changed')], max_length=64),
        ),
        migrations.AddConstraint(
            model_name='auditevent',
            constraint=models.CheckConstraint(condition=models.Q(('event_type__in', ['review.started', 'review.graded', 'review.submitted', 'review.changes_requested', 'review.approved', 'review.rejected', 'review.published', 'review.withdrawn', 'reference.attached', 'reference.detached', 'reference.saved', 'judgement.saved', 'judgement.removed', 'contraindication.added', 'contraindication.changed', 'contraindication.removed', 'remedy.added', 'remedy.changed'])), name='auditevent_type_known'),
        ),
        migrations.RunPython(reinstall_sqlite_triggers, migrations.RunPython.noop),
    ]
