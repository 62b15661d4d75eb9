"""disagreement_propose / disagreement_resolve: agreement takes both graders, adjudication a third
reviewer (a senior for a high-risk remedy); every resolution has a reason and is on the record, and
the last one makes the resolved grading the review's."""

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from core.errors import Conflict, NotAllowed, ReasonRequired
from reviews.models import Disagreement, Outcome
from reviews.services.disagreements import disagreement_propose, disagreement_resolve
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently
from tests.helpers import audit_types

# How the adjudicator settles the hand-made pair, point by point.
SETTLED = {
    "outcome.certainty:cramp frequency": "moderate",
    "outcome.domain:imprecision:cramp frequency": "none",
    "outcome.importance:serious adverse events": "critical",
    "outcome:cramp intensity": "",
    "recommendation": "strong_against",
    "contraindication:heart failure": "relative",
    "contraindication:qt prolongation": "",
}


@pytest.fixture
def listed(dual_review, reviewer, reviewer2):
    """The hand-made pair, both submitted: seven disagreements open."""
    grade_independently(dual_review, reviewer, **FIRST, submit=True)
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    return {d.item: d for d in Disagreement.objects.filter(review=dual_review)}


def test_agreement_takes_both_graders(listed, dual_review, reviewer, reviewer2):
    point = listed["outcome.certainty:cramp frequency"]
    with pytest.raises(NotAllowed, match="Agreement takes both graders"):
        disagreement_resolve(disagreement=point, actor=reviewer, value="moderate", reason="We agree.")
    disagreement_propose(disagreement=point, actor=reviewer, value="moderate", reason="Imprecision is not serious.")
    with pytest.raises(NotAllowed, match="Agreement takes both graders"):  # not by confirming one's own
        disagreement_resolve(disagreement=point, actor=reviewer, value="moderate", reason="Agreed.")
    with pytest.raises(ValidationError) as refusal:  # the other grader confirms what was proposed, or nothing
        disagreement_resolve(disagreement=point, actor=reviewer2, value="low", reason="Agreed.")
    assert "value" in refusal.value.message_dict
    disagreement_resolve(disagreement=point, actor=reviewer2, value="moderate", reason="Agreed: 300 participants.")
    point.refresh_from_db()
    assert (point.resolution, point.resolved_value, point.resolved_by, point.proposed_by) == (
        "agreed",
        "moderate",
        reviewer2,
        reviewer,
    )
    assert audit_types(dual_review)[-2:] == ["grading.disagreement_proposed", "grading.disagreement_resolved"]
    proposed, resolved = AuditEvent.objects.filter(review=dual_review).order_by("-seq")[:2][::-1]
    assert (proposed.actor, proposed.reason, proposed.after["proposed_value"]) == (
        reviewer,
        "Imprecision is not serious.",
        "moderate",
    )
    assert (resolved.actor, resolved.reason, resolved.after["resolution"]) == (
        reviewer2,
        "Agreed: 300 participants.",
        "agreed",
    )


def test_a_counter_proposal_replaces_the_standing_one(listed, reviewer, reviewer2):
    point = listed["recommendation"]
    disagreement_propose(disagreement=point, actor=reviewer, value="strong_against", reason="Serious harms.")
    disagreement_propose(disagreement=point, actor=reviewer2, value="conditional_against", reason="Rare harms.")
    disagreement_resolve(disagreement=point, actor=reviewer, value="conditional_against", reason="Fair enough.")
    point.refresh_from_db()
    assert (point.resolution, point.resolved_value) == ("agreed", "conditional_against")


def test_a_resolution_needs_a_reason_and_one_of_the_points_values(listed, senior2):
    point = listed["recommendation"]
    with pytest.raises(ReasonRequired):
        disagreement_resolve(disagreement=point, actor=senior2, value="strong_against", reason="  ")
    with pytest.raises(ValidationError) as refusal:
        disagreement_resolve(disagreement=point, actor=senior2, value="high", reason="Because.")
    assert "value" in refusal.value.message_dict
    with pytest.raises(ReasonRequired):
        disagreement_propose(disagreement=listed["recommendation"], actor=listed["recommendation"].first.grader,
                             value="strong_against", reason="")  # fmt: skip


def test_on_a_high_risk_claim_only_a_senior_who_is_not_a_grader_adjudicates(listed, third, senior2, reviewer):
    point = listed["recommendation"]
    with pytest.raises(NotAllowed, match="senior reviewer"):
        disagreement_resolve(disagreement=point, actor=third, value="strong_against", reason="I decide.")
    with pytest.raises(NotAllowed):  # a grader proposes; adjudicating is not theirs
        disagreement_resolve(disagreement=point, actor=reviewer, value="strong_against", reason="I decide.")
    disagreement_resolve(disagreement=point, actor=senior2, value="strong_against", reason="QT risk.")
    point.refresh_from_db()
    assert (point.resolution, point.resolved_by) == ("adjudicated", senior2)
    with pytest.raises(Conflict, match="already resolved"):
        disagreement_resolve(disagreement=point, actor=senior2, value="conditional_against", reason="Changed my mind.")


def test_a_third_reviewer_adjudicates_a_standard_risk_review(standard_dual_review, reviewer, reviewer2, third):
    grade_independently(standard_dual_review, reviewer, **FIRST, submit=True)
    grade_independently(standard_dual_review, reviewer2, **SECOND, submit=True)
    point = Disagreement.objects.get(review=standard_dual_review, item="recommendation")
    disagreement_resolve(disagreement=point, actor=third, value="conditional_against", reason="Small harms.")
    assert Disagreement.objects.get(pk=point.pk).resolution == "adjudicated"


def test_every_resolution_on_the_record_in_order_then_the_resolved_grading_applied(listed, dual_review, senior2):
    start = AuditEvent.objects.filter(review=dual_review).count()
    for item, value in SETTLED.items():
        disagreement_resolve(disagreement=listed[item], actor=senior2, value=value, reason=f"Settles {item}.")
    events = list(AuditEvent.objects.filter(review=dual_review).order_by("seq")[start:])
    assert [e.event_type for e in events] == [
        *["grading.disagreement_resolved"] * 7,
        "outcome.added",  # Cramp frequency: the first grading's, as resolved
        "judgement.saved",  # risk of bias, serious (both); imprecision resolved "not serious": left unjudged
        "outcome.added",  # Serious adverse events, critical as resolved
        "judgement.saved",
        "contraindication.added",  # Heart failure (relative, as resolved)
        "contraindication.added",  # Pregnancy (both); QT prolongation resolved away
        "grading.resolved",
    ]
    assert [(e.after["item"], e.reason) for e in events[:7]] == [(i, f"Settles {i}.") for i in SETTLED]
    assert {e.actor for e in events} == {senior2}
    dual_review.refresh_from_db()
    own = Outcome.objects.filter(review=dual_review, grading=None).order_by("position")
    assert [(o.name, o.importance, o.certainty, o.certainty_override) for o in own] == [
        ("Cramp frequency", "critical", "moderate", ""),
        ("Serious adverse events", "critical", "moderate", ""),
    ]
    assert [(j.domain, j.severity) for j in own[0].judgements.all()] == [("risk_of_bias", "serious")]
    assert (dual_review.recommendation, dual_review.certainty) == ("strong_against", "moderate")
    conditions = dual_review.claim.contraindications.order_by("condition").values_list("condition", "severity")
    assert list(conditions) == [("Heart failure", "relative"), ("Pregnancy", "absolute")]
    resolved = events[-1]
    assert resolved.after["gradings"] == list(dual_review.gradings.order_by("created_at").values_list("pk", flat=True))
    assert resolved.after["recommendation"] == "strong_against" and resolved.after["disagreements"] == 7


def test_a_resolved_certainty_the_judgements_do_not_give_is_an_override_with_the_reason(listed, dual_review, senior2):
    settled = SETTLED | {"outcome.certainty:cramp frequency": "high"}
    for item, value in settled.items():
        disagreement_resolve(disagreement=listed[item], actor=senior2, value=value, reason="Pooled analysis.")
    frequency = Outcome.objects.get(review=dual_review, grading=None, name="Cramp frequency")
    assert (frequency.certainty, frequency.certainty_override) == ("high", "high")
    assert frequency.override_reason == "Resolved in dual grading (adjudicated by a third reviewer): Pooled analysis."
    assert "outcome.certainty_overridden" in audit_types(dual_review)
