"""Sentences, list items, table rows and headings with exact offsets: text[start:end] is always
the segment's text, on the five articles and on awkward inputs."""

import pytest
from django.conf import settings

from claims.ingest.segments import HEADING, ITEM, ROW, SENTENCE, segment
from tests.helpers import CORPUS_DIR

ARTICLES = sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() else []


def texts(source: str, kind: str | None = None) -> list[str]:
    return [s.text for s in segment(source) if kind is None or s.kind == kind]


def assert_round_trip(source: str) -> None:
    segments = segment(source)
    for seg in segments:
        assert source[seg.start : seg.end] == seg.text
        assert seg.text == seg.text.strip() and seg.text
    starts = [s.start for s in segments]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:], strict=False))


@pytest.mark.skipif(not ARTICLES, reason=f"the five articles are not at {settings.CORPUS_DIR} (CORPUS_DIR)")
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_offsets_round_trip_on_every_article(path):
    source = path.read_text(encoding="utf-8")
    assert_round_trip(source)
    assert len(segment(source)) > 50


def test_bullets_and_numbered_steps_are_items_without_their_markers():
    source = (
        "Causes\n\nThe main causes are:\n\n"
        "  • lack of minerals;\n  • the use of alcohol in large quantities;\n"
        "- dash bullet\n* star bullet\n  1. First step. It has two sentences.\n  2) Second step\n"
        "3 Third step without a dot\n"
    )
    assert_round_trip(source)
    items = [s for s in segment(source) if s.kind == ITEM]
    assert [s.text for s in items] == [
        "lack of minerals;",
        "the use of alcohol in large quantities;",
        "dash bullet",
        "star bullet",
        "First step.",
        "It has two sentences.",
        "Second step",
        "Third step without a dot",
    ]
    assert {s.intro for s in items} == {"The main causes are:"}
    assert all(s.heading == "Causes" for s in items)
    assert items[4].block == items[5].block and items[5].first is False


def test_a_markdown_table_gives_one_row_per_line_and_skips_the_rule():
    source = "| Remedy | Dose |\n|---|---|\n| Gaviscon | 10 ml after meals |\n| Tums | 2 tablets |\n"
    assert_round_trip(source)
    assert texts(source, ROW) == ["Remedy | Dose", "Gaviscon | 10 ml after meals", "Tums | 2 tablets"]


def test_table_cells_glued_by_an_extractor_make_one_row_per_line():
    source = (
        "Initial causes\n\n"
        '"Difenin"Relieves spasms, relaxes muscles.As prescribed by a doctor.\n'
        '"Mydocalm"Local anesthetic and muscle relaxant effects.As prescribed by a doctor.\n'
        "Poisoning with drugs or alcohol\n"
    )
    assert_round_trip(source)
    assert texts(source, ROW) == [
        '"Difenin"Relieves spasms, relaxes muscles.As prescribed by a doctor.',
        '"Mydocalm"Local anesthetic and muscle relaxant effects.As prescribed by a doctor.',
        "Poisoning with drugs or alcohol",
    ]


def test_a_hard_line_break_inside_a_sentence_does_not_end_it():
    source = "Drink a glass of warm milk\nwith honey before bed.\nThen sleep.\n"
    assert_round_trip(source)
    assert texts(source, SENTENCE) == ["Drink a glass of warm milk\nwith honey before bed.", "Then sleep."]


def test_a_line_that_starts_a_new_sentence_ends_the_one_before():
    assert texts("Description of actions\nSit on the floor.\n") == ["Description of actions", "Sit on the floor."]


def test_unicode_quotes_dashes_and_abbreviations():
    source = (
        "It is called “crampy” – a syndrome. Take 4 tbsp. dry herbs per litre, etc. and wait.\n"
        "He said: “Stop.” Then he left… Really? Yes! Vitamins B, D, E etc. help.\n"
    )
    assert_round_trip(source)
    assert texts(source) == [
        "It is called “crampy” – a syndrome.",
        "Take 4 tbsp. dry herbs per litre, etc. and wait.",
        "He said: “Stop.”",
        "Then he left…",
        "Really?",
        "Yes!",
        "Vitamins B, D, E etc. help.",
    ]


def test_short_standalone_lines_and_markdown_headings_are_headings():
    source = "# Heartburn\n\nIt burns.\n\nWhat helps\n\nMilk helps.\n\nThe main causes are:\n\n- acid\n"
    assert texts(source, HEADING) == ["Heartburn", "What helps"]
    assert [s.heading for s in segment(source) if s.kind != HEADING] == [
        "Heartburn",
        "What helps",
        "What helps",
        "What helps",
    ]


def test_whitespace_and_empty_text():
    assert segment("") == []
    assert segment("\n\n  \n") == []
    assert_round_trip("  Padded sentence.   \n\n\t- item\t\n")


def test_a_numbered_line_alone_over_its_paragraph_is_a_heading():
    source = (
        "Home remedies\n\n1. Baking soda\n\nIt neutralizes acid. Mix a teaspoon in water.\n\n"
        "2. Ginger tea\n\nGinger soothes the stomach.\n\n"
        "What to buy:\n\n1. Oats\n\n2. Honey is sweet\n\n3. Milk\n"
    )
    assert_round_trip(source)
    assert texts(source, HEADING) == ["Home remedies", "Baking soda", "Ginger tea"]
    under = [s for s in segment(source) if s.text == "Mix a teaspoon in water."]
    assert under[0].heading == "Baking soda"
    # Items followed by items stay a list, and a numbered sentence stays an item.
    assert texts(source, ITEM) == ["Oats", "Honey is sweet", "Milk"]
    # The last item of such a list, with a paragraph after it, is still an item.
    assert texts("Buy:\n\n1. Oats\n\n2. Milk\n\nBoth help.\n", ITEM) == ["Oats", "Milk"]
    # A bullet, an order, a claim, an item introduced by a colon or going on in lower case: items.
    for source in (
        "Tips\n\n- Avoid caffeine\n\nCaffeine dehydrates you.\n",
        "Tips\n\n1. Drink water\n\nIt keeps you hydrated.\n",
        "Tips\n\n1. Magnesium helps\n\nStudies show it works.\n",
        "Some find it helps to:\n\n1. Eat a banana\n\nor drink tonic water.\n",
        "Tips\n\n1. eat a banana\n\nIt works.\n",
    ):
        assert len(texts(source, ITEM)) == 1, source


def test_a_run_without_a_full_stop_is_cut_into_pieces_at_its_commas_with_exact_offsets():
    from claims.ingest.segments import MAX_SEGMENT

    text = "Intro.\n\n" + "magnesium helps the calf, " * 400 + "and that is all."
    pieces = [s for s in segment(text) if s.start > 6]
    assert len(pieces) > 1 and all(len(s.text) <= MAX_SEGMENT for s in pieces)
    assert all(text[s.start : s.end] == s.text for s in pieces)
    assert all(s.text.endswith((",", ".")) for s in pieces)  # cut after a comma
    assert [s.first for s in pieces] == [True] + [False] * (len(pieces) - 1)
    assert "".join(text[s.start : s.end + 1] for s in pieces[:-1]) + pieces[-1].text == text[pieces[0].start :]


def test_a_short_line_over_its_paragraph_with_no_blank_line_titles_the_sentences_under_it():
    source = (
        "## Home remedies\n\nTriggers\nRed wine and aged cheese contain tyramine. Both are common.\n"
        "Quinine\nNot recommended."
    )
    assert_round_trip(source)
    segments = segment(source)[1:]
    assert [(s.text, s.kind, s.heading, s.title) for s in segments] == [
        ("Triggers", SENTENCE, "Home remedies", ""),
        ("Red wine and aged cheese contain tyramine.", SENTENCE, "Home remedies", "Triggers"),
        ("Both are common.", SENTENCE, "Home remedies", "Triggers"),
        ("Quinine", SENTENCE, "Home remedies", ""),  # a title line after a full stop: a section of its own
        ("Not recommended.", SENTENCE, "Home remedies", "Quinine"),
    ]
    assert len({s.block for s in segments}) == 1  # one paragraph: the title line stays a sentence


def test_a_title_under_a_title_adds_to_it_and_a_label_may_end_in_a_colon():
    source = (
        "Medicines to avoid\nFor children\nAspirin is linked to Reye's syndrome.\n\nFoods to avoid:\nCoffee is one."
    )
    assert [(s.text, s.title) for s in segment(source)] == [
        ("Medicines to avoid", ""),
        ("For children", ""),
        ("Aspirin is linked to Reye's syndrome.", "Medicines to avoid / For children"),
        ("Foods to avoid:", ""),
        ("Coffee is one.", "Foods to avoid:"),
    ]


def test_names_one_under_another_under_their_label_are_the_items_of_a_list():
    source = "Foods to avoid\nDark chocolate\nOrange juice\nSpicy food\nWhat is safe\nOatmeal\nBananas\nEat slowly."
    assert_round_trip(source)
    assert [(s.text, s.kind, s.intro) for s in segment(source)] == [
        ("Foods to avoid", SENTENCE, ""),
        ("Dark chocolate", ITEM, "Foods to avoid"),
        ("Orange juice", ITEM, "Foods to avoid"),
        ("Spicy food", ITEM, "Foods to avoid"),
        ("What is safe", SENTENCE, ""),
        ("Oatmeal", ITEM, "What is safe"),
        ("Bananas", ITEM, "What is safe"),
        ("Eat slowly.", SENTENCE, ""),
    ]
    # one name under a line is no list; names with no label over them neither
    assert {s.kind for s in segment("Foods to avoid\nCoffee\nEat slowly.")} == {SENTENCE}
    assert {s.kind for s in segment("Coffee\nChocolate\nSpicy food")} == {SENTENCE}


def test_lines_without_a_stop_under_common_causes_are_its_items():
    # each says more than a name ("Biting ...", "..., which can cause ulcers"), yet each is a cause
    source = (
        "Common causes\nBiting the inside of your cheek or a sharp tooth\nStress or anxiety\n"
        "Stopping smoking, which can cause ulcers for a short time\n"
        "Some medicines, including nicorandil and anti-inflammatories like ibuprofen\n"
        "How to treat them\nSalt water rinses help.\nWhat helps\nChlorhexidine mouthwash"
    )
    assert_round_trip(source)
    assert [(s.text, s.kind, s.intro) for s in segment(source)][1:6] == [
        ("Biting the inside of your cheek or a sharp tooth", ITEM, "Common causes"),
        ("Stress or anxiety", ITEM, "Common causes"),
        ("Stopping smoking, which can cause ulcers for a short time", ITEM, "Common causes"),
        ("Some medicines, including nicorandil and anti-inflammatories like ibuprofen", ITEM, "Common causes"),
        ("How to treat them", SENTENCE, ""),  # a label, not one more cause
    ]


def test_a_longer_name_after_two_items_goes_on_their_list():
    source = "Common causes\nDehydration\nPregnancy\nSome medicines, for example diuretics and statins\nStress"
    assert_round_trip(source)
    assert [(s.text, s.kind, s.intro) for s in segment(source)][3:] == [
        ("Some medicines, for example diuretics and statins", ITEM, "Common causes"),
        ("Stress", ITEM, "Common causes"),
    ]
    # first under another label, or a sentence with its stop, it is no item
    assert segment("Other things\nSome medicines, for example diuretics and statins\nStress")[1].kind == SENTENCE
    source = "Common causes\nDehydration\nPregnancy\nSome medicines can make it worse.\nStress"
    assert segment(source)[3].kind == SENTENCE


def test_a_line_broken_after_a_preposition_goes_on_and_no_is_an_answer_not_a_number():
    assert texts("Many doctors now advise against\nQuinine at night. Stretching helps.") == [
        "Many doctors now advise against\nQuinine at night.",
        "Stretching helps.",
    ]
    assert texts("Does it help? No. Quinine is risky. See No. 5 below.") == [
        "Does it help?",
        "No.",
        "Quinine is risky.",
        "See No. 5 below.",
    ]


@pytest.mark.parametrize(
    "source",
    [
        "Take magnesium\nIt helps.",  # an order
        "Magnesium helps\nTake it at night.",  # a claim
        "Is quinine safe for cramps?\nNo.",  # a question
        "Bananas and dates are\nSweet.",  # a verb: a sentence broken by the line
        "Drink warm milk with honey or\nChamomile tea before bed.",  # no full stop before it ends
        "Most people sleep better, and then\nWake up rested.",
        "Besides avoiding triggers\nMagnesium helps.",  # a fragment of a sentence
    ],
)
def test_a_line_that_orders_claims_asks_or_runs_on_titles_nothing(source):
    assert_round_trip(source)
    assert all(s.title == "" for s in segment(source))


def test_a_table_flattened_to_one_cell_a_line_gives_one_row_per_row_of_cells():
    source = (
        "We rated the remedies.\n\n"
        "Remedy\nEvidence\nVerdict\n"
        "Paracetamol\nLow\nNot recommended on its own.\n"
        "Opioids such as codeine\nLow\nAvoid for most people - risk of dependence\n"
        "Massage\nLow to moderate\nMay help alongside exercise\n\n"
        "See a doctor if the pain lasts.\n"
    )
    assert_round_trip(source)
    assert texts(source, ROW) == [  # the header names the columns: no row, and no sentence either
        "Paracetamol\nLow\nNot recommended on its own.",
        "Opioids such as codeine\nLow\nAvoid for most people - risk of dependence",
        "Massage\nLow to moderate\nMay help alongside exercise",
    ]
    assert texts(source, SENTENCE) == ["We rated the remedies.", "See a doctor if the pain lasts."]


@pytest.mark.parametrize(
    "source",
    [
        # names under their label: a list, however many
        "Foods to avoid\nDark chocolate\nOrange juice\nSpicy food\nWhat is safe\nOatmeal\nBananas\nEat slowly.",
        # two columns: the line under a name already speaks of it
        "Remedy\nVerdict\nQuinine\nNot recommended for anyone.\nMagnesium\nWorth a try for most people.",
        # a column of verdicts missing from most rows
        "Remedy\nEvidence\nNote\nQuinine\nLow\nRisky\nMagnesium\nLow\nSafe\nStretching\nGood\nFree",
        # lines one short of whole rows
        "Remedy\nEvidence\nVerdict\nQuinine\nLow\nNot recommended for anyone.\nMagnesium\nLow",
    ],
)
def test_lines_that_do_not_have_a_table_s_shape_are_not_read_as_one(source):
    assert_round_trip(source)
    assert ROW not in {s.kind for s in segment(source)}


def test_a_flattened_table_is_found_between_lines_of_text_without_blank_lines():
    source = (
        "We looked at the research behind the most popular treatments.\n"
        "Remedy\nEvidence\nVerdict\n"
        "Steroid nasal sprays (beclometasone, e.g. Beconase; fluticasone, e.g. Flixonase)\nStrong\n"
        "The most effective option for a blocked nose\n"
        "Local honey\nNo trials have shown a benefit\nDoesn't work; don't rely on it\n"
        "Wraparound sunglasses\nCommon sense\nHelp keep pollen out of your eyes\n"
        "A note on juice\nFexofenadine is absorbed less well with grapefruit juice.\nChildren and pregnancy\n"
        "Cetirizine comes as a liquid for children.\n"
    )
    assert_round_trip(source)
    rows = texts(source, ROW)
    assert len(rows) == 3 and rows[0].startswith("Steroid nasal sprays") and rows[-1].startswith("Wraparound")
    assert not any("Verdict" in text for text in texts(source, SENTENCE))
    assert "Fexofenadine is absorbed less well with grapefruit juice." in texts(source, SENTENCE)


@pytest.mark.parametrize(
    "source",
    [
        # prose wrapped every few words under a byline: lines that go on start in lower case or end in a comma
        "Night cramps\nBy our health team\nUpdated June 2024\nMagnesium may help some\npeople with frequent\n"
        "cramps, and it is cheap.\nQuinine, however, was once\nwidely used but is no longer\nrecommended.\n",
        # names under their label, one a line, a long one among them
        "Things to avoid before bed\nCoffee\nCola\nAlcohol\nNicotine\nHeavy meals late in the evening\n"
        "Sleeping pills\nLong naps\nBright screens\nEnergy drinks late in the day\n",
    ],
)
def test_wrapped_prose_and_a_list_under_its_label_are_no_flattened_table(source):
    assert_round_trip(source)
    assert ROW not in {s.kind for s in segment(source)}
