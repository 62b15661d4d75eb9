"""A sentence that says its remedies do what the sentence before says of its own
(claims.ingest.likewise): "Sleeping pills do the same" after a cause is a cause, never a benefit."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose


def kinds(text, remedy, condition):
    return {p.kind for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == remedy}


@pytest.mark.parametrize(
    ("text", "remedy", "condition", "expected"),
    [
        ("Alcohol makes snoring worse. Sleeping pills do the same.", "hypnotics", "snoring", {"cause"}),
        ("Alcohol can make snoring worse. Sleeping pills and other sedatives do exactly the same.", "sedatives",
         "snoring", {"cause"}),
        ("Ibuprofen can irritate the stomach lining. Aspirin has a similar effect.", "acetylsalicylic acid",
         "headache", {"caution"}),
    ],
)  # fmt: skip
def test_a_remedy_said_to_do_the_same_as_a_harm_takes_its_kind(text, remedy, condition, expected):
    assert kinds(text, remedy, condition) == expected


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        # the sentence before advises: nothing to take
        ("Stretching helps. Massage does the same.", "massage", "night leg cramps"),
        # a heading between: the sentence before is of another section
        ("## Causes\n\nAlcohol makes it worse.\n\n## What helps\n\nMassage does the same for the calf.", "massage",
         "night leg cramps"),
        # no "the same"
        ("Alcohol makes heartburn worse. Chewing gum after meals helps.", "chewing gum", "heartburn"),
    ],
)  # fmt: skip
def test_advice_after_a_harm_or_after_advice_stays_advice(text, remedy, condition):
    found = kinds(text, remedy, condition)
    assert found and found <= {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        # from a hostile review: a negation, an order, or more said after "the same"
        ("Alcohol can wake you at 3am. Valerian won't do the same, and it may help you sleep.", "valerian",
         "insomnia"),
        ("Caffeine keeps you awake. Try to do the same relaxing routine each night: a warm bath.", "warm bath",
         "insomnia"),
        ("Coffee keeps you awake. Cola does the same; swap both for chamomile tea.", "chamomile tea", "insomnia"),
        ("Alcohol makes sleep lighter. Melatonin does the same job as light therapy for jet lag.", "melatonin",
         "insomnia"),
    ],
)  # fmt: skip
def test_the_same_said_with_a_negation_an_order_or_more_after_it_takes_no_harm(text, remedy, condition):
    assert not kinds(text, remedy, condition) & {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition", "expected"),
    [
        ("Alcohol makes snoring worse. The same goes for sleeping pills.", "hypnotics", "snoring", {"cause"}),
        ("Alcohol makes snoring worse. So can sleeping pills.", "hypnotics", "snoring", {"cause"}),
        ("Alcohol makes snoring worse. The same is true of sedatives.", "sedatives", "snoring", {"cause"}),
        ("Ibuprofen can irritate the stomach lining. Some painkillers can too, such as aspirin.",
         "acetylsalicylic acid", "headache", {"caution"}),
    ],
)  # fmt: skip
def test_a_remedy_the_same_goes_for_or_that_can_too_takes_the_harm(text, remedy, condition, expected):
    assert kinds(text, remedy, condition) == expected


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Stretching helps. The same goes for massage.", "massage", "night leg cramps"),
        ("Alcohol makes snoring worse. The same goes for sleeping pills, but not for a nasal strip.", "nasal strip",
         "snoring"),
        ("Coffee keeps you awake. The same is not true of chamomile tea.", "chamomile tea", "insomnia"),
        ("Coffee keeps you awake. Chamomile tea can too help you relax.", "chamomile tea", "insomnia"),
    ],
)  # fmt: skip
def test_the_same_goes_for_after_advice_or_with_more_said_takes_no_harm(text, remedy, condition):
    assert not kinds(text, remedy, condition) & {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Alcohol makes snoring worse. Ditto for sedatives.", "sedatives", "snoring"),
        ("Alcohol makes snoring worse. Sedatives are no different.", "sedatives", "snoring"),
    ],
)
def test_ditto_and_no_different_take_the_harm(text, remedy, condition):
    assert kinds(text, remedy, condition) == {"cause"}


# Where the harm the sentence before names is found: its foods are that harm's, not the default benefit.
@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Eating a lot of saturated fat is the main cause. It's found in butter, lard and cakes.", "butter", {"cause"}),
        ("Too much caffeine keeps you awake. It is also found in cola and chocolate.", "chocolate", {"cause"}),
    ],
)
def test_what_holds_the_harm_said_before_takes_its_kind(text, remedy, expected):
    assert kinds(text, remedy, "high cholesterol") == expected


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        # the sentence before advises: the foods that hold it are advice too
        ("Magnesium can help. It's found in nuts, seeds and bananas.", "banana"),
        # more is said of them than where it is found
        ("Saturated fat raises cholesterol. It's found in butter, but oats help lower it.", "oats"),
    ],
)
def test_what_holds_a_benefit_or_says_its_own_takes_no_harm(text, remedy):
    found = kinds(text, remedy, "high cholesterol")
    assert found and found <= {"relief", "treatment", "prevention"}
