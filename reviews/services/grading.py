"""The grading of a review: recommendation and summary, and the explicit "no known
contraindication". Its certainty is not typed: it is the lowest certainty among the review's
critical outcomes, worked out by reviews.services.outcomes, where the outcomes and their GRADE
domain judgements are written."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from audit.trail import audit_record, service
from reviews.models import Review
from reviews.services.editing import EDIT_FIELDS, GRADING_FIELDS, check_own_grading_open, edit_review, touch

Event = AuditEvent.Type


@service
def review_save_grading(*, review: Review, actor, expected_version: int | None, **changes) -> Review:
    """Save the grading of a draft (recommendation, summary, the explicit "no known
    contraindication") and its assignee. A save made from a stale version is refused. Changing the
    grading makes the actor a contributor; changing only the assignee does not."""
    if "certainty" in changes:
        raise ValidationError({"certainty": "certainty is worked out from the outcomes; it cannot be typed."})
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
        check_own_grading_open(review, resolved_points=before["recommendation"] != after["recommendation"])
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
