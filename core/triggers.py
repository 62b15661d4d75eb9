"""The django-pgtrigger triggers the models declare in `Meta.triggers` (PostgreSQL): append-only
tables and columns that never change, each app's own rules beside its models.

They are pgtrigger.Protect / pgtrigger.ReadOnly with this project's messages and SQLSTATEs (the
services and the tests read them), plus the statement-level TRUNCATE guard. `makemigrations`
writes them into each app's migrations. The rules generated from the workflow table (state edges,
four-eyes, publication gates, the latest audit event) stay in reviews.db_rules; SQLite, which
pgtrigger does not serve, gets all of them from reviews.db_rules.sqlite.

Like every pgtrigger trigger, these skip themselves for the names a session lists in
`pgtrigger.ignore`; reviews.app_role makes that switch work for the owner's role only (who could
disable a trigger anyway), never for the application role.
"""

from __future__ import annotations

import pghistory
import pgtrigger

# Django's test runner empties a PostgreSQL test database with TRUNCATE: a superuser's session
# that sets this (config/test_settings.py) may, nobody else.
ALLOW_TRUNCATE_SETTING = "reviews.allow_truncate"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class _Refusal:
    """RAISE EXCEPTION with a message (`%` placeholders filled from `args`, SQL expressions) and a
    SQLSTATE condition name, instead of pgtrigger's generic message."""

    message = "% on %: the table is append-only"
    message_args: tuple[str, ...] = ("TG_OP", "TG_TABLE_NAME")
    errcode = "insufficient_privilege"

    def __init__(self, *, message: str | None = None, args=None, errcode: str | None = None, **kwargs):
        self.message = message or self.message
        self.message_args = tuple(self.message_args if args is None else args)
        self.errcode = errcode or self.errcode
        if self.message.count("%") != len(self.message_args):
            raise ValueError(
                f"{self.message!r} has {self.message.count('%')} placeholders for {len(self.message_args)} args"
            )
        super().__init__(**kwargs)

    def get_func(self, model):
        params = "".join(f", {arg}" for arg in self.message_args)
        return f"RAISE EXCEPTION {_literal(self.message)}{params} USING ERRCODE = {_literal(self.errcode)};"


class Refuse(_Refusal, pgtrigger.Protect):
    """pgtrigger.Protect (BEFORE, each row; refuses `operation` where `condition` holds) with the
    project's message."""


class ReadOnly(_Refusal, pgtrigger.ReadOnly):
    """pgtrigger.ReadOnly (UPDATE of `fields`, or of every field but `exclude`, is refused) with
    the project's message."""


class RefuseIf(_Refusal, pgtrigger.Trigger):
    """BEFORE, each row: `operation` is refused where `check` holds, an SQL condition that may read
    other tables (a trigger's WHEN clause may not), written with OLD and NEW (NULL where the
    operation has none)."""

    when = pgtrigger.Before
    check = ""

    def __init__(self, *, check: str | None = None, **kwargs):
        self.check = check or self.check
        super().__init__(**kwargs)

    def get_func(self, model):
        return f"IF {self.check} THEN {super().get_func(model)} END IF; RETURN COALESCE(NEW, OLD);"


class AppendOnly(Refuse):
    """The row is a fact: UPDATE and DELETE are refused, whoever asks."""

    name = "append_only"
    operation = pgtrigger.Update | pgtrigger.Delete


class NoTruncate(pgtrigger.Trigger):
    """TRUNCATE (a statement: no row trigger sees it) is refused, but for a superuser's session that
    sets reviews.allow_truncate (the test runner's flush). pgtrigger.Protect serves row operations
    and transition tables only, hence a plain statement-level trigger."""

    name = "no_truncate"
    level = pgtrigger.Statement
    when = pgtrigger.Before
    operation = pgtrigger.Truncate
    func = (
        f"IF current_setting({_literal(ALLOW_TRUNCATE_SETTING)}, true) = 'on' "
        "AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN RETURN NULL; END IF; "
        "RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME "
        "USING ERRCODE = 'insufficient_privilege';"
    )


def append_only_triggers() -> list[pgtrigger.Trigger]:
    """`Meta.triggers` of a table that only grows."""
    return [AppendOnly(), NoTruncate()]


def track_history(**kwargs):
    """pghistory.track, with the event table guarded against TRUNCATE too (pghistory's own
    `append_only` trigger, PGHISTORY_APPEND_ONLY, refuses UPDATE and DELETE)."""
    return pghistory.track(**kwargs, meta={"triggers": [NoTruncate()]})


def drop_sqlite_triggers_naming(*tables: str):
    """A migration operation for SQLite, which adds a NOT NULL column or a constraint by rebuilding
    the table and refuses to rename the rebuilt table into place while a trigger names it: the
    triggers that name any of `tables` are dropped, and the apps re-create their rules after
    migrate (post_migrate). Nothing happens on PostgreSQL."""

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            for name, sql in cursor.fetchall():
                if any(table in (sql or "") for table in tables):
                    cursor.execute(f'DROP TRIGGER IF EXISTS "{name}"')

    from django.db import migrations

    return migrations.RunPython(drop, migrations.RunPython.noop)
