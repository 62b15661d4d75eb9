"""The names the content API's remedies list and `remedy` and `source` filters read, stored with
each publication from its snapshot: the remedy's published name (Publication.remedy_name), its
name and aliases folded (PublicationRemedyName), and its sources' file names
(PublicationSource.file_name). Existing publications are filled from their own snapshots."""

import contextlib

import django.db.models.deletion
from django.db import migrations, models

BATCH = 1000

# The append-only rules (reviews.db_rules) that refuse the backfill's UPDATEs on PostgreSQL. The
# rules are (re)installed after every migrate, with the new columns frozen too.
POSTGRES_RULES = {
    "reviews_publication": "reviews_publication_rules",
    "reviews_publicationsource": "reviews_publicationsource_append_only",
}


def drop_sqlite_rules(apps, schema_editor):
    """SQLite adds a NOT NULL column by rebuilding the table, and refuses to rename the rebuilt
    table into place while a trigger names it (reviews_review_published_with_publication does):
    the triggers that name the publication tables go, and the rules are re-created after migrate.
    Without them, the backfill's UPDATEs pass too."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND instr(sql, 'reviews_publication') > 0"
        )
        for (trigger,) in cursor.fetchall():
            cursor.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')


@contextlib.contextmanager
def postgres_rules_disabled(connection):
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE (c.relname, t.tgname) IN (" + ", ".join(["(%s, %s)"] * len(POSTGRES_RULES)) + ")",
            [value for pair in POSTGRES_RULES.items() for value in pair],
        )
        present = cursor.fetchall()
        for table, trigger in present:  # as the tables' owner, who runs migrations
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        yield
        for table, trigger in present:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")


def folded_names(remedy: dict) -> set[str]:
    """reviews.snapshots.remedy_names, as of this migration."""
    return {name.casefold() for name in (remedy["name"], *remedy["aliases"])}


def fill_from_snapshots(apps, schema_editor):
    Publication = apps.get_model("reviews", "Publication")
    PublicationRemedyName = apps.get_model("reviews", "PublicationRemedyName")
    PublicationSource = apps.get_model("reviews", "PublicationSource")
    Source = apps.get_model("claims", "Source")
    connection = schema_editor.connection
    publications = Publication.objects.using(connection.alias)
    sources = {
        pk: (file_name, sha256)
        for pk, file_name, sha256 in Source.objects.using(connection.alias).values_list("pk", "file_name", "sha256")
    }
    ids = list(publications.order_by("pk").values_list("pk", flat=True))
    with postgres_rules_disabled(connection), connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH):
            snapshots = dict(publications.filter(pk__in=ids[start : start + BATCH]).values_list("pk", "snapshot"))
            cursor.executemany(
                f"UPDATE {Publication._meta.db_table} SET remedy_name = %s WHERE id = %s",
                [(snapshot["remedy"]["name"], pk) for pk, snapshot in snapshots.items()],
            )
            PublicationRemedyName.objects.using(connection.alias).bulk_create(
                PublicationRemedyName(publication_id=pk, name=name)
                for pk, snapshot in snapshots.items()
                for name in sorted(folded_names(snapshot["remedy"]))
            )
            rows = PublicationSource.objects.using(connection.alias).filter(publication_id__in=snapshots)
            cursor.executemany(
                f"UPDATE {PublicationSource._meta.db_table} SET file_name = %s WHERE id = %s",
                [
                    (published_file_name(snapshots[publication_id], *sources[source_id]), pk)
                    for pk, publication_id, source_id in rows.values_list("pk", "publication_id", "source_id")
                ],
            )


def analyze(apps, schema_editor):
    """PostgreSQL plans the filters from the new tables' statistics: without them (until autovacuum
    gets to it, if it runs at all) a name filter walks every current publication."""
    if schema_editor.connection.vendor != "postgresql":
        return
    tables = ", ".join(
        apps.get_model("reviews", name)._meta.db_table
        for name in ("Publication", "PublicationRemedyName", "PublicationSource")
    )
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def published_file_name(snapshot: dict, file_name: str, sha256: str) -> str:
    """The file name the snapshot gives the source: its own (a source's file name is fixed once
    loaded), else that of the appearance with the source's checksum."""
    appearances = snapshot["appearances"]
    if any(a["source"] == file_name for a in appearances):
        return file_name
    renamed = {a["source"] for a in appearances if a.get("source_sha256") == sha256}
    if len(renamed) != 1:
        raise RuntimeError(
            f"claim {snapshot['claim_id']} v{snapshot['version']}: source {file_name!r} is under no file name "
            f"of its published snapshot"
        )
    return renamed.pop()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0004_remedy_name_index"),
        ("reviews", "0010_approval_snapshot_contributions"),
    ]

    operations = [
        migrations.RunPython(drop_sqlite_rules, migrations.RunPython.noop),
        migrations.CreateModel(
            name="PublicationRemedyName",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(help_text="str.casefold() of the name or alias.", max_length=600)),
                (
                    "publication",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="remedy_names",
                        to="reviews.publication",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="publication",
            name="remedy_name",
            field=models.CharField(
                default="", help_text="The remedy's name as published: orders the remedies.", max_length=200
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="publicationsource",
            name="file_name",
            field=models.CharField(default="", help_text="The source's file name as published.", max_length=255),
            preserve_default=False,
        ),
        migrations.RunPython(fill_from_snapshots, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="publicationremedyname",
            constraint=models.UniqueConstraint(fields=("name", "publication"), name="publicationremedyname_once"),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                condition=models.Q(("is_current", True)),
                fields=["remedy_name", "remedy"],
                name="publication_current_name",
            ),
        ),
        migrations.AddIndex(
            model_name="publication",
            index=models.Index(
                condition=models.Q(("is_current", True)), fields=["remedy", "id"], name="publication_current_remedy"
            ),
        ),
        migrations.AddIndex(
            model_name="publicationsource",
            index=models.Index(fields=["file_name", "publication"], name="publicationsource_file_name"),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
        # Migrating back rebuilds the same tables.
        migrations.RunPython(migrations.RunPython.noop, drop_sqlite_rules),
    ]
