"""What a new user's own articles (heartburn, insomnia, migraine) showed the proposer reading wrong,
each sentence as it stood in them: a medicine the reader takes with the remedy proposed as a remedy
itself ("Warfarin treats insomnia"), a harm of a medicine to its takers and a benefit of a medicine
beside another's read as benefits, whom a heading names given to every benefit under it when the
heading names a topic besides, a table's header row read as a remedy, an unknown herb's warning
lost, and one substance proposed as two remedies; and what a hostile review of those changes found
them breaking."""

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
        # its other name in brackets says nothing of it (it had been a treatment beside the caution)
        (
            "heartburn",
            "Avoid sodium bicarbonate (bicarb) if you have kidney disease.",
            {("sodium bicarbonate", "caution", "kidney_disease")},
        ),
        # the medicine itself, named as what is taken: what is said is of it, for everyone
        (
            "migraine",
            "If you take a beta-blocker such as propranolol, migraines may become less frequent.",
            {("beta-blocker", "treatment", None), ("propranolol", "treatment", None)},
        ),
    ],
)
def test_what_the_new_users_sentences_say(catalogue_lexicon, condition, text, expected):  # noqa: F811
    assert readings(text, catalogue_lexicon, condition) == expected


@pytest.mark.parametrize(
    ("condition", "text", "remedy"),
    [
        # not a medicine taken with it: a cause of the condition
        ("night leg cramps", "The main causes: drug therapy with diuretics or statins, taking Niacin, etc.", "statins"),
        # what a hostile review of these changes found them breaking
        ("insomnia", "A nightcap may help you nod off, but never use alcohol to get to sleep.", "nightcap"),
        (
            "psoriasis",
            "Mild hydrocortisone cream can calm an itchy patch for a week or so, but don't use steroid creams"
            " for long periods without advice.",
            "mild hydrocortisone cream",
        ),
        (
            "migraine",
            "If you take antidepressants, ibuprofen or aspirin, which also raise bleeding risk, should be used"
            " with care.",
            "acetylsalicylic acid",
        ),
        ("insomnia", "Older people taking sleeping pills are more likely to fall at night.", "hypnotics"),
    ],
)
def test_no_benefit_where_the_changes_must_not_fire(catalogue_lexicon, condition, text, remedy):  # noqa: F811
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


def test_a_markdown_table_s_header_row_is_no_remedy_and_a_warning_heading_still_warns(catalogue_lexicon):  # noqa: F811
    text = (
        "## Not safe in pregnancy\n\n| Remedy | Does it help? |\n|---|---|\n| Baking soda | Yes, quickly |\n\n"
        "## Supplements\n\n| Supplement | Daily dose | Evidence |\n|---|---|---|\n"
        "| Magnesium | 600 mg | Some evidence for prevention |"
    )
    found = readings(text, catalogue_lexicon, "heartburn")
    assert {(kind, p) for name, kind, p in found if name == "sodium bicarbonate"} == {("caution", "pregnancy")}
    assert "supplement" not in {name for name, _, _ in found}  # the header row had been a new remedy
    assert ("magnesium", "prevention", None) in found


def test_falling_asleep_is_no_fall(catalogue_lexicon):  # noqa: F811
    text = "People taking melatonin are more likely to fall asleep quickly."
    assert readings(text, catalogue_lexicon, "insomnia") == {("melatonin", "relief", None)}


# What the hostile review found still read as a benefit: a harm that comes with taking a remedy, the
# condition common in those who take it, and "avoid it" after a condition of the reader's own
@pytest.mark.parametrize(
    ("condition", "text", "expected"),
    [
        (
            "headache",
            "If you regularly take painkillers, you may get medication overuse headaches.",
            {("analgesics", "cause", None)},
        ),
        ("night leg cramps", "If you take diuretics, you may get cramps.", {("diuretics", "cause", None)}),
        (
            "heartburn",
            "If you take painkillers like ibuprofen, you may get a rash.",
            {("analgesics", "caution", None), ("ibuprofen", "caution", None)},
        ),
        ("night leg cramps", "Cramps are common in people treated with statins.", {("statins", "cause", None)}),
        (
            "insomnia",
            "Alcohol might help you nod off. If you want good sleep, avoid it.",
            {("alcohol", "caution", None)},
        ),
        # not what comes with it as good
        (
            "night leg cramps",
            "If you take magnesium, you may get relief within a week.",
            {("magnesium", "relief", None)},
        ),
        ("night leg cramps", "If you take magnesium, you may get fewer cramps.", {("magnesium", "treatment", None)}),
        ("heartburn", "If you take an antacid, you may get quick relief.", {("antacids", "relief", None)}),
        # "avoid it" if it does not suit someone: beside the benefit
        (
            "heartburn",
            "Milk may soothe heartburn. If it makes things worse, avoid it.",
            {("milk", "relief", None), ("milk", "caution", None)},
        ),
    ],
)
def test_a_harm_that_comes_with_taking_it_is_no_benefit(catalogue_lexicon, condition, text, expected):  # noqa: F811
    assert readings(text, catalogue_lexicon, condition) == expected
