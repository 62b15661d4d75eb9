"""The `about` filter reads a publication's condition columns. The database guards them as it
guards every other filter column: frozen once published, and equal to the snapshot's condition
when a publication is written (a plain UPDATE must not move a published claim to another
condition in the content API, and no publication may say one thing in its columns and another in
its snapshot)."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent
from reviews.models import Publication, Review
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def sql(statement, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def publication(standard_claim, reviewer, reference, reviewer2, senior):
    review = ReviewFactory(
        published=True,
        claim=standard_claim,
        grader=reviewer,
        reference=reference,
        second_reviewer=reviewer2,
        senior=senior,
    )
    return Publication.objects.get(review=review, is_current=True)


def about(content_api, slug):
    return {row["id"] for row in content_api.get(f"/api/v1/claims/?about={slug}&page_size=200").json()["results"]}


def test_a_published_claims_condition_columns_are_frozen(publication, content_api):
    assert publication.condition_slug == "night-leg-cramps"
    assert publication.claim_id not in about(content_api, "heartburn")
    refused = False
    try:
        sql(
            "UPDATE reviews_publication SET condition_slug = 'heartburn', condition_name = 'heartburn' WHERE id = %s",
            [publication.pk],
        )
    except DatabaseError as exc:
        refused = "immutable" in str(exc)
    # The snapshot still says night leg cramps; the content API must not answer otherwise.
    assert Publication.objects.get(pk=publication.pk).snapshot["condition"]["slug"] == "night-leg-cramps"
    assert publication.claim_id not in about(content_api, "heartburn"), "served as a heartburn claim"
    assert publication.claim_id in about(content_api, "night-leg-cramps")
    assert refused


def test_a_publications_condition_columns_must_say_what_its_snapshot_says(approved_review, senior, content_api):
    """Mirror of tests/safety/test_database_routes.py::test_a_publications_filter_columns_must_say_
    what_its_snapshot_says, with the lie in the condition columns instead of the certainty."""
    review = Review.objects.get(pk=approved_review.pk)
    last = AuditEvent.objects.order_by("-seq").first()
    AuditEvent.objects.create(
        seq=last.seq + 1,
        occurred_at=review.decided_at,
        event_type="review.published",
        actor=senior,
        actor_username="sen1",
        claim=review.claim,
        review=review,
        key_id=last.key_id,
        prev_hash=last.hash,
        after={"state": "published", "publication_version": 1, "approved_hash": review.approved_hash},
        hash="1" * 64,
    )
    snapshot = review.approved_snapshot | {
        "version": 1,
        "published_by": "sen1",
        "change_note": "",
        "published_at": "2026-12-01T00:00:00Z",
    }
    forged = Publication(
        claim=review.claim,
        review=review,
        version=1,
        snapshot=snapshot,
        approved_hash=review.approved_hash,
        remedy=review.claim.remedy,
        remedy_name=snapshot["remedy"]["name"],
        category=snapshot["remedy"]["category"],
        kind=snapshot["kind"],
        risk_tier=snapshot["remedy"]["risk_tier"],
        population=snapshot.get("population") or "",
        certainty=snapshot["evidence"]["certainty"],
        recommendation=snapshot["recommendation"],
        search_text="",
        published_at=review.created_at,
        published_by=senior,
        condition_name="heartburn",
        condition_slug="heartburn",  # the lie: the snapshot says night leg cramps
    )
    assert snapshot["condition"]["slug"] == "night-leg-cramps"
    with pytest.raises(DatabaseError, match="columns"), transaction.atomic():
        forged.save()
