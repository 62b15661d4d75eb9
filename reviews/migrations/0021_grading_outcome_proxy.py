"""Outcomes of an independent grading get admin pages of their own (a proxy of Outcome)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0020_outcome_and_dual_grading_permissions'),
    ]

    operations = [
        migrations.CreateModel(
            name='GradingOutcome',
            fields=[
            ],
            options={
                'verbose_name': 'outcome of an independent grading',
                'verbose_name_plural': 'outcomes of independent gradings',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('reviews.outcome',),
        ),
    ]
