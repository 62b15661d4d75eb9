"""Behaviour that only a real PostgreSQL shows: row locks between connections, trigger-based
row history. Run by .ci/run's PostgreSQL pass."""

import json
import threading

import pytest
from django.db import connection, connections

from core.errors import Conflict
from reviews import services
from reviews.models import Review
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def committed_draft(django_db_blocker):
    """A draft review committed to the database, so a second connection can see it."""
    from claims.models import Claim

    grader = UserFactory(username="pg_grader", role="reviewer")
    other = UserFactory(username="pg_other", role="reviewer")
    claim = Claim.objects.filter(remedy__name="stretching").first() or _any_claim()
    return services.review_start(claim=claim, actor=grader), grader, other


def _any_claim():
    from claims.conditions import condition_named
    from claims.models import Claim, Remedy

    remedy = Remedy.objects.create(name="pg test remedy", category="maneuver", risk_tier="low", risk_reason="x")
    condition = condition_named("pg test condition")
    return Claim.objects.create(condition=condition, remedy=remedy, kind="relief", statement="pg test")


def test_two_connections_saving_the_same_version_one_gets_a_conflict(committed_draft):
    review, first_user, second_user = committed_draft
    barrier = threading.Barrier(2)
    outcomes = {}

    def save(user, summary):
        try:
            barrier.wait(timeout=10)
            services.review_save_grading(review=review, actor=user, expected_version=1, summary=summary)
            outcomes[user.username] = "saved"
        except Conflict:
            outcomes[user.username] = "conflict"
        finally:
            connections.close_all()  # each thread has its own connection

    threads = [
        threading.Thread(target=save, args=(first_user, "Two trials.")),
        threading.Thread(target=save, args=(second_user, "One trial.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["conflict", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    review.refresh_from_db()
    assert review.version == 2 and review.last_edited_by.username == winner
    assert review.summary == {"pg_grader": "Two trials.", "pg_other": "One trial."}[winner]


def test_a_second_connection_waits_for_the_row_lock(committed_draft):
    """While one transaction holds the review, another connection's save blocks, then sees the
    new version and is refused: nothing is overwritten."""
    review, first_user, second_user = committed_draft
    from django.db import transaction

    started, result = threading.Event(), {}

    def late_save():
        started.set()
        try:
            services.review_save_grading(review=review, actor=second_user, expected_version=1, summary="One trial.")
            result["outcome"] = "saved"
        except Conflict:
            result["outcome"] = "conflict"
        finally:
            connections.close_all()

    with transaction.atomic():
        services.review_save_grading(review=review, actor=first_user, expected_version=1, summary="Two trials.")
        thread = threading.Thread(target=late_save)
        thread.start()
        started.wait(5)
        thread.join(timeout=0.5)
        assert thread.is_alive(), "the second connection should be waiting for the row lock"
    thread.join(timeout=10)
    assert result["outcome"] == "conflict"
    assert Review.objects.get(pk=review.pk).summary == "Two trials."


def test_bulk_update_does_not_escape_the_row_history(committed_draft):
    review, _, _ = committed_draft
    import pghistory.models

    events_before = pghistory.models.Events.objects.count()
    Review.objects.filter(pk=review.pk).update(summary="changed behind the services' back")
    assert connection.vendor == "postgresql"
    events = pghistory.models.Events.objects.filter(pgh_model="reviews.ReviewEvent").order_by("-pgh_id")
    assert pghistory.models.Events.objects.count() == events_before + 1
    assert events.first().pgh_data["summary"] == "changed behind the services' back"


def test_row_history_is_append_only(committed_draft):
    from django.db import DatabaseError, transaction

    from reviews.models import ReviewEvent

    assert ReviewEvent.objects.exists()
    with pytest.raises(DatabaseError), transaction.atomic():
        ReviewEvent.objects.update(summary="rewritten history")
    with pytest.raises(DatabaseError), transaction.atomic():
        ReviewEvent.objects.all().delete()


def test_interrupted_export_leaves_no_transaction_or_lock_behind(client):
    """A download abandoned half-way (client gone) must not pin a transaction, a cursor or a lock."""
    from django.db import transaction

    from audit.models import AuditEvent
    from audit.trail import audit_record

    with transaction.atomic():
        for n in range(3000):
            audit_record(event_type=AuditEvent.Type.REMEDY_CHANGED, actor=None, after={"n": n})
    client.force_login(UserFactory(username="pg_auditor", role="auditor"))
    response = client.get("/api/v1/audit/export/?format=ndjson")
    stream = iter(response.streaming_content)
    assert json.loads(next(stream).splitlines()[0])["seq"] == 1
    response.close()  # what the server does when the client disconnects

    assert not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_cursors")
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state LIKE 'idle in transaction%%'"
        )
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "WHERE c.relname = 'reviews_auditevent' AND l.pid <> pg_backend_pid()"
        )
        assert cursor.fetchone()[0] == 0


def test_outcomes_added_at_once_leave_the_review_the_lowest_of_their_certainties(committed_draft):
    """Two reviewers add a critical outcome each at the same moment: the review's lock orders them,
    and the second works the overall certainty out with the first's outcome in view (no lost
    update: the review ends with the lower of the two)."""
    review, first_user, second_user = committed_draft
    barrier = threading.Barrier(2)
    errors = []

    def add(user, name, design):
        try:
            barrier.wait(timeout=10)
            services.outcome_add(review=review, actor=user, name=name, design=design)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=add, args=(first_user, "Cramp frequency", "randomised")),
        threading.Thread(target=add, args=(second_user, "Cramp intensity", "observational")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    review.refresh_from_db()
    assert (review.certainty, review.version) == ("low", 3)
    assert sorted(review.outcomes.values_list("certainty", flat=True)) == ["high", "low"]
