"""An audit event as it leaves the database: one list of columns, read by every writer and reader
of that shape — the chain's MAC (trail), the exports (CSV, NDJSON, COPY), the auditors' API and its
OpenAPI schema, the export-file check, the benchmark and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "id" (a row id, may be null), "int", "time", "text", "json" or "digest"
    help: str = ""
    chained: bool = True  # covered by the event's HMAC
    typed_by_people: bool = False  # free text: a spreadsheet could run it as a formula (CSV guards it)


COLUMNS_SPEC = (
    Column("id", "id", "Database id; not part of the chain.", chained=False),
    Column("seq", "int", "Position in the hash chain, from 1."),
    Column("occurred_at", "time"),
    Column("actor_id", "id"),
    Column("actor_username", "text", "Who acted (a person, or system:<name>).", typed_by_people=True),
    Column("event_type", "text", typed_by_people=True),
    Column("claim_id", "id"),
    Column("review_id", "id"),
    Column("remedy_id", "id"),
    Column("reason", "text", typed_by_people=True),
    Column("before", "json"),
    Column("after", "json"),
    Column("prev_hash", "digest", "The previous event's hash (zeros for the first)."),
    Column("key_id", "text", "Id of the chain key whose HMAC is `hash`."),
    Column("hash", "digest", "HMAC-SHA256 of the chained columns under the key `key_id` names.", chained=False),
)
COLUMNS = tuple(column.name for column in COLUMNS_SPEC)
# Every column but the database id and the event's own hash: what the HMAC covers.
CHAIN_FIELDS = tuple(column.name for column in COLUMNS_SPEC if column.chained)
JSON_COLUMNS = tuple(column.name for column in COLUMNS_SPEC if column.kind == "json")
# Free text in a CSV cell: guarded against spreadsheet formulas.
TEXT_COLUMNS = tuple(column.name for column in COLUMNS_SPEC if column.typed_by_people)
# Values written as JSON strings in NDJSON (the others print as JSON numbers, objects or null).
QUOTED_COLUMNS = tuple(column.name for column in COLUMNS_SPEC if column.kind in ("time", "text", "digest"))


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def event_row(event) -> dict:
    """An AuditEvent as a row of COLUMNS (times as ISO 8601 in UTC)."""
    row = {name: getattr(event, name) for name in COLUMNS}
    row["occurred_at"] = iso_utc(event.occurred_at)
    return row
