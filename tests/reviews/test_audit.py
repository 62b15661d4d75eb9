"""The audit trail: a hash chain the database will not let anyone edit or delete."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent
from audit.rows import event_row
from audit.trail import GENESIS_HASH, compute_hash, verify_database
from reviews import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(submitted_review, reviewer2):
    services.review_approve(review=submitted_review, actor=reviewer2, note="ok")
    return list(AuditEvent.objects.order_by("seq"))


def test_events_form_a_chain(events):
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert events[0].prev_hash == GENESIS_HASH
    for previous, event in zip(events, events[1:], strict=False):
        assert event.prev_hash == previous.hash
        assert event.hash == compute_hash(event_row(event))


def test_verify_audit_reports_ok(events):
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert out.getvalue().strip() == f"ok, {len(events)} events"


def test_audit_record_refuses_unknown_types_and_missing_transaction(reviewer):
    from audit.trail import audit_record

    with pytest.raises(ValueError), transaction.atomic():
        audit_record(event_type="review.teleported", actor=reviewer)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE reviews_auditevent SET reason = 'edited'",
        "DELETE FROM reviews_auditevent",
    ],
)
def test_database_refuses_update_and_delete(events, statement):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEvent.objects.count() == len(events)


def test_orm_bulk_update_and_delete_are_refused_too(events):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.update(reason="bulk")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.all().delete()
    assert not AuditEvent.objects.filter(reason="bulk").exists()


def _disable_trigger():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE refuses pending FK checks
            (append_only,) = (t for t in AuditEvent._meta.triggers if t.name == "append_only")  # django-pgtrigger
            cursor.execute(f"ALTER TABLE reviews_auditevent DISABLE TRIGGER {append_only.get_pgid(AuditEvent)}")
        else:  # SQLite DDL is transactional: the test's rollback puts the trigger back
            cursor.execute("DROP TRIGGER reviews_auditevent_no_update")


def test_verify_audit_finds_an_event_changed_with_the_trigger_disabled(events):
    tampered = events[2]
    _disable_trigger()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reviews_auditevent SET reason = %s WHERE seq = %s", ["nothing to see", tampered.seq])
    report = verify_database()
    assert not report.ok and report.broken_seq == tampered.seq
    with pytest.raises(CommandError, match=f"broken at event seq {tampered.seq}: content changed") as excinfo:
        call_command("verify_audit", stdout=io.StringIO())
    assert excinfo.value.returncode == 1


def test_verify_audit_finds_a_rewritten_link(events):
    _disable_trigger()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reviews_auditevent SET prev_hash = %s WHERE seq = 4", ["f" * 64])
    assert verify_database().broken_seq == 4
