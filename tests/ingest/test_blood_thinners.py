"""Whom a caution is for: people taking a blood thinner (population `anticoagulants`). The medicine
the reader takes says whom ("Avoid ginkgo if you take warfarin"), and is no remedy of the article:
warfarin had been proposed as a caution, a cause (an "avoid" in a migraine article) or, under
"Taking warfarin? Avoid these:", the list's items had been cautions for everyone."""

import pytest

from claims.ingest.propose import propose
from tests.ingest.proposing import catalogue_lexicon  # noqa: F401 (a fixture)

TAKERS = "anticoagulants"


@pytest.mark.parametrize(
    ("condition", "text", "expected"),
    [
        ("migraine", "Avoid ginkgo if you take warfarin.", {("ginkgo", "caution", TAKERS)}),
        (
            "migraine",
            "People on blood thinners should not take fish oil supplements.",
            {("omega-3", "caution", TAKERS)},
        ),
        (
            "heartburn",
            "Taking warfarin? Avoid these:\n- aspirin\n- ibuprofen",
            {("acetylsalicylic acid", "caution", TAKERS), ("ibuprofen", "caution", TAKERS)},
        ),
        (
            "heartburn",
            "Are you on warfarin or clopidogrel? Don't take:\n- aspirin\n- turmeric supplements",
            {("acetylsalicylic acid", "caution", TAKERS), ("curcumin", "caution", TAKERS)},
        ),
        (
            "fever",
            "Don't take ibuprofen if you're on warfarin, apixaban or another anticoagulant, as this raises the risk "
            "of bleeding.",
            {("ibuprofen", "caution", TAKERS)},
        ),
        (
            "migraine",
            "Ginger may increase the risk of bleeding if you take anticoagulants (such as warfarin or apixaban).",
            {("ginger", "caution", TAKERS)},
        ),
        # brands in brackets, markdown, "users", a bold question before a list
        (
            "migraine",
            "If you take a blood thinner such as warfarin (Coumadin) or apixaban (Eliquis), avoid ginkgo.",
            {("ginkgo", "caution", TAKERS)},
        ),
        ("migraine", "Avoid ginkgo if you take **warfarin**.", {("ginkgo", "caution", TAKERS)}),
        ("migraine", "Warfarin users should avoid ginkgo.", {("ginkgo", "caution", TAKERS)}),
        (
            "migraine",
            "**Taking warfarin?** Avoid these:\n- aspirin\n- ginkgo",
            {("acetylsalicylic acid", "caution", TAKERS), ("ginkgo", "caution", TAKERS)},
        ),
        # "unless" keeps the benefit from them: a caution for them beside everyone's benefit
        (
            "migraine",
            "Feverfew helps prevent migraines, unless you take warfarin.",
            {("feverfew", "prevention", None), ("feverfew", "caution", TAKERS)},
        ),
        # a hard line break inside "blood thinners", as articles are wrapped
        (
            "headache",
            "Feverfew is often sold for headaches, but it should not be used in pregnancy, and people on blood\n"
            "thinners like warfarin should avoid it, since it may increase bleeding.",
            {("feverfew", "caution", "pregnancy"), ("feverfew", "caution", TAKERS)},
        ),
    ],
)
def test_who_takes_a_blood_thinner_is_whom_the_caution_is_for(catalogue_lexicon, condition, text, expected):  # noqa: F811
    found = {(p.remedy, p.kind, p.population) for p in propose(text, catalogue_lexicon, condition)}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "Warfarin can cause bleeding.",
        "Taking warfarin raises the risk of bleeding.",  # what it does, not who takes it
    ],
)
def test_a_blood_thinner_said_to_harm_is_a_caution_for_everyone(catalogue_lexicon, text):  # noqa: F811
    found = {(p.remedy, p.kind, p.population) for p in propose(text, catalogue_lexicon, "migraine")}
    assert found == {("warfarin", "caution", None)}


def test_a_remedy_said_to_thin_the_blood_names_no_one(catalogue_lexicon):  # noqa: F811
    assert {p.population for p in propose("Fish oil is a natural blood thinner.", catalogue_lexicon, "insomnia")} == {
        None
    }


def test_heparin_gel_rubbed_on_a_bruise_is_a_remedy_not_whom(catalogue_lexicon):  # noqa: F811
    found = {(p.remedy, p.kind) for p in propose("Many patients use heparin gel to ease bruising.", catalogue_lexicon)}
    assert ("heparin", "treatment") in found
