"""What every edit of a review shares: the row locked, the version checked, the editor recorded
as a contributor."""

from __future__ import annotations

from core.errors import Conflict, InvalidTransition, NotAllowed
from reviews import permissions
from reviews.contributions import contribute
from reviews.dual_grading.selectors import own_grading_closed, resolution_applied
from reviews.models import Review

# The review's certainty is not among them: it is worked out from the outcomes
# (reviews.services.outcomes).
GRADING_FIELDS = (
    "recommendation",
    "summary",
    "no_known_contraindication",
    "no_contraindication_reason",
)
# Saved with the grading from the review page, but assigning is not grading: it makes nobody a
# contributor and is recorded as its own event.
EDIT_FIELDS = (*GRADING_FIELDS, "assignee")


def locked(review: Review) -> Review:
    return Review.objects.select_for_update().select_related("claim__remedy").get(pk=review.pk)


def check_version(review: Review, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != review.version:
        raise Conflict(
            f"Review #{review.pk} was changed by {review.last_edited_by or 'someone else'} while you "
            f"edited it (your version {expected_version}, current {review.version}). Nothing was "
            f"saved; reload the review and apply your changes again."
        )


def edit_review(review: Review, actor, expected_version: int | None) -> Review:
    """Lock a review for an edit of its grading or of what hangs off it."""
    review = locked(review)
    if review.state not in Review.EDITABLE_STATES:
        raise InvalidTransition(review.state, "edited")
    if not permissions.can_edit(actor, review):
        raise NotAllowed("Only reviewers may edit a review.")
    check_version(review, expected_version)
    return review


def edit_own_grading(review: Review, actor, expected_version: int | None, *, resolved_points: bool = False) -> Review:
    """Lock a review for an edit of its own grading (its outcomes and their judgements and
    references, its references, recommendation and summary): edit_review(), and
    check_own_grading_open()."""
    review = edit_review(review, actor, expected_version)
    check_own_grading_open(review, resolved_points=resolved_points)
    return review


def check_own_grading_open(review: Review, *, resolved_points: bool = False) -> None:
    """A dual-graded review takes its own grading from the two independent gradings: closed until
    both are submitted and every disagreement between them is resolved (the resolved grading is
    then applied through the same services). With `resolved_points`, for what the graders resolved
    (outcomes with their judgements and certainty, the recommendation): closed for good once
    applied, so that no one — an outvoted grader least of all — changes alone what two graders
    agreed or a third adjudicated. A review that needs another judgement is rejected, and a new
    review of the claim graded anew."""
    if own_grading_closed(review):
        raise NotAllowed(
            f"Review #{review.pk} is dual-graded: its grading comes from the two independent gradings once "
            f"both are submitted and every disagreement between them is resolved. Grade in your own "
            f"independent grading instead."
        )
    if resolved_points and resolution_applied(review):
        raise NotAllowed(
            f"Review #{review.pk} is dual-graded: its outcomes and recommendation are the resolution of its two "
            f"independent gradings and are not changed by one person. To grade it anew, reject the review and "
            f"start a new one."
        )


def touch(review: Review, actor, event_type: str) -> None:
    """An edit of the review's content: a new version, and the actor is a contributor."""
    review.last_edited_by = actor
    review.version += 1
    review.full_clean()
    review.save()
    contribute(review=review, actor=actor, event_type=event_type)
