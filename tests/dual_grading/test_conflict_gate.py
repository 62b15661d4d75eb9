"""The conflict gate: a dual-graded review is not submitted or approved while a grading is missing
or unsubmitted or a disagreement is open — refused by the service, and by the database to the ORM
and SQL (SQLite and PostgreSQL triggers; the application role's view: tests/safety). Four-eyes
reaches the graders and the adjudicator."""

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.models import AuditEvent
from core.errors import NotAllowed, NotReady
from reviews import services
from reviews.models import Disagreement, Review
from reviews.publishing import services as publishing
from reviews.services.disagreements import disagreement_resolve
from reviews.services.dual_grading import dual_grading_require, grading_submit
from tests.dual_grading.helpers import FIRST, SAME, SECOND, grade_independently
from tests.helpers import audit_types

GATE = "both independent gradings submitted"


def forge(review: Review, event_type: str, actor, **after) -> None:
    """An audit event recording a state change, written past the services (as someone holding the
    database but not the chain key could): the workflow's own triggers then let the change by, so
    what refuses it is the conflict gate."""
    last = AuditEvent.objects.order_by("-seq").first()
    AuditEvent.objects.create(
        seq=last.seq + 1, occurred_at=timezone.now(), event_type=event_type, actor=actor,
        actor_username=actor.username, claim=review.claim, review=review, after=after,
        key_id=last.key_id, prev_hash=last.hash, hash=f"{last.seq + 1:064d}",
    )  # fmt: skip


def sql(statement, params):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_dual_grading_is_required_by_risk_tier(high_claim, standard_claim, reviewer, reviewer2, monkeypatch):
    assert settings.DUAL_GRADING_TIERS == ("high",)
    assert services.review_start(claim=high_claim, actor=reviewer).dual_grading
    assert not services.review_start(claim=standard_claim, actor=reviewer).dual_grading
    assert audit_types(Review.objects.get(claim=high_claim)) == ["review.started"]
    assert AuditEvent.objects.filter(review__claim=high_claim).get().after["dual_grading"] is True


def test_the_tiers_setting_adds_tiers_and_never_removes_high(settings, high_claim, reviewer):
    from claims.models import Claim
    from reviews.dual_grading.selectors import dual_grading_required

    moderate = Claim.objects.filter(remedy__risk_tier="moderate").first()
    settings.DUAL_GRADING_TIERS = ("moderate",)
    assert dual_grading_required(moderate) and dual_grading_required(high_claim)
    settings.DUAL_GRADING_TIERS = ()
    assert not dual_grading_required(moderate) and dual_grading_required(high_claim)


def test_a_senior_requires_dual_grading_of_a_draft(standard_claim, reviewer, senior, reviewer2):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    with pytest.raises(NotAllowed):
        dual_grading_require(review=review, actor=reviewer2)
    review = dual_grading_require(review=review, actor=senior, note="Contested claim.")
    assert review.dual_grading and audit_types(review)[-1] == "review.dual_grading_required"
    with pytest.raises(DatabaseError, match="stays required"), transaction.atomic():
        Review.objects.filter(pk=review.pk).update(dual_grading=False)


def test_submission_refused_until_both_gradings_are_in_and_every_disagreement_resolved(
    dual_review, reviewer, reviewer2, senior2, reference
):
    refusals = []

    def submit():
        with pytest.raises(NotReady) as refusal:
            services.review_submit(review=dual_review, actor=reviewer)
        refusals.append(refusal.value.missing[0])

    submit()
    first = grade_independently(dual_review, reviewer, **FIRST)
    submit()
    grading_submit(grading=first, actor=reviewer)
    submit()
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    points = list(Disagreement.objects.filter(review=dual_review).order_by("id"))
    for point in points[:-1]:
        disagreement_resolve(disagreement=point, actor=senior2, value=point.first_value, reason="The first.")
    submit()
    assert refusals == [
        f"{GATE} (0 of 2 so far)",
        f"{GATE} (0 of 2 so far)",
        f"{GATE} (1 of 2 so far)",
        "every disagreement between the two gradings resolved (1 still open)",
    ]
    disagreement_resolve(disagreement=points[-1], actor=senior2, value=points[-1].first_value, reason="The first.")
    services.reference_attach(review=dual_review, actor=reviewer, reference=reference)  # the grading is applied
    review = services.review_submit(review=dual_review, actor=reviewer)
    assert review.state == Review.State.IN_REVIEW


@pytest.fixture
def resolved(dual_review, reviewer, reviewer2, reference):
    """Graded alike by both graders (no disagreement: applied at once), a reference attached."""
    grade_independently(dual_review, reviewer, **SAME, submit=True)
    grade_independently(dual_review, reviewer2, **SAME, submit=True)
    services.reference_attach(review=dual_review, actor=reviewer, reference=reference)
    return Review.objects.get(pk=dual_review.pk)


def test_neither_grader_nor_adjudicator_approves_or_publishes(dual_review, reviewer, reviewer2, senior, senior2,
                                                               reference, chief):  # fmt: skip
    grade_independently(dual_review, reviewer, **FIRST, submit=True)
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    for point in Disagreement.objects.filter(review=dual_review):
        disagreement_resolve(disagreement=point, actor=senior2, value=point.second_value, reason="Adjudicated.")
    services.reference_attach(review=dual_review, actor=reviewer, reference=reference)
    review = services.review_submit(review=dual_review, actor=reviewer)
    for person in (reviewer, reviewer2, senior2):
        with pytest.raises(NotAllowed, match="Four-eyes|senior"):
            services.review_approve(review=review, actor=person)
    review = services.review_approve(review=review, actor=senior)
    for person in (senior2,):  # the adjudicator; the graders are no seniors
        with pytest.raises(NotAllowed):
            publishing.review_publish(review=review, actor=person)
    publishing.review_publish(review=review, actor=chief)
    assert Review.objects.get(pk=review.pk).state == Review.State.PUBLISHED


def test_the_database_refuses_a_forged_submission_past_the_gate(dual_review, reviewer, reviewer2):
    grade_independently(dual_review, reviewer, **FIRST, submit=True)
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    forge(dual_review, "review.submitted", reviewer, state="in_review")
    with pytest.raises(DatabaseError, match="conflict gate"), transaction.atomic():
        Review.objects.filter(pk=dual_review.pk).update(state="in_review", submitted_by=reviewer)
    assert Review.objects.get(pk=dual_review.pk).state == Review.State.DRAFT


def test_the_database_refuses_an_approval_by_sql_while_a_disagreement_is_open(resolved, reviewer, senior):
    """A review under review whose disagreement is reopened by SQL: approving it by SQL (its event
    forged to match) is refused by the gate, and so is the service."""
    review = services.review_submit(review=resolved, actor=reviewer)
    first, second = review.gradings.order_by("created_at")
    sql(
        "INSERT INTO reviews_disagreement (review_id, item, label, first_id, second_id, first_value, second_value, "
        "proposed_value, proposal_reason, resolution, resolved_value, resolution_reason) "
        "VALUES (%s, 'recommendation', 'Recommendation', %s, %s, 'a', 'b', '', '', '', '', '')",
        [review.pk, first.pk, second.pk],
    )
    with pytest.raises(NotReady, match="1 still open"):
        services.review_approve(review=review, actor=senior)
    forge(review, "review.approved", senior, state="approved", approved_hash="x", approved_snapshot={})
    with pytest.raises(DatabaseError, match="conflict gate"), transaction.atomic():
        sql(
            "UPDATE reviews_review SET state = 'approved', decided_by_id = %s, approved_hash = 'x', "
            "approved_snapshot = '{}' WHERE id = %s",
            [senior.pk, review.pk],
        )
    assert Review.objects.get(pk=review.pk).state == Review.State.IN_REVIEW
