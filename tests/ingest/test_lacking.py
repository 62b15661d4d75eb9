"""A remedy named by its lack ("Not getting enough sleep can lead to headaches", "Too little
potassium can cause cramps"): what its lack brings on, it prevents (claims.ingest.missing.lacked).
It had been proposed as a cause of the condition, or, for something taken, a caution: "magnesium
needs caution" read from "Not getting enough magnesium can cause cramps"."""

import pytest

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
        ("Not stretching before bed can bring on cramps.", "night leg cramps", "stretching"),
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


def test_the_words_of_a_lack_are_read_before_the_name():
    text = "Not getting enough magnesium"
    assert lacked(text, text.index("magnesium"), "magnesium") == "not getting enough"
    assert lacked("Not drinking enough water", 4, "drinking enough water") == "not"
    assert lacked("Enough magnesium", 7, "magnesium") == ""
    assert lacked("Not all magnesium", 8, "magnesium") == ""
