"""A remedy named by its lack ("Not getting enough sleep can lead to headaches", "Too little
potassium can cause cramps"): what its lack brings on, it prevents (claims.ingest.missing.lacked).
It had been proposed as a cause of the condition, or, for something taken, a caution: "magnesium
needs caution" read from "Not getting enough magnesium can cause cramps"."""

import pytest

from claims.ingest.cues import cue_table
from claims.ingest.missing import lacked
from claims.ingest.propose import propose
from tests.ingest.proposing import catalogue_lexicon  # noqa: F401 (a fixture)


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("Not getting enough magnesium can cause cramps.", "night leg cramps", "magnesium"),
        ("Too little potassium can cause cramps.", "night leg cramps", "potassium"),
        ("Not drinking enough water can cause headaches.", "headache", "fluid intake"),
        ("Not getting enough sleep can lead to severe headaches.", "headache", "getting enough sleep"),
    ],
)
def test_what_its_lack_brings_on_it_prevents(catalogue_lexicon, text, condition, remedy):  # noqa: F811
    assert {p.kind for p in propose(text, catalogue_lexicon, condition) if p.remedy == remedy} == {"prevention"}


@pytest.mark.parametrize(
    ("text", "condition", "remedy", "kind"),
    [
        ("Drinking too much alcohol can cause headaches.", "headache", "alcohol", "cause"),  # too much: a cause
        ("Not coffee: chamomile tea helps.", "insomnia", "caffeine", "caution"),  # a refusal, no lack
    ],
)
def test_a_remedy_named_without_its_lack_keeps_its_reading(catalogue_lexicon, text, condition, remedy, kind):  # noqa: F811
    assert {p.kind for p in propose(text, catalogue_lexicon, condition) if p.remedy == remedy} == {kind}


def _lacked(text, name, condition="night leg cramps"):
    start = text.index(name)
    return lacked(text, start, start + len(name), name, cue_table(condition).named)


def test_the_words_of_a_lack_are_read_at_the_head_of_its_clause():
    assert _lacked("Not getting enough magnesium can cause cramps.", "magnesium") == "not getting enough"
    assert _lacked("Not drinking enough water can cause headaches.", "enough water", "headache") == "not drinking"
    assert _lacked("Sleep well. Too little sleep may trigger migraines.", "sleep", "migraine") == "too little"
    assert _lacked("In older adults, too little magnesium can cause cramps.", "magnesium") == "too little"
    assert (
        _lacked("You get too little sleep, which may trigger migraines.", "sleep", "migraine") == ""
    )  # not at the head
    assert _lacked("Too little sleep is common in students.", "sleep", "migraine") == ""  # nothing brought on
    assert _lacked("Enough magnesium can cause diarrhoea.", "magnesium") == ""


# From a hostile review of the first version, which read any "not" before a name followed by any
# cause: each had been turned from a harm into a prevention.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm not taking ibuprofen any more because it can cause heartburn.", "ibuprofen"),
        ("Not taking ibuprofen is wise, because it can cause heartburn.", "ibuprofen"),
        ("Not taking ibuprofen with food can cause stomach ulcers.", "ibuprofen"),
        ("There is not enough aspirin in one tablet to cause an ulcer.", "aspirin"),
        ("It's not eating chocolate that triggers the migraine.", "chocolate"),
        ("Whether or not eating chocolate triggers migraines is unclear.", "chocolate"),
        ("Not eating cheese can trigger migraines, said no doctor ever.", "cheese"),
        ("Not eating chocolate can cause cravings, but chocolate causes heartburn.", "chocolate"),
        ("Not getting enough sleep is common, and coffee can cause insomnia.", "sleep"),
        # a third hostile review: another harm than the article's condition, a doubt, a myth, a claim
        ("Not getting enough magnesium can lead to low energy.", "magnesium"),
        ("Too little magnesium is unlikely to cause cramps, and supplements don't help.", "magnesium"),
        ("Myth: not getting enough potassium causes cramps.", "potassium"),
        ("Not eating enough bananas can cause cramps, claim some websites.", "bananas"),
        ("Not getting enough magnesium can cause cramps?", "magnesium"),
    ],
)
def test_a_not_that_is_no_lack_at_the_head_of_a_cause_is_none(text, name):
    assert _lacked(text, name, "night leg cramps") == ""


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("Not taking ibuprofen with food can cause stomach ulcers.", "indigestion", "ibuprofen"),
        ("Too little quinine can cause cramps to come back, but quinine can cause serious side effects.",
         "night leg cramps", "quinine"),
        ("Not eating chocolate can cause cravings, but chocolate causes heartburn.", "heartburn", "chocolate"),
    ],
)  # fmt: skip
def test_a_medicine_or_a_not_of_something_else_is_never_a_prevention_this_way(
    catalogue_lexicon,  # noqa: F811
    text,
    condition,
    remedy,
):
    kinds = {p.kind for p in propose(text, catalogue_lexicon, condition) if p.remedy == remedy}
    assert "prevention" not in kinds


def test_whom_a_lack_is_said_of_stays_with_its_prevention(catalogue_lexicon):  # noqa: F811
    proposals = propose(
        "In older adults, too little magnesium can cause cramps.", catalogue_lexicon, "night leg cramps"
    )
    assert {(p.kind, p.population) for p in proposals if p.remedy == "magnesium"} == {("prevention", "elderly")}
