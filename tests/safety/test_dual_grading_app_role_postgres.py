"""The conflict gate in the database, attacked as the application role (PostgreSQL): the test in
tests/safety forges a submission and closes the disagreements by hand, and stops where the
`grading.resolved` event is missing. Forging that event too — as easily as the submission's — or
reopening a submitted grading, should not get a review past the gate either."""

import os

import psycopg
import pytest
from django.core.management import call_command

from claims.models import Claim
from reviews import services
from reviews.models import Disagreement, Review
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently
from tests.factories import UserFactory
from tests.helpers import CORPUS_DIR

pytestmark = [pytest.mark.postgres]

REFUSED = (psycopg.errors.RaiseException, psycopg.errors.CheckViolation, psycopg.errors.InsufficientPrivilege)
FORGED_EVENT = (
    "INSERT INTO reviews_auditevent (seq, occurred_at, event_type, actor_id, actor_username, claim_id, review_id, "
    "before, after, reason, prev_hash, key_id, hash) SELECT max(seq) + 1, now(), %s, %s, 'forger', %s, %s, '{}', "
    "%s::jsonb, '', max(hash), 'k1', md5(random()::text) FROM reviews_auditevent"
)


@pytest.fixture
def open_review(as_app_role):
    if not Claim.objects.exists():
        call_command("load_catalogue", corpus=CORPUS_DIR, stdout=open(os.devnull, "w"))
    first, second = UserFactory(username="sg_rev", role="reviewer"), UserFactory(username="sg_rev2", role="reviewer")
    claim = Claim.objects.filter(remedy__risk_tier="high").order_by("pk").first()
    review = services.review_start(claim=claim, actor=first)
    grade_independently(review, first, **FIRST, submit=True)
    grade_independently(review, second, **SECOND, submit=True)
    return review, first, second


def test_forging_the_resolution_event_and_deleting_the_disagreements_does_not_open_the_gate(
    open_review, app_role_connection
):
    review, first, _ = open_review
    assert Disagreement.objects.filter(review=review, resolution="").count() == 7
    statements = [
        ("DELETE FROM reviews_disagreement WHERE review_id = %s", [review.pk]),
        (FORGED_EVENT, ["grading.resolved", first.pk, review.claim_id, review.pk, "{}"]),
        (FORGED_EVENT, ["review.submitted", first.pk, review.claim_id, review.pk, '{"state": "in_review"}']),
        ("UPDATE reviews_review SET state = 'in_review', submitted_by_id = %s WHERE id = %s", [first.pk, review.pk]),
    ]
    # Refused at the first step: disagreements are never deleted (a forged event alone is what
    # verify_audit finds).
    with pytest.raises(REFUSED, match="never deleted"), app_role_connection.transaction(force_rollback=True):
        for statement, params in statements:
            app_role_connection.execute(statement, params)
    assert Review.objects.get(pk=review.pk).state == Review.State.DRAFT


def test_a_submitted_grading_cannot_be_changed_by_sql(open_review, app_role_connection):
    review, first, _ = open_review
    with pytest.raises(REFUSED, match="frozen"), app_role_connection.transaction(force_rollback=True):
        app_role_connection.execute(
            "UPDATE reviews_grading SET recommendation = 'strong_for' WHERE review_id = %s AND grader_id = %s",
            [review.pk, first.pk],
        )
