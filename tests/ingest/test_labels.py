"""What the labels and title lines over a sentence say of it (claims.ingest.labels,
claims.ingest.lines): a bare order on a line of its own, a name and a colon, a flattened table's
verdict, a page heading that says something good beside a nearer warning."""

import pytest

from claims.ingest.propose import propose
from tests.ingest.proposing import BENEFITS, catalogue_lexicon, kinds

lexicon = catalogue_lexicon  # the fixture the tests take


@pytest.mark.parametrize(
    ("text", "warned", "warned_kind", "advised"),
    [
        ("Don't\nDrink coffee after 2 p.m.\nDo\nDrink chamomile tea.", "caffeine", "cause", "chamomile tea"),
        ("Avoid these\nRed wine and aged cheese.\nThese may help\nRiboflavin and magnesium taken daily.", "aged cheese",
         "cause", "magnesium"),
        ("Avoid\nCaffeine after noon.\nTry\nChamomile tea in the evening.", "caffeine", "cause", "chamomile tea"),
        ("Never\nGive aspirin to children.", "acetylsalicylic acid", "caution", None),
        ("Don't\nTake sleeping pills every night.", "hypnotics", "caution", None),  # a medicine kept away: a caution
    ],
)  # fmt: skip
def test_an_order_on_a_line_of_its_own_titles_the_lines_under_it(lexicon, text, warned, warned_kind, advised):
    assert kinds(text, lexicon, warned, "insomnia") == {warned_kind}
    if advised:
        assert kinds(text, lexicon, advised, "insomnia") & BENEFITS
        assert not kinds(text, lexicon, advised, "insomnia") - BENEFITS


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Aspirin: not for anyone under 16\nParacetamol: suitable for children", "acetylsalicylic acid", {"caution"}),
        ("Aspirin: not for anyone under 16\nParacetamol: suitable for children", "paracetamol", {"treatment"}),
        ("1. Aspirin: not recommended for headaches", "acetylsalicylic acid", {"caution"}),
    ],
)
def test_a_name_and_a_colon_read_as_a_title_and_the_line_under_it(lexicon, text, remedy, expected):
    assert kinds(text, lexicon, remedy, "headache") == expected


def test_a_short_sentence_that_says_something_is_no_title_for_the_next(lexicon):
    # "Smoking and alcohol. They provoke attacks." titles the next sentence; a claim does not
    text = "Aspirin eases headaches. It can cause stomach bleeding."
    found = {(p.kind, p.end) for p in propose(text, lexicon, "headache") if p.remedy == "acetylsalicylic acid"}
    assert found == {("treatment", 24), ("caution", len(text))}
    assert kinds("Not quinine (it is risky): try stretching your calves.", lexicon, "stretching") == {"relief"}


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Quinine\nQuinine sulfate is no longer recommended for routine leg cramps.", "quinine", {"caution"}),
        ("Notes\nSafe for most people\nMagnesium\nProbably not\nCan cause diarrhoea", "magnesium", {"caution"}),
        ("High in salt; avoid if you have high blood pressure\nVitamin E\nNo good evidence\nNot recommended",
         "vitamin E", {"caution"}),
        ("Low potassium can cause cramps, so eat a banana a day.", "banana", {"treatment"}),
        # remedy / strength of evidence / verdict: the verdict is two lines under the name
        ("Treatment\nEvidence\nOur verdict\nParacetamol\nLow\nNot recommended on its own – no better than a "
         "dummy pill\nMassage\nLow to moderate\nMay help alongside exercise\nStretching\nModerate\nWorth doing "
         "every night", "paracetamol", {"caution"}),
        ("Treatment\nEvidence\nOur verdict\nParacetamol\nLow\nNot recommended on its own – no better than a "
         "dummy pill\nMassage\nLow to moderate\nMay help alongside exercise\nStretching\nModerate\nWorth doing "
         "every night", "massage", {"relief"}),
        ("Remedy\nEvidence\nVerdict\nQuinine\nStrong\nAvoid: risk of serious bleeding disorders", "quinine",
         {"caution"}),
    ],
)  # fmt: skip
def test_a_title_line_and_the_verdict_of_a_flattened_table_under_it(lexicon, text, remedy, expected):
    assert kinds(text, lexicon, remedy) == expected


def test_a_page_heading_that_says_something_good_does_not_silence_a_nearer_warning_label(lexicon):
    text = "Sleep better tonight\n\nDrinks to avoid\nCoffee\nCola\n\nDon't\nDrink coffee after 2 p.m.\n"
    found = {(p.quote, p.kind) for p in propose(text, lexicon, "insomnia") if p.remedy in ("caffeine", "fizzy drinks")}
    assert found == {("Coffee", "cause"), ("Cola", "cause"), ("Drink coffee after 2 p.m.", "cause")}


TABLE = (
    "Treatment\nExample product\nPoints to note\n"
    "Wet combing\nBug Buster kit\nChemical-free but slow; comb through conditioned hair every four days\n"
    "Isopropyl myristate\nFull Marks Solution\nWorks in 10 minutes; can sting broken or sensitive skin\n"
    "Permethrin creme rinse\nLyclear\nLice are now widely resistant; no longer recommended as a first choice\n"
    "Ibuprofen\nNurofen\nHelps pain and swelling; avoid if you have stomach ulcers\n"
    "Sleeping pills\nAvoid\nSome people find they help for a night or two\n"
)


@pytest.mark.parametrize(
    ("remedy", "expected"),
    [
        ("wet combing", {"relief"}),  # the first cell names the row's remedy: the everyday table's maneuver
        ("isopropyl myristate", {"caution", "treatment"}),  # it works, and it can sting: both
        ("permethrin", {"caution"}),  # the row denies it, past a semicolon
        ("ibuprofen", {"caution", "treatment"}),
        ("hypnotics", {"caution"}),  # a verdict cell of its own: "Avoid"
    ],
)
def test_a_row_s_cells_speak_of_the_remedy_its_first_cell_names(catalogue_lexicon, remedy, expected):
    assert {p.kind for p in propose(TABLE, catalogue_lexicon, "head lice") if p.remedy == remedy} == expected


def test_the_caution_a_row_adds_beside_the_benefit_is_for_whom_it_names_and_the_benefit_for_everyone(
    catalogue_lexicon,
):
    # the brand in the next cell (Nurofen) is the same remedy, spoken of by the same row
    found = {(p.kind, p.population) for p in propose(TABLE, catalogue_lexicon, "sunburn")
             if p.remedy == "ibuprofen"}  # fmt: skip
    assert found == {("caution", "gastrointestinal"), ("treatment", None)}


def test_a_medicine_in_a_longer_line_of_a_list_of_causes_is_a_cause(lexicon):
    source = (
        "Common causes\nSitting for long periods\nStanding on hard floors all day\nDehydration\n"
        "Some medicines, for example diuretics, statins and some asthma inhalers\nStress"
    )
    proposals = propose(source, lexicon, "night leg cramps")
    assert {p.kind for p in proposals if p.remedy == "statins"} == {"cause"}


@pytest.mark.parametrize(
    "label", ["Common causes", "Causes of heartburn", "What causes ingrown toenails?", "What can trigger an attack?"]
)
def test_a_label_naming_or_asking_the_causes_warns_of_its_items(lexicon, label):
    from claims.ingest.labels import warning

    assert set(warning(label)) == {"cause"}
    text = f"## {label}\n\n- Statins\n- Diuretics\n"
    assert {p.kind for p in propose(text, lexicon, "heartburn") if p.remedy == "statins"} == {"cause"}


@pytest.mark.parametrize("label", ["Causes and treatment", "What causes it and what helps", "Quinine causes bleeding"])
def test_a_label_of_causes_that_says_something_good_too_or_is_a_claim_warns_of_nothing(label):
    from claims.ingest.labels import warning

    assert "cause" not in warning(label)


ASKING_TABLE = (
    "Remedy\nDoes it help?\nNotes\n"
    "Artificial tears (e.g. Hylo-Forte, Systane)\nYes\nUse preservative-free drops more than four times a day.\n"
    "Warm compress\nYes\nA warm flannel for 5-10 minutes loosens oily secretions in the eyelid glands.\n"
    "Omega-3 fish oil\nUncertain\nA large trial found no more benefit than a placebo.\n"
    "Melatonin\nUnproven\nSome people like it at night.\n"
)


def test_a_flattened_table_whose_header_asks_is_read_row_by_row(catalogue_lexicon):
    from claims.ingest.segments import ROW, segment

    assert [s.text.split("\n")[0] for s in segment(ASKING_TABLE) if s.kind == ROW] == [
        "Artificial tears (e.g. Hylo-Forte, Systane)", "Warm compress", "Omega-3 fish oil", "Melatonin"
    ]  # fmt: skip
    found = {p.remedy: p.kind for p in propose(ASKING_TABLE, catalogue_lexicon, "dry eyes")}
    assert found["warm compress"] == "treatment"
    assert found["melatonin"] == "caution"  # a verdict cell of its own: "Unproven"
    assert found["fish oil"] == "caution"  # "no more benefit than a placebo"
    assert "yes" not in found and "uncertain" not in found  # verdicts, not new remedies


DO_AND_DONT = (
    "Do and don't\nDo\nDon't\n"
    "Keep your feet warm with thick socks.\n"
    "Warm cold skin quickly with a hot water bottle.\n"
    "Let cold skin warm up gradually.\n"
    "Rub or massage the sore skin.\n"
    "Take paracetamol for the pain.\n"
    "Drink alcohol to warm up.\n\n"
    "See a doctor if the skin breaks.\n"
)


def test_a_flattened_do_and_dont_table_labels_every_second_line_don_t(catalogue_lexicon):
    from claims.ingest.segments import ITEM, segment

    items = [(s.text.split()[0], s.intro) for s in segment(DO_AND_DONT) if s.kind == ITEM]
    assert items == [
        ("Keep", "Do"), ("Warm", "Don't"), ("Let", "Do"), ("Rub", "Don't"), ("Take", "Do"), ("Drink", "Don't")
    ]  # fmt: skip
    found = {}
    for p in propose(DO_AND_DONT, catalogue_lexicon, "chilblains"):
        found.setdefault(p.remedy, set()).add(p.kind)
    assert found["heating pad"] <= {"cause", "caution"}
    assert found["massage"] <= {"cause", "caution"}
    assert found["alcohol"] <= {"cause", "caution"}
    assert found["paracetamol"] == {"treatment"}


@pytest.mark.parametrize(
    "source",
    [
        "Do\nDon't\nKeep warm.\nScratch it.\n",  # one pair: no table
        "Do\nDon't\nKeep warm and\nwear gloves.\nScratch it.\nRub it.\n",  # wrapped prose
    ],
)
def test_lines_under_do_and_dont_without_a_table_s_shape_get_no_label(source):
    from claims.ingest.segments import segment

    assert {s.intro for s in segment(source)} <= {"", "Don't"} and all(s.kind != "item" for s in segment(source))


def test_a_flattened_table_under_a_do_s_and_don_ts_title_is_read_by_its_own_cells(catalogue_lexicon):
    text = (
        "Do's and don'ts\nProduct or habit\nUse it?\nWhy\n"
        "Nappy-free time\nYes\nLets the skin air and heal\n"
        "Barrier cream (zinc oxide)\nYes, a thin layer\nProtects skin from wetness\n"
        "Talcum powder\nNo\nCan be breathed in and clumps in skin folds\n"
    )
    found = {p.remedy: p.kind for p in propose(text, catalogue_lexicon, "nappy rash")}
    assert found["zinc oxide"] in {"relief", "treatment", "prevention"}  # "Do's and don'ts" warns of nothing
    assert found["talcum powder"] == "caution"  # its row's verdict: "No"
    assert "giving up bad habits" not in found  # the header's "habit" names a column


VERDICT_TABLE = (
    "At a glance\nTreatment\nEvidence\nVerdict\n"
    "Strengthening exercises\nStrong\nRecommended for everyone\n"
    "Paracetamol\nWeak\nNot recommended on its own\n"
    "Tea tree oil\nVery weak\nDon't bother\n"
    "Copper bracelets\nNone\nWaste of money\n"
    "Bleach\nNone\nDangerous – never use\n"
)


def test_a_flattened_table_with_a_verdict_column_is_read_whatever_its_verdicts_length(catalogue_lexicon):
    from claims.ingest.segments import ROW, segment

    assert [s.text.split("\n")[0] for s in segment(VERDICT_TABLE) if s.kind == ROW] == [
        "Strengthening exercises", "Paracetamol", "Tea tree oil", "Copper bracelets", "Bleach"
    ]  # fmt: skip
    found = {p.remedy: p.kind for p in propose(VERDICT_TABLE, catalogue_lexicon, "osteoarthritis")}
    assert found["paracetamol"] == "caution"
    assert found["tea tree oil"] == "caution"  # "Don't bother"
    assert found["copper bracelets"] == "caution"  # "Waste of money"
    assert found["bleach"] == "caution"
    assert found["strengthening exercises"] in {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("label", "warns"),
    [
        ("What sets off hay fever", True),
        ("Things that bring on a migraine", True),
        ("Usual suspects", True),
        ("Where constipation comes from", True),
        ("Risk factors", True),  # "factors" is no "fact"
        ("Causes and cures", False),
        ("Causes and self-help", False),
        ("Causes and what to do", False),
    ],
)
def test_labels_that_name_what_brings_it_on_warn_and_those_that_name_the_good_too_do_not(label, warns):
    from claims.ingest.labels import warning

    assert ("cause" in warning(label)) is warns


def test_under_causes_and_cures_a_remedy_is_no_cause(lexicon):
    text = "Causes and cures\nStress\nAntacids\nSmaller meals"
    assert "cause" not in {p.kind for p in propose(text, lexicon, "heartburn") if p.remedy == "antacids"}


@pytest.mark.parametrize(
    "text",
    [
        "Don't / Do".replace(" / ", "\n") + "\nScratch the itchy skin.\nPat the skin dry.\nDrink alcohol to warm up.\n"
        "Take paracetamol for the pain.\n",
        "Avoid\nTry\nAlcohol before bed\nWarm milk\nCoffee after noon\nA warm bath\n",
    ],
)
def test_a_do_and_dont_table_in_either_order_labels_its_own_columns(catalogue_lexicon, text):
    found = {}
    for p in propose(text, catalogue_lexicon, "insomnia"):
        found.setdefault(p.remedy, set()).add(p.kind)
    assert found["alcohol"] <= {"cause", "caution"}


# Headings that name what raises the condition, or remedies with little evidence, warn of their items.
@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("## What pushes blood pressure up\n\n- **Salt.** Most adults eat too much.", "salt", {"cause"}),
        ("## Things that raise your blood pressure\n\n- Liquorice\n- Salt", "salt", {"cause"}),
        ("## Remedies with little evidence\n\nMagnesium gets a lot of attention online.", "magnesium", {"caution"}),
    ],
)
def test_a_heading_of_what_raises_it_or_of_little_evidence_warns(lexicon, text, remedy, expected):
    assert kinds(text, lexicon, remedy, "high blood pressure") == expected


@pytest.mark.parametrize(
    "text",
    [
        # good said of it under such a heading stays good
        "## What pushes blood pressure up\n\n- **Some medicines.** Paracetamol is usually a better choice.",
        # a heading of remedies that help, with evidence, warns of nothing
        "## Remedies with good evidence\n\nParacetamol gets a lot of attention online.",
        "## What lifts your mood\n\nParacetamol, of all things.",
    ],
)
def test_good_said_under_such_a_heading_or_a_heading_of_good_stays_good(lexicon, text):
    found = kinds(text, lexicon, "paracetamol", "high blood pressure")
    assert found and found <= BENEFITS


VERDICTS = (
    "| Remedy | Does it work? | Notes |\n|---|---|---|\n"
    "| Chlorphenamine | Helps the itch and sleep | Can cause drowsiness. |\n"
    "| Apple cider vinegar | No | Can burn the skin. |\n"
)
HARM_ASKED = "| Drink | Can it trigger a headache? |\n|---|---|\n| Red wine | Yes |\n| Water | No |"


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        (VERDICTS, "chlorphenamine", {"caution", "treatment"}),  # a side effect it causes, beside the good said
        (VERDICTS, "apple cider vinegar", {"caution"}),  # "No": no benefit
        # the rows do not say which question a "Yes" answers: it makes no benefit
        (HARM_ASKED, "red wine", {"cause"}),
    ],
)
def test_a_rows_side_effect_goes_beside_the_good_it_says_and_a_yes_alone_says_no_good(
    catalogue_lexicon, text, remedy, expected
):
    found = {p.kind for p in propose(text, catalogue_lexicon, "headache") if remedy in (p.remedy, p.surface.lower())}
    assert found == expected


def test_a_later_remedy_of_a_sentence_under_a_warning_heading_reads_its_own_words(lexicon):
    # a population named before it in the sentence does not make it an item of the heading's list
    text = (
        "**Common triggers**\n\nScratching is the big one, though: it breaks the skin, so keep nails short and try "
        "cotton scratch mittens for babies."
    )
    found = {p.kind for p in propose(text, lexicon, "eczema") if p.remedy == "scratch mitts"}
    assert found and found <= BENEFITS


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        (
            "Hay fever: what actually helps\n\nMany people drink alcohol at summer parties when pollen is high.",
            "alcohol",
            "hay fever",
        ),
        ("## What helps\n\nHeavy alcohol use also increases bruising.", "alcohol", "bruises"),
        ("## Tips that help\n\nEnergy drinks are a big problem.", "energy drinks", "insomnia"),
    ],
)
def test_a_heading_that_says_good_advises_the_items_of_its_list_not_each_sentence_under_it(
    lexicon, text, remedy, condition
):
    # what the catalogue mostly calls harmful stays a harm where the sentence's own words say nothing good
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & BENEFITS


def test_a_heading_that_says_good_still_advises_the_items_of_its_list(lexicon):
    found = kinds("## What helps\n\n- Magnesium\n- Stretching before bed", lexicon, "magnesium", "insomnia")
    assert found and found <= BENEFITS


def test_lines_that_say_more_under_common_causes_are_causes(lexicon):
    text = (
        "Common causes\nBiting the inside of your cheek or a sharp tooth\nStress or anxiety\n"
        "Toothpaste containing sodium lauryl sulfate (SLS)\n"
        "Stopping smoking, which can cause ulcers for a short time\n"
        "Some medicines, including nicorandil and anti-inflammatories like ibuprofen\n\nHow to treat them\n"
    )
    for name in ("ibuprofen", "nicorandil"):
        assert {p.kind for p in propose(text, lexicon, "mouth ulcers") if p.remedy == name} == {"cause"}, name


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        # advice after the causes, in lines that name no cause by a doing, examples or when: no cause
        ("Common causes\nStress and tiredness\nBiting your cheek\nSelf-care\nRinse with warm salt water twice a day\n"
         "Use a soft toothbrush\nSee a dentist if it lasts 3 weeks.", "mouth ulcers", "salt"),
        ("Common causes\nStress\nCaffeine, especially in the afternoon\nA warm bath with lavender oil an hour before "
         "bed\nTry to keep a regular routine.", "insomnia", "lavender essential oil"),
        ("Common causes\nEating too much\nAlcohol\nGinger tea after a meal settles most people's stomachs\nSmoking",
         "indigestion", "ginger tea"),
    ],
)  # fmt: skip
def test_advice_under_common_causes_is_no_cause(lexicon, text, condition, remedy):
    assert "cause" not in {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}


def test_a_line_that_names_a_cause_and_when_is_one_of_common_triggers(lexicon):
    text = (
        "Common triggers\nRed wine and aged cheese\nSkipping meals or not drinking enough water\n"
        "The contraceptive pill, especially in the week before a period\nChanges in sleep"
    )
    assert {p.kind for p in propose(text, lexicon, "migraine") if p.remedy == "hormonal contraception"} == {"cause"}
