"""Benefits and harms the text denies, read as a reviewer reads them: a benefit denied of a remedy
named again ("Vitamin C is popular, but there's no evidence that high doses of vitamin C prevent
colds") is never proposed from its first naming."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

CASES = [
    # the benefit the second naming denies is not read from the first
    ("Vitamin C is popular, but there's no evidence that high doses of vitamin C prevent colds.", "common cold",
     "vitamin c", ["caution:none"], ["benefit:none"]),
    ("Echinacea is widely sold, but studies haven't shown that echinacea shortens colds.", "common cold",
     "echinacea", ["caution:none"], ["benefit:none"]),
    ("Many people take zinc for colds, yet there is little evidence that zinc helps.", "common cold", "zinc",
     ["caution:none"], ["benefit:none"]),
    # a caution said after the second naming leaves the benefit beside it
    ("Loperamide (Imodium) can slow diarrhoea in adults, but Imodium isn't suitable for children under 12.",
     "norovirus", "loperamide", ["benefit:none", "caution:children"], ["benefit:children"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), CASES)
def test_what_the_text_denies(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)
