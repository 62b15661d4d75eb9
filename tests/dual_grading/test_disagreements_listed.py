"""grading_submit: the second submission lists every disagreement, exactly, and puts the list on the
record; with none, the gradings agree and their grading becomes the review's at once."""

import pytest

from audit.models import AuditEvent
from core.errors import NotAllowed, NotReady
from reviews import services
from reviews.models import Disagreement
from reviews.services.dual_grading import grading_submit, grading_update
from tests.dual_grading.helpers import EXPECTED, FIRST, SAME, SECOND, grade_independently
from tests.helpers import audit_types


def test_the_second_submission_lists_every_disagreement_exactly(dual_review, reviewer, reviewer2):
    first = grade_independently(dual_review, reviewer, **FIRST, submit=True)
    assert not Disagreement.objects.filter(review=dual_review).exists()  # one grading: nothing to compare
    second = grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    listed = list(Disagreement.objects.filter(review=dual_review).order_by("id"))
    assert [(d.item, d.first_value, d.second_value) for d in listed] == EXPECTED
    assert {(d.first_id, d.second_id) for d in listed} == {(first.pk, second.pk)}
    assert [d.label for d in listed] == [
        "Outcome “Cramp frequency”: certainty",
        "Outcome “Cramp frequency”: imprecision",
        "Outcome “Serious adverse events”: importance",
        "Outcome “Cramp intensity”: graded in one grading only",
        "Recommendation: strength",
        "Contraindication “Heart failure”: listed in one grading only",
        "Contraindication “QT prolongation”: listed in one grading only",
    ]
    event = AuditEvent.objects.filter(review=dual_review).order_by("seq").last()
    assert event.event_type == "grading.disagreements_listed" and event.actor == reviewer2
    assert event.after["count"] == 7 and event.after["gradings"] == [first.pk, second.pk]
    assert [(i["item"], i["first_value"], i["second_value"]) for i in event.after["items"]] == EXPECTED


def test_agreeing_gradings_become_the_reviews_at_once(dual_review, reviewer, reviewer2):
    grade_independently(dual_review, reviewer, **SAME, submit=True)
    grade_independently(dual_review, reviewer2, **SAME, submit=True)
    dual_review.refresh_from_db()
    assert not Disagreement.objects.filter(review=dual_review).exists()
    own = list(dual_review.outcomes.filter(grading=None).values_list("name", "certainty"))
    assert own == [("Cramp frequency", "low")]
    assert dual_review.certainty == "low" and dual_review.recommendation == "conditional_against"
    assert list(dual_review.claim.contraindications.values_list("condition", "severity")) == [("Pregnancy", "absolute")]
    assert audit_types(dual_review)[-5:] == [
        "grading.submitted",
        "grading.disagreements_listed",
        "outcome.added",
        "contraindication.added",
        "grading.resolved",
    ]


def test_a_grading_needs_a_critical_outcome_with_a_certainty_and_a_recommendation(dual_review, reviewer):
    grading = grade_independently(
        dual_review, reviewer, outcomes=[{"name": "Cramp frequency", "importance": "important"}], recommendation=""
    )
    with pytest.raises(NotReady) as refusal:
        grading_submit(grading=grading, actor=reviewer)
    assert refusal.value.missing == ["at least one critical outcome", "a recommendation"]
    critical = services.outcome_add(review=dual_review, actor=reviewer, grading=grading, name="Cramp intensity")
    with pytest.raises(NotReady) as refusal:
        grading_submit(grading=grading, actor=reviewer)
    assert refusal.value.missing[0].startswith("a certainty for every critical outcome")
    services.outcome_update(outcome=critical, actor=reviewer, design="randomised")
    grading_update(grading=grading, actor=reviewer, recommendation="conditional_against")
    assert grading_submit(grading=grading, actor=reviewer).is_submitted


def test_a_submitted_grading_is_frozen(dual_review, reviewer):
    grading = grade_independently(dual_review, reviewer, **SAME, submit=True)
    with pytest.raises(NotAllowed):
        grading_update(grading=grading, actor=reviewer, summary="Second thoughts.")
    with pytest.raises(NotAllowed):
        services.outcome_add(review=dual_review, actor=reviewer, grading=grading, name="Late outcome")
