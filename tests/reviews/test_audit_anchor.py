"""Anchors of the chain head outside the database: written when a decision commits and by
`audit_anchor`; `verify_audit` holds the chain against them and refuses a forged one."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import transaction

from audit.anchor import read_anchors
from audit.keys import ChainKeys
from audit.models import AuditEvent
from audit.trail import audit_record
from reviews import services
from reviews.publishing import services as publishing
from tests.reviews.audit_tampering import (
    delete_events,
    hmac_with,
    rewrite_chain,
    set_columns,
    verify_audit_fails,
    verify_audit_passes,
)

pytestmark = pytest.mark.django_db


def anchor_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.fixture
def approved(submitted_review, reviewer2, django_capture_on_commit_callbacks):
    """An approval, committed: its anchor is written after the commit."""
    with django_capture_on_commit_callbacks(execute=True):
        review = services.review_approve(review=submitted_review, actor=reviewer2, note="ok")
    return review


def test_an_approval_anchors_the_head_once_it_commits(
    submitted_review, reviewer2, audit_anchor_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.review_approve(review=submitted_review, actor=reviewer2, note="ok")
    assert not audit_anchor_file.exists()  # nothing before the commit
    for callback in callbacks:
        callback()
    last = AuditEvent.objects.order_by("-seq").first()
    [anchor] = anchor_lines(audit_anchor_file)
    assert (anchor["seq"], anchor["head_hash"], anchor["events"]) == (last.seq, last.hash, last.seq)
    assert anchor["key_id"] == "t1" and anchor["record"] == "audit_anchor"
    assert set(anchor) == {"record", "seq", "head_hash", "events", "anchored_at", "key_id", "mac"}


def test_other_events_write_no_anchor(graded_review, reviewer, audit_anchor_file, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(review=graded_review, actor=reviewer)
    assert not audit_anchor_file.exists()


def test_publication_and_withdrawal_are_anchored_too(
    approved, senior, audit_anchor_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publication = publishing.review_publish(review=approved, actor=senior, note="first")
    with django_capture_on_commit_callbacks(execute=True):
        publishing.review_withdraw(review=publication.review, actor=senior, reason="superseded")
    seqs = [anchor["seq"] for anchor in anchor_lines(audit_anchor_file)]
    published = AuditEvent.objects.get(event_type="review.published").seq
    withdrawn = AuditEvent.objects.get(event_type="review.withdrawn").seq
    assert seqs[-2:] == [published, withdrawn] and len(seqs) == 3


def test_several_decisions_in_one_transaction_anchor_the_head_once(
    reviewer, standard_claim, audit_anchor_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        for _ in range(2):
            audit_record(event_type="review.approved", actor=reviewer, claim=standard_claim, reason="bulk")
    assert len(callbacks) == 2
    assert [anchor["seq"] for anchor in anchor_lines(audit_anchor_file)] == [AuditEvent.objects.count()]


def test_the_audit_anchor_command_appends_and_prints_an_anchor(approved, audit_anchor_file):
    out = io.StringIO()
    call_command("audit_anchor", stdout=out, stderr=io.StringIO())
    printed = json.loads(out.getvalue())
    assert anchor_lines(audit_anchor_file)[-1] == printed
    assert printed["seq"] == AuditEvent.objects.count()
    assert read_anchors() == anchor_lines(audit_anchor_file)


def test_verify_audit_passes_against_the_anchors(approved):
    out, err = verify_audit_passes("--require-anchor")
    assert out.splitlines()[0] == f"ok, {AuditEvent.objects.count()} events"
    assert out.splitlines()[1].startswith("anchors: matches 1 anchor (the furthest at seq") and not err


def test_verify_audit_finds_the_last_event_deleted(approved):
    last = AuditEvent.objects.count()
    delete_events(last)
    out, _ = verify_audit_passes("--anchors", "/nonexistent/anchors.log")  # the chain alone still holds
    assert out.startswith(f"ok, {last - 1} events")
    verify_audit_fails(
        match=f"the chain ends at seq {last - 1}, .* records seq {last}: 1 event missing after seq {last - 1}"
    )


def test_verify_audit_finds_a_cut_tail_of_several_events(approved):
    call_command("audit_anchor", stdout=io.StringIO(), stderr=io.StringIO())
    total = AuditEvent.objects.count()
    delete_events(*range(total - 2, total + 1))
    verify_audit_fails(match=f"3 events missing after seq {total - 3} \\(the tail was cut\\)")


def test_verify_audit_finds_a_chain_rewritten_with_the_key(approved, settings):
    """Someone holding the key and the database rewrites the chain so that it verifies: the
    anchor, out of their reach, still shows it."""
    rewrite_chain(
        hmac_with(settings.AUDIT_CHAIN_KEY.encode()), edit=lambda row: row.update(reason="edited"), from_seq=2
    )
    verify_audit_fails(match="event seq \\d+ differs from the anchor of .*: the chain was rewritten")


def test_no_anchor_is_a_warning_unless_required(submitted_review):
    out, err = verify_audit_passes()
    assert out.strip() == f"ok, {AuditEvent.objects.count()} events"
    assert err.startswith("warning: no anchor in ") and "(missing or empty)" in err
    verify_audit_fails("--require-anchor", match="no anchor in .*: a cut at the tail of the chain would go unnoticed")


def test_an_empty_anchor_file_is_a_warning_too(submitted_review, audit_anchor_file):
    audit_anchor_file.write_text("")
    _, err = verify_audit_passes()
    assert err.startswith("warning: no anchor in ")
    verify_audit_fails("--require-anchor", match="no anchor in")


@pytest.mark.parametrize(
    "forge",
    [
        lambda anchor: anchor.update(seq=anchor["seq"] + 5),  # claims a longer chain
        lambda anchor: anchor.update(head_hash="0" * 64),
        lambda anchor: anchor.update(events=anchor["events"] - 1),
        lambda anchor: anchor.update(key_id="k0"),
        lambda anchor: anchor.update(mac=ChainKeys("t1", {"t1": b"a-guessed-key"}).mac("t1", anchor)),
        lambda anchor: anchor.pop("mac"),
    ],
    ids=["seq", "head_hash", "events", "key_id", "mac-of-a-guessed-key", "no-mac"],
)
def test_verify_audit_refuses_a_forged_anchor(approved, audit_anchor_file, forge):
    anchors = anchor_lines(audit_anchor_file)
    forge(anchors[0])
    audit_anchor_file.write_text("".join(json.dumps(anchor) + "\n" for anchor in anchors))
    verify_audit_fails(match=f"{audit_anchor_file}:1: forged or altered anchor")


def test_verify_audit_refuses_a_line_that_is_not_an_anchor(approved, audit_anchor_file):
    with audit_anchor_file.open("a") as handle:
        handle.write("seq=99\n")
    verify_audit_fails(match=f"{audit_anchor_file}:2: not JSON")


def test_an_anchor_signed_with_a_retired_key_still_verifies(approved, settings):
    settings.AUDIT_CHAIN_OLD_KEYS = {settings.AUDIT_CHAIN_KEY_ID: settings.AUDIT_CHAIN_KEY}
    settings.AUDIT_CHAIN_KEY_ID, settings.AUDIT_CHAIN_KEY = "t2", "the-next-test-chain-key"
    call_command("audit_anchor", stdout=io.StringIO(), stderr=io.StringIO())  # taken at the switch
    out, _ = verify_audit_passes("--require-anchor")
    assert "matches 2 anchors" in out


def test_an_anchor_write_failure_does_not_undo_the_decision(
    submitted_review, reviewer2, settings, tmp_path, django_capture_on_commit_callbacks, caplog
):
    (tmp_path / "not-a-folder").write_text("")
    settings.AUDIT_ANCHOR_PATH = tmp_path / "not-a-folder" / "anchors.log"
    with django_capture_on_commit_callbacks(execute=True):
        review = services.review_approve(review=submitted_review, actor=reviewer2, note="ok")
    assert review.state == "approved"
    assert "audit anchor not written" in caplog.text


def test_a_broken_chain_is_reported_before_the_anchors(approved):
    """A broken chain is reported as such, before any comparison with the anchors."""
    set_columns(2, reason="edited")
    verify_audit_fails(match="broken at event seq 2: content changed")
