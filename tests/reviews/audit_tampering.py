"""What an attacker holding the database does to the audit trail, for the tests to catch.

Each helper writes behind the application's back, with raw SQL and the append-only triggers out of
the way: dropped on SQLite, disabled with ALTER TABLE as the owner on PostgreSQL (both inside the
test's transaction, which puts them back when it rolls back).
"""

import hashlib
import hmac
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from audit.keys import canonical
from audit.models import AuditEvent
from audit.rows import JSON_COLUMNS, event_row
from audit.trail import GENESIS_HASH, chain_fields


def disable_append_only_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE refuses pending FK checks
            cursor.execute("ALTER TABLE reviews_auditevent DISABLE TRIGGER USER")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'reviews_auditevent'")
            for (name,) in cursor.fetchall():
                cursor.execute(f'DROP TRIGGER "{name}"')


def _placeholder(column: str) -> str:
    return "CAST(%s AS jsonb)" if column in JSON_COLUMNS and connection.vendor == "postgresql" else "%s"


def set_columns(seq: int, /, **values):
    """UPDATE one event's columns, as someone with the database (and without the chain key) would."""
    disable_append_only_triggers()
    assignments = ", ".join(f'"{column}" = {_placeholder(column)}' for column in values)
    params = [
        json.dumps(v)
        if column in JSON_COLUMNS
        else connection.ops.adapt_datetimefield_value(v)
        if column == "occurred_at"
        else v
        for column, v in values.items()
    ]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE reviews_auditevent SET {assignments} WHERE seq = %s", [*params, seq])


def delete_events(*seqs: int):
    disable_append_only_triggers()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM reviews_auditevent WHERE seq IN ({', '.join(['%s'] * len(seqs))})", list(seqs))


def plain_sha256(row: dict) -> str:
    return hashlib.sha256(canonical(chain_fields(row))).hexdigest()


def hmac_with(key: bytes):
    return lambda row: hmac.new(key, canonical(chain_fields(row)), hashlib.sha256).hexdigest()


def rewrite_chain(hash_function, *, edit=None, from_seq: int = 1):
    """Rewrite every event from `from_seq` on: apply `edit` to the rows, then relink and rehash
    them with `hash_function`, so each link and each hash is consistent again."""
    rows = [event_row(event) for event in AuditEvent.objects.order_by("seq")]
    disable_append_only_triggers()
    previous = rows[from_seq - 2]["hash"] if from_seq > 1 else GENESIS_HASH
    for row in rows[from_seq - 1 :]:
        if edit is not None:
            edit(row)
        row["prev_hash"] = previous
        row["hash"] = hash_function(row)
        previous = row["hash"]
        columns = {name: row[name] for name in ("actor_id", "actor_username", "reason", "prev_hash", "hash")}
        set_columns(row["seq"], **columns)
    return rows


def verify_audit_fails(*args, match: str) -> str:
    """Run verify_audit; it must exit with status 1 and a message matching `match`."""
    with pytest.raises(CommandError, match=match) as excinfo:
        call_command("verify_audit", *args, stdout=io.StringIO(), stderr=io.StringIO())
    assert excinfo.value.returncode == 1
    return str(excinfo.value)


def verify_audit_passes(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("verify_audit", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()
