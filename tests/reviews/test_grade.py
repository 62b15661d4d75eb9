"""GRADE's arithmetic (reviews.grade), table-driven: where each design starts, how the downgrade and
upgrade domains move it, the floor at very low and the cap at high, the overall certainty (the
lowest among the critical outcomes) and the symbols of a Summary of Findings table.
../shared/reference/grade.md has the rules and their sources."""

import itertools

import pytest

from reviews import grade
from reviews.models import Certainty, Domain, Importance, Severity, StudyDesign

RCT, OBS = StudyDesign.RANDOMISED, StudyDesign.OBSERVATIONAL
HIGH, MODERATE, LOW, VERY_LOW = Certainty.HIGH, Certainty.MODERATE, Certainty.LOW, Certainty.VERY_LOW
SERIOUS, VERY_SERIOUS, NONE = Severity.SERIOUS, Severity.VERY_SERIOUS, Severity.NONE
UP1, UP2 = Severity.UPGRADE_ONE, Severity.UPGRADE_TWO
ROB, INCONSISTENCY, INDIRECTNESS = Domain.RISK_OF_BIAS, Domain.INCONSISTENCY, Domain.INDIRECTNESS
IMPRECISION, PUBLICATION_BIAS = Domain.IMPRECISION, Domain.PUBLICATION_BIAS
LARGE, DOSE, CONFOUNDING = Domain.LARGE_EFFECT, Domain.DOSE_RESPONSE, Domain.PLAUSIBLE_CONFOUNDING

DOWNGRADES = (ROB, INCONSISTENCY, INDIRECTNESS, IMPRECISION, PUBLICATION_BIAS)
UPGRADES = (LARGE, DOSE, CONFOUNDING)

# (design, judgements, certainty): written out by hand, one row a case.
CASES = [
    # Where a body of evidence starts.
    (RCT, [], HIGH),
    (OBS, [], LOW),
    # "Not serious" moves nothing, in any domain.
    (RCT, [(d, NONE) for d in DOWNGRADES + UPGRADES], HIGH),
    (OBS, [(d, NONE) for d in DOWNGRADES + UPGRADES], LOW),
    # One level per serious concern, two per very serious one, in each downgrade domain.
    *[(RCT, [(d, SERIOUS)], MODERATE) for d in DOWNGRADES],
    *[(RCT, [(d, VERY_SERIOUS)], LOW) for d in DOWNGRADES],
    *[(OBS, [(d, SERIOUS)], VERY_LOW) for d in DOWNGRADES],
    # Concerns add up across domains ...
    (RCT, [(ROB, SERIOUS), (IMPRECISION, SERIOUS)], LOW),
    (RCT, [(ROB, SERIOUS), (INCONSISTENCY, SERIOUS), (IMPRECISION, SERIOUS)], VERY_LOW),
    (RCT, [(INDIRECTNESS, VERY_SERIOUS), (IMPRECISION, SERIOUS)], VERY_LOW),
    # ... and stop at very low (the floor).
    (RCT, [(ROB, VERY_SERIOUS), (IMPRECISION, VERY_SERIOUS)], VERY_LOW),
    (RCT, [(d, VERY_SERIOUS) for d in DOWNGRADES], VERY_LOW),
    (OBS, [(ROB, VERY_SERIOUS)], VERY_LOW),
    (OBS, [(ROB, SERIOUS), (IMPRECISION, SERIOUS)], VERY_LOW),
    # Upgrades: a large effect +1 (RR > 2) or +2 (RR > 5), a dose-response gradient +1, plausible
    # confounding +1.
    (OBS, [(LARGE, UP1)], MODERATE),
    (OBS, [(LARGE, UP2)], HIGH),
    (OBS, [(DOSE, UP1)], MODERATE),
    (OBS, [(CONFOUNDING, UP1)], MODERATE),
    (OBS, [(LARGE, UP1), (DOSE, UP1)], HIGH),
    # ... capped at high.
    (OBS, [(LARGE, UP2), (DOSE, UP1), (CONFOUNDING, UP1)], HIGH),
    (RCT, [(LARGE, UP1)], HIGH),
    (RCT, [(LARGE, UP2), (DOSE, UP1)], HIGH),
    # Downgrades and upgrades together: the sum is taken before the floor and the cap.
    (OBS, [(LARGE, UP2), (IMPRECISION, SERIOUS)], MODERATE),
    (OBS, [(DOSE, UP1), (ROB, SERIOUS)], LOW),
    (RCT, [(LARGE, UP1), (ROB, SERIOUS)], HIGH),
    (RCT, [(LARGE, UP2), (ROB, VERY_SERIOUS), (IMPRECISION, VERY_SERIOUS)], LOW),
    (OBS, [(ROB, VERY_SERIOUS), (LARGE, UP2)], LOW),
]


@pytest.mark.parametrize(("design", "judgements", "certainty"), CASES)
def test_worked_out(design, judgements, certainty):
    assert grade.worked_out(design, judgements) == certainty


def _expected(design, judgements) -> Certainty:
    """The rule in words: start, add the moves, keep within very low ... high."""
    start = {RCT: 3, OBS: 1}[design]
    moves = {NONE: 0, SERIOUS: -1, VERY_SERIOUS: -2, UP1: 1, UP2: 2}
    level = min(3, max(0, start + sum(moves[severity] for _, severity in judgements)))
    return [VERY_LOW, LOW, MODERATE, HIGH][level]


@pytest.mark.parametrize("design", [RCT, OBS])
def test_every_combination_of_two_downgrades_and_an_upgrade(design):
    """Designs × every severity of two downgrade domains × every upgrade of one upgrade domain."""
    count = 0
    for first, second, upgrade in itertools.product(
        (NONE, SERIOUS, VERY_SERIOUS), (NONE, SERIOUS, VERY_SERIOUS), (NONE, UP1, UP2)
    ):
        judgements = [(ROB, first), (IMPRECISION, second), (LARGE, upgrade)]
        assert grade.worked_out(design, judgements) == _expected(design, judgements), judgements
        count += 1
    assert count == 27


def test_the_order_of_the_judgements_does_not_matter():
    judgements = [(LARGE, UP2), (ROB, VERY_SERIOUS), (IMPRECISION, SERIOUS), (DOSE, UP1)]
    results = {grade.worked_out(OBS, order) for order in itertools.permutations(judgements)}
    assert results == {LOW}


def test_no_design_no_worked_out_certainty():
    """An outcome migrated from a single-certainty review has no design: its certainty is its override."""
    assert grade.worked_out("", []) is None
    assert grade.worked_out("", [(ROB, SERIOUS)]) is None


@pytest.mark.parametrize(
    ("domain", "severity"),
    [(ROB, UP1), (IMPRECISION, UP2), (LARGE, SERIOUS), (DOSE, VERY_SERIOUS), (CONFOUNDING, SERIOUS)],
)
def test_a_severity_that_does_not_fit_its_domain_is_refused(domain, severity):
    with pytest.raises(ValueError, match="does not apply"):
        grade.worked_out(RCT, [(domain, severity)])


CRIT, IMP, NOT = Importance.CRITICAL, Importance.IMPORTANT, Importance.NOT_IMPORTANT

OVERALL = [
    # The lowest certainty among the critical outcomes (GRADE 11) ...
    ([(CRIT, HIGH)], HIGH),
    ([(CRIT, HIGH), (CRIT, LOW), (CRIT, MODERATE)], LOW),
    ([(CRIT, MODERATE), (CRIT, VERY_LOW)], VERY_LOW),
    # ... important and not important outcomes do not count, however low.
    ([(CRIT, HIGH), (IMP, VERY_LOW)], HIGH),
    ([(CRIT, MODERATE), (NOT, VERY_LOW), (IMP, LOW)], MODERATE),
    ([(IMP, HIGH), (CRIT, LOW), (NOT, HIGH)], LOW),
    # None critical: no overall certainty.
    ([], None),
    ([(IMP, HIGH), (NOT, LOW)], None),
    # A critical outcome without a certainty yet: none either.
    ([(CRIT, HIGH), (CRIT, "")], None),
    ([(CRIT, LOW), (IMP, "")], LOW),
]


@pytest.mark.parametrize(("outcomes", "certainty"), OVERALL)
def test_overall_is_the_lowest_critical(outcomes, certainty):
    assert grade.overall(outcomes) == certainty


@pytest.mark.parametrize(
    ("certainty", "symbols"),
    [(HIGH, "⊕⊕⊕⊕"), (MODERATE, "⊕⊕⊕◯"), (LOW, "⊕⊕◯◯"), (VERY_LOW, "⊕◯◯◯"), ("low", "⊕⊕◯◯")],
)
def test_symbols(certainty, symbols):
    assert grade.symbols(certainty) == symbols


def test_levels_run_from_very_low_to_high_and_lower_picks_the_lower():
    assert grade.LEVELS == (VERY_LOW, LOW, MODERATE, HIGH)
    assert grade.lower(HIGH, LOW) == LOW and grade.lower(VERY_LOW, MODERATE) == VERY_LOW
