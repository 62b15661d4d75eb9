"""A small lexicon built from plain data, as the proposer's callers build it: a few remedies with
aliases, the repository's brand table, and a handful of drug names instead of the 75,000."""

import pytest

from claims.ingest.brands import brand_table
from claims.ingest.drugnames import CLASS, DRUG
from claims.ingest.lexicon import RemedyData, build_lexicon

REMEDIES = [
    RemedyData("quinine", "drug", ("quinine sulfate",), "P01BC01"),
    RemedyData("tolperisone", "drug", ("Mydocalm",), "M03BX04"),
    RemedyData("metamizole", "drug", ("dipyrone", "metamizole sodium")),
    RemedyData("magnesium", "supplement"),
    RemedyData("potassium", "supplement"),
    RemedyData("apple", "food_drink", ("apples",)),
    RemedyData("apple cider vinegar", "herbal_folk"),
    RemedyData("banana", "food_drink", ("bananas",)),
    RemedyData("stretching", "maneuver"),
    RemedyData("massage", "maneuver"),
    RemedyData("needle pricking", "procedure"),
    RemedyData("alcohol", "food_drink"),
    RemedyData("caffeine", "food_drink", ("coffee",)),
    RemedyData("diuretics", "drug"),
    RemedyData("compression stockings", "device_garment"),
]
DRUG_NAMES = {
    "gabapentin": ("gabapentin", DRUG),
    "furosemide": ("furosemide", DRUG),
    "dipyrone": ("dipyrone", DRUG),
    "analgin": ("dipyrone", DRUG),
    "statins": ("hydroxymethylglutaryl-coa reductase inhibitors", CLASS),
    "antispasmodic": ("parasympatholytics", CLASS),
}


@pytest.fixture(scope="session")
def lexicon():
    return build_lexicon(REMEDIES, brand_table(), DRUG_NAMES)
