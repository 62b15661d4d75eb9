"""Recording and verifying the audit trail's hash chain.

The hash of an event is an HMAC-SHA256, under a key the database never holds (audit.keys),
of a canonical serialization of every column of the event (sequence number, time, type, actor id
and name, object ids, before/after, reason, the previous event's hash and the signing key's id).
Appending takes a lock first, so two transactions never chain onto the same predecessor. An
approval, publication or withdrawal also anchors the head outside the database once it commits
(audit.anchor).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.utils import timezone

from audit.keys import ChainKeys, UnknownChainKey, chain_keys
from audit.models import AuditEvent
from audit.rows import CHAIN_FIELDS, event_row

GENESIS_HASH = "0" * 64
# Any constant works: it only has to be the same for every writer of the audit chain.
_CHAIN_LOCK_KEY = 7_304_118_265
# The decisions that reach readers: once one commits, the chain head is anchored outside the database.
ANCHORED_TYPES = frozenset(
    {AuditEvent.Type.REVIEW_APPROVED, AuditEvent.Type.REVIEW_PUBLISHED, AuditEvent.Type.REVIEW_WITHDRAWN}
)


def to_json_value(value):
    """What a value looks like after a round trip through the JSON column."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def chain_fields(row: dict) -> dict:
    """The fields the hash covers, from an event or an exported row (same keys)."""
    return {name: int(row[name]) if name == "seq" else row[name] for name in CHAIN_FIELDS}


def compute_hash(row: dict, keys: ChainKeys | None = None) -> str:
    """The event's HMAC under the key its key_id names (UnknownChainKey if there is none)."""
    return (keys or chain_keys()).mac(row["key_id"], chain_fields(row))


def lock_chain() -> None:
    """Take the audit chain's lock for the rest of the transaction. Services take it before any row
    lock (see `service`), so every writer locks in one order: two services never wait on each
    other in a cycle (an approval and a remedy-wide change did, on PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    # SQLite: transactions begin IMMEDIATE (settings), so the writer already holds the lock.


def service(func):
    """A write service: one transaction that takes the audit chain's lock first (every service
    records an event, so it would take it anyway — later, after its row locks)."""

    @functools.wraps(func)
    def run(*args, **kwargs):
        with transaction.atomic():
            lock_chain()
            return func(*args, **kwargs)

    return run


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
    keys = chain_keys()
    lock_chain()
    last = AuditEvent.objects.order_by("-seq").values("seq", "hash").first()
    event = AuditEvent(
        seq=(last["seq"] + 1) if last else 1,
        occurred_at=timezone.now(),
        event_type=event_type,
        # A system actor (audit.actors) is named in actor_username and has no user row.
        actor=None if getattr(actor, "is_system", False) else actor,
        actor_username=getattr(actor, "username", "") or "",
        claim=claim if claim is not None else getattr(review, "claim", None),
        review=review,
        remedy=remedy,
        before=to_json_value(before or {}),
        after=to_json_value(after or {}),
        reason=reason,
        prev_hash=last["hash"] if last else GENESIS_HASH,
        key_id=keys.current_id,
    )
    event.hash = compute_hash(event_row(event), keys)
    event.save(force_insert=True)
    if event_type in ANCHORED_TYPES:
        from audit.anchor import anchor_after_commit

        anchor_after_commit()
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
    watched: dict[int, str] = field(default_factory=dict)

    def __str__(self):
        if not self.ok:
            return f"broken at event seq {self.broken_seq}: {self.problem}"
        if self.gaps:
            return (
                f"ok, {self.count} events (a filtered export: every event's hash checked, "
                f"links checked where events are consecutive)"
            )
        return f"ok, {self.count} events"


def verify_chain(rows: Iterable[dict], *, allow_gaps: bool = False, keys: ChainKeys | None = None) -> ChainReport:
    """Walk events in chain order; report the first whose link, key or hash does not hold.

    With allow_gaps (a filtered export), a jump in sequence skips that one link check; every
    event's own hash is still recomputed, so an edited event is still found. Along the chain the
    signing key never goes back to one retired before (see audit.keys).
    """
    keys = keys or chain_keys()
    report = ChainReport(True, 0)
    expected_prev, expected_seq, key_rank = GENESIS_HASH, 1, 0
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
        try:
            rank = keys.rank(row["key_id"])
        except UnknownChainKey as exc:
            return ChainReport(False, report.count, seq, f"signed with an {exc}")
        if rank < key_rank:
            return ChainReport(
                False, report.count, seq, f"signed with key {row['key_id']!r}, retired before this event"
            )
        recomputed = compute_hash(row, keys)
        if recomputed != row["hash"]:
            return ChainReport(
                False,
                report.count,
                seq,
                f"content changed: stored hash {row['hash'][:12]}…, recomputed {recomputed[:12]}…",
            )
        expected_prev, expected_seq, key_rank = row["hash"], seq + 1, rank
        report.count, report.last_seq, report.head = report.count + 1, seq, row["hash"]
    return report


def verify_database(chunk_size: int = 2000, *, watch: Iterable[int] = ()) -> ChainReport:
    """The chain in the database; report.watched gives its hashes at the `watch` seqs (anchored ones)."""
    watch, seen = set(watch), {}

    def rows():
        for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk_size):
            if event.seq in watch:
                seen[event.seq] = event.hash
            yield event_row(event)

    with transaction.atomic():
        report = verify_chain(rows())
    report.watched = seen
    return report
