"""Recording and verifying the audit trail's hash chain.

The hash of an event covers a canonical serialization of everything it says (sequence number,
time, type, actor, object ids, before/after, reason) and the previous event's hash. Appending
takes a lock first, so two transactions never chain onto the same predecessor.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from reviews.models import AuditEvent

GENESIS_HASH = "0" * 64
# Any constant works: it only has to be the same for every writer of the audit chain.
_CHAIN_LOCK_KEY = 7_304_118_265


def to_json_value(value):
    """What a value looks like after a round trip through the JSON column."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def canonical(fields: dict) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def chain_fields(row: dict) -> dict:
    """The fields the hash covers, from an event or an exported row (same keys)."""
    return {
        "seq": int(row["seq"]),
        "occurred_at": row["occurred_at"],
        "event_type": row["event_type"],
        "actor_id": row["actor_id"],
        "claim_id": row["claim_id"],
        "review_id": row["review_id"],
        "remedy_id": row["remedy_id"],
        "before": row["before"],
        "after": row["after"],
        "reason": row["reason"],
        "prev_hash": row["prev_hash"],
    }


def compute_hash(row: dict) -> str:
    return hashlib.sha256(canonical(chain_fields(row))).hexdigest()


def event_row(event: AuditEvent) -> dict:
    return {
        "seq": event.seq,
        "occurred_at": iso_utc(event.occurred_at),
        "event_type": event.event_type,
        "actor_id": event.actor_id,
        "actor_username": event.actor_username,
        "claim_id": event.claim_id,
        "review_id": event.review_id,
        "remedy_id": event.remedy_id,
        "before": event.before,
        "after": event.after,
        "reason": event.reason,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    # SQLite: transactions begin IMMEDIATE (settings), so the writer already holds the lock.


def audit_record(
    *,
    event_type: str,
    actor,
    claim=None,
    review=None,
    remedy=None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one event to the chain. Must run inside the transaction of the change it records."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record() must run inside the transaction of the change it records")
    if event_type not in AuditEvent.Type.values:
        raise ValueError(f"unknown audit event type {event_type!r}")
    _lock_chain()
    last = AuditEvent.objects.order_by("-seq").values("seq", "hash").first()
    event = AuditEvent(
        seq=(last["seq"] + 1) if last else 1,
        occurred_at=timezone.now(),
        event_type=event_type,
        actor=actor,
        actor_username=getattr(actor, "username", "") or "",
        claim=claim if claim is not None else getattr(review, "claim", None),
        review=review,
        remedy=remedy,
        before=to_json_value(before or {}),
        after=to_json_value(after or {}),
        reason=reason,
        prev_hash=last["hash"] if last else GENESIS_HASH,
    )
    event.hash = compute_hash(event_row(event))
    event.save(force_insert=True)
    return event


@dataclass
class ChainReport:
    ok: bool
    count: int
    broken_seq: int | None = None
    problem: str = ""
    head: str = GENESIS_HASH
    first_seq: int | None = None
    last_seq: int | None = None
    gaps: int = 0
    first_gap_seq: int | None = None

    def __str__(self):
        if not self.ok:
            return f"broken at event seq {self.broken_seq}: {self.problem}"
        if self.gaps:
            return (
                f"ok, {self.count} events (a filtered export: every event's hash checked, "
                f"links checked where events are consecutive)"
            )
        return f"ok, {self.count} events"


def verify_chain(rows: Iterable[dict], *, allow_gaps: bool = False) -> ChainReport:
    """Walk events in chain order; report the first whose link or hash does not hold.

    With allow_gaps (a filtered export), a jump in sequence skips that one link check; every
    event's own hash is still recomputed, so an edited event is still found.
    """
    report = ChainReport(True, 0)
    expected_prev, expected_seq = GENESIS_HASH, 1
    for row in rows:
        seq = int(row["seq"])
        report.first_seq = seq if report.first_seq is None else report.first_seq
        if seq != expected_seq:
            if not allow_gaps or seq < expected_seq:
                return ChainReport(False, report.count, seq, f"sequence gap: expected {expected_seq}, found {seq}")
            report.gaps += 1
            report.first_gap_seq = report.first_gap_seq or seq
        elif row["prev_hash"] != expected_prev:
            return ChainReport(False, report.count, seq, "prev_hash does not match the previous event's hash")
        recomputed = compute_hash(row)
        if recomputed != row["hash"]:
            return ChainReport(
                False,
                report.count,
                seq,
                f"content changed: stored hash {row['hash'][:12]}…, recomputed {recomputed[:12]}…",
            )
        expected_prev, expected_seq = row["hash"], seq + 1
        report.count, report.last_seq, report.head = report.count + 1, seq, row["hash"]
    return report


def verify_database(chunk_size: int = 2000) -> ChainReport:
    with transaction.atomic():
        events = AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size)
        return verify_chain(event_row(event) for event in events)
