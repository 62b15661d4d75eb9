"""The approval snapshot — and so the publication — carries the outcomes of the review's own
grading (never a dual grader's independent one), in their order; what it froze cannot change
unseen: the outcome services refuse an approved review, and a change made past them (or to a
reference an outcome cites) stops the publication."""

from decimal import Decimal

import pytest

from audit.models import AuditEvent
from core.errors import Conflict, InvalidTransition
from reviews import services
from reviews.models import (
    Certainty,
    Domain,
    DomainJudgement,
    Grading,
    Importance,
    Outcome,
    OutcomeReference,
    Publication,
    Review,
    Severity,
    StudyDesign,
)
from reviews.publishing import services as publishing
from reviews.publishing.snapshots import PUBLICATION_FIELDS
from tests.factories import ReferenceFactory, ReviewFactory

pytestmark = pytest.mark.django_db

# Given in the order they are added; their positions put the harm first.
BENEFIT = {
    "name": "Cramp frequency",
    "position": 2,
    "importance": Importance.CRITICAL,
    "design": StudyDesign.RANDOMISED,
    "relative_measure": "RR",
    "relative_effect": Decimal("0.72"),
    "judgements": [{"domain": Domain.IMPRECISION, "severity": Severity.SERIOUS, "rationale": "Few events."}],
}
HARM = {
    "name": "Serious adverse events",
    "position": 1,
    "direction": "harm",
    "importance": Importance.CRITICAL,
    "design": StudyDesign.OBSERVATIONAL,
    "override": {"certainty": Certainty.VERY_LOW, "reason": "Case reports only."},
}


@pytest.fixture
def cited(db):
    return ReferenceFactory(title="Cochrane review of quinine")


@pytest.fixture
def approved(standard_claim, reviewer, reviewer2, reference, cited):
    outcomes = [{**BENEFIT, "references": [(cited, "13 trials.")]}, HARM]
    return ReviewFactory(
        approved=True,
        claim=standard_claim,
        grader=reviewer,
        second_reviewer=reviewer2,
        reference=reference,
        outcomes=outcomes,
    )


def refused(review, senior) -> str:
    with pytest.raises((Conflict, InvalidTransition)) as excinfo:
        publishing.review_publish(review=Review.objects.get(pk=review.pk), actor=senior)
    assert not Publication.objects.filter(review=review).exists()
    return str(excinfo.value)


def test_the_approval_freezes_the_outcomes_in_order_and_publishing_carries_them(approved, senior):
    frozen = Review.objects.get(pk=approved.pk).approved_snapshot
    outcomes = frozen["outcomes"]
    assert [o["name"] for o in outcomes] == ["Serious adverse events", "Cramp frequency"]
    assert [o["certainty"]["value"] for o in outcomes] == ["very_low", "moderate"]
    assert outcomes[0]["overridden"] and outcomes[0]["override_reason"] == "Case reports only."
    assert outcomes[1]["effect"]["relative"] == {"measure": "RR", "value": 0.72, "ci_low": None, "ci_high": None}
    assert [r["note"] for r in outcomes[1]["references"]] == ["13 trials."]
    assert frozen["evidence"]["certainty"] == "very_low"  # the lowest critical outcome
    publication = publishing.review_publish(review=approved, actor=senior)
    assert {k: v for k, v in publication.snapshot.items() if k not in PUBLICATION_FIELDS} == frozen


def test_a_dual_graders_own_outcomes_are_not_in_the_snapshot(standard_claim, reviewer, reviewer2, reference):
    review = ReviewFactory(submitted=True, claim=standard_claim, grader=reviewer, reference=reference, outcomes=[HARM])
    grading = Grading.objects.create(review=review, grader=reviewer2)
    Outcome.objects.create(review=review, grading=grading, name="A grader's own outcome", design="randomised")
    review = services.review_approve(review=review, actor=reviewer2)
    assert [o["name"] for o in review.approved_snapshot["outcomes"]] == ["Serious adverse events"]


def test_the_outcome_services_refuse_an_approved_review(approved, reviewer, cited):
    outcome = Outcome.objects.get(review=approved, name="Cramp frequency")
    seq = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    attempts = [
        lambda: services.outcome_update(outcome=outcome, actor=reviewer, effect_text="Much better."),
        lambda: services.outcome_override(outcome=outcome, actor=reviewer, certainty="high", reason="Sure."),
        lambda: services.judgement_save(
            outcome=outcome, actor=reviewer, domain=Domain.IMPRECISION, severity=Severity.NONE, rationale="Fine."
        ),
        lambda: services.outcome_reference_detach(outcome=outcome, actor=reviewer, reference=cited),
        lambda: services.outcome_remove(outcome=outcome, actor=reviewer),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidTransition):
            attempt()
    assert not AuditEvent.objects.filter(seq__gt=seq).exists()
    assert Review.objects.get(pk=approved.pk).state == Review.State.APPROVED


@pytest.mark.parametrize(
    "change, changed",
    [
        (lambda r: Outcome.objects.filter(review=r, name="Cramp frequency").update(effect_text="Better."), "outcomes"),
        (lambda r: Outcome.objects.filter(review=r, name="Cramp frequency").update(position=0), "outcomes"),
        (lambda r: DomainJudgement.objects.filter(review=r).update(rationale="Other."), "evidence, outcomes"),
        (lambda r: OutcomeReference.objects.filter(outcome__review=r).update(note="Other."), "outcomes"),
        (lambda r: Outcome.objects.filter(review=r, name="Serious adverse events").delete(), "outcomes"),
    ],
    ids=["effect", "order", "judgement", "reference note", "removed"],
)
def test_an_outcome_changed_past_the_services_is_caught_at_publication(approved, senior, change, changed):
    change(approved)
    assert f"changed since approval: {changed}" in refused(approved, senior)


def test_a_reference_only_an_outcome_cites_changed_after_approval_stops_publication(approved, reviewer, senior, cited):
    cited.title = "A different review"
    services.reference_save(actor=reviewer, reference=cited)
    # The approval lapses on the record (the reference is cited by one of its outcomes) ...
    assert Review.objects.get(pk=approved.pk).state == Review.State.IN_REVIEW
    assert AuditEvent.objects.filter(review=approved).latest("seq").event_type == AuditEvent.Type.REVIEW_APPROVAL_LAPSED
    # ... and nothing is published.
    refused(approved, senior)
