"""Streaming exports of the audit trail (CSV and NDJSON) in constant memory.

`export_blocks` is the one entry point: the API, the admin action and `export_audit` all stream
its blocks. On PostgreSQL the database renders every row (CSV cells, or the whole NDJSON line) and
streams them with COPY ... TO STDOUT: rows leave as the server produces them, no cursor or
transaction stays open, and Python only gathers them into blocks. Elsewhere (the SQLite demo) the
rows come from a chunked iterator and are rendered here. Both give the same rows and values.

NDJSON rows use the hash chain's own field names, so `verify_audit --file` recomputes every hash
from the file alone (with the chain key); the last line states the chain head at export time, how
many events the file holds and whether it was filtered, signed with the chain key so that a file
cut together with its closing line's counts still fails.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

import orjson
from django.db import connections
from django.db.models import F, Func, QuerySet, TextField, Value
from django.db.models.functions import Cast

from audit.keys import chain_keys
from audit.models import AuditEvent
from audit.rows import COLUMNS, JSON_COLUMNS, QUOTED_COLUMNS, TEXT_COLUMNS, iso_utc
from core.spreadsheets import FORMULA_PREFIXES, csv_safe

CHUNK_SIZE = 2000
# Output leaves in blocks of about this size: a write per row would cost more than the row.
BLOCK_BYTES = 64 * 1024
FORMATS = ("csv", "ndjson")


def chain_head(*, filtered: bool = False) -> dict:
    """The chain head now. `filtered` says the export holds only some events (so sequence gaps
    are expected); the closing line states it under the export's MAC."""
    last = AuditEvent.objects.order_by("-seq").values("seq", "hash").first()
    return {
        "record": "chain_head",
        "events": last["seq"] if last else 0,
        "head_seq": last["seq"] if last else None,
        "head_hash": last["hash"] if last else None,
        "filtered": filtered,
    }


def closing_line(head: dict, exported: int) -> bytes:
    return orjson.dumps(chain_keys().sign({**head, "exported": exported})) + b"\n"


def export_blocks(
    queryset: QuerySet[AuditEvent], fmt: str, *, head: dict | None = None, block_bytes: int = BLOCK_BYTES
) -> Iterator[tuple[bytes, int]]:
    """The export of `queryset` in chain order, as (bytes, number of events in them) blocks. CSV
    starts with its header row; NDJSON ends with the chain head line when `head` is given."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use csv or ndjson")
    queryset = queryset.order_by("seq")
    if connections[queryset.db].vendor == "postgresql":
        blocks = _copy_blocks(queryset, fmt, block_bytes)
    else:
        blocks = _rendered_blocks(queryset, fmt, block_bytes)
    if fmt == "csv":
        yield _csv_row(COLUMNS).encode(), 0
    exported = 0
    for block, rows in blocks:
        exported += rows
        yield block, rows
    if fmt == "ndjson" and head is not None:
        yield closing_line(head, exported), 0


def export_bytes(queryset: QuerySet[AuditEvent], fmt: str, *, head: dict | None = None) -> Iterator[bytes]:
    return (block for block, _rows in export_blocks(queryset, fmt, head=head))


# --- PostgreSQL: the server renders the rows, COPY streams them ------------------------------------


class UtcIsoTime(Func):
    """A timestamp exactly as audit.trail.iso_utc writes it (the hash covers that text)."""

    template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
    output_field = TextField()


def _sql_text(text: str) -> str:
    """A PostgreSQL escape-string literal (E'...') of the text."""
    escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("\t", "\\t").replace("\r", "\\r")
    return f"E'{escaped}'"


class CsvSafe(Func):
    """core.spreadsheets.csv_safe in SQL: a quote before a cell a spreadsheet would run as a formula."""

    template = (
        f"CASE WHEN left(%(expressions)s, 1) IN ({', '.join(_sql_text(p) for p in FORMULA_PREFIXES)}) "
        "THEN '''' || %(expressions)s ELSE %(expressions)s END"
    )
    output_field = TextField()


class JsonValue(Func):
    """A value's JSON text, `null` for NULL. Spelled per type because json_build_object() and
    to_json() on every value took twice as long as the COPY floor."""

    def __init__(self, expression, *, quoted: bool):
        value = "to_json(%(expressions)s)" if quoted else "(%(expressions)s)"
        super().__init__(expression, template=f"COALESCE({value}::text, 'null')", output_field=TextField())


class JsonLine(Func):
    """One NDJSON object: {"name":value,...} in COLUMNS order, concatenated in SQL."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = TextField()

    def __init__(self, cells: dict):
        parts = []
        for n, (name, cell) in enumerate(cells.items()):
            parts.append(Value(("{" if n == 0 else ",") + orjson.dumps(name).decode() + ":"))
            parts.append(JsonValue(cell, quoted=name in QUOTED_COLUMNS))
        super().__init__(*parts, Value("}"))


def _pg_cells(fmt: str) -> dict:
    cells = {name: F(name) for name in COLUMNS}
    cells["occurred_at"] = UtcIsoTime("occurred_at")
    if fmt == "csv":
        for name in JSON_COLUMNS:
            cells[name] = Cast(name, TextField())
        for name in TEXT_COLUMNS:
            cells[name] = CsvSafe(cells[name])
    return cells


def _copy_sql(queryset: QuerySet[AuditEvent], fmt: str) -> tuple[str, tuple]:
    cells = _pg_cells(fmt)
    if fmt == "csv":
        outputs = {f"export_{name}": cells[name] for name in COLUMNS}
        options = "(FORMAT csv)"
    else:
        outputs = {"export_line": JsonLine(cells)}
        options = ""
    # Filters may make the query DISTINCT, which adds its ordering columns to the select list:
    # the outer query keeps the output columns only, in chain order.
    inner = queryset.order_by().values(export_order=F("seq"), **outputs)
    sql, params = inner.query.sql_with_params()
    select = ", ".join(f'export."{name}"' for name in outputs)
    return f'COPY (SELECT {select} FROM ({sql}) AS export ORDER BY export."export_order") TO STDOUT {options}', params


def _copy_blocks(queryset: QuerySet[AuditEvent], fmt: str, block_bytes: int) -> Iterator[tuple[bytes, int]]:
    sql, params = _copy_sql(queryset, fmt)
    connection = connections[queryset.db]
    # Leaving early (a client gone) cancels the COPY on the server, so nothing stays open. Inside
    # a transaction the cancel would abort it: a savepoint confines the cancel to the export.
    savepoint = connection.savepoint() if connection.in_atomic_block else None
    finished = False
    try:
        with connection.cursor() as cursor, cursor.cursor.copy(sql, params) as copy:
            # libpq hands over COPY data one row at a time.
            for block, rows in _gathered(copy, block_bytes):
                if fmt == "ndjson":
                    # COPY's text format doubles every backslash (JSON text has no raw control
                    # characters, the only other thing it escapes): halving them restores the JSON.
                    block = block.replace(b"\\\\", b"\\")
                yield block, rows
        finished = True
    finally:
        if savepoint is not None:
            if finished:
                connection.savepoint_commit(savepoint)
            else:
                connection.savepoint_rollback(savepoint)


def _gathered(rows: Iterable[bytes], block_bytes: int) -> Iterator[tuple[bytes, int]]:
    """Rows joined into blocks of about block_bytes, with the number of rows in each."""
    pending, size = [], 0
    for row in rows:
        pending.append(row)
        size += len(row)
        if size >= block_bytes:
            yield b"".join(pending), len(pending)
            pending, size = [], 0
    if pending:
        yield b"".join(pending), len(pending)


# --- elsewhere: a chunked iterator, rendered in Python ----------------------------------------------


def export_queryset(queryset: QuerySet[AuditEvent]):
    """before/after as the database's JSON text, passed through to NDJSON as they are."""
    columns = [f"{name}_text" if name in JSON_COLUMNS else name for name in COLUMNS]
    return queryset.annotate(
        before_text=Cast("before", TextField()), after_text=Cast("after", TextField())
    ).values_list(*columns)


def iter_rows(queryset: QuerySet[AuditEvent], chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Export rows in chain order; before/after are orjson.Fragment of the stored JSON text."""
    for values in export_queryset(queryset.order_by("seq")).iterator(chunk_size=chunk_size):
        row = dict(zip(COLUMNS, values, strict=True))
        row["occurred_at"] = iso_utc(row["occurred_at"])
        for name in JSON_COLUMNS:
            row[name] = orjson.Fragment(row[name]) if row[name] is not None else None
        yield row


def _csv_row(cells) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue()


def _csv_cells(row: dict) -> list[str]:
    return [
        csv_safe(orjson.dumps(row[name]).decode() if name in JSON_COLUMNS and row[name] is not None else row[name])
        for name in COLUMNS
    ]


def _rendered_blocks(queryset: QuerySet[AuditEvent], fmt: str, block_bytes: int) -> Iterator[tuple[bytes, int]]:
    if fmt == "csv":
        lines = (_csv_row(_csv_cells(row)).encode() for row in iter_rows(queryset))
    else:
        lines = (orjson.dumps(row) + b"\n" for row in iter_rows(queryset))
    return _gathered(lines, block_bytes)
