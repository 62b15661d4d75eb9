"""reviews.dual_grading.compare, as pure functions: what differs between two gradings, and how a
point is named and valued."""

import pytest

from reviews.dual_grading.compare import GradingData, OutcomeData, compare, option_label, options, parse, value_label


def grading(recommendation="", outcomes=(), contraindications=()):
    return GradingData(
        recommendation,
        {o.key: o for o in outcomes},
        {condition.casefold(): (condition, severity) for condition, severity in contraindications},
    )


@pytest.mark.parametrize(
    "first, second, label",
    [
        ("strong_for", "strong_against", "Recommendation: direction"),
        ("strong_against", "conditional_against", "Recommendation: strength"),
        ("strong_for", "conditional_against", "Recommendation: direction and strength"),
        ("conditional_for", "insufficient_evidence", "Recommendation: direction and strength"),
    ],
)
def test_the_recommendation_says_whether_direction_or_strength_differs(first, second, label):
    points = compare(grading(first), grading(second))
    assert [(p.item, p.label, p.first_value, p.second_value) for p in points] == [
        ("recommendation", label, first, second)
    ]


def test_an_unjudged_domain_counts_as_not_serious():
    a = OutcomeData("cramps", "Cramps", "critical", "high", {"imprecision": "none"})
    b = OutcomeData("cramps", "cramps", "critical", "high", {})
    assert compare(grading(outcomes=[a]), grading(outcomes=[b])) == []


def test_identical_gradings_have_no_point():
    a = OutcomeData("cramps", "Cramps", "critical", "low", {"risk_of_bias": "serious"})
    same = grading("strong_against", [a], [("Pregnancy", "absolute")])
    assert compare(same, same) == []


def test_a_point_names_its_kind_first_whatever_the_names_hold():
    assert parse("outcome.domain:imprecision:pain: at rest") == ("outcome.domain", "imprecision", "pain: at rest")
    assert parse("outcome:pain:certainty") == ("outcome", "", "pain:certainty")
    assert [v for v, _ in options("outcome.domain:large_effect:x")] == ["none", "upgrade_one", "upgrade_two"]
    assert [v for v, _ in options("outcome.domain:imprecision:x")] == ["none", "serious", "very_serious"]
    assert value_label("contraindication:pregnancy", "") == "not listed"
    assert option_label("contraindication:pregnancy", "") == "not a contraindication"
    assert value_label("outcome.certainty:x", "low") == "Low ⊕⊕◯◯"
    with pytest.raises(ValueError):
        options("something:else")
