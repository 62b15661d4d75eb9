"""The background proposer's runs: a long article's state and progress."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0007_reviewers_add_articles'),
    ]

    operations = [
        migrations.CreateModel(
            name='ProposerRun',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('state', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=10)),
                ('parts', models.PositiveIntegerField(help_text='The parts of the text the proposer reads one by one.')),
                ('parts_done', models.PositiveIntegerField(default=0)),
                ('proposals', models.PositiveIntegerField(default=0)),
                ('error', models.TextField(blank=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('started_at', models.DateTimeField(blank=True, null=True)),
                ('finished_at', models.DateTimeField(blank=True, null=True)),
                ('source', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='proposer_run', to='claims.source')),
            ],
            options={
                'constraints': [models.CheckConstraint(condition=models.Q(('state__in', ['queued', 'running', 'done', 'failed'])), name='proposerrun_state_known'), models.CheckConstraint(condition=models.Q(('parts_done__lte', models.F('parts'))), name='proposerrun_progress_in_range'), models.CheckConstraint(condition=models.Q(models.Q(('state', 'done'), _negated=True), models.Q(('finished_at__isnull', False), ('parts_done', models.F('parts'))), _connector='OR'), name='proposerrun_done_complete'), models.CheckConstraint(condition=models.Q(models.Q(('state', 'failed'), _negated=True), models.Q(models.Q(('error', ''), _negated=True), ('finished_at__isnull', False)), _connector='OR'), name='proposerrun_failure_explained')],
            },
        ),
    ]
