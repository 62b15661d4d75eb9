"""Whether a sentence denies a remedy's benefit, and with which words (claims.ingest.denied)."""

import pytest

from claims.ingest.denied import denial, denied_benefit


def test_a_denial_in_another_remedys_part_is_not_the_remedys():
    text = "Bananas help, but quinine is not recommended."
    assert denied_benefit(text, 0) == ""
    assert denied_benefit(text, text.index("quinine")) == "is not recommended"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # said of it again after "but", or with no subject
        ("Quinine was once prescribed, but it is no longer recommended.", "Quinine", "is no longer recommended"),
        ("Valerian helps, but must be avoided in kidney disease.", "Valerian", "must be avoided"),
        # an aside does not end the part
        ("Quinine, while once popular, is no longer recommended.", "Quinine", "is no longer recommended"),
        # a denial in a condition is not the remedy's
        ("If stretching does not help, take magnesium.", "magnesium", ""),
        # "not only" denies nothing
        ("Ginger is not only effective but also safe.", "Ginger", ""),
        # the relief stands when only the healing is not faster
        ("Ibuprofen eases the pain but won't make it heal any faster.", "Ibuprofen", ""),
    ],
)
def test_what_denies_the_benefit(text, name, expected):
    assert denied_benefit(text, text.index(name)) == expected


def test_a_denial_outside_a_condition():
    assert denial("Quinine is not recommended for cramps.") == "is not recommended"
    assert denial("If quinine is not recommended, ask a doctor.") == ""
