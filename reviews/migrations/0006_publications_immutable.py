"""A publication's content never changes once written (only its current/withdrawn status does),
and the changes feed is append-only; the database refuses anything else."""

from django.db import migrations

CONTENT = "claim_id, review_id, version, snapshot, remedy_id, category, kind, population, risk_tier, " \
          "certainty, recommendation, search_text, change_note, published_by_id, published_at"

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION reviews_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '%% on %%: published data is immutable', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER reviews_publication_content_frozen BEFORE UPDATE OF {CONTENT} ON reviews_publication
    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_change();
CREATE TRIGGER reviews_publication_no_delete BEFORE DELETE ON reviews_publication
    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_change();
CREATE TRIGGER reviews_publicationchange_no_update BEFORE UPDATE ON reviews_publicationchange
    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_change();
CREATE TRIGGER reviews_publicationchange_no_delete BEFORE DELETE ON reviews_publicationchange
    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_change();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS reviews_publication_content_frozen ON reviews_publication;
DROP TRIGGER IF EXISTS reviews_publication_no_delete ON reviews_publication;
DROP TRIGGER IF EXISTS reviews_publicationchange_no_update ON reviews_publicationchange;
DROP TRIGGER IF EXISTS reviews_publicationchange_no_delete ON reviews_publicationchange;
DROP FUNCTION IF EXISTS reviews_refuse_change();
"""
SQLITE_UP = [
    f"""CREATE TRIGGER reviews_publication_content_frozen BEFORE UPDATE OF {CONTENT} ON reviews_publication
        BEGIN SELECT RAISE(ABORT, 'UPDATE on reviews_publication: published data is immutable'); END;""",
    """CREATE TRIGGER reviews_publication_no_delete BEFORE DELETE ON reviews_publication
        BEGIN SELECT RAISE(ABORT, 'DELETE on reviews_publication: published data is immutable'); END;""",
    """CREATE TRIGGER reviews_publicationchange_no_update BEFORE UPDATE ON reviews_publicationchange
        BEGIN SELECT RAISE(ABORT, 'UPDATE on reviews_publicationchange: published data is immutable'); END;""",
    """CREATE TRIGGER reviews_publicationchange_no_delete BEFORE DELETE ON reviews_publicationchange
        BEGIN SELECT RAISE(ABORT, 'DELETE on reviews_publicationchange: published data is immutable'); END;""",
]
SQLITE_DOWN = [
    f"DROP TRIGGER IF EXISTS {name};"
    for name in ("reviews_publication_content_frozen", "reviews_publication_no_delete",
                 "reviews_publicationchange_no_update", "reviews_publicationchange_no_delete")
]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": [POSTGRES_UP], "sqlite": SQLITE_UP}.get(vendor)
    if statements is None:
        raise RuntimeError(f"no immutability triggers for database vendor {vendor!r}")
    for sql in statements:
        schema_editor.execute(sql)


def uninstall(apps, schema_editor):
    for sql in {"postgresql": [POSTGRES_DOWN], "sqlite": SQLITE_DOWN}.get(schema_editor.connection.vendor, []):
        schema_editor.execute(sql)


def grant_view(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    views = Permission.objects.filter(content_type__app_label="reviews",
                                      codename__in=["view_publication", "view_publicationchange"])
    for name in ("reviewer", "senior_reviewer", "auditor"):
        Group.objects.get(name=name).permissions.add(*views)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0005_publications")]

    operations = [migrations.RunPython(install, uninstall),
                  migrations.RunPython(grant_view, migrations.RunPython.noop)]
