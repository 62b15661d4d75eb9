"""Proposing with the catalogue's own lexicon, as the rule tests of the proposer do: its fixture, the
kinds proposed for one remedy, and what a reviewer reads of a remedy named by a word."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose

BENEFITS = {"relief", "treatment", "prevention"}
HARMS = {"cause", "caution", "interaction"}


@pytest.fixture(scope="session")
def catalogue_lexicon():
    return lexicon_from_catalogue_files()  # the catalogue's remedies: aspirin, sleeping pills, peppermint tea


def readings(text, lexicon, condition="migraine"):
    """Every (remedy, kind, population) proposed for `text`."""
    return {(p.remedy, p.kind, p.population) for p in propose(text, lexicon, condition)}


def kinds(text, lexicon, remedy, condition="night leg cramps"):
    return {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}


def read_as(text, lexicon, condition, word):
    """What the proposals of the remedy whose name, or words as written, hold `word` say: "benefit"
    (relief, treatment or prevention, and no harm), "harm" (cause or caution, and no benefit),
    "both" or "none"."""
    kinds = {p.kind for p in propose(text, lexicon, condition) if word in p.remedy.lower() or word in p.surface.lower()}
    return {(True, False): "benefit", (False, True): "harm", (True, True): "both", (False, False): "none"}[
        (bool(kinds & BENEFITS), bool(kinds & HARMS))
    ]


def said_of(text, lexicon, condition, word):
    """What a reviewer reads of the remedy whose name, or words as written, hold `word` ("a|b":
    either): each proposal as "benefit:<population>" or "harm:<population>" ("none": everyone),
    and as its kind ("caution:none")."""
    words = word.split("|")
    read = set()
    for p in propose(text, lexicon, condition):
        if any(w in p.remedy.lower() or w in p.surface.lower() for w in words):
            whom = p.population or "none"
            read |= {f"{'benefit' if p.kind in BENEFITS else 'harm'}:{whom}", f"{p.kind}:{whom}"}
    return read


def assert_said_of(lexicon, text, condition, word, required, forbidden, no_name=()):
    """That what is said of the remedy `word` names holds every `required` reading ("a|b": either)
    and none `forbidden`, and that no remedy is proposed under a name of `no_name`."""
    read = said_of(text, lexicon, condition, word)
    assert all(set(either.split("|")) & read for either in required) and not set(forbidden) & read, read
    names = {p.remedy.lower() for p in propose(text, lexicon, condition)}
    assert not names & set(no_name), names
