"""The application's database role (PostgreSQL): what it may do, granted and then checked.

Production runs the service as a role that owns nothing. Owning a table is what lets a role ALTER
it, DROP it, TRUNCATE it or DISABLE its triggers, whatever its grants say; so the schema belongs
to the owner that runs the migrations, and the application role only gets row privileges:

- ordinary tables: SELECT, INSERT, UPDATE, DELETE;
- the append-only tables (reviews.append_only): SELECT and INSERT, plus UPDATE of a publication's
  status columns (is_current, withdrawn_at), granted column by column;
- django_migrations: SELECT only. A row inserted there would make the next `migrate` skip a
  migration, such as one that installs a safety trigger;
- sequences: USAGE and SELECT (nextval, never setval);
- the schema: USAGE, never CREATE; the database: CONNECT, never CREATE or TEMPORARY (a temporary
  table named like a row-history table would take the rows the history triggers write);
- no TRUNCATE, REFERENCES or TRIGGER anywhere.

django-pgtrigger lets any session switch its triggers off (SET pgtrigger.ignore = '{name}'): row
history, and the append-only and immutability triggers the models declare (core.triggers), whose
refusals are all that stands between the role's UPDATE of a publication's status columns and a
withdrawn claim coming back. Its check function is replaced so that only members of the owner's
role may (migrations and maintenance), never the application role.

Everything is revoked first and granted again in one transaction, so re-running tightens an older,
broader grant. Default privileges give the tables of later migrations the ordinary grants; an
append-only table added later keeps UPDATE and DELETE until this runs again, so it runs after
every `migrate`. Then the role's effective privileges (PUBLIC's and inherited roles' included) are
checked against the policy, and any difference aborts the whole transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction
from django.db.migrations.recorder import MigrationRecorder

from reviews.append_only import STATUS_ONLY_MODELS, append_only_tables
from reviews.models.publications import STATUS_FIELDS as PUBLICATION_STATUS_FIELDS
from reviews.trigger_switch import owner_only_trigger_switch

TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
ROW_PRIVILEGES = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})
APPEND_PRIVILEGES = frozenset({"SELECT", "INSERT"})
READ_PRIVILEGES = frozenset({"SELECT"})
# The only columns of an append-only table the role may UPDATE (model fields; one way only, their
# triggers see to that).
STATUS_FIELDS = {"reviews.Publication": PUBLICATION_STATUS_FIELDS}


class AppRoleError(Exception):
    """The role cannot be set up safely; the message says why and what to do."""


@dataclass
class Policy:
    """What the role may do on each table of the schema."""

    read_write: list[str] = field(default_factory=list)
    append_only: list[str] = field(default_factory=list)
    read_only: list[str] = field(default_factory=list)
    status_columns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # table -> columns

    def table_privileges(self, table: str) -> frozenset[str]:
        if table in self.append_only:
            return APPEND_PRIVILEGES
        if table in self.read_only:
            return READ_PRIVILEGES
        return ROW_PRIVILEGES


@dataclass
class Summary:
    role: str
    database: str
    schema: str
    owner: str
    policy: Policy
    sequences: int

    def __str__(self):
        status = "".join(f"; {t} also UPDATE ({', '.join(c)})" for t, c in self.policy.status_columns.items())
        return (
            f"{self.role} on {self.database} (schema {self.schema}, tables owned by {self.owner}):\n"
            f"  {len(self.policy.read_write)} tables: SELECT, INSERT, UPDATE, DELETE\n"
            f"  {len(self.policy.append_only)} append-only tables: SELECT, INSERT{status}\n"
            f"  {', '.join(self.policy.read_only)}: SELECT\n"
            f"  {self.sequences} sequences: USAGE, SELECT\n"
            f"  no TRUNCATE, REFERENCES, TRIGGER, CREATE or TEMPORARY\n"
            f"Tables {self.owner} creates later get the ordinary grants: run this again after every migrate."
        )


def ident(name: str) -> str:
    """A quoted SQL identifier (role, table, column, schema or database name)."""
    return '"' + name.replace('"', '""') + '"'


def grant_app_role(connection, role: str) -> Summary:
    """Revoke everything the role holds in this database, grant the policy, check the result."""
    if connection.vendor != "postgresql":
        raise AppRoleError(
            f"grant_app_role works on PostgreSQL only (this database is {connection.vendor}): "
            f"database roles and grants do not exist on SQLite."
        )
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        database, schema, owner, user = _context(cursor)
        _refuse_unsafe_role(cursor, role, owner=owner, user=user, database=database)
        policy = _policy(cursor, schema)
        sequences = _sequences(cursor, schema)
        for statement in _statements(role=role, database=database, schema=schema, owner=owner, policy=policy):
            cursor.execute(statement)
        owner_only_trigger_switch(cursor, owner)
        problems = check_app_role(connection, role, policy=policy, schema=schema)
        if problems:
            raise AppRoleError(
                f"after granting, what {role} may do differs from what the service needs (nothing was changed):\n  "
                + "\n  ".join(problems)
                + f"\nExtra privileges come from PUBLIC or from a role {role} belongs to (psql: \\du {role}); "
                f"missing ones from running this as a role that may not grant them (run it as the owner)."
            )
    return Summary(role, database, schema, owner, policy, len(sequences))


def _context(cursor) -> tuple[str, str, str, str]:
    migrations_table = MigrationRecorder.Migration._meta.db_table
    cursor.execute(
        "SELECT current_database(), current_schema(), current_user, "
        "(SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass(%s))",
        [migrations_table],
    )
    database, schema, user, owner = cursor.fetchone()
    if owner is None:
        raise AppRoleError(f"no {migrations_table} table in {database}: run `manage.py migrate` first, as the owner.")
    return database, schema, owner, user


def _refuse_unsafe_role(cursor, role: str, *, owner: str, user: str, database: str) -> None:
    create = f"CREATE ROLE {ident(role)} LOGIN PASSWORD '...';"
    cursor.execute("SELECT oid, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = %s", [role])
    row = cursor.fetchone()
    if row is None:
        raise AppRoleError(
            f"role {role!r} does not exist. Create it first, as a superuser or a role with CREATEROLE "
            f"(it gets no other attribute):\n  {create}\nthen run this again."
        )
    oid, superuser, createrole = row
    if role in {owner, user}:
        raise AppRoleError(
            f"{role} is the owner of the schema (or the user running this): the application role must be "
            f"another role, one that owns nothing. {create}"
        )
    if superuser or createrole:
        raise AppRoleError(
            f"{role} is {'a superuser' if superuser else 'allowed to create roles'}: no grant binds it. "
            f"ALTER ROLE {ident(role)} NOSUPERUSER NOCREATEROLE;"
        )
    cursor.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", [role, owner])
    if cursor.fetchone()[0]:
        raise AppRoleError(
            f"{role} is a member of {owner}, the owner of the schema, and so acts as the owner. "
            f"REVOKE {ident(owner)} FROM {ident(role)};"
        )
    cursor.execute(
        "SELECT format('%%s %%s', CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' ELSE 'table' END, "
        "c.oid::regclass) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relowner = %s AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema' "
        "UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspowner = %s "
        "UNION ALL SELECT 'database ' || datname FROM pg_database WHERE datdba = %s AND datname = %s "
        "ORDER BY 1",
        [oid, oid, oid, database],
    )
    owned = [name for (name,) in cursor.fetchall()]
    if owned:
        raise AppRoleError(
            f"{role} owns {', '.join(owned[:5])}{' …' if len(owned) > 5 else ''}: an owner can alter, truncate or "
            f"drop what it owns, whatever its grants. Hand it to the owner: REASSIGN OWNED BY {ident(role)} TO "
            f"{ident(owner)}; (ALTER DATABASE ... OWNER TO for the database)."
        )


def _policy(cursor, schema: str) -> Policy:
    cursor.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = to_regnamespace(%s) AND relkind IN ('r', 'p') "
        "ORDER BY relname",
        [schema],
    )
    tables = [name for (name,) in cursor.fetchall()]
    append_only = append_only_tables()
    missing = sorted(set(append_only) - set(tables))
    if missing:
        raise AppRoleError(f"append-only tables missing from schema {schema}: {', '.join(missing)}. Run migrate first.")
    if set(STATUS_FIELDS) != set(STATUS_ONLY_MODELS):
        raise AppRoleError(
            f"reviews.append_only lists {STATUS_ONLY_MODELS} as updatable in their status columns only; "
            f"reviews.app_role.STATUS_FIELDS must name those columns."
        )
    status_columns = {}
    for label, names in STATUS_FIELDS.items():
        meta = apps.get_model(label)._meta
        status_columns[meta.db_table] = tuple(meta.get_field(name).column for name in names)
    read_only = [MigrationRecorder.Migration._meta.db_table]
    return Policy(
        read_write=[t for t in tables if t not in append_only and t not in read_only],
        append_only=[t for t in tables if t in append_only],
        read_only=read_only,
        status_columns=status_columns,
    )


def _sequences(cursor, schema: str) -> list[str]:
    cursor.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = to_regnamespace(%s) AND relkind = 'S'", [schema]
    )
    return [name for (name,) in cursor.fetchall()]


def _statements(*, role: str, database: str, schema: str, owner: str, policy: Policy) -> list[str]:
    r, s, o = ident(role), ident(schema), ident(owner)
    statements = [
        # Start from nothing: every table, column, sequence, schema and database privilege of the role.
        f"REVOKE ALL ON DATABASE {ident(database)} FROM {r}",
        f"REVOKE ALL ON SCHEMA {s} FROM {r}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {r}",  # column privileges go with them
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} REVOKE ALL ON TABLES FROM {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} REVOKE ALL ON SEQUENCES FROM {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} REVOKE ALL ON TABLES FROM {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} REVOKE ALL ON SEQUENCES FROM {r}",
        # Every role is a member of PUBLIC: PostgreSQL 15 no longer lets PUBLIC create in the public
        # schema, a database created by an older version still may.
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        # A session's temporary tables come first in its search path: the row-history triggers'
        # INSERT INTO "reviews_reviewevent" would fill a temporary table of that name instead.
        f"REVOKE TEMPORARY ON DATABASE {ident(database)} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {ident(database)} TO {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
    ]
    for privileges, tables in (
        (ROW_PRIVILEGES, policy.read_write),
        (APPEND_PRIVILEGES, policy.append_only),
        (READ_PRIVILEGES, policy.read_only),
    ):
        if tables:
            names = ", ".join(f"{s}.{ident(t)}" for t in tables)
            statements.append(f"GRANT {', '.join(sorted(privileges))} ON TABLE {names} TO {r}")
    for table, columns in policy.status_columns.items():
        statements.append(f"GRANT UPDATE ({', '.join(map(ident, columns))}) ON TABLE {s}.{ident(table)} TO {r}")
    statements += [
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        # Tables and sequences the owner creates later (the next migrations) get the ordinary grants.
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    ]
    return statements


# django-pgtrigger's function (pgtrigger/compiler.py, same signature and result), plus the first IF.
def check_app_role(connection, role: str, *, policy: Policy, schema: str) -> list[str]:
    """Every way the role's effective privileges (direct, PUBLIC's, inherited) differ from the policy."""
    problems = []
    with connection.cursor() as cursor:
        checks = ", ".join(f"has_table_privilege(%s, c.oid, '{p}')" for p in TABLE_PRIVILEGES)
        cursor.execute(
            f"SELECT c.relname, {checks}, pg_has_role(%s, c.relowner, 'MEMBER'), "
            f"ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 "
            f"AND NOT a.attisdropped AND has_column_privilege(%s, c.oid, a.attnum, 'UPDATE') ORDER BY a.attname), "
            f"has_any_column_privilege(%s, c.oid, 'REFERENCES') "
            f"FROM pg_class c WHERE c.relnamespace = to_regnamespace(%s) AND c.relkind IN ('r', 'p') ORDER BY 1",
            [role] * (len(TABLE_PRIVILEGES) + 3) + [schema],
        )
        for table, *flags in cursor.fetchall():
            held = {p for p, has in zip(TABLE_PRIVILEGES, flags, strict=False) if has}
            as_owner, updatable, references = flags[len(TABLE_PRIVILEGES) :]
            expected = policy.table_privileges(table)
            if as_owner:
                problems.append(f"{table}: {role} is a member of the table's owner")
            if held != expected:
                extra, lacking = sorted(held - expected), sorted(expected - held)
                problems.append(f"{table}: holds {extra or 'nothing extra'}, lacks {lacking or 'nothing'}")
            if "UPDATE" not in held | expected and set(updatable) != set(policy.status_columns.get(table, ())):
                problems.append(f"{table}: UPDATE on columns {updatable}")
            if references:
                problems.append(f"{table}: REFERENCES on some column")
        cursor.execute(
            "SELECT c.relname FROM pg_class c WHERE c.relnamespace = to_regnamespace(%s) AND c.relkind = 'S' "
            "AND (has_sequence_privilege(%s, c.oid, 'UPDATE') OR NOT has_sequence_privilege(%s, c.oid, 'USAGE'))",
            [schema, role, role],
        )
        problems += [f"sequence {name}: UPDATE (setval) held or USAGE lacking" for (name,) in cursor.fetchall()]
        cursor.execute(
            "SELECT has_schema_privilege(%s, %s, 'CREATE'), has_database_privilege(%s, current_database(), 'CREATE'), "
            "has_database_privilege(%s, current_database(), 'TEMPORARY')",
            [role, schema, role, role],
        )
        schema_create, database_create, temporary = cursor.fetchone()
        if schema_create:
            problems.append(f"CREATE on schema {schema}")
        if database_create:
            problems.append("CREATE on the database (new schemas)")
        if temporary:
            problems.append("TEMPORARY on the database (temporary tables)")
    return problems
