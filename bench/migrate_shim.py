"""`manage.py migrate`, with a narrow workaround for reviews/migrations/0006 on PostgreSQL.

0006 runs `CREATE FUNCTION ... RAISE EXCEPTION '% on %: ...'` through schema_editor.execute(sql),
whose default params=() makes Django merge parameters client-side (psycopg mogrify), and mogrify
rejects the bare `%` ("incomplete placeholder"). A statement without parameters does not need the
merge, so this shim passes params=None for exactly such statements (a RAISE format string and no
parameters) and leaves every other statement alone. bench/__main__.py only uses it when the plain
`manage.py migrate` fails, and says so loudly; once the migration escapes its `%`, it is unused.
"""

import os
import sys


def main() -> int:
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.backends.postgresql.schema import DatabaseSchemaEditor

    original = DatabaseSchemaEditor.execute

    def execute(self, sql, params=()):
        if params == () and "RAISE EXCEPTION '%" in str(sql):
            print("bench: migrate shim passed params=None to a RAISE statement (see bench/migrate_shim.py)",
                  file=sys.stderr)
            return original(self, sql, None)
        return original(self, sql, params)

    DatabaseSchemaEditor.execute = execute
    call_command("migrate", interactive=False, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
