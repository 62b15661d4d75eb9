"""What a table row's cells say of the remedy its first cell names (claims.ingest.rows), in a
Markdown table and in the same table with no pipes at either end of its lines, as an extractor
leaves it (claims.ingest.tables.pipe_rows)."""

import pytest

from claims.ingest.segments import ROW, segment
from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

GOUT = [
    "Food | Effect on gout | Advice",
    "Beer and spirits | raise uric acid | Cut down; beer is the worst",
    "Red meat, liver, kidneys | high in purines | Eat less",
    "Sugary fizzy drinks | fructose raises uric acid | Avoid",
    "Cherries | may reduce attacks | Worth trying",
]
PMS = [
    "Remedy | Does it work? | Notes",
    "Calcium | Some evidence | May help mood and bloating.",
    "Vitamin B6 | Maybe | Small studies suggest a possible benefit. Don't take more than 10mg a day.",
    "Agnus castus | Some evidence | May help irritability. Not for use if you're pregnant or breastfeeding.",
]
ACNE = [
    "Product | Effect | Verdict",
    "Benzoyl peroxide | kills bacteria | Effective",
    "Toothpaste | dries spots | Not effective, can irritate skin",
    "Tea tree oil | may reduce spots | Patch-test first",
]
WHOM = [
    "If you have | Avoid | Try instead",
    "Asthma | Ibuprofen | Paracetamol",
    "High blood pressure | Sudafed | Saline spray",
    "Pregnancy | Codeine | Paracetamol",
]
PAINKILLERS = [
    "Painkiller | Does it work? | Who should avoid it",
    "Ibuprofen | Yes | People with asthma or stomach ulcers",
    "Paracetamol | Yes | Few people",
    "Aspirin | Yes | Under-16s",
]
TWO_COLUMNS = ["Food | Verdict", "Red meat | Eat less", "Cherries | Good", "Beer | Avoid", "Offal | Avoid"]
AVOID_FIRST = [
    "Avoid | Why | Instead",
    "Ibuprofen | Can worsen asthma | Paracetamol",
    "Aspirin | Can trigger attacks | Paracetamol",
    "Naproxen | Same risk as ibuprofen | Paracetamol",
]
VERTIGO = [
    "Treatment | What it does | Things to know",
    "Epley manoeuvre | A series of head movements | Works for most people within 1 to 3 sessions.",
    "Cinnarizine (Stugeron) | Travel sickness tablet | Causes drowsiness. Not recommended for BPPV, as it can slow"
    " the brain's natural adjustment.",
    "Betahistine (Serc) | Prescribed for Meniere's disease | Not effective for BPPV and shouldn't be used for it.",
]


def bare(lines):
    return "\n".join(lines) + "\n"


def markdown(lines):
    rows = [f"| {line} |" for line in lines]
    return "\n".join([rows[0], "|---|---|---|", *rows[1:]]) + "\n"


def test_lines_parted_by_pipes_without_pipes_at_either_end_are_a_tables_rows():
    # the header of short capitalised cells names the columns; every line under it is a row
    assert [(s.text, s.kind) for s in segment(bare(GOUT))] == [(line, ROW) for line in GOUT[1:]]
    assert [s.header for s in segment(bare(GOUT))] == [GOUT[0]] * (len(GOUT) - 1)
    # a first line that says something is a row too: the table has no header
    rows = ["Try ginger | it settles the stomach | lots of people swear by it", *GOUT[1:]]
    assert [s.kind for s in segment(bare(rows))] == [ROW] * len(rows)
    # two columns need a header of short capitalised cells
    assert [s.kind for s in segment(bare(TWO_COLUMNS))] == [ROW] * (len(TWO_COLUMNS) - 1)
    assert ROW not in {s.kind for s in segment("By Jane Smith | Updated May 2024\nHome | Health\nRest | ice\n")}
    # two lines, or a pipe or two in prose, are no table
    assert ROW not in {s.kind for s in segment(bare(GOUT[:2]))}
    assert ROW not in {s.kind for s in segment("Rest | ice.\nHeat | cold.\nSleep | wake.\n")}


@pytest.mark.parametrize("form", [bare, markdown])
@pytest.mark.parametrize(
    ("lines", "condition", "word", "required", "forbidden"),
    [
        # a verdict cell that keeps the food down warns of it, with no benefit beside it
        (GOUT, "gout", "beer", ["harm:none"], ["benefit:none"]),
        (GOUT, "gout", "meat", ["caution:none|caution:kidney_disease"], ["benefit:none"]),
        (GOUT, "gout", "fizzy", ["caution:none"], ["benefit:none"]),
        # what it "may reduce" is its good, not an order to reduce it
        (GOUT, "gout", "cherr", ["treatment:none"], ["harm:none"]),
        # a warning that opens a later sentence of a cell goes beside the benefit, for whom it names
        (PMS, "premenstrual syndrome", "agnus", ["treatment:none", "caution:pregnancy", "caution:breastfeeding"],
         ["benefit:pregnancy", "benefit:breastfeeding"]),
        (PMS, "premenstrual syndrome", "b6", ["treatment:none", "caution:none"], []),
        # a remedy under an "Avoid" column is a caution for whom its row names, never a benefit for them
        (WHOM, "common cold", "ibuprofen", ["caution:asthma"], ["benefit:asthma", "benefit:none"]),
        (WHOM, "common cold", "pseudoephedrine", ["caution:hypertension"], ["benefit:hypertension"]),
        (WHOM, "common cold", "codeine", ["caution:pregnancy"], ["benefit:pregnancy"]),
        # two columns under a header; a first column headed "Avoid"
        (TWO_COLUMNS, "gout", "meat", ["caution:none"], ["benefit:none"]),
        (AVOID_FIRST, "asthma", "naproxen", ["harm:none"], ["benefit:none"]),
        # ... and whom a "Who should avoid it" column names
        (PAINKILLERS, "period pain", "ibuprofen", ["caution:asthma"], ["benefit:asthma"]),
        # "Not effective" says nothing good, nor beside the harm a cell names: the caution alone
        (ACNE, "acne", "toothpaste", ["caution:none"], ["benefit:none"]),
        # "Not effective" says nothing good: the caution alone
        (VERTIGO, "vertigo (BPPV)", "betahistine", ["caution:none"], ["benefit:none"]),
        # the condition named after the stop is not what "Causes" names: a side effect, no cause
        (VERTIGO, "vertigo (BPPV)", "cinnarizine", ["caution:none"], ["cause:none", "benefit:none"]),
    ],
)  # fmt: skip
def test_a_rows_cells_speak_of_its_remedy(catalogue_lexicon, form, lines, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, form(lines), condition, word, required, forbidden)
