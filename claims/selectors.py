"""Reads of the catalogue."""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.db.models.functions import Lower

from claims.conditions import default_statement
from claims.ingest.details import populations  # the proposer's reading of whom words name
from claims.models import Appearance, Claim, ClaimKind, Condition, Remedy, RemedyAlias, RiskTier


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


def remedies_named(names) -> dict[str, Remedy]:
    """The existing remedy each name names, by name or alias without case, keyed by the lower-case
    name; names of no remedy are left out. Two queries, whatever the number of names."""
    names = {name.lower() for name in names}
    known = {r.name.lower(): r for r in Remedy.objects.annotate(low=Lower("name")).filter(low__in=names)}
    aliases = RemedyAlias.objects.annotate(low=Lower("alias")).filter(low__in=names - set(known))
    known.update({a.alias.lower(): a.remedy for a in aliases.select_related("remedy")})
    return known


def condition_names() -> QuerySet:
    """Every condition's name, in order: what a reviewer picks from when naming one."""
    return Condition.objects.order_by("name").values_list("name", flat=True)


@dataclass(frozen=True)
class ProposalRecord:
    """What accepting a pending proposal records: one more quote of `claim`, or of the claim that
    accepting the proposal numbered `after` (above it) makes, or else a new claim; `statement` is
    that claim's; `remedy` is the remedy it is recorded under (None: a new one, which a senior
    adds), which a name proposed as new may already be."""

    statement: str
    remedy: Remedy | None = None
    claim: Claim | None = None
    after: int | None = None
    quoted: tuple[int, int] | None = None  # the passage of `claim` this one overlaps: accepting is refused


def proposal_records(source, proposals) -> dict[int, ProposalRecord]:
    """What accepting each pending proposal as it stands would record, read the way the services
    will (claims.decisions: a new remedy's name may already be a remedy's; a bulk accept goes in
    text order, so a later proposal of the same remedy, kind and population joins the claim an
    earlier one makes, and none where that claim quotes the passage already), so that a reviewer sees
    it before accepting in bulk. Four queries."""
    pending = sorted((p for p in proposals if p.status == "pending"), key=lambda p: (p.start, p.pk))
    named = remedies_named(p.new_remedy_name for p in pending if not p.remedy_id)
    remedy_of = {p.pk: p.remedy if p.remedy_id else named.get(p.new_remedy_name.lower()) for p in pending}
    about = {p.pk: p.condition if p.condition_id else source.condition for p in pending}
    claims = {
        (c.condition_id, c.remedy_id, c.kind, c.population): c
        for c in Claim.objects.filter(
            condition__in={condition.pk for condition in about.values()},
            remedy_id__in={r.pk for r in remedy_of.values() if r is not None},
        )
    }
    quoted = {}  # the passages of this article those claims quote already: one appearance per passage
    for claim_id, start, end in Appearance.objects.filter(
        source=source, claim__in=[c.pk for c in claims.values()]
    ).values_list("claim_id", "start", "end"):
        quoted.setdefault(claim_id, []).append((start, end))
    records, made = {}, {}
    for p in pending:
        remedy = remedy_of[p.pk]
        key = (about[p.pk].pk, remedy.pk if remedy else "new " + p.new_remedy_name.lower(), p.kind, p.population)
        if key in claims:
            claim = claims[key]
            over = next(((a, b) for a, b in quoted.get(claim.pk, ()) if a < p.end and p.start < b), None)
            records[p.pk] = ProposalRecord(claim.statement, remedy, claim=claim, quoted=over)
            continue
        name = remedy.name if remedy else p.new_remedy_name
        statement = default_statement(name, p.kind, p.population, about[p.pk].name)
        records[p.pk] = ProposalRecord(statement, remedy, after=made.get(key))
        made.setdefault(key, p.pk)
    return records


def risk_to_flag(proposal) -> str:
    """The remedy's risk reason, when a proposal says good of a remedy the catalogue rates high-risk,
    or for a population that reason names ("... Reye's syndrome in children" beside "Give aspirin to
    children"): for the reviewer to read before accepting; "" otherwise."""
    remedy = proposal.remedy
    if remedy is None or proposal.kind in (ClaimKind.CAUSE, ClaimKind.CAUTION):
        return ""
    named = proposal.population and proposal.population in populations(remedy.risk_reason)
    return remedy.risk_reason if remedy.risk_tier == RiskTier.HIGH or named else ""
