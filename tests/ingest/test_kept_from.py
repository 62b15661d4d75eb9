"""Whom a sentence keeps a remedy from, in the words the population review left read wrong: a
warning said of it again after "but" or a semicolon ("but it should be avoided in pregnancy"), good
denied right where it is said ("isn't the best choice"), good said of another only ("only
paracetamol is safe in pregnancy"), what another remedy is free of ("doesn't contain aspirin"),
"under-16s", good said in other words beside the warning ("are the main medicine"), whom another
remedy's part names ("but children should take cetirizine instead", ", who shouldn't have aspirin")
and a warning with no subject in the next sentence ("Not suitable in pregnancy."). Each
proposal of the remedy the word names reads as "benefit:<population>" or "harm:<population>"
("none": everyone); what a reviewer would insist on is required, what would be wrong is forbidden."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon, kinds  # noqa: F401 (a fixture)

CASES = [
    # a warning said of "it" after "but" or a semicolon, in the words a warning after the name has
    (
        "Valerian helps, but it should be avoided in pregnancy.",
        "insomnia",
        "valerian",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    (
        "Valerian helps, but it is better avoided in pregnancy.",
        "insomnia",
        "valerian",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    (
        "Valerian helps sleep in adults; in pregnancy it is best avoided.",
        "insomnia",
        "valerian",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    (
        "St John's wort can lift a low mood, but it is risky with the pill.",
        "low mood",
        "john",
        ["harm:other_medicines"],  # those who take the pill (it had been everyone's)
        ["benefit:other_medicines"],
    ),
    # good denied where it is said
    (
        "Ibuprofen eases pain, but it isn't the best choice in pregnancy.",
        "headache",
        "ibuprofen",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    (
        "Ibuprofen isn't the best choice in pregnancy.",
        "headache",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    (
        "Ibuprofen is not the ideal option in pregnancy.",
        "headache",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    (
        "Antihistamines such as cetirizine ease sneezing, but not all are suitable for young children.",
        "hay fever",
        "cetirizine",
        ["benefit:none"],
        ["benefit:children"],
    ),
    # good said of another only
    (
        "Ibuprofen and paracetamol both ease pain, but only paracetamol is safe in pregnancy.",
        "headache",
        "ibuprofen",
        ["benefit:none"],
        ["benefit:pregnancy"],
    ),
    (
        "Ibuprofen and paracetamol both ease pain, but only paracetamol is safe in pregnancy.",
        "headache",
        "paracetamol",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # what another remedy is free of
    (
        "Gaviscon doesn't contain aspirin, so it's safe in pregnancy.",
        "heartburn",
        "aspirin",
        ["harm:pregnancy"],
        ["benefit:pregnancy", "benefit:none"],
    ),
    (
        "Gaviscon doesn't contain aspirin, so it's safe in pregnancy.",
        "heartburn",
        "gaviscon",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    ("Rooibos tea is free from caffeine.", "insomnia", "caffeine", ["harm:none"], ["benefit:none"]),
    # children in other words
    (
        "Ibuprofen eases pain, but it is not suitable for under-16s.",
        "headache",
        "ibuprofen",
        ["benefit:none", "harm:children"],
        ["benefit:children"],
    ),
    ("Aspirin is not for anyone under 16.", "headache", "aspirin", ["harm:children"], []),
    (
        "Ibuprofen eases pain, but don't give it to people under the age of 12.",
        "headache",
        "ibuprofen",
        ["harm:children"],
        ["benefit:children"],
    ),
    # good said in other words, then denied to some: the benefit beside the caution
    (
        "Statins are the main medicine, but they aren't suitable in pregnancy.",
        "high cholesterol",
        "statin",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    (
        "Loperamide can slow diarrhoea in adults, but it isn't suitable for children under 12.",
        "diarrhoea",
        "loperamide",
        ["benefit:none", "harm:children"],
        ["benefit:children"],
    ),
    (
        "Trimethoprim is an alternative, but it should be avoided in the first trimester of pregnancy.",
        "cystitis",
        "trimethoprim",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # whom another remedy's part names, after "but" or in "who ...", is not this one's
    (
        "Chlorphenamine eases itching in adults, but children should take cetirizine instead.",
        "hay fever",
        "chlorphenamine",
        ["benefit:none"],
        ["benefit:children"],
    ),
    (
        "Chlorphenamine works well, but for children, cetirizine is better.",
        "hay fever",
        "chlorphenamine",
        ["benefit:none"],
        ["benefit:children"],
    ),
    (
        "Ibuprofen relieves pain in children over 3 months, who shouldn't have aspirin.",
        "headache",
        "ibuprofen",
        ["benefit:children"],
        ["harm:children"],
    ),
    (
        "Ibuprofen relieves pain in children over 3 months, who shouldn't have aspirin.",
        "headache",
        "aspirin",
        ["harm:children"],
        ["benefit:children", "benefit:none"],
    ),
    # a warning with no subject in the next sentence is the remedy's
    (
        "Ibuprofen eases pain. Not suitable in pregnancy or for children under 16.",
        "headache",
        "ibuprofen",
        ["benefit:none", "harm:pregnancy", "harm:children"],
        ["benefit:pregnancy", "benefit:children"],
    ),
    ("Aspirin eases pain. Not recommended.", "headache", "aspirin", ["harm:none"], ["benefit:none"]),
    ("Cold showers help. Not for the faint-hearted, though.", "cramps", "shower", ["benefit:none"], ["harm:none"]),
    # a new user's hay fever article
    (
        "Hay fever: what actually helps\n\nSmoking makes hay fever symptoms worse, and so does drinking alcohol.",
        "hay fever",
        "alcohol",
        ["harm:none"],
        ["benefit:none"],
    ),
    (
        "A steroid nasal spray such as Beconase eases a blocked nose if you start it two weeks before the season. "
        "Not suitable for children under 12.",
        "hay fever",
        "steroid",
        ["benefit:none", "harm:children"],
        ["benefit:children"],
    ),
    (
        "Decongestant sprays such as Sudafed Blocked Nose Spray clear a stuffy nose quickly. "
        "Do not use them for more than 7 days, or the blockage can come back worse.",
        "hay fever",
        "decongestant",
        ["benefit:none", "harm:none"],
        [],
    ),
    (
        "Not safe in pregnancy: ibuprofen, aspirin\nSafe in pregnancy: paracetamol, ginger",
        "pain",
        "ginger",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    (
        "| Remedy | Who it suits | Verdict |\n|---|---|---|\n"
        "| Cetirizine | Adults and children over 6 | Good first choice |",
        "hay fever",
        "cetirizine",
        ["benefit:none"],
        ["benefit:children"],
    ),
    # entries of one list: neither line titles the next
    (
        "Aspirin: not for children\nIbuprofen: ask first if you have asthma\nParacetamol: suitable for most people",
        "headache",
        "paracetamol",
        ["benefit:none"],
        ["harm:children", "benefit:children"],
    ),
]


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), CASES)
def test_whom_a_remedy_is_kept_from(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Avoid ibuprofen if you have asthma, because it can make wheezing worse.", "ibuprofen"),
        ("Skip ibuprofen if you have a stomach ulcer.", "ibuprofen"),
        ("Avoid valerian, kava and St John's wort if you are pregnant or breastfeeding.", "valerian"),
    ],
)
def test_a_remedy_kept_from_some_is_a_caution_not_a_cause(catalogue_lexicon, text, remedy):  # noqa: F811
    assert kinds(text, catalogue_lexicon, remedy, "hay fever") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Piriton causes drowsiness.", "chlorphenamine", {"caution"}),
        (
            "| Remedy | Who it suits | Verdict |\n|---|---|---|\n| Piriton | Adults | Causes drowsiness |",
            "chlorphenamine",
            {"caution"},
        ),
        ("Regular codeine use leads to dependence.", "codeine", {"caution"}),
        ("Piriton eases hay fever but causes drowsiness.", "chlorphenamine", {"caution", "treatment"}),
        # the condition itself is a cause
        ("Painkillers taken too often can cause headaches.", "analgesics", {"cause"}),
    ],
)
def test_a_side_effect_it_causes_is_a_caution_not_a_cause_of_the_condition(catalogue_lexicon, text, remedy, expected):  # noqa: F811
    condition = "headache" if "headaches" in text else "hay fever"
    assert kinds(text, catalogue_lexicon, remedy, condition) == expected
