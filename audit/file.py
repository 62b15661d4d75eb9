"""Verifying an NDJSON export of the audit trail from the file alone (and the chain key).

An export is its events in chain order, then one closing `chain_head` record signed with the
chain key: the chain head at export time, how many events were exported and whether a filter
chose them. So the file must end with that record, and the record must hold: an empty file, a
file cut short (with or without its closing line), a count or head lowered to match removed
events, or lines added after the closing record all fail. Sequence gaps are allowed only where
the signed record says the export was filtered.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from audit.keys import chain_keys
from audit.rows import CHAIN_FIELDS
from audit.trail import ChainReport, verify_chain

EVENT_FIELDS = frozenset({*CHAIN_FIELDS, "hash"})
HEAD_RECORD = "chain_head"


class ExportFileError(Exception):
    """The file is not a whole export: empty, unreadable, without its closing record, or more."""


class _Reader:
    """The file's events, in order; the closing record is kept aside, and nothing may follow it."""

    def __init__(self, path: Path):
        self.path, self.head, self.lines = path, None, 0

    def events(self) -> Iterator[dict]:
        with self.path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                self.lines += 1
                where = f"{self.path}:{number}"
                if self.head is not None:
                    raise ExportFileError(f"{where}: a line after the closing chain_head record")
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ExportFileError(f"{where}: not JSON: {exc}") from exc
                if not isinstance(row, dict):
                    raise ExportFileError(f"{where}: not a JSON object")
                if row.get("record") == HEAD_RECORD:
                    self.head = row
                    continue
                missing = sorted(EVENT_FIELDS - set(row))
                if missing or not isinstance(row["seq"], int):
                    raise ExportFileError(
                        f"{where}: not an audit event (missing {', '.join(missing) or 'a numeric seq'})"
                    )
                yield row


def _broken(report: ChainReport, seq: int | None, problem: str) -> ChainReport:
    return ChainReport(False, report.count, seq, problem)


def _check_head(report: ChainReport, head: dict) -> ChainReport:
    """The events the file holds against what its signed closing record says was exported."""
    exported, events, head_seq, head_hash = (head.get(k) for k in ("exported", "events", "head_seq", "head_hash"))
    filtered = head.get("filtered") is True
    if report.gaps and not filtered:
        return _broken(report, report.first_gap_seq, "event missing before this one (sequence gap in a full export)")
    if report.count != exported:
        return _broken(report, report.last_seq, f"the file holds {report.count} events, the export wrote {exported}")
    if filtered:
        if report.last_seq is not None and (head_seq is None or report.last_seq > head_seq):
            return _broken(report, report.last_seq, "an event after the chain head stated by the export")
        if report.last_seq is not None and report.last_seq == head_seq and report.head != head_hash:
            return _broken(report, head_seq, "the chain head's hash differs from the one stated by the export")
        return report
    if report.count != events:
        return _broken(report, report.last_seq, f"the file holds {report.count} events, the chain held {events}")
    if events and (report.last_seq != head_seq or report.head != head_hash):
        return _broken(
            report, report.last_seq, "the last event's hash differs from the chain head stated by the export"
        )
    return report


def verify_export(path: Path) -> ChainReport:
    """Recompute the file's chain, then hold it against the closing record. ExportFileError for
    a file that is not a whole export; a report that is not ok for a broken chain."""
    reader = _Reader(path)
    # Every event's hash is checked, and every link where the events are consecutive; whether a
    # gap is allowed is the closing record's to say (below).
    report = verify_chain(reader.events(), allow_gaps=True)
    if not report.ok:
        return report
    if reader.lines == 0:
        raise ExportFileError(f"{path}: empty file: no events and no closing chain_head record")
    if reader.head is None:
        raise ExportFileError(
            f"{path}: no closing chain_head record: the export was cut short, or its last lines removed"
        )
    problem = chain_keys().check(reader.head)
    if problem:
        raise ExportFileError(f"{path}: the closing chain_head record is forged or altered: {problem}")
    return _check_head(report, reader.head)
