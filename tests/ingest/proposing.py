"""Proposing with the catalogue's own lexicon, as the rule tests of the proposer do: its fixture and
the kinds proposed for one remedy."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose

BENEFITS = {"relief", "treatment", "prevention"}


@pytest.fixture(scope="session")
def catalogue_lexicon():
    return lexicon_from_catalogue_files()  # the catalogue's remedies: aspirin, sleeping pills, peppermint tea


def kinds(text, lexicon, remedy, condition="night leg cramps"):
    return {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}
