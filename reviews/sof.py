"""The Summary of Findings (GRADEpro's and MAGICapp's table): one row per outcome with its body of
evidence, its effect and its certainty as ⊕⊕◯◯, and numbered footnotes that say why — the
rationale of every judgement that moved the certainty, and the reason of an override.

`summary_of_findings(outcomes)` builds what templates/reviews/_sof_table.html shows, from Outcome
rows (their judgements prefetched). Anything else that holds outcomes (a published snapshot) may
build the same shape — a `Table` — and include the template with `sof=`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from reviews import grade
from reviews.models import DOWNGRADE_DOMAINS, Certainty, DomainJudgement, Outcome, Review, Severity


@dataclass
class Row:
    pk: int | None
    name: str
    direction: str  # "Benefit" / "Harm"
    importance: str  # "Critical" / ...
    evidence: str  # "13 studies, 952 participants (randomised trials)"
    effect: list[str]  # relative, absolute, in words: each a line
    certainty: str  # "low", or "" while it cannot be worked out
    label: str  # "Low"
    symbols: str  # "⊕⊕◯◯"
    overridden: bool
    worked_out: str  # the label worked out from the domains ("" without a design)
    notes: list[int] = field(default_factory=list)


@dataclass
class Table:
    rows: list[Row]
    footnotes: list[tuple[int, str]]


def review_outcomes(review: Review) -> QuerySet[Outcome]:
    """The outcomes of the review's own grading (not the independent gradings of dual grading),
    in Summary-of-Findings order, with their judgements."""
    return (
        Outcome.objects.filter(review_id=review.pk, grading__isnull=True)
        .order_by("position", "id")
        .prefetch_related(Prefetch("judgements", queryset=DomainJudgement.objects.order_by("domain")))
    )


def number(value) -> str:
    """2.4500 → "2.45", 100 → "100", -2.45 → "−2.45" (a real minus sign): a Decimal of a row, or
    a snapshot's JSON number."""
    if value is None:
        return ""
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format(exact.normalize(), "f").replace("-", "−")


def evidence_text(studies: int | None, participants: int | None, design_label: str) -> str:
    """“13 studies, 952 participants (randomised trials)”."""
    parts = []
    if studies is not None:
        parts.append(f"{studies} {'study' if studies == 1 else 'studies'}")
    if participants is not None:
        parts.append(f"{participants} participant{'' if participants == 1 else 's'}")
    text = ", ".join(parts) or "—"
    if design_label:
        text += f" ({design_label.lower()})"
    return text


def _interval(low, high) -> str:
    if low is None or high is None:
        return ""
    return f" (95 % CI {number(low)} to {number(high)})"


def effect_lines(relative: tuple, absolute: tuple, text: str) -> list[str]:
    """The effect as the table shows it, a line each: relative (measure, value, low, high),
    absolute (value, low, high, unit), then in words."""
    measure, value, low, high = relative
    lines = []
    if value is not None:
        lines.append(f"{measure or 'Relative effect'} {number(value)}{_interval(low, high)}")
    value, low, high, unit = absolute
    if value is not None:
        lines.append(f"{number(value)}{f' {unit}' if unit else ''}{_interval(low, high)}")
    if text:
        lines.append(text)
    return lines or ["—"]


def evidence_of(outcome: Outcome) -> str:
    return evidence_text(outcome.studies, outcome.participants, outcome.get_design_display() if outcome.design else "")


def effect_of(outcome: Outcome) -> list[str]:
    return effect_lines(
        (outcome.relative_measure, outcome.relative_effect, outcome.relative_ci_low, outcome.relative_ci_high),
        (outcome.absolute_effect, outcome.absolute_ci_low, outcome.absolute_ci_high, outcome.absolute_unit),
        outcome.effect_text,
    )


def severity_label(domain: str, severity: str) -> str:
    """“serious (−1)”, “very likely (−2)” for publication bias, “upgraded (+1)”; an unknown value
    (a snapshot is never rewritten) as it is."""
    if domain == "publication_bias":
        return {Severity.SERIOUS: "likely (−1)", Severity.VERY_SERIOUS: "very likely (−2)"}.get(severity, "unlikely")
    return {
        Severity.NONE: "not serious" if domain in DOWNGRADE_DOMAINS else "no upgrade",
        Severity.SERIOUS: "serious (−1)",
        Severity.VERY_SERIOUS: "very serious (−2)",
        Severity.UPGRADE_ONE: "upgraded (+1)",
        Severity.UPGRADE_TWO: "upgraded (+2)",
    }.get(severity, str(severity))


def summary_of_findings(outcomes: Iterable[Outcome]) -> Table:
    """The rows and their footnotes, numbered from 1 down the table: for each outcome, the
    judgements that moved its certainty (downgrades, then upgrades), then its override's reason."""
    rows, footnotes = [], []

    def note(text: str) -> int:
        footnotes.append((len(footnotes) + 1, text))
        return len(footnotes)

    for outcome in outcomes:
        judgements = sorted(outcome.judgements.all(), key=lambda j: grade.DOMAIN_ORDER.index(j.domain))
        worked = grade.worked_out(outcome.design, [(j.domain, j.severity) for j in judgements]) or ""
        row = Row(
            pk=outcome.pk,
            name=outcome.name,
            direction=outcome.get_direction_display(),
            importance=outcome.get_importance_display(),
            evidence=evidence_of(outcome),
            effect=effect_of(outcome),
            certainty=outcome.certainty,
            label=outcome.get_certainty_display() if outcome.certainty else "not worked out",
            symbols=grade.symbols(outcome.certainty) if outcome.certainty else "",
            overridden=bool(outcome.certainty_override),
            worked_out=Certainty(worked).label if worked else "",
        )
        for judgement in judgements:
            if judgement.severity != Severity.NONE:
                label = f"{judgement.get_domain_display()}: {severity_label(judgement.domain, judgement.severity)}"
                row.notes.append(note(f"{label}. {judgement.rationale}"))
        if outcome.certainty_override:
            was = (
                f"worked out from the domains: {row.worked_out.lower()}" if worked else "no design to work it out from"
            )
            row.notes.append(
                note(f"Certainty set to {row.label.lower()} by the reviewer ({was}). {outcome.override_reason}")
            )
        rows.append(row)
    return Table(rows=rows, footnotes=footnotes)
