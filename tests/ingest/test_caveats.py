"""Cautions said of a remedy in the sentences after its own, naming it by a word of how it was
written ("the needle", "the injection"), even a paragraph or two on."""

import pytest

from claims.ingest.lexicon import RemedyData, build_lexicon
from claims.ingest.propose import propose


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon([RemedyData("needle pricking", "procedure"), RemedyData("magnesium", "supplement")])


NEEDLE = (
    "The last resort is to prick the muscle with a needle.\n\n"
    "Use it only when nothing else has helped.\n\n"
    "To keep germs out, the needle must be sterile.\n\n"
    "Be careful with the needle: nerves lie close to the skin."
)


def caveats(text, lexicon, remedy, condition="night leg cramps"):
    return [
        (p.quote, p.surface, p.rule)
        for p in propose(text, lexicon, condition)
        if p.remedy == remedy and p.rule.startswith("said after")
    ]


def test_each_later_sentence_that_names_the_remedy_again_with_a_caution_is_its_caution(lexicon):
    assert caveats(NEEDLE, lexicon, "needle pricking") == [
        ("To keep germs out, the needle must be sterile.", "needle", "said after: sterile"),
        ("Be careful with the needle: nerves lie close to the skin.", "needle", "said after: careful"),
    ]


def test_a_heading_or_another_remedy_ends_what_is_said_of_it(lexicon):
    headed = NEEDLE.replace("To keep germs out", "## Other ways\n\nTo keep germs out")
    assert [quote for quote, _, _ in caveats(headed, lexicon, "needle pricking")] == []
    other = NEEDLE.replace("Use it only when nothing else has helped.", "Magnesium helps some people.")
    assert caveats(other, lexicon, "needle pricking") == []


def test_two_sentences_that_do_not_name_it_end_the_reading(lexicon):
    far = NEEDLE.replace("Use it only when nothing else has helped.", "Use it only when nothing else has helped. Wait.")
    assert caveats(far, lexicon, "needle pricking") == []


def test_a_sentence_that_names_no_word_of_it_is_no_caveat(lexicon):
    text = "Prick the muscle with a needle.\n\nConsult a doctor if cramps persist."
    assert caveats(text, lexicon, "needle pricking") == []
