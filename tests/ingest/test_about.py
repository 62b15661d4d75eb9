"""Which other known condition a benefit is said of (claims.ingest.about)."""

import pytest

from claims.ingest.about import said_of_another

KNOWN = ["night leg cramps", "heartburn", "common cold", "insomnia", "migraine"]


@pytest.mark.parametrize(
    ("quote", "kind", "condition", "about"),
    [
        ("Quinine treats night leg cramps.", "treatment", "heartburn", "night leg cramps"),
        ("Quinine eases leg cramps.", "relief", "heartburn", "night leg cramps"),  # without its first word
        ("Zinc shortens a common cold.", "treatment", "heartburn", "common cold"),
        ("Magnesium helps migraines and night leg cramps.", "prevention", "heartburn", "night leg cramps"),
        ("Magnesium helps insomnia.", "treatment", "night leg cramps", "insomnia"),
        # the article's own condition named too: about it
        ("Magnesium helps heartburn and migraines.", "treatment", "heartburn", None),
        # one word of a name is not the name: "cold water" is no common cold, "legs" no leg cramps
        ("Drink cold water slowly.", "treatment", "heartburn", None),
        ("Raise your legs after meals.", "prevention", "heartburn", None),
        # a harm says whom or what it warns of, not what a claim is about
        ("Zinc can upset a common cold.", "caution", "heartburn", None),
        ("Coffee provokes migraine.", "cause", "heartburn", None),
    ],
)
def test_a_benefit_said_of_another_known_condition(quote, kind, condition, about):
    assert said_of_another(quote, kind, condition, KNOWN) == about
