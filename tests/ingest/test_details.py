"""Populations and the dose as a segment states them (claims.ingest.details)."""

import pytest

from claims.ingest import details


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pregnant women often have cramps.", ["pregnancy"]),
        ("In children and the elderly.", ["children", "elderly"]),
        ("Athletes and runners.", ["athletes"]),
        ("With varicose veins or thrombophlebitis.", ["varicose_veins", "thrombophlebitis"]),
        ("Nothing special.", []),
    ],
)
def test_populations(text, expected):
    assert details.populations(text) == expected


def test_the_dose_as_stated():
    assert details.dose_in("Take 2 tablets 3 times a day after meals for 4-6 weeks.") == (
        "2 tablets; 3 times a day; after meals; 4-6 weeks"
    )
    assert details.dose_in("Eat oatmeal.") == ""
