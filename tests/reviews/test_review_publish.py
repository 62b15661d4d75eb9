import pytest
from django.db import DatabaseError, connection, transaction

from core.errors import Conflict, InvalidTransition, NotAllowed, ReasonRequired
from reviews.models import Publication, PublicationChange, Review
from reviews.publishing import services as publishing
from tests.factories import ReviewFactory
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db

APPROVED = [
    "review.started",
    "review.graded",
    "outcome.added",
    "reference.attached",
    "review.submitted",
    "review.approved",
]


def test_senior_publishes_version_one(approved_review, senior):
    publication = publishing.review_publish(review=approved_review, actor=senior, note="First.")
    assert (publication.version, publication.is_current) == (1, True)
    assert publication.snapshot["statement"] == approved_review.claim.statement
    assert Review.objects.get(pk=approved_review.pk).state == Review.State.PUBLISHED
    assert audit_types(approved_review) == [*APPROVED, "review.published"]
    assert list(PublicationChange.objects.values_list("kind", "version")) == [("published", 1)]


def test_plain_reviewer_cannot_publish(approved_review, reviewer2):
    with pytest.raises(NotAllowed):
        publishing.review_publish(review=approved_review, actor=reviewer2)
    assert not Publication.objects.exists()
    assert audit_types(approved_review) == APPROVED


def test_senior_who_graded_cannot_publish(standard_claim, senior, senior2, reference, reviewer2):
    review = ReviewFactory(
        approved=True, claim=standard_claim, grader=senior, reference=reference, second_reviewer=reviewer2
    )
    with pytest.raises(NotAllowed):
        publishing.review_publish(review=review, actor=senior)
    assert publishing.review_publish(review=review, actor=senior2).version == 1


def test_unapproved_review_cannot_be_published(submitted_review, senior):
    with pytest.raises(InvalidTransition):
        publishing.review_publish(review=submitted_review, actor=senior)


def test_second_approved_review_publishes_version_two(approved_review, senior, reviewer, reviewer2, reference):
    first = publishing.review_publish(review=approved_review, actor=senior)
    review = ReviewFactory(
        approved=True,
        claim=approved_review.claim,
        grader=reviewer,
        reference=reference,
        second_reviewer=reviewer2,
        certainty="moderate",
    )
    second = publishing.review_publish(review=review, actor=senior, note="Better evidence.")
    first.refresh_from_db()
    assert (first.is_current, second.version, second.is_current) == (False, 2, True)
    assert list(PublicationChange.objects.values_list("kind", "version")) == [("published", 1), ("republished", 2)]
    with pytest.raises(Conflict, match="superseded"):
        publishing.review_withdraw(review=approved_review, actor=senior, reason="x")


def test_withdraw_needs_a_senior_and_a_reason(approved_review, senior, reviewer2):
    publication = publishing.review_publish(review=approved_review, actor=senior)
    with pytest.raises(ReasonRequired):
        publishing.review_withdraw(review=approved_review, actor=senior, reason=" ")
    with pytest.raises(NotAllowed):
        publishing.review_withdraw(review=approved_review, actor=reviewer2, reason="x")
    withdrawn = publishing.review_withdraw(review=approved_review, actor=senior, reason="New safety signal.")
    assert (withdrawn.pk, withdrawn.is_current, withdrawn.withdrawn_at is not None) == (publication.pk, False, True)
    assert audit_types(approved_review) == [*APPROVED, "review.published", "review.withdrawn"]
    assert PublicationChange.objects.last().reason == "New safety signal."


def test_publication_content_is_immutable_in_the_database(approved_review, senior):
    publication = publishing.review_publish(review=approved_review, actor=senior)
    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic():
        Publication.objects.filter(pk=publication.pk).update(snapshot={"statement": "rewritten"})
    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM reviews_publication WHERE id = %s", [publication.pk])
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        PublicationChange.objects.update(reason="rewritten")


def test_a_publication_keeps_the_names_its_snapshot_gives_for_the_api_filters(approved_review, senior):
    """The remedy's published name (which orders the remedies), its name and aliases folded (the
    `remedy` filter) and its sources' file names (the `source` filter), frozen with it."""
    publication = publishing.review_publish(review=approved_review, actor=senior)
    remedy, appearances = publication.snapshot["remedy"], publication.snapshot["appearances"]
    assert publication.remedy_name == remedy["name"]
    assert sorted(publication.remedy_names.values_list("name", flat=True)) == sorted(
        {name.casefold() for name in (remedy["name"], *remedy["aliases"])}
    )
    assert sorted(publication.sources.values_list("file_name", flat=True)) == sorted({a["source"] for a in appearances})
    with pytest.raises(DatabaseError, match="immutable"), transaction.atomic():
        Publication.objects.filter(pk=publication.pk).update(remedy_name="renamed")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        publication.remedy_names.update(name="renamed")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        publication.sources.update(file_name="renamed.txt")
