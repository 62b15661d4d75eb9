"""The outcome services: each one's exact audit events, the certainty worked out again in the same
transaction, and the refusals (a stale version, a review no longer editable, an override without a
reason, another grader's outcome)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from audit.models import AuditEvent
from core.errors import Conflict, InvalidTransition, NotAllowed
from reviews import services
from reviews.models import DomainJudgement, Grading, Outcome, Review
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(standard_claim, reviewer):
    return services.review_start(claim=standard_claim, actor=reviewer)


@pytest.fixture
def outcome(draft, reviewer):
    return services.outcome_add(
        review=draft, actor=reviewer, name="Cramp frequency", design="randomised", studies=13, participants=952
    )


def events(review, *types) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(review_id=review.pk, event_type__in=types).order_by("seq"))


def last_event(review) -> AuditEvent:
    return AuditEvent.objects.filter(review_id=review.pk).order_by("-seq").first()


def fresh(review) -> Review:
    return Review.objects.get(pk=review.pk)


# Adding, changing, removing.


def test_adding_an_outcome_works_out_its_certainty_and_the_reviews(draft, reviewer):
    outcome = services.outcome_add(
        review=draft,
        actor=reviewer,
        expected_version=1,
        name="Cramp frequency",
        design="observational",
        relative_effect="0.72",
    )
    assert outcome.certainty == "low" and outcome.position == 0
    review = fresh(draft)
    assert (review.certainty, review.version, review.graded_by, review.last_edited_by) == ("low", 2, reviewer, reviewer)
    assert audit_types(draft) == ["review.started", "outcome.added"]
    event = last_event(draft)
    assert event.before == {"review_certainty": ""}
    assert event.after == {**outcome.audit_state(), "review_certainty": "low"}
    assert event.after["relative_effect"] == "0.7200"
    assert review.contributions.filter(user=reviewer).exists()


def test_an_important_outcome_leaves_the_overall_certainty_to_the_critical_ones(outcome, draft, reviewer):
    services.outcome_add(
        review=draft, actor=reviewer, name="Minor adverse events", importance="important", design="observational"
    )
    assert fresh(draft).certainty == "high"  # the important one (low) does not count
    assert "review_certainty" not in last_event(draft).after
    services.outcome_add(review=draft, actor=reviewer, name="Serious adverse events", design="observational")
    assert fresh(draft).certainty == "low"  # the lowest critical one
    assert [o.position for o in Outcome.objects.filter(review=draft)] == [0, 1, 2]


def test_an_outcome_without_a_design_has_no_certainty_and_neither_has_the_review(draft, reviewer):
    outcome = services.outcome_add(review=draft, actor=reviewer, name="Cramp intensity")
    assert outcome.certainty == "" and fresh(draft).certainty == ""
    assert last_event(draft).after.get("review_certainty") is None


def test_unknown_and_invalid_fields_are_refused_by_name(draft, reviewer):
    with pytest.raises(ValueError, match="certainty"):
        services.outcome_add(review=draft, actor=reviewer, name="Cramps", certainty="high")
    with pytest.raises(ValidationError) as invalid:
        services.outcome_add(review=draft, actor=reviewer, name="Cramps", design="anecdote", studies=-1)
    assert set(invalid.value.message_dict) == {"design", "studies"}
    with pytest.raises(ValidationError) as invalid:
        services.outcome_add(review=draft, actor=reviewer, name="Cramps", relative_effect="a lot")
    assert set(invalid.value.message_dict) == {"relative_effect"}
    with pytest.raises(ValidationError) as invalid:
        services.outcome_add(review=draft, actor=reviewer, name="  ")
    assert set(invalid.value.message_dict) == {"name"}
    with pytest.raises(ValidationError) as invalid:
        services.outcome_add(review=draft, actor=reviewer, name="Cramps", relative_ci_low=2, relative_ci_high=1)
    assert set(invalid.value.message_dict) == {"relative_ci_low"}
    assert audit_types(draft) == ["review.started"] and fresh(draft).version == 1


def test_an_outcome_name_is_given_once_per_review(outcome, draft, reviewer):
    with pytest.raises(ValidationError) as invalid:
        services.outcome_add(review=draft, actor=reviewer, name="cramp FREQUENCY")
    assert set(invalid.value.message_dict) == {"name"}


def test_changing_the_design_works_the_certainty_out_again(outcome, draft, reviewer):
    before = outcome.audit_state()
    changed = services.outcome_update(outcome=outcome, actor=reviewer, expected_version=2, design="observational")
    assert changed.certainty == "low" and fresh(draft).certainty == "low"
    assert audit_types(draft) == ["review.started", "outcome.added", "outcome.changed"]
    event = last_event(draft)
    assert event.before == {**before, "review_certainty": "high"}
    assert event.after == {**changed.audit_state(), "review_certainty": "low"}
    assert event.changed_fields()["design"] == ("randomised", "observational")


def test_an_update_that_changes_nothing_writes_nothing(outcome, draft, reviewer):
    services.outcome_update(outcome=outcome, actor=reviewer, name="Cramp frequency", studies=13)
    assert audit_types(draft) == ["review.started", "outcome.added"] and fresh(draft).version == 2


def test_removing_an_outcome_keeps_what_it_said_on_the_record(outcome, draft, reviewer, reference):
    services.judgement_save(
        outcome=outcome, actor=reviewer, domain="imprecision", severity="serious", rationale="Wide CI"
    )
    services.outcome_reference_attach(outcome=outcome, actor=reviewer, reference=reference, note="Pooled")
    services.outcome_remove(outcome=outcome, actor=reviewer, expected_version=4)
    assert not Outcome.objects.filter(review=draft).exists()
    assert not DomainJudgement.objects.filter(review=draft).exists()
    assert fresh(draft).certainty == ""
    assert audit_types(draft) == [
        "review.started",
        "outcome.added",
        "judgement.saved",
        "outcome.reference_attached",
        "outcome.removed",
    ]
    event = last_event(draft)
    assert event.after == {"review_certainty": ""}
    assert event.before["name"] == "Cramp frequency" and event.before["review_certainty"] == "moderate"
    assert [j["domain"] for j in event.before["judgements"]] == ["imprecision"]
    assert event.before["references"] == [{"reference": reference.pk, "note": "Pooled"}]


# Judgements.


def test_a_judgement_moves_the_outcomes_certainty_and_the_reviews(outcome, draft, reviewer):
    services.judgement_save(
        outcome=outcome, actor=reviewer, expected_version=2, domain="risk_of_bias", severity="serious", rationale="Open"
    )
    services.judgement_save(
        outcome=outcome, actor=reviewer, domain="imprecision", severity="very_serious", rationale="Few events"
    )
    outcome.refresh_from_db()
    assert outcome.certainty == "very_low" and fresh(draft).certainty == "very_low"
    assert audit_types(draft) == ["review.started", "outcome.added", "judgement.saved", "judgement.saved"]
    first, second = events(draft, "judgement.saved")
    state = {"outcome": outcome.pk, "outcome_name": "Cramp frequency", "grading": None}
    assert first.before == {"outcome_certainty": "high", "review_certainty": "high"}
    assert first.after == {
        **state,
        "domain": "risk_of_bias",
        "severity": "serious",
        "rationale": "Open",
        "outcome_certainty": "moderate",
        "review_certainty": "moderate",
    }
    assert second.before == {"outcome_certainty": "moderate", "review_certainty": "moderate"}
    assert second.after["outcome_certainty"] == "very_low"


def test_changing_and_removing_a_judgement(outcome, draft, reviewer):
    services.judgement_save(outcome=outcome, actor=reviewer, domain="imprecision", severity="serious", rationale="A")
    services.judgement_save(outcome=outcome, actor=reviewer, domain="imprecision", severity="none", rationale="B")
    assert Outcome.objects.get(pk=outcome.pk).certainty == "high"
    changed = last_event(draft)
    assert (changed.before["severity"], changed.after["severity"]) == ("serious", "none")
    services.judgement_remove(outcome=outcome, actor=reviewer, domain="imprecision", expected_version=4)
    assert audit_types(draft) == [
        "review.started",
        "outcome.added",
        "judgement.saved",
        "judgement.saved",
        "judgement.removed",
    ]
    removed = last_event(draft)
    assert removed.after == {} and removed.before["rationale"] == "B"
    with pytest.raises(ValidationError) as invalid:
        services.judgement_remove(outcome=outcome, actor=reviewer, domain="imprecision")
    assert set(invalid.value.message_dict) == {"domain"}


def test_upgrades_apply_to_observational_evidence(draft, reviewer):
    outcome = services.outcome_add(review=draft, actor=reviewer, name="Bleeding", design="observational")
    services.judgement_save(
        outcome=outcome, actor=reviewer, domain="large_effect", severity="upgrade_two", rationale="RR 6"
    )
    assert Outcome.objects.get(pk=outcome.pk).certainty == "high"


def test_a_severity_must_fit_its_domain_and_a_rationale_is_given(outcome, draft, reviewer):
    with pytest.raises(ValidationError) as invalid:
        services.judgement_save(
            outcome=outcome, actor=reviewer, domain="large_effect", severity="serious", rationale="x"
        )
    assert "severity" in invalid.value.message_dict
    with pytest.raises(ValidationError) as invalid:
        services.judgement_save(outcome=outcome, actor=reviewer, domain="imprecision", severity="serious", rationale="")
    assert "rationale" in invalid.value.message_dict
    with pytest.raises(ValidationError) as invalid:
        services.judgement_save(outcome=outcome, actor=reviewer, domain="luck", severity="none", rationale="x")
    assert "domain" in invalid.value.message_dict
    assert audit_types(draft) == ["review.started", "outcome.added"]


# Overrides.


def test_an_override_needs_a_reason(outcome, draft, reviewer):
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as invalid:
            services.outcome_override(outcome=outcome, actor=reviewer, certainty="low", reason=reason)
        assert set(invalid.value.message_dict) == {"reason"}
    with pytest.raises(ValidationError) as invalid:
        services.outcome_override(outcome=outcome, actor=reviewer, certainty="certain", reason="Sure")
    assert set(invalid.value.message_dict) == {"certainty"}
    assert audit_types(draft) == ["review.started", "outcome.added"]
    assert Outcome.objects.get(pk=outcome.pk).certainty == "high"


def test_an_override_is_in_force_until_removed_and_its_reason_is_on_the_record(outcome, draft, reviewer):
    overridden = services.outcome_override(
        outcome=outcome, actor=reviewer, expected_version=2, certainty="low", reason=" Surrogate outcome. "
    )
    assert (overridden.certainty, overridden.certainty_override, overridden.override_reason) == (
        "low",
        "low",
        "Surrogate outcome.",
    )
    assert fresh(draft).certainty == "low"
    event = last_event(draft)
    assert event.event_type == "outcome.certainty_overridden" and event.reason == "Surrogate outcome."
    assert event.changed_fields()["certainty"] == ("high", "low")
    assert event.after["review_certainty"] == "low"
    # A judgement does not move an overridden certainty.
    services.judgement_save(outcome=outcome, actor=reviewer, domain="imprecision", severity="serious", rationale="CI")
    assert Outcome.objects.get(pk=outcome.pk).certainty == "low"
    services.outcome_override(outcome=outcome, actor=reviewer, certainty="", reason="")
    restored = Outcome.objects.get(pk=outcome.pk)
    assert (restored.certainty, restored.certainty_override, restored.override_reason) == ("moderate", "", "")
    assert fresh(draft).certainty == "moderate"
    assert audit_types(draft) == [
        "review.started",
        "outcome.added",
        "outcome.certainty_overridden",
        "judgement.saved",
        "outcome.override_removed",
    ]
    # Removing an override there is not writes nothing.
    services.outcome_override(outcome=outcome, actor=reviewer, certainty="", reason="")
    assert len(audit_types(draft)) == 5


def _override_without_reason_in_sql(outcome):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE reviews_outcome SET certainty_override = 'low', certainty = 'low', override_reason = '' "
            "WHERE id = %s",
            [outcome.pk],
        )


def test_the_database_refuses_an_override_without_a_reason(outcome):
    with pytest.raises(IntegrityError), transaction.atomic():
        _override_without_reason_in_sql(outcome)
    assert Outcome.objects.get(pk=outcome.pk).certainty_override == ""


@pytest.mark.postgres
def test_postgresql_refuses_an_override_without_a_reason(outcome):
    test_the_database_refuses_an_override_without_a_reason(outcome)


def test_the_database_refuses_a_certainty_other_than_the_override(outcome):
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE reviews_outcome SET certainty_override = 'low', certainty = 'high', override_reason = 'x' "
            "WHERE id = %s",
            [outcome.pk],
        )


# References.


def test_attaching_and_detaching_a_reference(outcome, draft, reviewer, reference):
    services.outcome_reference_attach(
        outcome=outcome, actor=reviewer, reference=reference, note="Pooled", expected_version=2
    )
    assert list(outcome.references.all()) == [reference]
    services.outcome_reference_detach(outcome=outcome, actor=reviewer, reference=reference, expected_version=3)
    assert not outcome.references.exists()
    assert audit_types(draft) == [
        "review.started",
        "outcome.added",
        "outcome.reference_attached",
        "outcome.reference_detached",
    ]
    attached, detached = events(draft, "outcome.reference_attached", "outcome.reference_detached")
    link = {
        "outcome": outcome.pk,
        "outcome_name": "Cramp frequency",
        "grading": None,
        "reference": reference.pk,
        "note": "Pooled",
    }
    assert (attached.before, attached.after) == ({}, link)
    assert (detached.before, detached.after) == (link, {})
    with pytest.raises(ValidationError) as invalid:
        services.outcome_reference_detach(outcome=outcome, actor=reviewer, reference=reference)
    assert set(invalid.value.message_dict) == {"reference"}


# Refusals.


def test_a_stale_version_is_refused(outcome, draft, reviewer, reviewer2):
    with pytest.raises(Conflict, match="your version 1, current 2"):
        services.outcome_update(outcome=outcome, actor=reviewer2, expected_version=1, design="observational")
    with pytest.raises(Conflict):
        services.judgement_save(
            outcome=outcome,
            actor=reviewer2,
            expected_version=1,
            domain="imprecision",
            severity="serious",
            rationale="x",
        )
    with pytest.raises(Conflict):
        services.outcome_add(review=draft, actor=reviewer2, expected_version=1, name="Intensity")
    assert audit_types(draft) == ["review.started", "outcome.added"]
    assert Outcome.objects.get(pk=outcome.pk).design == "randomised"


def test_only_reviewers_may_write_outcomes(outcome, draft, auditor):
    with pytest.raises(NotAllowed):
        services.outcome_add(review=draft, actor=auditor, name="Intensity")
    with pytest.raises(NotAllowed):
        services.outcome_override(outcome=outcome, actor=auditor, certainty="low", reason="x")
    assert audit_types(draft) == ["review.started", "outcome.added"]


def test_a_review_no_longer_editable_refuses_outcome_writes(submitted_review, reviewer, reference):
    outcome = submitted_review.outcomes.get()
    count = len(audit_types(submitted_review))
    attempts = [
        lambda: services.outcome_add(review=submitted_review, actor=reviewer, name="Intensity", design="randomised"),
        lambda: services.outcome_update(outcome=outcome, actor=reviewer, design="randomised"),
        lambda: services.outcome_remove(outcome=outcome, actor=reviewer),
        lambda: services.outcome_override(outcome=outcome, actor=reviewer, certainty="high", reason="x"),
        lambda: services.outcome_reference_attach(outcome=outcome, actor=reviewer, reference=reference),
        lambda: services.judgement_save(
            outcome=outcome, actor=reviewer, domain="imprecision", severity="serious", rationale="x"
        ),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidTransition):
            attempt()
    assert len(audit_types(submitted_review)) == count
    assert fresh(submitted_review).certainty == "low"


# Independent gradings.


@pytest.fixture
def grading(draft, reviewer):
    return Grading.objects.create(review=draft, grader=reviewer)


def test_a_graders_outcome_sets_the_gradings_certainty_not_the_reviews(grading, draft, reviewer):
    outcome = services.outcome_add(review=draft, actor=reviewer, grading=grading, name="Cramps", design="randomised")
    services.judgement_save(outcome=outcome, actor=reviewer, domain="imprecision", severity="serious", rationale="CI")
    grading.refresh_from_db()
    review = fresh(draft)
    assert (grading.certainty, review.certainty, review.graded_by) == ("moderate", "", None)
    assert review.contributions.filter(user=reviewer).exists()
    added, saved = events(draft, "outcome.added", "judgement.saved")
    assert added.after["grading"] == grading.pk and added.after["grading_certainty"] == "high"
    assert "review_certainty" not in added.after
    assert saved.after["grading"] == grading.pk and saved.after["grading_certainty"] == "moderate"
    # The grading's outcome names are its own: the same name may appear in the review's grading.
    services.outcome_add(review=draft, actor=reviewer, name="Cramps", design="observational")
    assert fresh(draft).certainty == "low"


def test_another_graders_outcome_is_refused(grading, draft, reviewer, reviewer2):
    outcome = services.outcome_add(review=draft, actor=reviewer, grading=grading, name="Cramps", design="randomised")
    count = len(audit_types(draft))
    with pytest.raises(NotAllowed, match="Only its grader"):
        services.outcome_add(review=draft, actor=reviewer2, grading=grading, name="Intensity")
    with pytest.raises(NotAllowed, match="Only its grader"):
        services.judgement_save(
            outcome=outcome, actor=reviewer2, domain="imprecision", severity="serious", rationale="x"
        )
    with pytest.raises(NotAllowed, match="Only its grader"):
        services.outcome_override(outcome=outcome, actor=reviewer2, certainty="low", reason="x")
    assert len(audit_types(draft)) == count


def test_a_submitted_grading_is_frozen(grading, draft, reviewer):
    outcome = services.outcome_add(review=draft, actor=reviewer, grading=grading, name="Cramps", design="randomised")
    Grading.objects.filter(pk=grading.pk).update(submitted_at="2026-12-01T10:00:00Z")
    with pytest.raises(NotAllowed, match="submitted"):
        services.outcome_update(outcome=outcome, actor=reviewer, design="observational")
    assert Outcome.objects.get(pk=outcome.pk).design == "randomised"
