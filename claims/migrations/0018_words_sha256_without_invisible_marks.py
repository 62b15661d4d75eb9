import hashlib
import re

from django.db import migrations

# claims.ingest.text.words_sha256 as of this migration, written out: a migration keeps its rule.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def refill_words_sha256(apps, schema_editor):
    """Each stored text's words key without the invisible marks intake now drops, so that a text
    stored with them is found when it is taken in again."""
    Source = apps.get_model("claims", "Source")
    for source in Source.objects.exclude(text="").only("pk", "text").iterator():
        if _INVISIBLE.search(source.text):
            words = " ".join(_INVISIBLE.sub("", source.text).split()).encode("utf-8", errors="surrogatepass")
            Source.objects.filter(pk=source.pk).update(words_sha256=hashlib.sha256(words).hexdigest())


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0017_proposer_run_characters"),
    ]

    operations = [
        migrations.RunPython(refill_words_sha256, migrations.RunPython.noop),
    ]
