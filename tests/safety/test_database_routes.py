"""The ORM and SQL past the services: the database refuses what the workflow would (SQLite and
PostgreSQL; the application role's view of PostgreSQL is in test_database_routes_app_role.py)."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from audit.trail import verify_database
from core.errors import InvalidTransition
from reviews.append_only import append_only_tables
from reviews.models import Publication, Review
from reviews.publishing import services as publishing
from tests.factories import ReviewFactory
from tests.helpers import published_claim_ids

pytestmark = pytest.mark.django_db


def sql(statement: str, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


def forged_publication(review: Review, **overrides) -> Publication:
    snapshot = (review.approved_snapshot or {"claim_id": review.claim_id}) | {
        "version": 1, "published_by": "sen1", "published_at": "2026-12-01T00:00:00Z", "change_note": "",
    }  # fmt: skip
    values = dict(
        claim=review.claim, review=review, version=1, snapshot=snapshot, approved_hash=review.approved_hash,
        remedy=review.claim.remedy, category="topical", kind="relief", risk_tier="low", certainty="low",
        recommendation="conditional_for", search_text="", published_at=review.created_at,
    )  # fmt: skip
    return Publication(**(values | overrides))


def test_a_draft_marked_approved_with_the_orm_is_refused_and_stays_unpublished(
    graded_review, reviewer2, senior, content_api
):
    # Refused by the workflow trigger (or first by another rule: no approver, no approval event).
    with pytest.raises(DatabaseError, match="not a transition|four-eyes|audit event"), transaction.atomic():
        Review.objects.filter(pk=graded_review.pk).update(state="approved")
    with pytest.raises(InvalidTransition):
        publishing.review_publish(review=graded_review, actor=senior)
    assert graded_review.claim_id not in published_claim_ids(content_api)


def test_a_review_under_review_marked_approved_without_an_approval_is_refused(submitted_review, reviewer2):
    with pytest.raises((DatabaseError, IntegrityError)), transaction.atomic():
        Review.objects.filter(pk=submitted_review.pk).update(state="approved", decided_by=reviewer2)
    assert Review.objects.get(pk=submitted_review.pk).state == Review.State.IN_REVIEW


def test_a_review_created_in_another_state_than_draft_is_refused(standard_claim, reviewer):
    with pytest.raises(DatabaseError, match="created as draft"), transaction.atomic():
        Review.objects.create(claim=standard_claim, started_by=reviewer, state="published")


def test_a_publication_written_directly_for_an_unapproved_review_is_refused(submitted_review, senior, content_api):
    with pytest.raises(DatabaseError, match="publication"), transaction.atomic():
        forged_publication(submitted_review, published_by=senior).save()
    assert submitted_review.claim_id not in published_claim_ids(content_api)


def test_a_publication_written_directly_with_another_snapshot_than_the_approved_one_is_refused(
    approved_review, senior, content_api
):
    review = Review.objects.get(pk=approved_review.pk)
    forged = forged_publication(review, published_by=senior)
    forged.snapshot = forged.snapshot | {"recommendation": "strong_for", "contraindications": []}
    with pytest.raises(DatabaseError), transaction.atomic():
        forged.save()
    assert review.claim_id not in published_claim_ids(content_api)


def test_a_review_marked_published_without_a_publication_is_refused(approved_review):
    with pytest.raises(DatabaseError, match="published without a publication|audit event"), transaction.atomic():
        Review.objects.filter(pk=approved_review.pk).update(state="published")


@pytest.fixture
def withdrawn(standard_claim, reviewer, reference, reviewer2, senior):
    review = ReviewFactory(
        withdrawn=True,
        claim=standard_claim,
        grader=reviewer,
        reference=reference,
        second_reviewer=reviewer2,
        senior=senior,
    )
    return Publication.objects.get(review=review)


def test_a_withdrawn_claim_cannot_be_brought_back_with_sql(withdrawn, content_api):
    with pytest.raises(DatabaseError, match="does not come back"):
        sql("UPDATE reviews_publication SET is_current = true, withdrawn_at = NULL WHERE id = %s", [withdrawn.pk])
    with pytest.raises(DatabaseError, match="does not come back"):
        sql("UPDATE reviews_publication SET withdrawn_at = NULL WHERE id = %s", [withdrawn.pk])
    assert withdrawn.claim_id not in published_claim_ids(content_api)


def test_a_withdrawn_review_cannot_be_brought_back_with_the_orm(withdrawn):
    with pytest.raises(DatabaseError, match="not a transition|audit event"), transaction.atomic():
        Review.objects.filter(pk=withdrawn.review_id).update(state="published")


def test_the_contributors_record_cannot_be_rewritten(submitted_review):
    with pytest.raises(DatabaseError, match="append-only"):
        sql("DELETE FROM reviews_reviewcontribution WHERE review_id = %s", [submitted_review.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        sql("UPDATE reviews_reviewcontribution SET user_id = NULL WHERE review_id = %s", [submitted_review.pk])


@pytest.mark.postgres
@pytest.mark.parametrize("table", append_only_tables())
def test_truncate_is_refused_on_every_append_only_table(table, withdrawn):
    """As the owner (the test run's superuser, with the test runner's flush permission turned off):
    the trigger refuses. The application role has no TRUNCATE privilege at all (test_app_role_postgres)."""
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses pending FK checks
        cursor.execute("SET LOCAL reviews.allow_truncate = off")
        cursor.execute(f"TRUNCATE {table} CASCADE")
    report = verify_database()
    assert report.ok and report.count > 0


def test_an_approval_forged_with_the_orm_is_never_published(submitted_review, reviewer2, senior, content_api):
    """Someone with the database but not the chain key marks a review approved by a
    non-contributor: the database refuses it without a review.approved event; with an event forged
    to match, the publisher refuses it (the event is not signed) and verify_audit breaks there."""
    from django.utils import timezone

    from audit.models import AuditEvent
    from core.errors import Conflict
    from reviews.publishing.snapshots import approval_snapshot, snapshot_hash

    review = Review.objects.get(pk=submitted_review.pk)
    now = timezone.now()
    snapshot = approval_snapshot(review=review, approved_by=reviewer2, approved_at=now)
    approval = {"state": "approved", "decided_by": reviewer2.pk, "approved_hash": snapshot_hash(snapshot)}
    forged_approval = dict(
        state="approved", decided_by=reviewer2, decided_at=now, approved_snapshot=snapshot,
        approved_hash=approval["approved_hash"],
    )  # fmt: skip
    with pytest.raises(DatabaseError, match="audit event"), transaction.atomic():
        Review.objects.filter(pk=review.pk).update(**forged_approval)

    last = AuditEvent.objects.order_by("-seq").first()
    AuditEvent.objects.create(
        seq=last.seq + 1, occurred_at=now, event_type="review.approved", actor=reviewer2, actor_username="rev2",
        claim=review.claim, review=review, after=approval | {"approved_snapshot": snapshot}, key_id=last.key_id,
        prev_hash=last.hash, hash="0" * 64,
    )  # fmt: skip
    Review.objects.filter(pk=review.pk).update(**forged_approval)
    review.refresh_from_db()
    with pytest.raises(Conflict, match="no approval on the audit trail"):
        publishing.review_publish(review=review, actor=senior)
    report = verify_database()
    assert not report.ok and report.broken_seq == last.seq + 1
    assert review.claim_id not in published_claim_ids(content_api)


def test_a_genuine_approval_cannot_be_reopened_and_reused_for_other_content(approved_review, senior, content_api):
    """Back to "in review" without a lapse on the record, then approved again with other content
    under the old approval event: refused at the first step, and the frozen approval refuses edits."""
    with pytest.raises(DatabaseError, match="audit event"), transaction.atomic():
        Review.objects.filter(pk=approved_review.pk).update(state="in_review")
    forged = Review.objects.get(pk=approved_review.pk).approved_snapshot | {"statement": "Cures everything."}
    with pytest.raises(DatabaseError, match="frozen"), transaction.atomic():
        Review.objects.filter(pk=approved_review.pk).update(approved_snapshot=forged)
    assert approved_review.claim_id not in published_claim_ids(content_api)


def test_a_review_keeps_its_claim(approved_review, high_claim):
    """Moving an approved review onto another (say, a withdrawn) claim is refused."""
    with pytest.raises(DatabaseError, match="keeps its id and its claim"), transaction.atomic():
        Review.objects.filter(pk=approved_review.pk).update(claim=high_claim)


def test_a_publications_filter_columns_must_say_what_its_snapshot_says(approved_review, senior, content_api):
    """Even with a publication event forged (unsigned) on the trail, a publication whose copied
    columns lie (certainty, recommendation, category) about its snapshot is refused."""
    from audit.models import AuditEvent

    review = Review.objects.get(pk=approved_review.pk)
    last = AuditEvent.objects.order_by("-seq").first()
    AuditEvent.objects.create(
        seq=last.seq + 1, occurred_at=review.decided_at, event_type="review.published", actor=senior,
        actor_username="sen1", claim=review.claim, review=review, key_id=last.key_id, prev_hash=last.hash,
        after={"state": "published", "publication_version": 1, "approved_hash": review.approved_hash}, hash="1" * 64,
    )  # fmt: skip
    snapshot = review.approved_snapshot
    truthful = dict(
        published_by=senior, remedy_name=snapshot["remedy"]["name"], category=snapshot["remedy"]["category"],
        kind=snapshot["kind"], risk_tier=snapshot["remedy"]["risk_tier"],
        certainty=snapshot["evidence"]["certainty"], recommendation=snapshot["recommendation"],
    )  # fmt: skip
    for lie in ({"certainty": "high"}, {"recommendation": "strong_for"}, {"category": "drug"}):
        forged = forged_publication(review, **truthful | lie)
        forged.snapshot = forged.snapshot | {"published_by": "sen1", "change_note": "", "version": 1}
        with pytest.raises(DatabaseError, match="columns"), transaction.atomic():
            forged.save()
    assert review.claim_id not in published_claim_ids(content_api)
    assert not verify_database().ok  # the forged event itself breaks the chain


def test_a_review_keeps_its_id(submitted_review):
    """Renumbering a review would leave its contributors (and its events) behind, under the old id:
    its grader could then decide on it as if new."""
    with pytest.raises(DatabaseError, match="keeps its id"), transaction.atomic():
        Review.objects.filter(pk=submitted_review.pk).update(id=submitted_review.pk + 1000)


def test_a_publication_keeps_its_id(withdrawn):
    with pytest.raises(DatabaseError, match="immutable"):
        sql("UPDATE reviews_publication SET id = id + 1000 WHERE id = %s", [withdrawn.pk])


def test_a_withdrawn_version_is_not_served_as_history(withdrawn, content_api):
    """v1 withdrawn, v2 published by a new review: ?version=1 is not served."""
    ReviewFactory(claim=withdrawn.claim, published=True)
    claim_id = withdrawn.claim_id
    assert content_api.get(f"/api/v1/claims/{claim_id}/").json()["version"] == 2
    assert content_api.get(f"/api/v1/claims/{claim_id}/?version=1").status_code == 404
    assert content_api.get(f"/api/v1/claims/{claim_id}/claimreview/?version=1").status_code == 404


@pytest.fixture
def published(standard_claim, reviewer, reference, reviewer2, senior):
    review = ReviewFactory(
        published=True, claim=standard_claim, grader=reviewer, reference=reference, second_reviewer=reviewer2,
        senior=senior,
    )  # fmt: skip
    return Publication.objects.get(review=review, is_current=True)


def test_a_publications_filter_rows_cannot_be_added_after_it_with_sql(published, content_api):
    """Rows inserted for the API's filters tied a published claim to an article it was never quoted
    from, a remedy name and a condition it never had: `?source=<an unreviewed article>` listed it."""
    from tests.ingest.store_helpers import store

    unquoted = store(published.published_by)  # an article taken in, its proposals undecided
    forged = {
        "reviews_publicationsource (publication_id, source_id, file_name)": [published.pk, unquoted.pk,
                                                                              unquoted.file_name],
        "reviews_publicationremedyname (publication_id, name)": [published.pk, "salt"],
        "reviews_publicationcondition (publication_id, condition)": [published.pk, "heartburn"],
    }  # fmt: skip
    for table, values in forged.items():
        # (the source row is refused by either rule: it is late, and names no source the claim quotes)
        refused = "written with it, before its entry in the changes feed|names a source its appearances quote"
        with pytest.raises(DatabaseError, match=refused):
            sql(f"INSERT INTO {table} VALUES ({', '.join(['%s'] * len(values))})", values)
    listed = content_api.get("/api/v1/claims/", {"source": unquoted.file_name}).json()["results"]
    assert published.claim_id not in {row["id"] for row in listed}
    assert published.claim_id in published_claim_ids(content_api)  # the real publication still is
    # and its real rows came with it
    assert published.sources.exists() and published.remedy_names.exists()
