"""The conflict gate of blinded dual grading as the application role sees it (PostgreSQL): with the
web service's own credentials and an audit event forged to match, SQL cannot submit or approve a
dual-graded review whose disagreements are open, nor switch its dual grading off."""

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

REFUSED = (psycopg.errors.RaiseException, psycopg.errors.CheckViolation)
FORGED_EVENT = (
    "INSERT INTO reviews_auditevent (seq, occurred_at, event_type, actor_id, actor_username, claim_id, review_id, "
    "before, after, reason, prev_hash, key_id, hash) SELECT max(seq) + 1, now(), %s, %s, 'forger', %s, %s, '{}', "
    "%s::jsonb, '', max(hash), 'k1', md5(random()::text) FROM reviews_auditevent"
)


def attack(conn, statements, match):
    with pytest.raises(REFUSED, match=match), conn.transaction():
        for statement, params in statements:
            conn.execute(statement, params)


def test_the_app_role_cannot_route_around_the_conflict_gate(as_app_role, app_role_connection):
    if not Claim.objects.exists():  # a transactional test before this one flushed the catalogue
        call_command("load_catalogue", corpus=CORPUS_DIR, stdout=open(os.devnull, "w"))
    first, second, senior = (
        UserFactory(username="cg_rev", role="reviewer"),
        UserFactory(username="cg_rev2", role="reviewer"),
        UserFactory(username="cg_sen", role="senior_reviewer"),
    )
    claim = Claim.objects.filter(remedy__risk_tier="high").order_by("pk").first()
    review = services.review_start(claim=claim, actor=first)
    grade_independently(review, first, **FIRST, submit=True)
    grade_independently(review, second, **SECOND, submit=True)
    assert Disagreement.objects.filter(review=review, resolution="").count() == 7

    submitted = (FORGED_EVENT, ["review.submitted", first.pk, claim.pk, review.pk, '{"state": "in_review"}'])
    to_review = (
        "UPDATE reviews_review SET state = 'in_review', submitted_by_id = %s WHERE id = %s",
        [first.pk, review.pk],
    )
    attack(app_role_connection, [submitted, to_review], "conflict gate")
    # Closing the disagreements by hand is not enough either: the resolved grading was never applied.
    close = ("UPDATE reviews_disagreement SET resolution = 'adjudicated', resolved_by_id = %s, resolved_at = now(), "
             "resolution_reason = 'forged' WHERE review_id = %s", [senior.pk, review.pk])  # fmt: skip
    attack(app_role_connection, [close, submitted, to_review], "conflict gate")
    attack(
        app_role_connection,
        [("UPDATE reviews_review SET dual_grading = false WHERE id = %s", [review.pk])],
        "stays required",
    )
    assert Review.objects.get(pk=review.pk).state == Review.State.DRAFT
