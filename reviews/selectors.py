"""Reads for reviewers and auditors."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from claims.models import Claim, RiskTier
from reviews.models import AuditEvent, Contraindication, Review

RISK_ORDER = Case(
    *[When(claim__remedy__risk_tier=tier, then=Value(rank)) for rank, tier in enumerate(RiskTier.values)],
    output_field=IntegerField(),
)


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


def claim_history(claim: Claim) -> QuerySet[AuditEvent]:
    """Every audit event about a claim: its reviews, its own and its remedy's contraindications."""
    return AuditEvent.objects.filter(Q(claim_id=claim.pk) | Q(remedy_id=claim.remedy_id)).order_by("seq")


def published_claims() -> QuerySet:
    """The current published version of every published claim; never a draft or a withdrawn claim."""
    from reviews.models import Publication

    return Publication.objects.filter(is_current=True).only(
        "id", "claim_id", "version", "snapshot", "published_at", "remedy_id"
    )


def published_claim_rows() -> QuerySet:
    """published_claims() as rows for listing: the snapshot as its stored JSON text, undecoded."""
    from django.db.models import TextField
    from django.db.models.functions import Cast

    return published_claims().values("claim_id", "version", "published_at", snapshot_text=Cast("snapshot", TextField()))


def published_remedies() -> QuerySet:
    """Remedies with at least one published claim, with their aliases and own contraindications."""
    from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery

    from claims.models import Remedy, RemedyAlias
    from reviews.models import Publication

    current = Publication.objects.filter(remedy_id=OuterRef("pk"), is_current=True)
    # A subquery per listed remedy, not a join and GROUP BY over every publication: a page then
    # costs the same at any catalogue size.
    count = current.order_by().values("remedy_id").annotate(n=Count("*")).values("n")
    return (
        Remedy.objects.filter(Exists(current))
        .annotate(published_claims=Subquery(count))
        .prefetch_related(Prefetch("aliases", queryset=RemedyAlias.objects.order_by("alias")), "contraindications")
    )


def publication_changes() -> QuerySet:
    from reviews.models import PublicationChange

    return PublicationChange.objects.all()
