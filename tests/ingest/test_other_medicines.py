"""Whom a caution is for: people taking another medicine (population `other_medicines`). The medicine
the reader takes for something else says whom ("Avoid St John's wort if you take antidepressants")
and is no remedy of the article. St John's wort had been a caution for everyone, or a cause of
migraine; antidepressants a cause, a caution or a treatment of migraine; the named examples
("such as sertraline or fluoxetine") causes."""

import pytest

from tests.ingest.proposing import (
    catalogue_lexicon,  # noqa: F401 (a fixture)
    readings,
)

TAKERS = "other_medicines"


@pytest.mark.parametrize(
    ("condition", "text", "expected"),
    [
        ("migraine", "Avoid St John's wort if you take antidepressants.", {("St John's wort", "caution", TAKERS)}),
        ("migraine", "If you take antidepressants, avoid St John's wort.", {("St John's wort", "caution", TAKERS)}),
        (
            "migraine",
            "Taking antidepressants? Avoid these:\n- St John's wort",
            {("St John's wort", "caution", TAKERS)},
        ),
        ("migraine", "Patients taking antidepressants should avoid triptans.", {("triptans", "caution", TAKERS)}),
        (
            "night leg cramps",
            "If you take statins, ask your doctor before taking magnesium.",
            {("magnesium", "caution", TAKERS)},
        ),
        # the class with its kind, its examples by name
        (
            "dry cough",
            "Don't take dextromethorphan if you're on an antidepressant such as sertraline or fluoxetine.",
            {("dextromethorphan", "caution", TAKERS)},
        ),
        (
            "migraine",
            "If you take an MAOI antidepressant,\ntyramine-rich foods are dangerous and must be avoided.",
            {("aged cheese", "caution", TAKERS)},
        ),
        (
            "heartburn",
            "Licorice can raise blood pressure; avoid it if you take blood pressure medication.",
            {("liquorice root", "caution", TAKERS)},
        ),
        # any medicine at all, and "while taking"
        (
            "headache",
            "Anyone on prescription drugs should speak to a pharmacist before taking feverfew.",
            {("feverfew", "caution", TAKERS)},
        ),
        ("insomnia", "While taking lithium, avoid ibuprofen.", {("ibuprofen", "caution", TAKERS)}),
        # a check first, the sentence after the remedy's, is a caution for them beside its benefit
        (
            "headache",
            "Feverfew may ease headaches. Tell your doctor if you take antidepressants.",
            {("feverfew", "treatment", None), ("feverfew", "caution", TAKERS)},
        ),
        # "unless" keeps the benefit from them
        (
            "migraine",
            "Feverfew helps prevent migraines, unless you take antidepressants.",
            {("feverfew", "prevention", None), ("feverfew", "caution", TAKERS)},
        ),
    ],
)
def test_who_takes_another_medicine_is_whom_the_caution_is_for(catalogue_lexicon, condition, text, expected):  # noqa: F811
    assert readings(text, catalogue_lexicon, condition) == expected


@pytest.mark.parametrize(
    ("condition", "text", "remedy"),
    [
        ("migraine", "If you take antidepressants, St John's wort may help.", "St John's wort"),
        ("migraine", "If you are on antidepressants, ginger is safe.", "ginger"),
        ("migraine", "People on antidepressants can use peppermint oil for migraines.", "peppermint oil"),
        ("migraine", "Ginger is safe if you take warfarin.", "ginger"),
    ],
)
def test_no_benefit_is_ever_said_of_those_who_take_a_medicine(catalogue_lexicon, condition, text, remedy):  # noqa: F811
    found = readings(text, catalogue_lexicon, condition)
    assert {kind for name, kind, _ in found if name == remedy} == {"treatment"}
    assert not {population for _, _, population in found} & {TAKERS, "anticoagulants"}


@pytest.mark.parametrize(
    ("condition", "text", "expected"),
    [
        # its harm said of its takers is the medicine's
        (
            "night leg cramps",
            "People taking statins may get cramps; stretching can help.",
            {("statins", "cause", None), ("stretching", "relief", None)},
        ),
        # what people do, not who they are
        (
            "night leg cramps",
            "A similar reason is that elderly people take medications that regulate pressure in the body.",
            {("antihypertensives", "treatment", "elderly")},
        ),
        # a medicine the article may offer itself is no other medicine
        (
            "headache",
            "If you take painkillers for more than 10 days a month, they can cause headaches.",
            {("analgesics", "cause", None)},
        ),
        # what a remedy does to a medicine, not who takes it
        (
            "migraine",
            "St John's wort can make the contraceptive pill less effective.",
            {("St John's wort", "caution", None), ("hormonal contraception", "caution", None)},
        ),
    ],
)
def test_a_medicine_named_otherwise_names_no_one(catalogue_lexicon, condition, text, expected):  # noqa: F811
    assert readings(text, catalogue_lexicon, condition) == expected


@pytest.mark.parametrize(
    "text",
    [
        "If you take antidepressants, paracetamol is the safer choice.",
        "Anyone on blood pressure medication should stick with paracetamol.",
    ],
)
def test_a_remedy_advised_in_place_of_another_is_advised_for_them(catalogue_lexicon, text):  # noqa: F811
    assert readings(text, catalogue_lexicon, "headache") == {("paracetamol", "treatment", TAKERS)}
