"""GRADE's arithmetic, as pure functions (../shared/reference/grade.md has the rules and sources).

An outcome's certainty starts from its body of evidence's design (randomised trials high,
observational studies low), moves down one level per serious and two per very serious concern in
the five downgrade domains, up one or two for a large effect, one for a dose-response gradient and
one for plausible confounding, and stays within very low ... high. A review's overall certainty is
the lowest among its critical outcomes (GRADE guidelines 11).
"""

from __future__ import annotations

from collections.abc import Iterable

from reviews.models import DOWNGRADE_DOMAINS, UPGRADE_DOMAINS, Certainty, Importance, Severity, StudyDesign

# Lowest first: a certainty's index is its number of ⊕.
LEVELS: tuple[Certainty, ...] = (Certainty.VERY_LOW, Certainty.LOW, Certainty.MODERATE, Certainty.HIGH)
START: dict[str, Certainty] = {StudyDesign.RANDOMISED: Certainty.HIGH, StudyDesign.OBSERVATIONAL: Certainty.LOW}
# GRADE's order of the domains: the five downgrades, then the three upgrades.
DOMAIN_ORDER: tuple[str, ...] = (*DOWNGRADE_DOMAINS, *UPGRADE_DOMAINS)
STEPS: dict[str, int] = {
    Severity.NONE: 0,
    Severity.SERIOUS: -1,
    Severity.VERY_SERIOUS: -2,
    Severity.UPGRADE_ONE: 1,
    Severity.UPGRADE_TWO: 2,
}


def step(domain: str, severity: str) -> int:
    """How many levels one domain's judgement moves the certainty (0 if it does not apply)."""
    moves = STEPS[severity]
    if (moves < 0 and domain not in DOWNGRADE_DOMAINS) or (moves > 0 and domain not in UPGRADE_DOMAINS):
        raise ValueError(f"{severity} does not apply to {domain}")
    return moves


def worked_out(design: str, judgements: Iterable[tuple[str, str]]) -> Certainty | None:
    """The certainty of one outcome's body of evidence from its design and its (domain, severity)
    judgements: the start level moved by every judgement, floored at very low, capped at high.
    None without a design (an outcome migrated from a single-certainty review)."""
    if not design:
        return None
    level = LEVELS.index(START[design]) + sum(step(domain, severity) for domain, severity in judgements)
    return LEVELS[min(max(level, 0), len(LEVELS) - 1)]


def symbols(certainty: str) -> str:
    """⊕⊕◯◯ and so on, as Summary of Findings tables show a certainty."""
    filled = LEVELS.index(Certainty(certainty)) + 1
    return "⊕" * filled + "◯" * (len(LEVELS) - filled)


def overall(outcomes: Iterable[tuple[str, str]]) -> Certainty | None:
    """The lowest certainty among the critical outcomes, given (importance, certainty) pairs; None
    when no outcome is critical or a critical one has no certainty yet (GRADE: the overall rating
    rests on the critical outcomes)."""
    critical = [c for importance, c in outcomes if importance == Importance.CRITICAL]
    if not critical or "" in critical:
        return None
    return min((Certainty(c) for c in critical), key=LEVELS.index)


def lower(a: str, b: str) -> Certainty:
    return min(Certainty(a), Certainty(b), key=LEVELS.index)
