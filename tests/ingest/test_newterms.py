"""Remedies the lexicon does not know, read from how articles advise them (claims.ingest.newterms):
a sentence that opens with what helps. Read with the catalogue's names alone, without the everyday
table, which knows some of these names."""

from functools import cache

import pytest

from claims.catalogue import read_catalogue
from claims.ingest.catalogue_lexicon import CATALOGUE_DIR, catalogue_examples, lexicon_from_parts
from claims.ingest.lexicon import remedies_from_catalogue
from claims.ingest.propose import propose


@cache
def lexicon_from_catalogue_files():
    catalogue = read_catalogue(CATALOGUE_DIR)
    return lexicon_from_parts(remedies_from_catalogue(catalogue), catalogue_examples(catalogue), {}, everyday=())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A humidifier in the bedroom can help in winter.", "humidifier"),
        ("Wet wraps can help during a flare.", "wet wraps"),
        ("Zinc lozenges help if you start early.", "zinc lozenges"),
        ("Blackout curtains may help in summer.", "blackout curtains"),
        # the remedy in the form it is taken in: nothing had been proposed
        ("Senna tablets can help for a short time.", "senna"),
    ],
)
def test_a_sentence_that_opens_with_what_helps_proposes_it_as_new(text, name):
    found = {(p.remedy, p.kind, p.is_new) for p in propose(text, lexicon_from_catalogue_files(), "insomnia")}
    # help during a flare is relief during an episode, as the catalogue's relief during a cramp
    assert (name, "relief" if "flare" in text else "treatment", True) in found


@pytest.mark.parametrize(
    "text",
    ["Urgent help", "A pharmacist can help with that.", "Studies help us understand sleep.", "This can help."],
)
def test_who_or_what_is_no_remedy_opens_a_sentence_that_helps_and_nothing_is_proposed(text):
    assert propose(text, lexicon_from_catalogue_files(), "insomnia") == []


@pytest.mark.parametrize(
    "label",
    ["Paragraph 2.", "Section 3.", "Chapter 1:", "Example 4.", "Para 2.", "Table 1.", "Stage II.", "Box 3a."],
)
def test_a_part_of_the_text_named_by_its_number_is_no_remedy(label):
    """A line that numbers the text's parts had each proposed a new remedy ("paragraph", rule
    pattern:title); the advice after it is still read."""
    found = {(p.remedy, p.is_new) for p in propose(f"{label}\nGinger tea can help.", lexicon_from_catalogue_files())}
    assert found == {("ginger tea", True)}
