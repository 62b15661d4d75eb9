"""The grading of a review: certainty, recommendation and summary, and the GRADE domain judgements."""

from __future__ import annotations

from audit.models import AuditEvent
from audit.trail import audit_record, service
from reviews.models import DomainJudgement, Review
from reviews.services.editing import EDIT_FIELDS, GRADING_FIELDS, edit_review, touch

Event = AuditEvent.Type



@service
def review_save_grading(*, review: Review, actor, expected_version: int | None, **changes) -> Review:
    """Save the grading of a draft (certainty, recommendation, summary, the explicit "no known
    contraindication") and its assignee. A save made from a stale version is refused. Changing the
    grading makes the actor a contributor; changing only the assignee does not."""
    unknown = set(changes) - set(EDIT_FIELDS)
    if unknown:
        raise ValueError(f"not grading fields: {', '.join(sorted(unknown))}")
    review = edit_review(review, actor, expected_version)
    before = review.audit_state()
    for field, value in changes.items():
        setattr(review, field, "" if value is None and field != "assignee" else value)
    after = review.audit_state()
    if after == before:
        return review
    if any(before[field] != after[field] for field in GRADING_FIELDS):
        review.graded_by = actor
        touch(review, actor, Event.REVIEW_GRADED)
        event_type = Event.REVIEW_GRADED
    else:
        review.version += 1
        review.full_clean()
        review.save()
        event_type = Event.REVIEW_ASSIGNED
    audit_record(event_type=event_type, actor=actor, review=review, before=before, after=review.audit_state())
    return review


@service
def judgement_save(
    *, review: Review, actor, domain: str, severity: str, rationale: str, expected_version: int | None = None
) -> DomainJudgement:
    """Record (or change) the judgement of one GRADE domain."""
    review = edit_review(review, actor, expected_version)
    judgement = DomainJudgement.objects.filter(review=review, domain=domain).first()
    before = {"domain": domain, "severity": judgement.severity, "rationale": judgement.rationale} if judgement else {}
    judgement = judgement or DomainJudgement(review=review, domain=domain)
    judgement.severity, judgement.rationale = severity, rationale
    judgement.full_clean()
    judgement.save()
    review.graded_by = actor
    touch(review, actor, Event.JUDGEMENT_SAVED)
    audit_record(
        event_type=Event.JUDGEMENT_SAVED,
        actor=actor,
        review=review,
        before=before,
        after={"domain": domain, "severity": severity, "rationale": rationale},
    )
    return judgement


@service
def judgement_remove(*, review: Review, actor, domain: str, expected_version: int | None = None) -> None:
    review = edit_review(review, actor, expected_version)
    judgement = DomainJudgement.objects.get(review=review, domain=domain)
    before = {"domain": domain, "severity": judgement.severity, "rationale": judgement.rationale}
    judgement.delete()
    touch(review, actor, Event.JUDGEMENT_REMOVED)
    audit_record(event_type=Event.JUDGEMENT_REMOVED, actor=actor, review=review, before=before)
