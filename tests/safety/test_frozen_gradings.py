"""Past the services, with SQL or the ORM (SQLite, and PostgreSQL as the owner; the application
role's view is test_dual_grading_app_role_postgres.py): a submitted independent grading stays as
it was handed in — its columns, its outcomes, their judgements and references, its
contraindications — and a disagreement is never deleted, never changes what it is about, and its
resolution once made never changes. The conflict gate counts on both."""

import pytest
from django.db import DatabaseError, connection, transaction

from reviews import services
from reviews.models import Disagreement, DomainJudgement, GradingContraindication, Outcome, OutcomeReference
from reviews.services.disagreements import disagreement_resolve
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently
from tests.factories import ReferenceFactory

pytestmark = pytest.mark.django_db


def sql(statement: str, *params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


IN_GRADING = "outcome_id IN (SELECT id FROM reviews_outcome WHERE grading_id = %s)"


@pytest.fixture
def dual_review(high_claim, reviewer):
    review = services.review_start(claim=high_claim, actor=reviewer)
    assert review.dual_grading  # quinine: a high-risk remedy
    return review


@pytest.fixture
def gradings(dual_review, reviewer, reviewer2, reference):
    """Both independent gradings of quinine submitted (the first citing a reference on each outcome),
    their seven disagreements listed."""
    first = grade_independently(dual_review, reviewer, **FIRST, references=[reference], submit=True)
    second = grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    return first, second


ATTACKS = {
    "grading changed": lambda g: sql("UPDATE reviews_grading SET recommendation = 'strong_for' WHERE id = %s", g.pk),
    "grading unsubmitted": lambda g: sql("UPDATE reviews_grading SET submitted_at = NULL WHERE id = %s", g.pk),
    "grading deleted": lambda g: sql("DELETE FROM reviews_grading WHERE id = %s", g.pk),
    "outcome changed": lambda g: sql("UPDATE reviews_outcome SET certainty = 'high' WHERE grading_id = %s", g.pk),
    "outcome deleted": lambda g: sql("DELETE FROM reviews_outcome WHERE grading_id = %s", g.pk),
    "outcome added": lambda g: Outcome.objects.create(review_id=g.review_id, grading=g, name="Added later"),
    "judgement changed": lambda g: sql(
        f"UPDATE reviews_domainjudgement SET severity = 'none' WHERE {IN_GRADING}", g.pk
    ),
    "judgement deleted": lambda g: sql(f"DELETE FROM reviews_domainjudgement WHERE {IN_GRADING}", g.pk),
    "judgement added": lambda g: DomainJudgement.objects.create(
        review_id=g.review_id, outcome=g.outcomes.first(), domain="indirectness", severity="serious", rationale="Later."
    ),
    "reference note changed": lambda g: sql(
        f"UPDATE reviews_outcomereference SET note = 'later' WHERE {IN_GRADING}", g.pk
    ),
    "reference detached": lambda g: sql(f"DELETE FROM reviews_outcomereference WHERE {IN_GRADING}", g.pk),
    "reference attached": lambda g: OutcomeReference.objects.create(
        outcome=g.outcomes.last(), reference=ReferenceFactory()
    ),
    "contraindication changed": lambda g: sql(
        "UPDATE reviews_gradingcontraindication SET severity = 'caution' WHERE grading_id = %s", g.pk
    ),
    "contraindication deleted": lambda g: sql(
        "DELETE FROM reviews_gradingcontraindication WHERE grading_id = %s", g.pk
    ),
    "contraindication added": lambda g: GradingContraindication.objects.create(
        grading=g, condition="Tinnitus", severity="caution", rationale="Later.", source_kind="label"
    ),
}


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_submitted_grading_and_everything_in_it_is_frozen(gradings, attack):
    first, _ = gradings
    with pytest.raises(DatabaseError, match="frozen"):
        with transaction.atomic():
            ATTACKS[attack](first)


def test_a_grading_not_yet_submitted_is_still_written_freely(dual_review, reviewer):
    grading = grade_independently(dual_review, reviewer, **FIRST)
    sql("UPDATE reviews_outcome SET position = position + 1 WHERE grading_id = %s", grading.pk)
    sql("UPDATE reviews_gradingcontraindication SET severity = 'caution' WHERE grading_id = %s", grading.pk)
    assert set(grading.contraindications.values_list("severity", flat=True)) == {"caution"}


def test_disagreements_are_never_deleted_nor_changed_in_what_they_are_about(gradings):
    review_id = gradings[0].review_id
    assert Disagreement.objects.filter(review_id=review_id, resolution="").count() == 7
    for statement in (
        "DELETE FROM reviews_disagreement WHERE review_id = %s",
        "UPDATE reviews_disagreement SET second_value = first_value WHERE review_id = %s",
        "UPDATE reviews_disagreement SET item = item || ' (agreed)' WHERE review_id = %s",
    ):
        with pytest.raises(DatabaseError, match="never deleted|does not change"):
            sql(statement, review_id)
    with pytest.raises(DatabaseError, match="never deleted"), transaction.atomic():
        Disagreement.objects.filter(review_id=review_id).delete()
    assert Disagreement.objects.filter(review_id=review_id, resolution="").count() == 7


def test_a_resolution_once_made_does_not_change(gradings, senior, reviewer):
    point = Disagreement.objects.filter(review_id=gradings[0].review_id).first()
    disagreement_resolve(disagreement=point, actor=senior, value=point.second_value, reason="The trials say so.")
    for statement, params in (
        ("UPDATE reviews_disagreement SET resolved_value = first_value WHERE id = %s", [point.pk]),
        ("UPDATE reviews_disagreement SET resolution_reason = 'Rewritten.' WHERE id = %s", [point.pk]),
        ("UPDATE reviews_disagreement SET resolved_by_id = %s WHERE id = %s", [reviewer.pk, point.pk]),
        (
            "UPDATE reviews_disagreement SET resolution = '', resolved_value = '', resolved_by_id = NULL, "
            "resolution_reason = '', resolved_at = NULL WHERE id = %s",
            [point.pk],
        ),
    ):
        with pytest.raises(DatabaseError, match="does not change"):
            sql(statement, *params)
    point.refresh_from_db()
    assert (point.resolved_value, point.resolved_by_id) == (point.second_value, senior.pk)
