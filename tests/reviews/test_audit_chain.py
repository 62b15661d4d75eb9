"""The keyed audit chain: every column is covered, and `verify_audit` finds each kind of tampering
done by someone who holds the database but not the chain key."""

from datetime import timedelta

import pytest
from django.db import connection

from audit.models import AuditEvent
from audit.rows import CHAIN_FIELDS, event_row
from audit.trail import compute_hash, verify_chain
from claims.models import Claim, Remedy
from reviews import services
from tests.reviews.audit_tampering import (
    delete_events,
    hmac_with,
    plain_sha256,
    rewrite_chain,
    set_columns,
    verify_audit_fails,
    verify_audit_passes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(submitted_review, reviewer2):
    services.review_approve(review=submitted_review, actor=reviewer2, note="ok")
    return list(AuditEvent.objects.order_by("seq"))


@pytest.fixture
def tampered(events) -> int:
    """The seq of a middle event: the grader's reference.attached, with a claim, a review, no remedy."""
    return next(event.seq for event in events if event.event_type == "reference.attached")


def test_the_hash_covers_every_column_but_the_id_and_itself():
    columns = {field.attname for field in AuditEvent._meta.concrete_fields}
    assert set(CHAIN_FIELDS) == columns - {"id", "hash"}


def test_events_are_signed_with_the_current_key(events, settings):
    assert {event.key_id for event in events} == {settings.AUDIT_CHAIN_KEY_ID}
    row = event_row(events[0])
    assert row["hash"] == hmac_with(settings.AUDIT_CHAIN_KEY.encode())(row) != plain_sha256(row)


@pytest.mark.parametrize("column", [*CHAIN_FIELDS, "hash"])
def test_an_edit_of_any_column_is_found_in_memory(events, column, tampered):
    rows = [event_row(event) for event in events]
    original = rows[tampered - 1][column]
    if column == "seq":
        rows[tampered - 1][column] = original + 1
    elif column in ("actor_id", "claim_id", "review_id", "remedy_id"):
        rows[tampered - 1][column] = (original or 0) + 1000
    else:
        rows[tampered - 1][column] = {"edited": True} if isinstance(original, dict) else f"{original}0"
    report = verify_chain(rows)
    assert not report.ok
    assert report.broken_seq == (tampered + 1 if column == "seq" else tampered)


def _edits(events, reviewer2, tampered):
    event = events[tampered - 1]
    other_claim = Claim.objects.exclude(pk=event.claim_id).order_by("pk").first()
    return {
        "occurred_at": event.occurred_at + timedelta(seconds=1),
        "event_type": "review.rejected",
        "actor_id": reviewer2.pk,
        "actor_username": reviewer2.username,
        "claim_id": other_claim.pk,
        "review_id": None,
        "remedy_id": Remedy.objects.order_by("pk").first().pk,
        "before": {"state": "approved"},
        "after": {"state": "rejected"},
        "reason": "nothing to see",
        "key_id": "t9",  # a key the verifier knows (see below): the hash was made with another
        "hash": "e" * 64,
    }


@pytest.mark.parametrize(
    "column",
    [
        "occurred_at",
        "event_type",
        "actor_id",
        "actor_username",
        "claim_id",
        "review_id",
        "remedy_id",
        "before",
        "after",
        "reason",
        "key_id",
        "hash",
    ],
)
def test_verify_audit_finds_an_edited_column(events, reviewer2, settings, column, tampered):
    # The events' key t1 retired for t9: an event may claim t9 without breaking the keys' order.
    settings.AUDIT_CHAIN_OLD_KEYS = {settings.AUDIT_CHAIN_KEY_ID: settings.AUDIT_CHAIN_KEY}
    settings.AUDIT_CHAIN_KEY_ID, settings.AUDIT_CHAIN_KEY = "t9", "the-next-test-chain-key"
    value = _edits(events, reviewer2, tampered)[column]
    assert getattr(events[tampered - 1], column) != value
    set_columns(tampered, **{column: value})
    verify_audit_fails(match=f"broken at event seq {tampered}: content changed")


def test_verify_audit_finds_a_rewritten_link(events, tampered):
    set_columns(tampered, prev_hash="f" * 64)
    verify_audit_fails(match=f"broken at event seq {tampered}: prev_hash does not match")


def test_verify_audit_finds_a_renumbered_event(events, tampered):
    set_columns(tampered, seq=1000)
    verify_audit_fails(match=f"broken at event seq {tampered + 1}: sequence gap: expected {tampered}")


def test_verify_audit_refuses_an_unknown_key_id(events, tampered):
    set_columns(tampered, key_id="k9")
    verify_audit_fails(match=f"broken at event seq {tampered}: signed with an unknown chain key id 'k9'")


def test_verify_audit_finds_a_reattributed_actor(events, reviewer2, tampered):
    grader = events[tampered - 1]
    assert grader.actor_id != reviewer2.pk
    set_columns(tampered, actor_id=reviewer2.pk, actor_username=reviewer2.username)
    verify_audit_fails(match=f"broken at event seq {tampered}: content changed")


def test_verify_audit_finds_a_username_alone_changed(events, tampered):
    set_columns(tampered, actor_username="someone-else")
    verify_audit_fails(match=f"broken at event seq {tampered}: content changed")


def test_verify_audit_finds_a_deleted_middle_event(events, tampered):
    delete_events(tampered)
    verify_audit_fails(match=f"broken at event seq {tampered + 1}: sequence gap: expected {tampered}")


def _reattribute(row):
    row["actor_id"], row["actor_username"] = None, "system"


@pytest.mark.parametrize(
    "hash_function",
    [plain_sha256, hmac_with(b"a-guessed-key"), hmac_with(b"test-only-audit-chain-key-but-longer")],
    ids=["plain-sha256", "wrong-key", "near-key"],
)
def test_verify_audit_finds_a_whole_chain_rewritten_without_the_key(events, hash_function):
    rows = rewrite_chain(hash_function, edit=_reattribute)
    assert verify_chain(rows, keys=None).broken_seq == 1  # consistent links, but not our MACs
    verify_audit_fails(match="broken at event seq 1: content changed")


def test_a_chain_rewritten_with_the_key_passes_the_chain_check(events, settings, tampered):
    """What the key buys: someone holding it (and the database) can rewrite the chain so that it
    verifies. Only the anchors, kept out of that person's reach, still show it (test_audit_anchor)."""
    rewrite_chain(hmac_with(settings.AUDIT_CHAIN_KEY.encode()), edit=_reattribute, from_seq=tampered)
    out, _ = verify_audit_passes()
    assert out.startswith(f"ok, {len(events)} events")


def test_rotation_old_events_verify_with_the_retired_key(events, settings, reviewer):
    settings.AUDIT_CHAIN_OLD_KEYS = {settings.AUDIT_CHAIN_KEY_ID: settings.AUDIT_CHAIN_KEY}
    settings.AUDIT_CHAIN_KEY_ID, settings.AUDIT_CHAIN_KEY = "t2", "the-next-test-chain-key"
    review = services.review_start(claim=Claim.objects.exclude(pk=events[0].claim_id).first(), actor=reviewer)
    assert AuditEvent.objects.get(review=review).key_id == "t2"
    out, _ = verify_audit_passes()
    assert out.startswith(f"ok, {len(events) + 1} events")


def test_rotation_a_retired_key_cannot_sign_after_its_successor(events, settings, tampered):
    """Someone holding the retired key t1 re-signs the last event after t2 took over."""
    settings.AUDIT_CHAIN_OLD_KEYS = {settings.AUDIT_CHAIN_KEY_ID: settings.AUDIT_CHAIN_KEY}
    settings.AUDIT_CHAIN_KEY_ID, settings.AUDIT_CHAIN_KEY = "t2", "the-next-test-chain-key"
    rows = [event_row(event) for event in events]
    previous = rows[tampered - 2]["hash"]
    for row in rows[tampered - 1 :]:
        row["key_id"] = "t1" if row is rows[-1] else "t2"
        row["prev_hash"] = previous
        row["hash"] = previous = compute_hash(row)
    report = verify_chain(rows)
    assert not report.ok
    assert report.broken_seq == rows[-1]["seq"] and "retired before this event" in report.problem
    rows[-1]["key_id"] = "t2"
    rows[-1]["hash"] = compute_hash(rows[-1])
    assert verify_chain(rows).ok


@pytest.mark.postgres
def test_postgres_owner_disabling_the_triggers_is_still_caught(events, tampered):
    assert connection.vendor == "postgresql"
    set_columns(tampered, reason="approved after all", actor_username="rev2")
    verify_audit_fails(match=f"broken at event seq {tampered}: content changed")
