"""An ingested article's proposals, who took the article in and in what format; no text twice."""

import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0005_row_history_no_truncate'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Proposal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('quote', models.TextField()),
                ('start', models.PositiveIntegerField()),
                ('end', models.PositiveIntegerField()),
                ('new_remedy_name', models.CharField(blank=True, max_length=200)),
                ('new_remedy_category', models.CharField(blank=True, choices=[('drug', 'Drug'), ('supplement', 'Supplement'), ('food_drink', 'Food or drink'), ('herbal_folk', 'Herbal or folk preparation'), ('topical', 'Topical'), ('maneuver', 'Maneuver'), ('procedure', 'Procedure'), ('device_garment', 'Device or garment'), ('lifestyle', 'Lifestyle measure')], max_length=20)),
                ('new_remedy_atc_code', models.CharField(blank=True, max_length=7, verbose_name='ATC code')),
                ('surface', models.CharField(help_text='The name as the article writes it.', max_length=200, verbose_name='matched as')),
                ('kind', models.CharField(choices=[('relief', 'Relief during a cramp'), ('treatment', 'Treatment'), ('prevention', 'Prevention'), ('cause', 'Causes or provokes cramps'), ('caution', 'Caution stated by the article')], max_length=12)),
                ('population', models.CharField(blank=True, choices=[('pregnancy', 'Pregnancy'), ('children', 'Children'), ('elderly', 'Elderly'), ('athletes', 'Athletes'), ('varicose_veins', 'Varicose veins'), ('thrombophlebitis', 'Thrombophlebitis'), ('diabetes', 'Diabetes'), ('hypotension', 'Hypotension'), ('heart_disease', 'Heart disease'), ('kidney_disease', 'Kidney disease'), ('liver_disease', 'Liver disease'), ('gastrointestinal', 'Gastrointestinal disease'), ('flat_feet', 'Flat feet'), ('sedentary', 'Sedentary people')], max_length=20, null=True)),
                ('dose', models.CharField(blank=True, max_length=500)),
                ('rule', models.CharField(help_text='Which rule found the remedy and which cue decided the kind.', max_length=300)),
                ('confidence', models.FloatField()),
                ('fuzzy', models.BooleanField(default=False)),
                ('origin', models.CharField(choices=[('proposer', 'Proposed'), ('reviewer', 'Added by a reviewer')], default='proposer', max_length=10)),
                ('status', models.CharField(choices=[('pending', 'Pending'), ('accepted', 'Accepted'), ('rejected', 'Rejected')], default='pending', max_length=10)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('reason', models.TextField(blank=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'ordering': ['source', 'start', 'id'],
            },
        ),
        migrations.AddField(
            model_name='source',
            name='added_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='source',
            name='format',
            field=models.CharField(blank=True, max_length=8),
        ),
        migrations.AddConstraint(
            model_name='source',
            constraint=models.UniqueConstraint(fields=('sha256',), name='source_sha256_unique'),
        ),
        migrations.AddConstraint(
            model_name='source',
            constraint=models.CheckConstraint(condition=models.Q(('format__in', ['', 'txt', 'md', 'html'])), name='source_format_known'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='appearance',
            field=models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='proposal', to='claims.appearance'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='claim',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='proposals', to='claims.claim'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='decided_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='proposal',
            name='remedy',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='claims.remedy'),
        ),
        migrations.AddField(
            model_name='proposal',
            name='source',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='proposals', to='claims.source'),
        ),
        migrations.AddIndex(
            model_name='proposal',
            index=models.Index(fields=['source', 'status'], name='proposal_source_status'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'accepted', 'rejected'])), name='proposal_status_known'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('origin__in', ['proposer', 'reviewer'])), name='proposal_origin_known'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['relief', 'treatment', 'prevention', 'cause', 'caution'])), name='proposal_kind_known'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('population__isnull', True), ('population__in', ['pregnancy', 'children', 'elderly', 'athletes', 'varicose_veins', 'thrombophlebitis', 'diabetes', 'hypotension', 'heart_disease', 'kidney_disease', 'liver_disease', 'gastrointestinal', 'flat_feet', 'sedentary']), _connector='OR'), name='proposal_population_known'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('end__gt', models.F('start'))), name='proposal_span_not_empty'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('end', django.db.models.expressions.CombinedExpression(models.F('start'), '+', django.db.models.functions.text.Length('quote')))), name='proposal_span_matches_quote'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('confidence__gte', 0), ('confidence__lte', 1)), name='proposal_confidence_range'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('remedy__isnull', False), models.Q(models.Q(('new_remedy_name', ''), _negated=True), models.Q(('new_remedy_category', ''), _negated=True)), _connector='OR'), name='proposal_remedy_given'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(('new_remedy_category', ''), ('new_remedy_category__in', ['drug', 'supplement', 'food_drink', 'herbal_folk', 'topical', 'maneuver', 'procedure', 'device_garment', 'lifestyle']), _connector='OR'), name='proposal_new_remedy_category_known'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'pending'), _negated=True), models.Q(('decided_at__isnull', True), ('decided_by__isnull', True), ('appearance__isnull', True), ('claim__isnull', True), ('reason', '')), _connector='OR'), name='proposal_pending_undecided'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'accepted'), _negated=True), models.Q(('decided_at__isnull', False), ('decided_by__isnull', False), ('appearance__isnull', False), ('claim__isnull', False), ('remedy__isnull', False)), _connector='OR'), name='proposal_accepted_complete'),
        ),
        migrations.AddConstraint(
            model_name='proposal',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'rejected'), _negated=True), models.Q(('decided_at__isnull', False), ('decided_by__isnull', False), models.Q(('reason', ''), _negated=True), ('appearance__isnull', True), ('claim__isnull', True)), _connector='OR'), name='proposal_rejected_complete'),
        ),
    ]
