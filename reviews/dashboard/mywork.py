"""One reviewer's share of the queue: assigned to them, awaiting their decision, disagreements
they may settle, sent back to them, their drafts — as filters of the review list and as counts
for the admin index (one query).

"Awaiting my decision" restates, as a filter, who may take a decision of the workflow table
(reviews.workflow: approve, send back, reject) on a submitted review — reviews.permissions'
predicates: nobody who contributed to the review (four-eyes), a senior reviewer for a high-risk
remedy, a reviewer or senior otherwise. tests/dashboard/test_my_work.py checks that the two agree,
review by review and person by person."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from claims.models import RiskTier
from core import roles
from reviews.models import Disagreement, Grading, Review, ReviewContribution
from reviews.models import ReviewState as S

ASSIGNED, AWAITING, ADJUDICATE, SENT_BACK, DRAFTS = "assigned", "awaiting", "adjudicate", "sent_back", "drafts"

# (key, label): the review list's filter and the index's counts, in this order.
CHOICES = (
    (ASSIGNED, "Assigned to me"),
    (AWAITING, "Awaiting my decision"),
    (ADJUDICATE, "Disagreements I may settle"),
    (SENT_BACK, "Sent back to me"),
    (DRAFTS, "My drafts"),
)


def _contributed(user) -> Exists:
    return Exists(ReviewContribution.objects.filter(review_id=OuterRef("pk"), user_id=user.pk))


def _graded(user) -> Exists:
    return Exists(Grading.objects.filter(review_id=OuterRef("pk"), grader_id=user.pk))


def group_names(user) -> set[str]:
    """The user's roles (none for an inactive or anonymous user, as core.roles.in_group says)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    return set(user.groups.values_list("name", flat=True))


def may_decide(user, names: set[str] | None = None) -> Q:
    """Submitted reviews this user may approve, send back or reject (reviews.permissions); `names`
    are the user's groups, when the caller has read them already."""
    names = group_names(user) if names is None else names
    submitted = Q(state=S.IN_REVIEW) & ~Q(_contributed(user))
    if roles.SENIOR_REVIEWER in names:
        return submitted
    if roles.REVIEWER in names:
        return submitted & ~Q(claim__remedy__risk_tier=RiskTier.HIGH)
    return Q(pk__in=[])


def may_adjudicate(user, names: set[str] | None = None) -> Q:
    """Open reviews with a disagreement of their two gradings still open that this user may settle
    as the third reviewer (reviews.permissions.can_adjudicate: not a grader; a senior reviewer for
    a high-risk remedy)."""
    names = group_names(user) if names is None else names
    unsettled = Q(state__in=Review.OPEN_STATES) & Q(
        Exists(Disagreement.objects.filter(review_id=OuterRef("pk"), resolved_at__isnull=True))
    )
    third = unsettled & ~Q(_graded(user))
    if roles.SENIOR_REVIEWER in names:
        return third
    if roles.REVIEWER in names:
        return third & ~Q(claim__remedy__risk_tier=RiskTier.HIGH)
    return Q(pk__in=[])


def conditions(user, names: set[str] | None = None) -> dict[str, Q]:
    """Each of the user's lists as a condition on reviews."""
    names = group_names(user) if names is None else names
    mine = Q(assignee_id=user.pk) | Q(_contributed(user))
    return {
        ASSIGNED: Q(state__in=Review.OPEN_STATES, assignee_id=user.pk),
        AWAITING: may_decide(user, names),
        ADJUDICATE: may_adjudicate(user, names),
        SENT_BACK: Q(state=S.CHANGES_REQUESTED) & mine,
        DRAFTS: Q(state=S.DRAFT) & (Q(started_by_id=user.pk) | mine | Q(_graded(user))),
    }


def my_reviews(user, key: str, queryset: QuerySet[Review] | None = None) -> QuerySet[Review]:
    """The reviews of one of the user's lists (a KeyError for an unknown key)."""
    queryset = Review.objects.all() if queryset is None else queryset
    return queryset.filter(conditions(user)[key])


def my_counts(user, names: set[str] | None = None) -> dict[str, int]:
    """How many reviews each of the user's lists holds: one query (and one for their groups, unless
    given)."""
    return Review.objects.aggregate(**{key: Count("pk", filter=q) for key, q in conditions(user, names).items()})
