"""The fact that answers a myth (claims.ingest.myths): what the fact line says of a remedy the myth
denied is no default benefit."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_from_catalogue_files()


def kinds(text, lexicon, remedy, condition="bloating"):
    return {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("MYTH: Gaviscon will settle a bloated stomach.\nFACT: Gaviscon is an alginate designed to stop acid reflux.",
         "sodium alginate"),
        ("Myth: Chewing gum helps digestion. Fact: Chewing gum makes you swallow air.", "chewing gum"),
        ("Myth 2: Gaviscon settles wind.\n\nThe truth: Gaviscon is made for heartburn.", "sodium alginate"),
    ],
)  # fmt: skip
def test_the_fact_after_a_myth_gives_the_denied_remedy_no_benefit(lexicon, text, remedy):
    assert kinds(text, lexicon, remedy) == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        # the fact says a benefit in words of its own
        ("Myth: Peppermint oil is only a folk remedy.\nFact: Peppermint oil capsules ease bloating in trials.",
         "peppermint oil", "relief"),
        # the myth denied nothing of it: the fact line advises
        ("Myth: Exercise makes bloating worse.\nFact: Gentle exercise is one of the best things for bloating.",
         "physical exercise", "prevention"),
        # no myth before it
        ("Gaviscon settles heartburn.\nFact: Gaviscon is an alginate.", "sodium alginate", "treatment"),
    ],
)  # fmt: skip
def test_a_fact_that_says_a_benefit_of_its_own_or_answers_no_denial_keeps_it(lexicon, text, remedy, expected):
    assert expected in kinds(text, lexicon, remedy)


@pytest.mark.parametrize(
    "text",
    [
        "Old wives' tale: Gaviscon cures wind.\nActually: Gaviscon is an alginate.",
        "Myth 3 - Gaviscon cures wind.\nFact 3 - Gaviscon is an alginate.",
    ],
)
def test_other_ways_of_writing_a_myth_and_its_fact(lexicon, text):
    assert kinds(text, lexicon, "sodium alginate") == {"caution"}


def test_a_myth_that_narrows_a_use_leaves_the_fact_s_advice(lexicon):
    text = "MYTH: Peppermint oil is only for bloating.\nFACT: Peppermint oil is used for many gut problems."
    assert kinds(text, lexicon, "peppermint oil") & {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("Myth: Chocolate causes acne.\nFact: There is little evidence that it causes acne.", "acne", "chocolate"),
        ("Myth: Chocolate causes acne.\nFact: Acne is caused by hormones and bacteria.", "acne", "chocolate"),
        ("Myth: You must give up coffee.\nFact: Large studies have found no link between caffeine and tinnitus.",
         "tinnitus", "caffeine"),
        ("Myth: Exercise makes bloating worse.\nFact: Gentle exercise is one of the best things for bloating.",
         "bloating", "physical exercise"),
    ],
)  # fmt: skip
def test_a_harm_a_myth_claims_and_its_fact_denies_is_no_cause(lexicon, text, condition, remedy):
    assert not kinds(text, lexicon, remedy, condition) & {"cause", "caution"}


@pytest.mark.parametrize(
    "text",
    [
        "Myth: Chocolate triggers migraines.\nFact: Chocolate can trigger migraines in some people, but not most.",
        "Myth: Only chocolate triggers migraines.\nFact: Many foods can.",  # the myth narrows, it does not deny
    ],
)
def test_a_harm_the_fact_says_again_or_a_narrowed_myth_stays_a_cause(lexicon, text):
    assert kinds(text, lexicon, "chocolate", "migraine") == {"cause"}


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("There is no link between chocolate and acne.", "acne", "chocolate"),
        ("Studies have found no link between chocolate and acne.", "acne", "chocolate"),
        ("Chocolate is not to blame.", "migraine", "chocolate"),
        ("Cheese does not cause nightmares.", "insomnia", "cheese"),
        ("There's no evidence that tight underwear causes cystitis in men.", "cystitis", "tight clothing"),
        ("The cause of seizures is not related to physical activity.", "night leg cramps", "physical exercise"),
    ],
)
def test_a_harm_denied_on_its_own_is_no_cause_and_no_benefit(lexicon, text, condition, remedy):
    assert not kinds(text, lexicon, remedy, condition)


@pytest.mark.parametrize(
    ("text", "condition", "remedy", "kind"),
    [
        ("Coffee does not cause insomnia in everyone, but avoid it after noon.", "insomnia", "caffeine", "cause"),
        ("Magnesium does not cause heartburn, so take it with food.", "heartburn", "magnesium", "treatment"),
        ("There is no evidence that valerian helps.", "insomnia", "valerian", "caution"),
    ],
)
def test_what_follows_a_harm_denied_or_a_benefit_denied_stays(lexicon, text, condition, remedy, kind):
    assert kind in kinds(text, lexicon, remedy, condition)


def test_what_a_remedy_is_denied_a_link_to_is_no_remedy(lexicon):
    text = "Myth: Cheese gives you nightmares.\nFact: There is no link between cheese and nightmares."
    assert "nightmares" not in {p.remedy for p in propose(text, lexicon, "insomnia")}


def test_keeping_sleep_away_is_a_cause_whatever_advice_follows(lexicon):
    text = "Caffeine can prevent you from falling asleep, so avoid coffee after 2pm."
    assert {p.kind for p in propose(text, lexicon, "insomnia") if p.remedy == "caffeine"} == {"cause"}
