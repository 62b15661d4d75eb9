"""Where the time goes, in this process, at one chain size: the COPY floor, the shipped export
for each format, and the Python rendering the SQLite path uses."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg

from bench import app
from bench.audit import log
from bench.audit.measure import floor_sql


def _drain(blocks) -> tuple[int, int, float | None]:
    rows = nbytes = 0
    first = None
    started = time.perf_counter()
    for block, n in blocks:
        if first is None:
            first = time.perf_counter() - started
        rows += n
        nbytes += len(block)
    return rows, nbytes, first


def breakdown(db_url: str, size: int, csv_file: Path, ndjson_file: Path) -> dict:
    """The export's own work in this process, without HTTP or a file: the COPY floor drained by
    psycopg, the shipped path (the app's export_blocks: COPY renders the rows), and the
    Python rendering the SQLite demo uses, for comparison."""
    from django.db import connection

    audit_export = app.audit_export()
    stages: dict[str, dict] = {}

    def stage(name, fn):
        started = time.perf_counter()
        rows, nbytes, first = fn()
        seconds = time.perf_counter() - started
        stages[name] = {
            "seconds": seconds,
            "rows": rows,
            "bytes": nbytes,
            "rows_per_s": rows / seconds,
            "us_per_row": seconds / rows * 1e6,
            "first_block_s": first,
        }
        log(
            f"  {name:58} {rows / seconds:>11,.0f} rows/s  {seconds / rows * 1e6:6.2f} µs/row"
            + (f"  (first block after {first * 1000:.1f} ms)" if first is not None else "")
        )

    def floor():
        with psycopg.connect(db_url, autocommit=True) as conn, conn.cursor() as cur, cur.copy(floor_sql()) as copy:
            return _drain((block, 1) for block in copy)

    qs = app.model("AuditEvent").objects.all()
    connection.close()
    stage("floor: COPY ... WITH CSV drained by psycopg", floor)
    for fmt in ("csv", "ndjson"):
        stage(
            f"export_blocks(format={fmt}) (COPY renders the rows)",
            lambda fmt=fmt: _drain(audit_export.export_blocks(qs, fmt, head=audit_export.chain_head())),
        )
    for fmt in ("csv", "ndjson"):
        stage(
            f"rendered in Python ({fmt}), the SQLite path, for comparison",
            lambda fmt=fmt: _drain(audit_export._rendered_blocks(qs.order_by("seq"), fmt, audit_export.BLOCK_BYTES)),
        )
    connection.close()
    return {"size": size, "stages": stages}
