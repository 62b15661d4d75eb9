"""Anchors: the chain head, signed, appended to a file outside the database.

Triggers and the keyed hash stop an edit made behind the application's back, but not a cut: the
last events deleted leave a shorter chain that is still valid. An anchor (seq, head hash, event
count, time, key id and its own HMAC) written to settings.AUDIT_ANCHOR_PATH after every approval,
publication and withdrawal, and by `manage.py audit_anchor` from cron, records how far the chain
went; `verify_audit` checks that every anchored event is still in the database, with its hash.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.keys import chain_keys
from audit.models import AuditEvent
from audit.rows import iso_utc
from audit.trail import GENESIS_HASH, ChainReport

logger = logging.getLogger(__name__)

RECORD = "audit_anchor"


class AnchorFileError(Exception):
    """An anchor line that is not one the application wrote: unreadable, or its MAC fails."""


def anchor_path() -> Path:
    return Path(settings.AUDIT_ANCHOR_PATH)


def make_anchor() -> dict:
    """The signed head of the chain as committed now."""
    with transaction.atomic():  # head and count from the same snapshot
        last = AuditEvent.objects.order_by("-seq").values("seq", "hash").first()
        count = AuditEvent.objects.count()
    return chain_keys().sign(
        {
            "record": RECORD,
            "seq": last["seq"] if last else 0,
            "head_hash": last["hash"] if last else GENESIS_HASH,
            "events": count,
            "anchored_at": iso_utc(timezone.now()),
        }
    )


def append_anchor(anchor: dict, path: Path | None = None) -> None:
    """One line, appended under an exclusive lock (several workers write the same file) and
    flushed to disk before returning."""
    path = path or anchor_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(anchor, sort_keys=True, separators=(",", ":")) + "\n"
    with path.open("a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_anchor(path: Path | None = None) -> dict:
    anchor = make_anchor()
    append_anchor(anchor, path)
    return anchor


# (file, seq, hash) of the last anchor this process wrote after a commit: a transaction that
# records several decisions (a bulk action) asks for several anchors of the same head.
_last_written: tuple | None = None


def _anchor_committed_head() -> None:
    global _last_written
    try:
        anchor = make_anchor()
        written = (str(anchor_path()), anchor["seq"], anchor["head_hash"])
        if written != _last_written:
            append_anchor(anchor)
            _last_written = written
    except OSError as exc:
        # The decision is committed; failing the request now would only hide it. Cron's
        # `audit_anchor` writes the next anchor, and `verify_audit` covers the chain meanwhile.
        logger.error("audit anchor not written to %s: %s", anchor_path(), exc)


def anchor_after_commit() -> None:
    """Anchor the head once the current transaction commits; if it rolls back, nothing is written."""
    transaction.on_commit(_anchor_committed_head, robust=True)


def read_anchors(path: Path | None = None) -> list[dict]:
    """Every anchor in the file, oldest first; [] for a missing or empty file. A line that is not
    a well-formed anchor with a valid MAC raises AnchorFileError."""
    path = path or anchor_path()
    if not path.exists():
        return []
    keys, anchors = chain_keys(), []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                anchor = json.loads(line)
            except json.JSONDecodeError as exc:
                raise AnchorFileError(f"{path}:{number}: not JSON: {exc}") from exc
            if not isinstance(anchor, dict) or anchor.get("record") != RECORD:
                raise AnchorFileError(f"{path}:{number}: not an audit anchor")
            problem = keys.check(anchor)
            if problem:
                raise AnchorFileError(f"{path}:{number}: forged or altered anchor: {problem}")
            if not isinstance(anchor.get("seq"), int) or not isinstance(anchor.get("head_hash"), str):
                raise AnchorFileError(f"{path}:{number}: an anchor without seq and head_hash")
            anchors.append(anchor)
    return anchors


@dataclass
class AnchorCheck:
    ok: bool
    message: str


def check_against_anchors(report: ChainReport, anchors: list[dict]) -> AnchorCheck:
    """The database's chain (already verified, report.watched holding its hashes at the anchored
    seqs) against the anchors: each anchored event must still be there, with the anchored hash."""
    database_head = report.last_seq or 0
    furthest = max(anchors, key=lambda anchor: anchor["seq"])
    if furthest["seq"] > database_head:
        missing = furthest["seq"] - database_head
        return AnchorCheck(
            False,
            f"the chain ends at seq {database_head}, but the anchor of {furthest['anchored_at']} records seq "
            f"{furthest['seq']}: {missing} event{'s' if missing != 1 else ''} missing after seq {database_head} "
            f"(the tail was cut)",
        )
    for anchor in anchors:
        if anchor["seq"] and report.watched.get(anchor["seq"]) != anchor["head_hash"]:
            return AnchorCheck(
                False,
                f"event seq {anchor['seq']} differs from the anchor of {anchor['anchored_at']}: "
                f"the chain was rewritten from there or before",
            )
    count = f"{len(anchors)} anchor{'s' if len(anchors) != 1 else ''}"
    return AnchorCheck(True, f"matches {count} (the furthest at seq {furthest['seq']}, {furthest['anchored_at']})")
