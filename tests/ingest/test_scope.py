"""Whose claim a part of a sentence is (claims.ingest.scope): cue words speak of the remedy only
where the sentence speaks of it. Read through the proposer, as a reviewer meets them."""

import pytest

from claims.ingest.propose import propose


def summary(text, lexicon, condition=None):
    return [(p.remedy, p.kind, p.population, p.is_new) for p in propose(text, lexicon, condition)]


def test_a_cause_said_of_another_noun_in_a_relative_clause_is_not_the_remedys(lexicon):
    text = "Massage helps the body process the stress that may keep you awake at night."
    assert summary(text, lexicon, "insomnia") == [("massage", "relief", None, False)]
    assert summary("Avoid coffee, which keeps you awake.", lexicon, "insomnia") == [("caffeine", "cause", None, False)]
    text = "Foods that can trigger migraine include alcohol and coffee."
    assert {(p.remedy, p.kind) for p in propose(text, lexicon, "migraine")} == {
        ("alcohol", "cause"),
        ("caffeine", "cause"),
    }


def test_keeping_you_awake_is_a_cause_of_insomnia(lexicon):
    assert summary("Coffee late in the day can keep you awake.", lexicon, "insomnia") == [
        ("caffeine", "cause", None, False)
    ]


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Quinine is no longer recommended for leg cramps because of serious side effects.", "quinine"),
        ("The FDA warns against using quinine for leg cramps.", "quinine"),
        ("Magnesium supplements are not effective for most older adults with cramps.", "magnesium"),
        ("There is no evidence that bananas work.", "banana"),
        ("Potassium does not help leg cramps.", "potassium"),
        ("Quinine is banned for cramps in the US.", "quinine"),
        ("Tonic water contains too little quinine to help.", "quinine"),
    ],
)
def test_a_benefit_the_article_denies_is_a_caution_never_a_benefit(lexicon, text, remedy):
    # Proposed as "treatment", accepting would record the opposite of what the article says.
    kinds = {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy == remedy}
    assert kinds == {"caution"}


def test_a_denial_in_a_condition_or_of_another_remedy_is_not_the_remedys(lexicon):
    text = "If these measures do not help, you can gently prick your leg with a needle, but only as a last resort."
    proposals = propose(text, lexicon, "night leg cramps")
    assert {p.kind for p in proposals} == {"caution", "treatment"}  # the last resort, not a denial
    assert not [p for p in proposals if "denied" in p.rule]
    from claims.ingest.scope import denied_benefit

    text = "Bananas help, but quinine is not recommended."
    assert denied_benefit(text, 0) == ""
    assert denied_benefit(text, text.index("quinine")) == "is not recommended"


def kinds_of(text, lexicon, remedy, condition="night leg cramps"):
    return {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Drink plenty of coffee and alcohol because dehydration often causes muscle cramps.", "caffeine"),
        ("1. Coffee: Drink a cup of coffee as headaches are often caused due to dehydration.", "caffeine"),
        ("Try bananas instead of coffee, since caffeine causes cramps.", "banana"),
    ],
)
def test_the_reason_advice_is_given_names_another_cause_not_the_advised_remedy(lexicon, text, remedy):
    # Accepted as "cause", this would read "Coffee can provoke night leg cramps".
    assert "cause" not in kinds_of(text, lexicon, remedy)


@pytest.mark.parametrize(
    "text",
    [
        "Drink less coffee, as caffeine can trigger cramps.",
        "Try bananas instead of coffee, since caffeine causes cramps.",
        "Drop the evening coffee, because it provokes cramps.",
    ],
)
def test_a_reason_that_speaks_of_the_remedy_keeps_it_a_cause(lexicon, text):
    assert kinds_of(text, lexicon, "caffeine") == {"cause"}


@pytest.mark.parametrize(
    "text",
    [
        "Pregnant women should avoid bananas and drink less alcohol.",
        "To reduce cramps, eat bananas and avoid coffee and alcohol.",
        "Reduce stress, and try to avoid alcohol before bed.",
        "Quit smoking and drink less alcohol.",
        "Stop eating late, and have no alcohol at night.",
    ],
)
def test_the_avoid_verb_nearest_the_remedy_governs_it(lexicon, text):
    assert kinds_of(text, lexicon, "alcohol") == {"cause"}


@pytest.mark.parametrize(
    "text",
    [
        "Alcohol relaxes the lower oesophageal sphincter, which allows acid to rise and causes cramps.",
        "Coffee is a drink that causes cramps in many people.",
        "Alcohol is a depressant which can cause cramps.",
        "Alcohol is a common trigger that aggravates cramps.",
    ],
)
def test_a_relative_clause_about_the_remedy_itself_keeps_its_cause(lexicon, text):
    remedy = "caffeine" if text.startswith("Coffee") else "alcohol"
    assert kinds_of(text, lexicon, remedy) == {"cause"}


def test_what_follows_unlike_is_said_of_the_other_thing(lexicon):
    assert kinds_of("Bananas calm the muscles, unlike coffee, which keeps you awake.", lexicon, "banana") != {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Coffee makes insomnia worse.", "caffeine"),
        ("Alcohol may help you fall asleep, but it disrupts sleep later in the night.", "alcohol"),
        ("Coffee late in the day can keep you awake.", "caffeine"),
        ("Alcohol exacerbates insomnia.", "alcohol"),
    ],
)
def test_what_the_remedy_does_to_make_the_condition_worse_is_a_cause(lexicon, text, remedy):
    # Proposed as "treatment", accepting would record "Alcohol treats insomnia".
    assert kinds_of(text, lexicon, remedy, "insomnia") == {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Take magnesium if the cramp worsens.", "magnesium"),
        ("If cramps keep you awake at night, take magnesium before bed.", "magnesium"),
        ("Cramps disrupt sleep, but stretching before bed helps.", "stretching"),
        ("Stress exacerbates cramps, and magnesium helps reduce them.", "magnesium"),
        ("Massage your calves when stress makes the cramps worse.", "massage"),
        ("Decaf coffee does not keep you awake.", "caffeine"),
        ("Massage helps the body process the stress that may keep you awake at night.", "massage"),
    ],
)
def test_what_makes_the_condition_worse_in_a_condition_or_said_of_another_is_not_the_remedys(lexicon, text, remedy):
    assert "cause" not in kinds_of(text, lexicon, remedy)


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Stretching doesn't just help cramps, it prevents them.", "stretching"),
        ("Magnesium is not only effective but also safe.", "magnesium"),
        ("Quinine is banned for cramps, so try stretching your calves instead.", "stretching"),
        ("Quinine doesn't help much, so try stretching instead.", "stretching"),
    ],
)
def test_a_denial_of_another_remedy_or_a_not_only_denies_nothing(lexicon, text, remedy):
    assert "caution" not in kinds_of(text, lexicon, remedy)


@pytest.mark.parametrize(
    "text",
    [
        "Quinine isn't recommended for leg cramps any more.",
        "Quinine won't help leg cramps.",
        "Quinine hasn't been proven to work for leg cramps.",
        "The FDA has warned against using quinine for leg cramps.",
        "Quinine should no longer be used for cramps.",
    ],
)
def test_more_ways_of_denying_a_benefit(lexicon, text):
    assert kinds_of(text, lexicon, "quinine") == {"caution"}


def test_a_harm_given_as_the_reason_for_advice_is_a_caution_never_a_cause(lexicon):
    # "Quinine can provoke headache" would be the claim a "cause" records in an article on headaches.
    text = "Take quinine with food, since quinine can cause stomach bleeding."
    assert kinds_of(text, lexicon, "quinine", "headache") == {"caution"}
    text = "Take magnesium for a headache, as quinine can cause stomach bleeding."
    assert kinds_of(text, lexicon, "quinine", "headache") == {"caution"}


def test_neither_nor_denies_both(lexicon):
    text = "Neither quinine nor magnesium helps leg cramps."
    assert kinds_of(text, lexicon, "quinine") == kinds_of(text, lexicon, "magnesium") == {"caution"}
