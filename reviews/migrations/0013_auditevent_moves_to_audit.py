"""The audit trail becomes its own app (audit): the model leaves this app's state; its table,
rows, triggers and grants stay where they are (audit 0001 takes the model over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reviews", "0012_account_changed_event")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEvent")],
            database_operations=[],
        ),
    ]
