"""What two independent gradings of one review disagree on, point by point — the way Rayyan flags
unmatched answers — and the values a disagreement may be resolved to.

Outcomes are matched by their case-folded name. For each outcome: present in one grading only; or,
when both have it, its importance, its certainty and each GRADE domain's severity (a domain a
grader did not judge counts as "not serious": it moves nothing). Then the recommendation (direction
and strength), and each contraindication present in one grading only or with another severity.

A point's `item` names it without ambiguity, whatever the names hold: its kind first, e.g.
"outcome.certainty:cramp frequency", "outcome.domain:imprecision:cramp frequency", "recommendation",
"contraindication:pregnancy".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviews import grade
from reviews.models import (
    DOWNGRADE_DOMAINS,
    Certainty,
    ContraindicationLevel,
    Domain,
    Importance,
    Recommendation,
    Severity,
)

PRESENCE = "outcome"
IMPORTANCE = "outcome.importance"
CERTAINTY = "outcome.certainty"
DOMAIN = "outcome.domain"
RECOMMENDATION = "recommendation"
CONTRAINDICATION = "contraindication"
INCLUDED = "included"  # the value of an outcome's presence


@dataclass(frozen=True)
class OutcomeData:
    key: str
    name: str
    importance: str
    certainty: str
    judgements: dict[str, str] = field(default_factory=dict)  # domain -> severity

    def severity(self, domain: str) -> str:
        return self.judgements.get(domain, Severity.NONE)


@dataclass(frozen=True)
class GradingData:
    recommendation: str
    outcomes: dict[str, OutcomeData]  # key -> outcome, in the grading's order
    contraindications: dict[str, tuple[str, str]]  # key -> (condition, severity)


@dataclass(frozen=True)
class Point:
    item: str
    label: str
    first_value: str
    second_value: str


def key(name: str) -> str:
    return name.strip().casefold()


def grading_data(grading) -> GradingData:
    """One grading as the comparison reads it (its outcomes with their judgements, its
    recommendation and contraindications)."""
    outcomes = {}
    for outcome in grading.outcomes.order_by("position", "id").prefetch_related("judgements"):
        judgements = {j.domain: j.severity for j in outcome.judgements.all()}
        outcomes[key(outcome.name)] = OutcomeData(
            key(outcome.name), outcome.name, outcome.importance, outcome.certainty, judgements
        )
    contraindications = {key(c.condition): (c.condition, c.severity) for c in grading.contraindications.all()}
    return GradingData(grading.recommendation, outcomes, contraindications)


def compare(first: GradingData, second: GradingData) -> list[Point]:
    """Every point the two gradings differ on, in the order a reader goes through them: the first
    grading's outcomes, then those only the second has, the recommendation, the contraindications."""
    points = []
    keys = list(first.outcomes) + [k for k in second.outcomes if k not in first.outcomes]
    for k in keys:
        a, b = first.outcomes.get(k), second.outcomes.get(k)
        name = (a or b).name
        if a is None or b is None:
            points.append(Point(f"{PRESENCE}:{k}", f"Outcome “{name}”: graded in one grading only", *_presence(a, b)))
            continue
        if a.importance != b.importance:
            points.append(Point(f"{IMPORTANCE}:{k}", f"Outcome “{name}”: importance", a.importance, b.importance))
        if a.certainty != b.certainty:
            points.append(Point(f"{CERTAINTY}:{k}", f"Outcome “{name}”: certainty", a.certainty, b.certainty))
        for domain in Domain:
            if a.severity(domain) != b.severity(domain):
                points.append(
                    Point(
                        f"{DOMAIN}:{domain.value}:{k}",
                        f"Outcome “{name}”: {domain.label.lower()}",
                        a.severity(domain),
                        b.severity(domain),
                    )
                )
    if first.recommendation != second.recommendation:
        points.append(
            Point(
                RECOMMENDATION,
                f"Recommendation: {_what_differs(first.recommendation, second.recommendation)}",
                first.recommendation,
                second.recommendation,
            )
        )
    for k in sorted(set(first.contraindications) | set(second.contraindications)):
        a, b = first.contraindications.get(k), second.contraindications.get(k)
        if a is not None and b is not None and a[1] == b[1]:
            continue
        condition = (a or b)[0]
        what = "severity" if a is not None and b is not None else "listed in one grading only"
        points.append(
            Point(
                f"{CONTRAINDICATION}:{k}",
                f"Contraindication “{condition}”: {what}",
                a[1] if a else "",
                b[1] if b else "",
            )
        )
    return points


def _presence(a, b) -> tuple[str, str]:
    return (INCLUDED if a else "", INCLUDED if b else "")


def _direction(recommendation: str) -> str:
    return recommendation.rpartition("_")[2] if recommendation.endswith(("_for", "_against")) else recommendation


def _strength(recommendation: str) -> str:
    return recommendation.partition("_")[0] if recommendation.endswith(("_for", "_against")) else ""


def _what_differs(a: str, b: str) -> str:
    direction, strength = _direction(a) != _direction(b), _strength(a) != _strength(b)
    if direction and strength:
        return "direction and strength"
    return "direction" if direction else "strength"


# -- the values a point may take ------------------------------------------------------------------


def parse(item: str) -> tuple[str, str, str]:
    """(kind, domain, key) of an item; domain is empty but for a domain's point."""
    kind, _, rest = item.partition(":")
    if kind == DOMAIN:
        domain, _, rest = rest.partition(":")
        return kind, domain, rest
    return kind, "", rest


def options(item: str) -> list[tuple[str, str]]:
    """The values a disagreement on this point may be resolved to, with their labels."""
    kind, domain, _ = parse(item)
    if kind == PRESENCE:
        return [(INCLUDED, "keep the outcome"), ("", "leave the outcome out")]
    if kind == IMPORTANCE:
        return list(Importance.choices)
    if kind == CERTAINTY:
        return [(value, f"{label} {grade.symbols(value)}") for value, label in reversed(Certainty.choices)]
    if kind == DOMAIN:
        allowed = (
            ("none", "serious", "very_serious")
            if domain in DOWNGRADE_DOMAINS
            else ("none", "upgrade_one", "upgrade_two")
        )
        return [(value, label) for value, label in Severity.choices if value in allowed]
    if kind == RECOMMENDATION:
        return list(Recommendation.choices)
    if kind == CONTRAINDICATION:
        return [*ContraindicationLevel.choices, ("", "not a contraindication")]
    raise ValueError(f"not a point of dual grading: {item!r}")


def option_label(item: str, value: str) -> str:
    """A value this point was (or may be) resolved to, in words."""
    return dict(options(item)).get(value, value or "—")


NOTHING = {PRESENCE: "not graded", CONTRAINDICATION: "not listed", RECOMMENDATION: "none"}


def value_label(item: str, value: str) -> str:
    """A value a grading gives this point, in words (empty: what "nothing" means for it)."""
    kind = parse(item)[0]
    if kind == PRESENCE:
        return "graded" if value == INCLUDED else NOTHING[kind]
    if value == "":
        return NOTHING.get(kind, "—")
    return dict(options(item)).get(value, value)
