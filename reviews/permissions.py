"""Who may do what, as plain predicates. Services call them and are the authority; the admin
uses them to show or hide a button. Superusers get no exemption: four-eyes holds for everyone."""

from claims.models import RiskTier
from core.roles import is_reviewer, is_senior
from reviews.models import Review


def contributed(user, review: Review) -> bool:
    """Whether the user changed anything the review says: its grading, judgements, references,
    the contraindications of its claim, its submission, or its claim and remedy (four-eyes). Read
    from the review's contributions, written by the services with each change — not from the last
    editor, whom a colleague's one-character edit would replace."""
    return review.contributions.filter(user_id=user.pk).exists()


def can_start(user, claim) -> bool:
    return is_reviewer(user)


def can_edit(user, review: Review) -> bool:
    return is_reviewer(user) and review.state in Review.EDITABLE_STATES


def can_submit(user, review: Review) -> bool:
    return is_reviewer(user)


def _second_reviewer(user, review: Review) -> bool:
    if contributed(user, review):
        return False
    if review.claim.remedy.risk_tier == RiskTier.HIGH:
        return is_senior(user)
    return is_reviewer(user)


def can_approve(user, review: Review) -> bool:
    return _second_reviewer(user, review)


def can_request_changes(user, review: Review) -> bool:
    return _second_reviewer(user, review)


def can_reject(user, review: Review) -> bool:
    return is_senior(user) and not contributed(user, review)


def can_manage_contraindications(user) -> bool:
    return is_reviewer(user)


def can_publish(user, review: Review) -> bool:
    return is_senior(user) and not contributed(user, review)


def can_withdraw(user, review: Review) -> bool:
    return is_senior(user)


# -- blinded dual grading (reviews.services.dual_grading, reviews.services.disagreements) ---------


def is_grader(user, review: Review) -> bool:
    return user.is_authenticated and review.gradings.filter(grader_id=user.pk).exists()


def can_require_dual_grading(user, review: Review) -> bool:
    """A senior reviewer may have a draft graded twice, independently, whatever its risk tier."""
    return is_senior(user) and review.state == Review.State.DRAFT


def can_grade(user, review: Review) -> bool:
    return is_reviewer(user) and review.dual_grading and review.state in Review.EDITABLE_STATES


def can_adjudicate(user, review: Review) -> bool:
    """A third reviewer, not one of the two graders; a senior reviewer for a high-risk remedy."""
    if not is_reviewer(user) or is_grader(user, review):
        return False
    if review.claim.remedy.risk_tier == RiskTier.HIGH:
        return is_senior(user)
    return True


# -- why not: the words the admin shows beside a button it disables, and with a refused page ------

_REFUSALS = {
    "submit": "Only reviewers may submit a review.",
    "reject": "Only a senior reviewer who took no part in this review may reject it.",
    "publish": "Only a senior reviewer who took no part in this review may publish it.",
    "withdraw": "Only a senior reviewer may withdraw a published claim.",
}


def refusal(user, review: Review, name: str) -> str:
    """Why the predicate of transition `name` says no to this user, in a reviewer's words."""
    if name in ("approve", "request_changes"):
        if contributed(user, review):
            return "Four-eyes: you took part in this review; another reviewer must decide."
        if review.claim.remedy.risk_tier == RiskTier.HIGH and is_reviewer(user):
            return "The remedy is high-risk: only a senior reviewer may decide on this review."
        return "Only reviewers may decide on a review."
    return _REFUSALS.get(name, "You may not take this step.")
