"""Reads for reviewers and auditors."""

from django.db.models import Q, QuerySet

from audit.models import AuditEvent
from claims.models import Claim
from claims.selectors import CLAIM_RISK_ORDER, risk_rank
from reviews.models import Contraindication, Review

RISK_ORDER = risk_rank("claim__remedy__risk_tier")


def contraindications_for_claim(claim: Claim) -> QuerySet[Contraindication]:
    """The claim's own contraindications and those it inherits from its remedy."""
    return Contraindication.objects.filter(Q(claim_id=claim.pk) | Q(remedy_id=claim.remedy_id)).select_related(
        "source_reference"
    )


def review_queue() -> QuerySet[Review]:
    """Reviews ordered as reviewers work them: highest risk first, then oldest first."""
    return (
        Review.objects.select_related("claim__remedy", "assignee")
        .annotate(risk_rank=RISK_ORDER)
        .order_by("risk_rank", "created_at")
    )


def review_backlog() -> QuerySet[Claim]:
    """Claims nobody has started a review of, highest risk first, then oldest."""
    return (
        Claim.objects.filter(reviews__isnull=True)
        .select_related("remedy")
        .annotate(risk_rank=CLAIM_RISK_ORDER)
        .order_by("risk_rank", "created_at", "pk")
    )


def claim_history(claim: Claim) -> QuerySet[AuditEvent]:
    """Every audit event about a claim: its reviews, its own and its remedy's contraindications."""
    return AuditEvent.objects.filter(Q(claim_id=claim.pk) | Q(remedy_id=claim.remedy_id)).order_by("seq")


def assignable_reviewers() -> QuerySet:
    """The people a review can be assigned to: active reviewers and senior reviewers (not the
    administrators, auditors or API accounts), by username."""
    from django.contrib.auth import get_user_model

    from core import roles

    return (
        get_user_model()
        .objects.filter(groups__name__in=[roles.REVIEWER, roles.SENIOR_REVIEWER], is_active=True)
        .distinct()
        .order_by("username")
    )
