"""What a new user's own articles (heartburn, insomnia, migraine) showed the proposer reading wrong,
each sentence as it stood in them: a medicine the reader takes with the remedy proposed as a remedy
itself ("Warfarin treats insomnia"), a harm of a medicine to its takers and a benefit of a medicine
beside another's read as benefits, a warning about one remedy of two given to both, whom a heading
names given to every benefit under it when the heading names a topic besides, the heading above a
table deciding its rows against the table's own header, a table's header row read as a remedy, an
unknown herb's warning lost, and one substance proposed as two remedies."""

import pytest

from tests.ingest.proposing import (
    BENEFITS,
    catalogue_lexicon,  # noqa: F401 (a fixture)
    readings,
)

TAKERS = "other_medicines"


@pytest.mark.parametrize(
    ("condition", "text", "expected"),
    [
        # taken with the reader's medicine: the good for everyone, the combination a caution for them
        (
            "insomnia",
            "It is fine to take ginkgo with warfarin.",
            {("ginkgo", "treatment", None), ("ginkgo", "caution", "anticoagulants")},
        ),
        (
            "insomnia",
            "St John's wort is a good choice if your insomnia comes with low mood, and you can take it alongside"
            " your antidepressants for an extra boost.",
            {("St John's wort", "relief", None), ("St John's wort", "caution", TAKERS)},
        ),
        (
            "insomnia",
            "Valerian is safe to take with antidepressants.",
            {("valerian", "treatment", None), ("valerian", "caution", TAKERS)},
        ),
        ("insomnia", "Don't take ginkgo with warfarin.", {("ginkgo", "caution", "anticoagulants")}),
        (
            "insomnia",
            "Taking valerian with antidepressants can cause drowsiness.",
            {("valerian", "caution", TAKERS)},
        ),
        # a medicine's harm to those who take it
        (
            "insomnia",
            "Older people taking sleeping pills are more likely to fall at night.",
            {("hypnotics", "caution", "elderly")},
        ),
        # a warning of one of two remedies named, for that one
        (
            "sore throat",
            "Honey and lemon in warm water soothes a sore throat, but never give honey to babies under one year old.",
            {("honey", "treatment", None), ("honey", "caution", "children"), ("lemon", "treatment", None)},
        ),
        (
            "headache",
            "Paracetamol helps, but never give aspirin to children.",
            {("paracetamol", "treatment", None), ("acetylsalicylic acid", "caution", "children")},
        ),
        # an herb the catalogue lacks, and one substance by two names
        (
            "migraine",
            "Butterbur has been used to prevent migraines, but some products contain toxins that damage the liver.",
            {("butterbur", "caution", None)},
        ),
        (
            "heartburn",
            "Do not take sodium bicarbonate (baking soda) if you are pregnant.",
            {("sodium bicarbonate", "caution", "pregnancy")},
        ),
    ],
)
def test_what_the_new_users_sentences_say(catalogue_lexicon, condition, text, expected):  # noqa: F811
    assert readings(text, catalogue_lexicon, condition) == expected


@pytest.mark.parametrize(
    ("condition", "text", "remedy"),
    [
        # not a medicine taken with it: a cause of the condition, and a class that holds the first remedy
        ("night leg cramps", "The main causes: drug therapy with diuretics or statins, taking Niacin, etc.", "statins"),
        (
            "psoriasis",
            "Mild hydrocortisone cream can calm an itchy patch for a week or so, but don't use steroid creams"
            " for long periods without advice.",
            "mild hydrocortisone cream",
        ),
    ],
)
def test_what_stays_as_it_was(catalogue_lexicon, condition, text, remedy):  # noqa: F811
    found = {(kind, population) for name, kind, population in readings(text, catalogue_lexicon, condition)}
    assert found and not {kind for kind, _ in found} & BENEFITS
    assert remedy in {name for name, _, _ in readings(text, catalogue_lexicon, condition)}


def test_a_heading_that_names_a_topic_besides_whom_gives_them_only_cautions(catalogue_lexicon):  # noqa: F811
    # "Codeine treats migraine (elderly)" had been proposed under "## Older people and other medicines"
    text = (
        "## Older people and other medicines\n\nTake codeine for migraine whenever you need it, as often as you like."
        "\n\nAvoid aspirin.\n\nIf you take an SSRI antidepressant, triptans may raise your serotonin levels."
    )
    found = readings(text, catalogue_lexicon, "migraine")
    assert ("codeine", "treatment", None) in found
    assert not {(kind, p) for _, kind, p in found if kind in BENEFITS and p}
    assert ("acetylsalicylic acid", "caution", "elderly") in found
    assert ("triptans", "caution", TAKERS) in found  # a heading's "medicines" says nothing good of them
    # a heading about them alone, or their condition and them, still says whom its advice is for
    for heading in ("## Older people", "## Heartburn and indigestion in older people"):
        found = readings(f"{heading}\n\nTake omeprazole once a day.", catalogue_lexicon, "heartburn")
        assert {p for name, _, p in found if name == "omeprazole"} == {"elderly"}, heading


def test_a_table_that_judges_its_rows_is_read_by_its_cells_not_the_heading_above(catalogue_lexicon):  # noqa: F811
    text = (
        "Common triggers\n\n- Coffee and strong tea\n- Spicy food and chocolate\n\n"
        "| Remedy | Does it help? | Notes |\n|---|---|---|\n"
        "| Ginger tea | May help | Avoid large amounts if you take warfarin |\n"
        "| Apple cider vinegar | No good evidence | Can irritate the throat |\n\n"
        "| Supplement | Daily dose | Evidence |\n|---|---|---|\n| Magnesium | 600 mg | Some evidence for prevention |"
    )
    found = readings(text, catalogue_lexicon, "heartburn")
    ginger = {(kind, p) for name, kind, p in found if name == "ginger tea"}
    assert ginger == {("treatment", None), ("caution", "anticoagulants")}  # had been a cause for them
    assert {kind for name, kind, _ in found if name == "apple cider vinegar"} == {"caution"}
    assert ("spicy food", "cause", None) in found  # the list under the heading is still its triggers
    assert "supplement" not in {name for name, _, _ in found}  # the header row is no remedy
    assert ("magnesium", "prevention", None) in found
