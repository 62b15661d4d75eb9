"""Populations (claims.ingest.details) and the dose as a segment states it (claims.ingest.dose)."""

import pytest

from claims.ingest import details
from claims.ingest.dose import dose_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pregnant women often have cramps.", ["pregnancy"]),
        ("In children and the elderly.", ["children", "elderly"]),
        ("Athletes and runners.", ["athletes"]),
        ("With varicose veins or thrombophlebitis.", ["varicose_veins", "thrombophlebitis"]),
        ("Nothing special.", []),
        ("Some people with asthma react to it.", ["asthma"]),
        ("Not while breastfeeding, nor for nursing mothers.", ["breastfeeding"]),
        ("If you're pregnant or nursing, ask first.", ["pregnancy", "breastfeeding"]),
        ("Avoid it if you have high blood pressure or hypertension.", ["hypertension"]),
        # not a care home, nor a medicine for high blood pressure, nor low blood pressure
        ("Residents of a nursing home often take antihypertensive drugs.", []),
        ("With low blood pressure.", ["hypotension"]),
    ],
)
def test_populations(text, expected):
    assert details.populations(text) == expected


def test_the_dose_as_stated():
    assert dose_in("Take 2 tablets 3 times a day after meals for 4-6 weeks.") == (
        "2 tablets; 3 times a day; after meals; 4-6 weeks"
    )
    assert dose_in("Eat oatmeal.") == ""


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("Take no more than 4 g of paracetamol a day.", "no more than 4 g; a day"),
        ("Adults may take up to 3 tablets a day.", "up to 3 tablets a day"),
        ("Do not give more than 200 mg at a time.", "Do not give more than 200 mg"),
        ("Use it for 5 days, but not for more than 7 days.", "5 days; not for more than 7 days"),
        ("The maximum daily dose is 4 g.", "maximum daily dose is 4 g"),
        ("Use at most 2 drops of the oil.", "at most 2 drops"),
    ],
)
def test_a_dose_limit_keeps_its_limit(text, dose):
    # "no more than 4 g" stated as "4 g" reads as a dose to take.
    assert dose_in(text) == dose
