"""Whom a claim is said of, from a hostile review of the rules of 50545d5 (a warning said of "it"
after "but", good denied where it is said, "only X is safe", what another remedy is free of, ages
as children, good said in other words, entries of one list; 278 cases against that commit): each
case here was read wrong at that commit. Each proposal of the remedy the word names reads as
"benefit:<population>" or "harm:<population>" ("none": everyone); what a reviewer would insist on
is required ("a|b": either), what would be wrong is forbidden."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

CASES = [
    # r1-but-it-warned
    (
        "Valerian helps insomnia, but steer clear of it in pregnancy.",
        "insomnia",
        "valerian",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r1-but-it-warned
    (
        "Valerian helps insomnia, but its safety in pregnancy is unknown.",
        "insomnia",
        "valerian",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r1-but-it-warned
    (
        "Valerian helps insomnia, but check with your midwife before using it in pregnancy.",
        "insomnia",
        "valerian",
        [],
        ["benefit:pregnancy"],
    ),
    # r1-but-it-warned
    (
        "Valerian may help, but is better avoided in pregnancy.",
        "insomnia",
        "valerian",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r2-denied-good
    (
        "Antihistamines work well for hay fever, but not all of them are suitable for pregnant women.",
        "hay fever",
        "antihistamine",
        ["benefit:none"],
        ["benefit:pregnancy"],
    ),
    # r2-denied-good
    ("Not all cough medicines are suitable for children.", "cough", "cough", ["harm:children"], ["benefit:children"]),
    # r2-denied-good
    (
        "Ibuprofen isn't necessarily the best painkiller in pregnancy.",
        "headache",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r2-denied-good
    (
        "Omeprazole is not usually the first choice in pregnancy; antacids are tried first.",
        "heartburn",
        "omeprazole",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r2-denied-good
    (
        "Melatonin may not be the best option for children.",
        "insomnia",
        "melatonin",
        ["harm:children"],
        ["benefit:children"],
    ),
    # r2-denied-good
    (
        "Ibuprofen eases pain but is not the best choice for people with stomach ulcers.",
        "pain",
        "ibuprofen",
        ["benefit:none", "harm:gastrointestinal"],
        ["benefit:gastrointestinal"],
    ),
    # r2-denied-good
    (
        "Cetirizine works for hay fever, but it's not the first choice in pregnancy.",
        "hay fever",
        "cetirizine",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r2-denied-good
    (
        "Codeine is no longer considered a safe choice for children.",
        "cough",
        "codeine",
        ["harm:children"],
        ["benefit:children"],
    ),
    # r3-only-another
    (
        "Only paracetamol is safe to take in pregnancy; ibuprofen and aspirin should be avoided.",
        "headache",
        "paracetamol",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # r3-only-another
    (
        "Both ibuprofen and paracetamol relieve fever, but only paracetamol is suitable for babies under 3 months.",
        "fever",
        "ibuprofen",
        [],
        ["benefit:children"],
    ),
    # r3-only-another
    (
        "Nurofen and Calpol both ease teething pain, but only Calpol is suitable for babies under 3 months.",
        "teething",
        "nurofen",
        [],
        ["benefit:children"],
    ),
    # r3-only-another
    (
        "Valerian and chamomile tea both help you relax, but only chamomile tea is considered safe in pregnancy.",
        "insomnia",
        "valerian",
        [],
        ["benefit:pregnancy"],
    ),
    # r3-only-another
    (
        "Aspirin should only be used in pregnancy if prescribed by a doctor.",
        "headache",
        "aspirin",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r3-only-another
    (
        "Only use codeine in children over 12 if other painkillers haven't worked.",
        "pain",
        "codeine",
        ["harm:children"],
        ["benefit:children"],
    ),
    # r4-free-of
    (
        "Gaviscon has no aspirin in it, so it's safe in pregnancy.",
        "heartburn",
        "aspirin",
        [],
        ["benefit:pregnancy", "benefit:none"],
    ),
    # r4-free-of
    (
        "Paracetamol without codeine is fine for most children.",
        "pain",
        "codeine",
        [],
        ["benefit:children", "benefit:none"],
    ),
    # r4-free-of
    (
        "Gaviscon doesn't contain any aspirin or ibuprofen, so it's safe in pregnancy.",
        "heartburn",
        "ibuprofen",
        [],
        ["benefit:pregnancy", "benefit:none"],
    ),
    # r4-guard
    (
        "If your multivitamin contains no vitamin D, take a separate vitamin D supplement during pregnancy.",
        "vitamin D deficiency",
        "vitamin d",
        ["benefit:pregnancy|benefit:none"],
        ["harm:pregnancy", "harm:none"],
    ),
    # r4-guard
    (
        "If your pregnancy multivitamin doesn't contain folic acid, take 400 micrograms of folic acid a day as well.",
        "pregnancy",
        "folic",
        ["benefit:pregnancy|benefit:none"],
        ["harm:pregnancy", "harm:none"],
    ),
    # r5-under-age
    ("Aspirin is not suitable for those under 16.", "pain", "aspirin", ["harm:children"], ["benefit:children"]),
    # r5-under-age
    (
        "Aspirin should not be given to anyone aged under 16.",
        "pain",
        "aspirin",
        ["harm:children"],
        ["benefit:children"],
    ),
    # r5-under-age
    ("Aspirin is not for young people under 16.", "pain", "aspirin", ["harm:children"], ["benefit:children"]),
    # r5-under-age
    (
        "Aspirin is not recommended for patients under 16 years of age.",
        "pain",
        "aspirin",
        ["harm:children"],
        ["benefit:children"],
    ),
    # r5-under-age
    ("If you're under 18, do not take codeine.", "pain", "codeine", ["harm:children"], ["benefit:children"]),
    # r5-under-age
    (
        "Avoid giving loperamide to those aged 12 and under.",
        "diarrhoea",
        "loperamide",
        ["harm:children"],
        ["benefit:children"],
    ),
    # r5-under-age
    ("Never give honey to under-1s.", "cough", "honey", ["harm:children"], ["benefit:children"]),
    # r5-under-age
    (
        "Chlorphenamine can cause confusion in over-65s.",
        "hay fever",
        "chlorphenamine",
        ["harm:elderly"],
        ["benefit:elderly"],
    ),
    # r5-under-age
    ("Aspirin isn't suitable for teens.", "pain", "aspirin", ["harm:children"], ["benefit:children"]),
    # r5-under-age
    (
        "Don't give ibuprofen to toddlers with chickenpox.",
        "chickenpox",
        "ibuprofen",
        ["harm:children"],
        ["benefit:children"],
    ),
    # r5-under-age
    ("Honey is unsafe for newborns.", "cough", "honey", ["harm:children"], ["benefit:children"]),
    # r5-guard
    (
        "People under 8 stone may need a lower dose of paracetamol.",
        "pain",
        "paracetamol",
        [],
        ["harm:children", "benefit:children"],
    ),
    # r5-guard
    (
        "Anyone under 5 feet tall needs no change to the dose; ibuprofen eases pain for most adults.",
        "pain",
        "ibuprofen",
        ["benefit:none"],
        ["harm:children", "benefit:children"],
    ),
    # r6-good-then-some
    (
        "Omeprazole can treat stomach ulcers, but long-term use is best avoided in older people.",
        "stomach ulcer",
        "omeprazole",
        ["harm:elderly"],
        ["benefit:elderly"],
    ),
    # r7-list
    (
        "Pregnancy: what's safe\nParacetamol: safe at usual doses\nIbuprofen: avoid, especially after 20 weeks",
        "pain",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # r7-list
    (
        "Pregnancy: what's safe\nParacetamol: safe at usual doses\nIbuprofen: avoid, especially after 20 weeks",
        "pain",
        "paracetamol",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
]


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), CASES)
def test_whom_each_claim_is_said_of(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)
