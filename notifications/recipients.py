"""Who hears of a step of the workflow, and which steps are heard of.

The audiences reuse the workflow's own answers: "those who may decide" are the users for whom
reviews.permissions.can_approve holds (which already leaves out every contributor: four-eyes), and
the graders are the review's contributors (reviews.contributions) who changed its grading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from audit.models import AuditEvent
from audit.models import AuditEventType as E
from reviews.contributions import contributor_ids
from reviews.models import Review
from reviews.permissions import can_approve

# What a grader records on a review (reviews.services.editing.touch, dual grading, the
# disagreements): every contribution but the submission, and but the shared rows (a remedy's
# contraindication, its risk tier) someone changed for every review of the remedy.
GRADING_EVENTS = frozenset(
    {
        E.REVIEW_GRADED,
        E.OUTCOME_ADDED,
        E.OUTCOME_CHANGED,
        E.OUTCOME_REMOVED,
        E.OUTCOME_CERTAINTY_OVERRIDDEN,
        E.OUTCOME_OVERRIDE_REMOVED,
        E.OUTCOME_REFERENCE_ATTACHED,
        E.OUTCOME_REFERENCE_DETACHED,
        E.JUDGEMENT_SAVED,
        E.JUDGEMENT_REMOVED,
        E.REFERENCE_ATTACHED,
        E.REFERENCE_DETACHED,
        E.CONTRAINDICATION_ADDED,
        E.CONTRAINDICATION_CHANGED,
        E.CONTRAINDICATION_REMOVED,
        E.GRADING_STARTED,
        E.GRADING_CHANGED,
        E.GRADING_SUBMITTED,
        E.DISAGREEMENT_PROPOSED,
        E.DISAGREEMENT_RESOLVED,
        E.GRADING_RESOLVED,
    }
)


def deciders(review: Review) -> set[int]:
    """Everyone who may approve the review now (active users the workflow's predicate admits)."""
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    return {user.pk for user in users if can_approve(user, review)}


def graders(review: Review) -> set[int]:
    """The review's contributors who graded it (its own grading or an independent one)."""
    acted = AuditEvent.objects.filter(review_id=review.pk, event_type__in=GRADING_EVENTS, actor__isnull=False)
    return contributor_ids(review) & set(acted.values_list("actor_id", flat=True))


def graders_and_submitter(review: Review) -> set[int]:
    return graders(review) | ({review.submitted_by_id} if review.submitted_by_id else set())


@dataclass(frozen=True)
class Rule:
    audience: Callable[[Review], set[int]]
    headline: str  # the subject's verb phrase: "Review #12 {headline}: <claim>"
    audience_label: str  # why this recipient gets it, said in the body


# The steps that send email, by the audit event that records them. Rejections and lapsed approvals
# send none.
RULES: dict[str, Rule] = {
    E.REVIEW_SUBMITTED: Rule(deciders, "awaits a decision", "you may decide on it"),
    E.REVIEW_CHANGES_REQUESTED: Rule(graders, "was sent back", "you graded it"),
    E.REVIEW_APPROVED: Rule(graders_and_submitter, "was approved", "you graded or submitted it"),
    E.REVIEW_PUBLISHED: Rule(graders_and_submitter, "was published", "you graded or submitted it"),
    E.REVIEW_WITHDRAWN: Rule(graders_and_submitter, "was withdrawn from the API", "you graded or submitted it"),
}
