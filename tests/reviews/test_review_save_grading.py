import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from core.errors import Conflict, InvalidTransition, NotAllowed
from reviews import services
from reviews.models import Review
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(standard_claim, reviewer):
    return services.review_start(claim=standard_claim, actor=reviewer)


def test_saves_grading_bumps_version_and_records_the_diff(draft, reviewer):
    saved = services.review_save_grading(
        review=draft,
        actor=reviewer,
        expected_version=1,
        recommendation="conditional_for",
        summary="Two RCTs.",
    )
    assert (saved.recommendation, saved.summary, saved.version) == ("conditional_for", "Two RCTs.", 2)
    assert saved.graded_by == reviewer and saved.last_edited_by == reviewer
    assert audit_types(draft) == ["review.started", "review.graded"]
    event = AuditEvent.objects.get(event_type="review.graded")
    assert event.changed_fields()["recommendation"] == ("", "conditional_for")
    assert event.changed_fields()["version"] == (1, 2)


def test_the_certainty_is_not_typed(draft, reviewer):
    for certainty in ("high", ""):
        with pytest.raises(ValidationError, match="certainty is worked out from the outcomes") as refused:
            services.review_save_grading(
                review=draft, actor=reviewer, expected_version=1, certainty=certainty, summary="Sure."
            )
        assert set(refused.value.message_dict) == {"certainty"}
    draft.refresh_from_db()
    assert (draft.certainty, draft.summary, draft.version) == ("", "", 1)
    assert audit_types(draft) == ["review.started"]


def test_stale_version_is_refused_and_nothing_is_overwritten(draft, reviewer, reviewer2):
    services.review_save_grading(review=draft, actor=reviewer, expected_version=1, summary="Two RCTs.")
    with pytest.raises(Conflict, match="your version 1, current 2"):
        services.review_save_grading(review=draft, actor=reviewer2, expected_version=1, summary="Three RCTs.")
    draft.refresh_from_db()
    assert (draft.summary, draft.version, draft.last_edited_by) == ("Two RCTs.", 2, reviewer)
    assert audit_types(draft) == ["review.started", "review.graded"]


def test_saving_without_changes_writes_nothing(draft, reviewer):
    services.review_save_grading(review=draft, actor=reviewer, expected_version=1, summary="")
    draft.refresh_from_db()
    assert draft.version == 1
    assert audit_types(draft) == ["review.started"]


def test_only_reviewers_may_grade(draft, auditor):
    with pytest.raises(NotAllowed):
        services.review_save_grading(review=draft, actor=auditor, expected_version=1, summary="Sure.")
    assert audit_types(draft) == ["review.started"]


def test_a_submitted_review_cannot_be_edited(submitted_review, reviewer):
    with pytest.raises(InvalidTransition):
        services.review_save_grading(
            review=submitted_review, actor=reviewer, expected_version=submitted_review.version, summary="Sure."
        )
    assert Review.objects.get(pk=submitted_review.pk).summary == "Small trials."


def test_no_known_contraindication_needs_a_reason(draft, reviewer):
    with pytest.raises(ValidationError):
        services.review_save_grading(
            review=draft,
            actor=reviewer,
            expected_version=1,
            no_known_contraindication=True,
            no_contraindication_reason="",
        )
    assert audit_types(draft) == ["review.started"]


def test_judgement_severity_must_fit_its_domain(draft, reviewer):
    outcome = services.outcome_add(review=draft, actor=reviewer, name="Cramps", design="observational")
    with pytest.raises(ValidationError):
        services.judgement_save(
            outcome=outcome, actor=reviewer, domain="large_effect", severity="serious", rationale="x"
        )
    judgement = services.judgement_save(
        outcome=outcome, actor=reviewer, domain="large_effect", severity="upgrade_one", rationale="RR > 2"
    )
    assert judgement.pk and judgement.review_id == draft.pk
    assert audit_types(draft) == ["review.started", "outcome.added", "judgement.saved"]
