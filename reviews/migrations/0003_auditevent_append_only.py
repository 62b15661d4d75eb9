"""The database itself refuses UPDATE and DELETE on audit events, whoever asks."""

from django.db import migrations

MESSAGE = "audit events are append-only: UPDATE and DELETE are refused"

POSTGRES_UP = f"""
CREATE OR REPLACE FUNCTION reviews_auditevent_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER reviews_auditevent_no_update BEFORE UPDATE ON reviews_auditevent
    FOR EACH ROW EXECUTE FUNCTION reviews_auditevent_refuse_change();
CREATE TRIGGER reviews_auditevent_no_delete BEFORE DELETE ON reviews_auditevent
    FOR EACH ROW EXECUTE FUNCTION reviews_auditevent_refuse_change();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS reviews_auditevent_no_update ON reviews_auditevent;
DROP TRIGGER IF EXISTS reviews_auditevent_no_delete ON reviews_auditevent;
DROP FUNCTION IF EXISTS reviews_auditevent_refuse_change();
"""
SQLITE_UP = [
    f"""CREATE TRIGGER reviews_auditevent_no_update BEFORE UPDATE ON reviews_auditevent
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    f"""CREATE TRIGGER reviews_auditevent_no_delete BEFORE DELETE ON reviews_auditevent
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS reviews_auditevent_no_update;",
    "DROP TRIGGER IF EXISTS reviews_auditevent_no_delete;",
]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": [POSTGRES_UP], "sqlite": SQLITE_UP}.get(vendor)
    if statements is None:
        raise RuntimeError(f"no append-only triggers for database vendor {vendor!r}")
    for sql in statements:
        schema_editor.execute(sql)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in {"postgresql": [POSTGRES_DOWN], "sqlite": SQLITE_DOWN}.get(vendor, []):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0002_reviews")]

    operations = [migrations.RunPython(install, uninstall)]
