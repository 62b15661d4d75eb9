"""Streaming exports of the audit trail (CSV and NDJSON) in constant memory.

Rows come from a chunked server-side cursor (`QuerySet.iterator`) and are written one at a time;
no list of events is ever built. The same generators feed the API, the admin action and the
`export_audit` command. NDJSON rows use the hash chain's own field names, so `verify_audit --file`
recomputes every hash from the file alone; the last line states the chain head at export time.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

import orjson
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

from claims.exports import csv_safe
from reviews.audit import iso_utc
from reviews.models import AuditEvent

COLUMNS = [
    "id",
    "seq",
    "occurred_at",
    "actor_id",
    "actor_username",
    "event_type",
    "claim_id",
    "review_id",
    "remedy_id",
    "reason",
    "before",
    "after",
    "prev_hash",
    "hash",
]
CHUNK_SIZE = 2000
# Rows per piece of output: one write/yield per row would cost more than encoding the row.
BATCH_ROWS = 500


def export_queryset(queryset: QuerySet[AuditEvent], raw_json: bool = False):
    if not raw_json:
        return queryset.order_by("seq").values_list(*COLUMNS)
    # before/after as the database's JSON text: decoding and re-encoding them was most of the cost.
    columns = [f"{name}_text" if name in ("before", "after") else name for name in COLUMNS]
    return (
        queryset.order_by("seq")
        .annotate(before_text=Cast("before", TextField()), after_text=Cast("after", TextField()))
        .values_list(*columns)
    )


def iter_rows(queryset: QuerySet[AuditEvent], chunk_size: int = CHUNK_SIZE, raw_json: bool = False) -> Iterator[dict]:
    """Export rows in chain order. With raw_json, before/after are orjson.Fragment of the stored
    JSON text (for NDJSON): the same values, not re-encoded."""
    for values in export_queryset(queryset, raw_json).iterator(chunk_size=chunk_size):
        row = dict(zip(COLUMNS, values, strict=True))
        row["occurred_at"] = iso_utc(row["occurred_at"])
        if raw_json:
            row["before"], row["after"] = orjson.Fragment(row["before"]), orjson.Fragment(row["after"])
        yield row


def chain_head() -> dict:
    last = AuditEvent.objects.order_by("-seq").values("seq", "hash").first()
    return {
        "record": "chain_head",
        "events": last["seq"] if last else 0,
        "head_seq": last["seq"] if last else None,
        "head_hash": last["hash"] if last else None,
    }


def ndjson_lines(rows: Iterable[dict], head: dict | None = None, batch_rows: int = BATCH_ROWS) -> Iterator[bytes]:
    count, batch = 0, []
    for row in rows:
        count += 1
        batch.append(orjson.dumps(row))
        if len(batch) >= batch_rows:
            yield b"\n".join(batch) + b"\n"
            batch = []
    if batch:
        yield b"\n".join(batch) + b"\n"
    if head is not None:
        yield orjson.dumps({**head, "exported": count}) + b"\n"


def csv_lines(rows: Iterable[dict], batch_rows: int = BATCH_ROWS) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    pending = 0
    for row in rows:
        writer.writerow(
            [
                csv_safe(
                    orjson.dumps(row[name], option=orjson.OPT_SORT_KEYS).decode()
                    if name in ("before", "after")
                    else row[name]
                )
                for name in COLUMNS
            ]
        )
        pending += 1
        if pending >= batch_rows:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield buffer.getvalue()
