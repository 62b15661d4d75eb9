"""API tokens move to django-rest-knox (core/tokens.py, table knox_authtoken). The old tokens
cannot come along: this table kept a SHA-256 digest and the first 8 characters, knox finds a token
by its first 15 and checks a SHA-512 digest, and the tokens themselves were never stored. So the
table is dropped, which revokes every token issued before: re-issue them with
`manage.py issue_token USER`. The model's content type and its permissions go too (no role held
them), as `remove_stale_contenttypes` would remove them."""

from django.db import migrations


def remove_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.using(schema_editor.connection.alias).filter(app_label="reviews", model="apitoken").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0013_auditevent_moves_to_audit"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.DeleteModel(name="ApiToken"),
        migrations.RunPython(remove_content_type, migrations.RunPython.noop),
    ]
