"""Agreement between two graders: percent agreement and Cohen's kappa against worked examples, and
the figures over dual-graded reviews (reviews.agreement)."""

from fractions import Fraction

import pytest
from django.db import transaction
from django.utils import timezone

from claims.models import Claim
from core import roles
from reviews.agreement import (
    CERTAINTY_SCALE,
    NO_PAIRS,
    NO_VARIATION,
    agreement_figures,
    agreement_parts,
    can_see_agreement,
    cohen_kappa,
    landis_koch,
    percent_agreement,
)
from reviews.models import Grading, Review
from tests.factories import UserFactory

VL, L, M, H = "very_low", "low", "moderate", "high"

# Ten outcomes graded by A (first) and B (second) on the scale VL < L < M < H (positions 0..3):
#
#              B:  VL   L   M   H  | A's total
#   A: VL           1   1   .   .  |  2
#      L            .   2   2   .  |  4
#      M            .   .   2   1  |  3
#      H            .   .   .   1  |  1
#   B's total       1   3   4   2  | 10
#
# Six agree; the four that do not are one level apart.
EXAMPLE = [(VL, VL), (L, L), (L, L), (M, M), (M, M), (H, H), (L, M), (L, M), (M, H), (VL, L)]


def test_percent_agreement_is_the_share_of_identical_pairs():
    assert percent_agreement(EXAMPLE) == 60.0  # 6 of 10


def test_unweighted_kappa_by_hand():
    # p_o = 6/10 = 0.6
    # p_e = sum over categories of (A's share x B's share)
    #     = (2*1 + 4*3 + 3*4 + 1*2) / 10^2 = 28/100 = 0.28
    # kappa = (0.6 - 0.28) / (1 - 0.28) = 0.32 / 0.72 = 4/9 = 0.444...
    assert agreement_parts(EXAMPLE, CERTAINTY_SCALE) == (Fraction(3, 5), Fraction(7, 25))
    assert cohen_kappa(EXAMPLE, CERTAINTY_SCALE) == pytest.approx(4 / 9)
    assert cohen_kappa(EXAMPLE) == pytest.approx(4 / 9)  # unweighted: the values seen are enough


def test_linearly_weighted_kappa_by_hand():
    # Agreement weights w(i, j) = 1 - |i - j| / 3: same 1, one level apart 2/3, two 1/3, three 0.
    # p_o = (6*1 + 4*(2/3)) / 10 = (26/3) / 10 = 13/15
    # p_e = sum over i, j of w(i, j) * A_i * B_j / 100, A = (2, 4, 3, 1), B = (1, 3, 4, 2):
    #   A=VL (2): 2*1*1   + 2*3*(2/3) + 2*4*(1/3) + 2*2*0     = 2 + 4 + 8/3       = 26/3
    #   A=L  (4): 4*1*2/3 + 4*3*1     + 4*4*(2/3) + 4*2*(1/3) = 8/3 + 12 + 32/3 + 8/3 = 28
    #   A=M  (3): 3*1*1/3 + 3*3*(2/3) + 3*4*1     + 3*2*(2/3) = 1 + 6 + 12 + 4    = 23
    #   A=H  (1): 0       + 1*3*(1/3) + 1*4*(2/3) + 1*2*1     = 1 + 8/3 + 2       = 17/3
    #   total 196/3, so p_e = 196/300 = 49/75
    # kappa_w = (13/15 - 49/75) / (1 - 49/75) = (16/75) / (26/75) = 8/13 = 0.615...
    assert agreement_parts(EXAMPLE, CERTAINTY_SCALE, "linear") == (Fraction(13, 15), Fraction(49, 75))
    assert cohen_kappa(EXAMPLE, CERTAINTY_SCALE, "linear") == pytest.approx(8 / 13)


def test_quadratically_weighted_kappa_by_hand():
    # w(i, j) = 1 - ((i - j) / 3)^2: same 1, one apart 8/9, two apart 5/9, three apart 0.
    # p_o = (6 + 4*(8/9)) / 10 = 43/45
    # p_e = (106/9 + 308/9 + 243/9 + 65/9) / 100 = (722/9) / 100 = 361/450
    # kappa_w = (43/45 - 361/450) / (1 - 361/450) = (69/450) / (89/450) = 69/89 = 0.775...
    assert agreement_parts(EXAMPLE, CERTAINTY_SCALE, "quadratic") == (Fraction(43, 45), Fraction(361, 450))
    assert cohen_kappa(EXAMPLE, CERTAINTY_SCALE, "quadratic") == pytest.approx(69 / 89)


def test_weighting_credits_near_misses_on_an_ordinal_scale():
    unweighted = cohen_kappa(EXAMPLE, CERTAINTY_SCALE)
    linear = cohen_kappa(EXAMPLE, CERTAINTY_SCALE, "linear")
    quadratic = cohen_kappa(EXAMPLE, CERTAINTY_SCALE, "quadratic")
    assert unweighted < linear < quadratic
    assert (landis_koch(unweighted), landis_koch(linear)) == ("moderate", "substantial")


def test_a_far_miss_costs_a_weighted_kappa_more_than_a_near_one():
    near = [*EXAMPLE[:-1], (VL, L)]
    far = [*EXAMPLE[:-1], (VL, H)]
    assert cohen_kappa(far, CERTAINTY_SCALE, "linear") < cohen_kappa(near, CERTAINTY_SCALE, "linear")


def test_perfect_agreement_is_one_and_systematic_disagreement_below_zero():
    assert cohen_kappa([(L, L), (M, M), (H, H)], CERTAINTY_SCALE, "linear") == 1.0
    # p_o = 0, p_e = (1*1 + 1*1) / 4 = 1/2: kappa = -1/2 / (1/2) = -1
    assert cohen_kappa([(L, H), (H, L)], CERTAINTY_SCALE) == -1.0
    assert landis_koch(-1.0) == "poor"


def test_no_pairs_gives_no_figure():
    assert percent_agreement([]) is None
    assert cohen_kappa([]) is None
    assert cohen_kappa([], CERTAINTY_SCALE, "linear") is None


def test_kappa_is_undefined_when_both_graders_always_gave_the_same_value():
    # p_o = 1 and p_e = 1*1 = 1: kappa would be 0/0.
    same = [(M, M), (M, M), (M, M)]
    assert percent_agreement(same) == 100.0
    assert cohen_kappa(same, CERTAINTY_SCALE) is None
    assert cohen_kappa(same, CERTAINTY_SCALE, "linear") is None


def test_one_grader_always_giving_the_same_value_is_no_agreement_beyond_chance():
    # B always says M: p_e = p_o (each a share of A's values), so kappa is 0, not undefined.
    assert cohen_kappa([(L, M), (M, M), (H, M)], CERTAINTY_SCALE, "linear") == 0.0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cohen_kappa([(L, "certain")], CERTAINTY_SCALE), "'certain' not in the categories"),
        (lambda: cohen_kappa([(L, M)], CERTAINTY_SCALE, "cubic"), "weights: 'cubic'"),
        (lambda: cohen_kappa([(L, M)], weights="linear"), "categories: a weighted kappa needs"),
    ],
)
def test_bad_input_is_refused_naming_it(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    ("kappa", "band"),
    [(None, ""), (-0.01, "poor"), (0.0, "slight"), (0.2, "slight"), (0.21, "fair"), (0.6, "moderate"),
     (0.61, "substantial"), (0.81, "almost perfect"), (1.0, "almost perfect")],
)  # fmt: skip
def test_landis_and_koch_bands(kappa, band):
    assert landis_koch(kappa) == band


# -- the figures over dual-graded reviews ------------------------------------------------------


@pytest.fixture
def graders(db):
    """Three reviewers, made in this order so that a has the lowest user id."""
    return [UserFactory(username=name, role=roles.REVIEWER) for name in ("grader_a", "grader_b", "grader_c")]


@pytest.fixture
def dual_review(db):
    claims = iter(Claim.objects.order_by("pk"))

    def make(*gradings, dual=True):
        """A review with gradings (grader, certainty, recommendation, submitted), made in order."""
        review = Review.objects.create(claim=next(claims), started_by=gradings[0][0], dual_grading=dual)
        for grader, certainty, recommendation, submitted in gradings:
            Grading.objects.create(
                review=review,
                grader=grader,
                certainty=certainty,
                recommendation=recommendation,
                submitted_at=timezone.now() if submitted else None,
            )
        return review

    return make


@pytest.fixture
def graded(graders, dual_review):
    a, b, c = graders
    # Pair (a, b): three reviews; the first one b graded before a.
    dual_review((b, L, "conditional_for", True), (a, L, "strong_for", True))
    dual_review((a, M, "conditional_against", True), (b, L, "conditional_against", True))
    dual_review((a, H, "insufficient_evidence", True), (b, H, "strong_against", True))
    # Pair (a, c): one review, identical gradings.
    dual_review((c, VL, "strong_against", True), (a, VL, "strong_against", True))
    # Not counted: one grading not submitted; not dual-graded; only one grading.
    dual_review((a, H, "strong_for", True), (c, VL, "strong_against", False))
    dual_review((a, H, "strong_for", True), (b, VL, "strong_against", True), dual=False)
    dual_review((c, H, "strong_for", True))
    return graders


def test_overall_figures_count_only_reviews_with_both_gradings_submitted(graded):
    overall = agreement_figures().overall
    assert overall.reviews == 4
    # Certainty, (a's, other's): (L, L), (M, L), (H, H), (VL, VL): 3 of 4 agree.
    # A = VL, L, M, H once each; other = VL 1, L 2, H 1; linear weights as above:
    #   p_o = (3 + 2/3) / 4 = 11/12
    #   p_e = (7/3 + 3 + 7/3 + 5/3) / 16 = (28/3) / 16 = 7/12
    #   kappa_w = (11/12 - 7/12) / (5/12) = 4/5
    assert (overall.certainty.n, overall.certainty.percent) == (4, 75.0)
    assert overall.certainty.kappa == pytest.approx(4 / 5) and overall.certainty.weights == "linear"
    # Direction: (for, for), (against, against), (insufficient, against), (against, against).
    #   p_o = 3/4; a = for 1, against 2, insufficient 1; other = for 1, against 3
    #   p_e = (1*1 + 2*3 + 1*0) / 16 = 7/16; kappa = (12/16 - 7/16) / (9/16) = 5/9
    assert (overall.direction.n, overall.direction.percent) == (4, 75.0)
    assert overall.direction.kappa == pytest.approx(5 / 9) and overall.direction.weights == "unweighted"
    # Direction and strength: strong_for/conditional_for and insufficient/strong_against differ.
    #   p_o = 2/4; p_e = (conditional_against 1*1 + strong_against 1*2) / 16 = 3/16
    #   kappa = (8/16 - 3/16) / (13/16) = 5/13
    assert overall.recommendation.percent == 50.0
    assert overall.recommendation.kappa == pytest.approx(5 / 13)


def test_figures_per_pair_whoever_graded_first(graded):
    a, b, c = graded
    pairs = agreement_figures().pairs
    assert [(p.graders, p.grader_ids, p.reviews) for p in pairs] == [
        (("grader_a", "grader_b"), (a.pk, b.pk), 3),
        (("grader_a", "grader_c"), (a.pk, c.pk), 1),
    ]
    ab, ac = pairs
    # (L, L), (M, L), (H, H): p_o = (2 + 2/3) / 3 = 8/9; p_e = (7/3 + 2 + 5/3) / 9 = 2/3;
    # kappa_w = (8/9 - 6/9) / (3/9) = 2/3
    assert ab.certainty.percent == pytest.approx(200 / 3)
    assert ab.certainty.kappa == pytest.approx(2 / 3)
    # One review, the same values: full agreement, kappa undefined, and said so.
    assert (ac.certainty.percent, ac.certainty.kappa, ac.certainty.note) == (100.0, None, NO_VARIATION)
    assert agreement_figures(pair=(c, a)) == agreement_figures(pair=(a.pk, c.pk))
    only_ac = agreement_figures(pair=(c, a))
    assert only_ac.pairs == (ac,) and only_ac.overall.reviews == 1


def test_swapping_who_is_first_in_a_review_changes_nothing(graders, dual_review):
    a, b, _ = graders
    with transaction.atomic():  # rolled back: submitted gradings are never deleted
        dual_review((a, L, "strong_for", True), (b, M, "strong_against", True))
        dual_review((a, H, "strong_for", True), (b, H, "strong_for", True))
        before = agreement_figures()
        transaction.set_rollback(True)
    assert not Grading.objects.exists()
    dual_review((b, M, "strong_against", True), (a, L, "strong_for", True))
    dual_review((b, H, "strong_for", True), (a, H, "strong_for", True))
    assert agreement_figures() == before


def test_no_dual_graded_reviews_gives_empty_figures(db):
    figures = agreement_figures()
    assert figures.pairs == () and figures.overall.reviews == 0
    assert (figures.overall.certainty.percent, figures.overall.certainty.kappa) == (None, None)
    assert figures.overall.certainty.note == NO_PAIRS


def test_a_bad_pair_is_refused(graders):
    with pytest.raises(ValueError, match="pair: give two different graders"):
        agreement_figures(pair=(graders[0], graders[0]))


def test_the_figures_cost_one_query_however_many_reviews(graded, django_assert_num_queries):
    with django_assert_num_queries(1):
        agreement_figures()
    with django_assert_num_queries(1):
        agreement_figures(pair=graded[:2])


@pytest.mark.parametrize(("who", "sees"), [("senior", True), ("auditor", True), ("reviewer", False)])
def test_who_sees_the_figures(request, who, sees):
    assert can_see_agreement(request.getfixturevalue(who)) is sees


def test_a_superuser_without_a_role_does_not(superuser):
    assert can_see_agreement(superuser) is False
