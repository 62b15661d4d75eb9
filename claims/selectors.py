"""Reads of the catalogue."""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from claims.conditions import default_statement
from claims.models import Appearance, Claim, RemedyAlias, RiskTier


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


def proposal_records(source, proposals) -> dict[int, tuple[Claim | None, str]]:
    """What accepting each pending proposal as it stands would record, so a reviewer sees it before
    a bulk accept: one more quote of the existing claim of its remedy, kind and population (that
    claim and its statement), or a new claim worded from its remedy and kind (None and the
    statement). One query."""
    pending = [p for p in proposals if p.status == "pending"]
    remedies = {p.remedy_id for p in pending if p.remedy_id}
    claims = {
        (c.remedy_id, c.kind, c.population): c
        for c in Claim.objects.filter(condition=source.condition_id, remedy_id__in=remedies)
    }
    records = {}
    for p in pending:
        claim = claims.get((p.remedy_id, p.kind, p.population)) if p.remedy_id else None
        name = p.remedy.name if p.remedy_id else p.new_remedy_name
        statement = claim.statement if claim else default_statement(name, p.kind, p.population, source.condition.name)
        records[p.pk] = (claim, statement)
    return records
