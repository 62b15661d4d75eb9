"""`verify_audit --file`: an NDJSON export is checked from the file alone, and only a whole,
unaltered export passes."""

import io
import json

import pytest
from django.core.management import call_command

from audit.keys import ChainKeys, chain_keys
from audit.models import AuditEvent
from tests.reviews.audit_tampering import plain_sha256, verify_audit_fails, verify_audit_passes

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(submitted_review, reviewer2):
    from reviews import services

    services.review_approve(review=submitted_review, actor=reviewer2, note="ok")
    return list(AuditEvent.objects.order_by("seq"))


def export(tmp_path, *filters) -> tuple:
    target = tmp_path / "audit.ndjson"
    call_command("export_audit", "--output", str(target), *filters, stderr=io.StringIO())
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    return target, lines[:-1], lines[-1]


def write(target, records):
    target.write_text("".join(json.dumps(record) + "\n" for record in records))


def resign(head: dict, keys: ChainKeys | None = None) -> dict:
    return (keys or chain_keys()).sign({k: v for k, v in head.items() if k not in ("key_id", "mac")})


def test_a_whole_export_passes(events, tmp_path):
    target, rows, head = export(tmp_path)
    assert head["filtered"] is False and head["exported"] == head["events"] == len(rows) == len(events)
    assert all(row["key_id"] == "t1" for row in rows)
    out, _ = verify_audit_passes("--file", str(target))
    assert out.strip() == f"ok, {len(events)} events"


def test_an_export_of_an_empty_chain_passes(tmp_path):
    target = tmp_path / "audit.ndjson"
    head = {"record": "chain_head", "events": 0, "head_seq": None, "head_hash": None, "filtered": False}
    write(target, [chain_keys().sign({**head, "exported": 0})])
    out, _ = verify_audit_passes("--file", str(target))
    assert out.strip() == "ok, 0 events"


def test_an_empty_file_is_refused(tmp_path):
    target = tmp_path / "audit.ndjson"
    target.write_text("")
    verify_audit_fails("--file", str(target), match="empty file: no events and no closing chain_head record")
    target.write_text("\n\n")
    verify_audit_fails("--file", str(target), match="empty file")


def test_a_file_without_its_closing_record_is_refused(events, tmp_path):
    target, rows, _head = export(tmp_path)
    write(target, rows)
    verify_audit_fails("--file", str(target), match="no closing chain_head record: the export was cut short")


def test_a_file_cut_with_its_closing_record_and_last_event_is_refused(events, tmp_path):
    target, rows, _head = export(tmp_path)
    write(target, rows[:-1])
    verify_audit_fails("--file", str(target), match="no closing chain_head record")


def test_a_middle_event_removed_with_the_closing_record_is_refused(events, tmp_path):
    target, rows, _head = export(tmp_path)
    write(target, rows[:2] + rows[3:])
    verify_audit_fails("--file", str(target), match="no closing chain_head record")


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("events", lambda head: head["events"] - 1),
        ("exported", lambda head: head["exported"] - 1),
        ("head_hash", lambda head: "0" * 64),
        ("head_seq", lambda head: head["head_seq"] - 1),
        ("filtered", lambda head: True),
    ],
)
def test_a_closing_record_edited_without_the_key_is_refused(events, tmp_path, field, change):
    target, rows, head = export(tmp_path)
    head[field] = change(head)
    write(target, [*rows, head])
    verify_audit_fails("--file", str(target), match="the closing chain_head record is forged or altered")


def test_a_cut_tail_with_a_consistent_but_unsigned_closing_record_is_refused(events, tmp_path):
    """The last event removed, and the closing record lowered to match it: only the MAC tells."""
    target, rows, head = export(tmp_path)
    head.update(events=len(rows) - 1, exported=len(rows) - 1, head_seq=rows[-2]["seq"], head_hash=rows[-2]["hash"])
    write(target, [*rows[:-1], head])
    verify_audit_fails("--file", str(target), match="forged or altered: its MAC does not match")
    write(target, [*rows[:-1], resign(head, ChainKeys("t1", {"t1": b"a-guessed-key"}))])
    verify_audit_fails("--file", str(target), match="forged or altered: its MAC does not match")


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("events", "the file holds {n} events, the chain held {less}"),
        ("exported", "the file holds {n} events, the export wrote {less}"),
        ("head_hash", "the last event's hash differs from the chain head"),
    ],
)
def test_a_closing_record_that_does_not_match_the_events_is_refused(events, tmp_path, field, message):
    """Even signed (an export gone wrong, or made with the key), counts and head must match."""
    target, rows, head = export(tmp_path)
    head[field] = "0" * 64 if field == "head_hash" else len(rows) - 1
    write(target, [*rows, resign(head)])
    verify_audit_fails("--file", str(target), match=message.format(n=len(rows), less=len(rows) - 1))


@pytest.mark.parametrize("extra", ["event", "closing record", "garbage"])
def test_lines_after_the_closing_record_are_refused(events, tmp_path, extra):
    target, rows, head = export(tmp_path)
    after = {"event": json.dumps(rows[-1]), "closing record": json.dumps(head), "garbage": "tail"}[extra]
    target.write_text(target.read_text() + after + "\n")
    verify_audit_fails("--file", str(target), match=f":{len(rows) + 2}: a line after the closing chain_head record")


def test_an_edited_event_with_a_recomputed_plain_hash_is_refused(events, tmp_path):
    target, rows, head = export(tmp_path)
    rows[2]["actor_username"] = "rev2"
    rows[2]["hash"] = plain_sha256(rows[2])
    write(target, [*rows, head])
    verify_audit_fails("--file", str(target), match=f"broken at event seq {rows[2]['seq']}: content changed")


def test_a_line_without_the_chain_fields_is_refused(events, tmp_path):
    target, rows, head = export(tmp_path)
    del rows[1]["key_id"]
    write(target, [*rows, head])
    verify_audit_fails("--file", str(target), match=":2: not an audit event \\(missing key_id\\)")


def test_a_filtered_export_may_have_gaps(events, tmp_path):
    target, rows, head = export(tmp_path, "--event-type", "review.graded", "--event-type", "review.approved")
    chosen = [event.seq for event in events if event.event_type in ("review.graded", "review.approved")]
    assert head["filtered"] is True and [row["seq"] for row in rows] == chosen and len(chosen) == 2
    out, _ = verify_audit_passes("--file", str(target))
    assert "a filtered export" in out


def test_an_event_removed_from_a_filtered_export_is_refused(events, tmp_path):
    target, rows, head = export(tmp_path, "--event-type", "review.graded", "--event-type", "review.approved")
    write(target, [rows[0], head])
    verify_audit_fails("--file", str(target), match="the file holds 1 events, the export wrote 2")


def test_a_full_export_may_not_pass_itself_off_as_filtered(events, tmp_path):
    """Flipping `filtered` to hide a removed event needs the key; with a guessed one it fails."""
    target, rows, head = export(tmp_path)
    head.update(filtered=True, exported=len(rows) - 1)
    write(target, [*rows[:2], *rows[3:], resign(head, ChainKeys("t1", {"t1": b"guessed"}))])
    verify_audit_fails("--file", str(target), match="forged or altered")
    unsigned = {**head, "filtered": False}
    write(target, [*rows[:2], *rows[3:], resign(unsigned)])
    verify_audit_fails(
        "--file", str(target), match=f"broken at event seq {rows[3]['seq']}: event missing before this one"
    )
