"""How far two independent graders agree: percent agreement and Cohen's kappa (unweighted, or
weighted for an ordinal scale), and the figures over the dual-graded reviews, overall and per pair
of graders, for the seniors' agreement page and the dashboard.

Kappa is chance-corrected agreement (Cohen 1960; weighted: Cohen 1968):

    kappa = (p_o - p_e) / (1 - p_e)

p_o is the observed and p_e the chance-expected agreement (from each grader's own marginals),
each summed over the cells of the two graders' table with an agreement weight w(i, j): 1 on the
diagonal; off it 0 (unweighted), 1 - |i - j| / (k - 1) (linear) or 1 - ((i - j) / (k - 1))^2
(quadratic) for categories i, j on an ordered scale of k. When p_e is 1 (both graders used one
and the same category throughout) kappa is 0 / 0: undefined, reported as None with the reason.
The arithmetic is exact (fractions); only the results are floats."""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from core import roles
from reviews import grade
from reviews.models import Grading, Recommendation

Pair = tuple[str, str]

WEIGHTS = ("unweighted", "linear", "quadratic")

# The ordinal scale of certainty, lowest first (GRADE's four levels).
CERTAINTY_SCALE = grade.LEVELS
# A recommendation's direction; its strength (strong / conditional) is the rest of the value.
FOR, AGAINST, INSUFFICIENT = "for", "against", "insufficient_evidence"
DIRECTIONS = (FOR, AGAINST, INSUFFICIENT)
DIRECTION = {
    Recommendation.STRONG_FOR: FOR,
    Recommendation.CONDITIONAL_FOR: FOR,
    Recommendation.CONDITIONAL_AGAINST: AGAINST,
    Recommendation.STRONG_AGAINST: AGAINST,
    Recommendation.INSUFFICIENT: INSUFFICIENT,
}

NO_PAIRS = "no reviews with both gradings submitted"
NO_VARIATION = "undefined: both graders gave one and the same value throughout (expected agreement is 1)"

# Landis & Koch (1977), Biometrics 33:159-174: their labels for ranges of kappa, each up to and
# including its bound (below 0: poor). A convention for reading a figure, not a test.
LANDIS_KOCH = ((0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial"), (1.0, "almost perfect"))


# -- the statistics ----------------------------------------------------------------------------


def percent_agreement(pairs: Sequence[Pair]) -> float | None:
    """The share of pairs in which both graders gave the same value, in percent; None for none."""
    if not pairs:
        return None
    return float(Fraction(sum(a == b for a, b in pairs), len(pairs)) * 100)


def agreement_parts(
    pairs: Sequence[Pair], categories: Sequence[str], weights: str = "unweighted"
) -> tuple[Fraction, Fraction]:
    """Observed and chance-expected (weighted) agreement, p_o and p_e, exactly. `categories` is
    the scale in order (lowest first) and must hold every value given."""
    if weights not in WEIGHTS:
        raise ValueError(f"weights: {weights!r} is not one of {', '.join(WEIGHTS)}")
    if not pairs:
        raise ValueError("pairs: none given")
    position = {category: i for i, category in enumerate(categories)}
    unknown = sorted({v for pair in pairs for v in pair} - position.keys())
    if unknown:
        raise ValueError(f"pairs: {', '.join(map(repr, unknown))} not in the categories {list(categories)}")
    k, n = len(categories), len(pairs)

    def weight(i: int, j: int) -> Fraction:
        if i == j:
            return Fraction(1)
        if weights == "unweighted":
            return Fraction(0)
        distance = Fraction(abs(i - j), k - 1)
        return 1 - (distance if weights == "linear" else distance**2)

    cells = Counter((position[a], position[b]) for a, b in pairs)
    first = Counter(position[a] for a, _ in pairs)
    second = Counter(position[b] for _, b in pairs)
    observed = sum(weight(i, j) * count for (i, j), count in cells.items()) / n
    expected = sum(weight(i, j) * first[i] * second[j] for i in first for j in second) / n**2
    return Fraction(observed), Fraction(expected)


def cohen_kappa(
    pairs: Sequence[Pair], categories: Sequence[str] | None = None, weights: str = "unweighted"
) -> float | None:
    """Cohen's kappa of two graders' values (float, at most 1), or None: no pairs, or undefined
    (NO_VARIATION). A weighted kappa needs the ordered scale in `categories`; unweighted, the
    values seen are enough."""
    if not pairs:
        return None
    if categories is None:
        if weights != "unweighted":
            raise ValueError("categories: a weighted kappa needs the ordered scale")
        categories = sorted({v for pair in pairs for v in pair})
    observed, expected = agreement_parts(pairs, categories, weights)
    if expected == 1:
        return None
    return float((observed - expected) / (1 - expected))


def landis_koch(kappa: float | None) -> str:
    """Landis & Koch's label for a kappa ("" for None)."""
    if kappa is None:
        return ""
    if kappa < 0:
        return "poor"
    return next(label for upper, label in LANDIS_KOCH if kappa <= upper or upper == 1.0)


# -- the figures over dual-graded reviews -------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    """Agreement on one thing over n pairs of submitted gradings."""

    n: int
    percent: float | None
    kappa: float | None
    weights: str
    note: str = ""  # why kappa is None, when it is

    @property
    def band(self) -> str:
        return landis_koch(self.kappa)


@dataclass(frozen=True)
class Figures:
    """Agreement over `reviews` dual-graded reviews: on the overall certainty (ordinal: linearly
    weighted kappa), on the recommendation's direction (for / against / insufficient evidence)
    and on the whole recommendation, direction and strength (both unweighted)."""

    reviews: int
    certainty: Agreement
    direction: Agreement
    recommendation: Agreement


@dataclass(frozen=True)
class PairFigures(Figures):
    """Figures for one unordered pair of graders (named lowest user id first)."""

    grader_ids: tuple[int, int]
    graders: tuple[str, str]


@dataclass(frozen=True)
class AgreementFigures:
    overall: Figures
    pairs: tuple[PairFigures, ...]


def measure(pairs: Sequence[Pair], categories: Sequence[str], weights: str) -> Agreement:
    """Percent agreement and kappa over the pairs in which both values are given."""
    pairs = [(a, b) for a, b in pairs if a and b]
    kappa = cohen_kappa(pairs, categories, weights)
    note = NO_PAIRS if not pairs else (NO_VARIATION if kappa is None else "")
    return Agreement(n=len(pairs), percent=percent_agreement(pairs), kappa=kappa, weights=weights, note=note)


def figures(rows: Iterable[tuple[dict, dict]]) -> Figures:
    """Figures over (grading, grading) rows, each a dict with certainty and recommendation."""
    rows = list(rows)
    certainty = [(a["certainty"], b["certainty"]) for a, b in rows]
    recommendation = [(a["recommendation"], b["recommendation"]) for a, b in rows]
    direction = [(DIRECTION.get(a, ""), DIRECTION.get(b, "")) for a, b in recommendation]
    return Figures(
        reviews=len(rows),
        certainty=measure(certainty, CERTAINTY_SCALE, "linear"),
        direction=measure(direction, DIRECTIONS, "unweighted"),
        recommendation=measure(recommendation, Recommendation.values, "unweighted"),
    )


def agreement_figures(pair=None) -> AgreementFigures:
    """Agreement over the dual-graded reviews whose two gradings are both submitted (a grading
    still open is never read: blinding), overall and per unordered pair of graders; with `pair`
    (two users or user ids), that pair's reviews only. One query.

    Within each review the grading of the grader with the lower user id is taken as the first:
    a pair's figures do not depend on who graded or submitted first, and the overall kappa (whose
    'first' and 'second' grader differ from review to review) is reproducible."""
    gradings = Grading.objects.filter(review__dual_grading=True, submitted_at__isnull=False)
    wanted = None
    if pair is not None:
        wanted = tuple(sorted(getattr(user, "pk", user) for user in pair))
        if len(wanted) != 2 or wanted[0] == wanted[1] or not all(isinstance(pk, int) for pk in wanted):
            raise ValueError("pair: give two different graders (users or user ids)")
        gradings = gradings.filter(grader_id__in=wanted)
    by_review = defaultdict(list)
    for row in gradings.order_by("review_id", "grader_id").values(
        "review_id", "grader_id", "grader__username", "certainty", "recommendation"
    ):
        by_review[row["review_id"]].append(row)
    by_pair = defaultdict(list)
    for review_gradings in by_review.values():
        if len(review_gradings) == 2:  # both of a dual grading's gradings submitted
            a, b = review_gradings
            by_pair[(a["grader_id"], b["grader_id"]), (a["grader__username"], b["grader__username"])].append((a, b))
    pairs = tuple(
        PairFigures(**vars(figures(rows)), grader_ids=ids, graders=names)
        for (ids, names), rows in sorted(by_pair.items(), key=lambda item: item[0][1])
    )
    return AgreementFigures(overall=figures(row for rows in by_pair.values() for row in rows), pairs=pairs)


def can_see_agreement(user) -> bool:
    """Seniors, who run the grading, and auditors, who may read both gradings of every review
    already: the figures show nothing they cannot see, and grader agreement is a measure of the
    process they audit. Reviewers do not see their colleagues' figures."""
    return roles.in_group(user, roles.SENIOR_REVIEWER, roles.AUDITOR)
