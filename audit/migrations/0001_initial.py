"""The audit trail's model, taken over from the reviews app (reviews 0013) with its table
(reviews_auditevent), rows, triggers and grants as they are: only Django's state moves, and the
content type with it, so the auditors' permissions keep pointing at the same model."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label="audit", model="auditevent").exists():
        ContentType.objects.using(db).filter(app_label="reviews", model="auditevent").update(app_label="audit")


def grant_view(apps, schema_editor):
    """Every role but content readers views the trail in the admin (as reviews 0004 granted when the
    model was the reviews app's): kept on a moved content type, created on a new database."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    db = schema_editor.connection.alias
    content_type, _ = ContentType.objects.using(db).get_or_create(app_label="audit", model="auditevent")
    for action in ("add", "change", "delete", "view"):
        permission, _ = Permission.objects.using(db).get_or_create(
            content_type=content_type, codename=f"{action}_auditevent", defaults={"name": f"Can {action} audit event"}
        )
        if action == "view":
            for group in Group.objects.using(db).filter(name__in=["reviewer", "senior_reviewer", "auditor"]):
                group.permissions.add(permission)


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label="audit", model="auditevent").update(app_label="reviews")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('claims', '0004_remedy_name_index'),
        ('reviews', '0004_role_permissions'),
        ('reviews', '0013_auditevent_moves_to_audit'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('seq', models.PositiveBigIntegerField(help_text='Position in the hash chain, from 1.', unique=True)),
                ('occurred_at', models.DateTimeField(db_index=True)),
                ('event_type', models.CharField(choices=[('review.started', 'Review Started'), ('review.assigned', 'Review Assigned'), ('review.graded', 'Review Graded'), ('review.submitted', 'Review Submitted'), ('review.changes_requested', 'Review Changes Requested'), ('review.approved', 'Review Approved'), ('review.approval_lapsed', 'Review Approval Lapsed'), ('review.rejected', 'Review Rejected'), ('review.published', 'Review Published'), ('review.withdrawn', 'Review Withdrawn'), ('reference.attached', 'Reference Attached'), ('reference.detached', 'Reference Detached'), ('reference.saved', 'Reference Saved'), ('judgement.saved', 'Judgement Saved'), ('judgement.removed', 'Judgement Removed'), ('contraindication.added', 'Contraindication Added'), ('contraindication.changed', 'Contraindication Changed'), ('contraindication.removed', 'Contraindication Removed'), ('remedy.added', 'Remedy Added'), ('remedy.changed', 'Remedy Changed'), ('claim.changed', 'Claim Changed'), ('catalogue.loaded', 'Catalogue Loaded'), ('account.changed', 'Account Changed')], max_length=64)),
                ('actor_username', models.CharField(blank=True, max_length=150)),
                ('before', models.JSONField(default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('after', models.JSONField(default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('reason', models.TextField(blank=True)),
                ('prev_hash', models.CharField(max_length=64)),
                ('key_id', models.CharField(help_text='Which chain key signed this event (HMAC-SHA256).', max_length=32)),
                ('hash', models.CharField(max_length=64, unique=True)),
                ('actor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('claim', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='claims.claim')),
                ('remedy', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='claims.remedy')),
                ('review', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='reviews.review')),
            ],
            options={
                'db_table': 'reviews_auditevent',
                'ordering': ['seq'],
                'indexes': [models.Index(fields=['event_type', 'occurred_at'], name='auditevent_type_time')],
                'constraints': [models.CheckConstraint(condition=models.Q(('event_type__in', ['review.started', 'review.assigned', 'review.graded', 'review.submitted', 'review.changes_requested', 'review.approved', 'review.approval_lapsed', 'review.rejected', 'review.published', 'review.withdrawn', 'reference.attached', 'reference.detached', 'reference.saved', 'judgement.saved', 'judgement.removed', 'contraindication.added', 'contraindication.changed', 'contraindication.removed', 'remedy.added', 'remedy.changed', 'claim.changed', 'catalogue.loaded', 'account.changed'])), name='auditevent_type_known')],
            },
        ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
        migrations.RunPython(grant_view, migrations.RunPython.noop),
    ]
