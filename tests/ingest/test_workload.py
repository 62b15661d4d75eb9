"""The proposer's reading of an article, estimated before it runs (claims.ingest.workload): each
name the lexicon finds counts its segment's length and its own share."""

import pytest

from bench.ingest.workload import lists_of_names
from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.segments import segment
from claims.ingest.workload import PER_NAME, find_names, workload
from tests.helpers import CORPUS_DIR


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_from_catalogue_files(corpus_dir=None)


def test_each_name_counts_its_segment_and_its_own_share(lexicon):
    text = "Take magnesium and quinine before bed.\n\n## Other remedies\n\nRest. Stretch your calves."
    first, heading, rest, last = segment(text)
    assert (first.text, rest.text) == ("Take magnesium and quinine before bed.", "Rest.")
    assert heading.kind == "heading"
    # magnesium and quinine in the first sentence; "Stretch your calves" names stretching
    assert workload(find_names(text, lexicon)) == 2 * (len(first.text) + PER_NAME) + len(last.text) + PER_NAME


def test_a_text_naming_nothing_asks_nothing(lexicon):
    assert workload(find_names("The weather was fine all week.", lexicon)) == 0


def test_the_new_remedies_a_pattern_proposes_count_too(lexicon):
    """ "Foods rich in A, B and C" proposes each as a new remedy, and each is read like a known one."""
    text = "Foods rich in quorbel, vintessa and malderry help."
    names = find_names(text, lexicon)
    assert [m.surface for m in names.mentions] == ["quorbel", "vintessa", "malderry"]
    assert all(m.term.is_new for m in names.mentions)
    assert workload(names) == 3 * (len(text) + PER_NAME)


@pytest.mark.parametrize("path", sorted(CORPUS_DIR.glob("*.txt")), ids=lambda p: p.name[:3])
def test_a_list_of_names_asks_far_more_than_an_article_of_its_length(lexicon, path):
    listing = lists_of_names(lexicon, characters=1)  # one sentence of 60 of the lexicon's names
    article = path.read_text(encoding="utf-8")
    per_character = workload(find_names(article, lexicon)) / len(article)
    assert per_character > 1
    assert workload(find_names(listing, lexicon)) / len(listing) > 20 * per_character
