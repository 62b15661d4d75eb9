"""A remedy named as what another is free of, or one is better without (claims.ingest.absence)."""

import pytest

from claims.ingest.absence import HARM, NOTHING, free_of


def read(text, name, labels=(), harmful=False):
    offset = text.index(name)
    return free_of(text, offset, offset + len(name), labels, harmful)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Gaviscon doesn't contain aspirin, so it's safe in pregnancy.", "aspirin", HARM),
        ("Gaviscon doesn't contain any aspirin or ibuprofen, so it's safe in pregnancy.", "ibuprofen", HARM),
        ("Choose a remedy that doesn't contain pseudoephedrine if you have high blood pressure.", "pseudo", HARM),
        ("Many people with IBS feel better without onions, garlic and beans.", "garlic", HARM),
        ("If your multivitamin contains no vitamin D, take a separate supplement.", "vitamin D", NOTHING),
        # as it would read otherwise
        ("Don't exercise without warming up.", "warming", ""),
        ("Without ice or ibuprofen, a sprain takes longer to settle.", "ibuprofen", ""),
        ("Magnesium helps many people.", "Magnesium", ""),
    ],
)
def test_what_another_is_free_of(text, name, expected):
    assert read(text, name) == expected


def test_a_refusing_label_keeps_without_as_it_was():
    assert read("Go to bed without stretching first.", "stretching", labels=("", "", "Never")) == ""
    assert read("Go to bed without stretching first.", "stretching") == HARM


def test_what_is_mostly_harmful_is_a_harm_whatever_follows():
    assert read("Rooibos tea contains no caffeine.", "caffeine", harmful=True) == HARM
    assert read("Rooibos tea contains no caffeine.", "caffeine") == NOTHING
