"""The kinds of claim say nothing of one condition: relief during an episode, causes or provokes the condition."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0009_conditions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='claim',
            name='kind',
            field=models.CharField(choices=[('relief', 'Relief during an episode'), ('treatment', 'Treatment'), ('prevention', 'Prevention'), ('cause', 'Causes or provokes the condition'), ('caution', 'Caution stated by the article')], max_length=12),
        ),
        migrations.AlterField(
            model_name='proposal',
            name='kind',
            field=models.CharField(choices=[('relief', 'Relief during an episode'), ('treatment', 'Treatment'), ('prevention', 'Prevention'), ('cause', 'Causes or provokes the condition'), ('caution', 'Caution stated by the article')], max_length=12),
        ),
    ]
