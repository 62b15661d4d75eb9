"""Reads of the catalogue."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from claims.models import Appearance, RemedyAlias, RiskTier


def risk_rank(path: str) -> Case:
    """0 for the highest risk tier, then 1, 2 … (RiskTier is declared highest first); `path` leads
    from the queried model to a remedy's risk tier."""
    return Case(
        *[When(**{path: tier}, then=Value(rank)) for rank, tier in enumerate(RiskTier.values)],
        output_field=IntegerField(),
    )


CLAIM_RISK_ORDER = risk_rank("remedy__risk_tier")


def appearances_for_export() -> QuerySet[Appearance]:
    """Every appearance with what an export row needs, in a stable order, without N+1."""
    return (
        Appearance.objects.select_related("source", "claim__remedy")
        .prefetch_related(Prefetch("claim__remedy__aliases", queryset=RemedyAlias.objects.order_by("alias")))
        .order_by("source__file_name", "start", "id")
    )
