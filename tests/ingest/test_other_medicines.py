"""Whom a caution is for: people taking another medicine (population `other_medicines`). The medicine
the reader takes for something else says whom ("Avoid St John's wort if you take antidepressants")
and is no remedy of the article. St John's wort had been a caution for everyone, or a cause of
migraine; antidepressants a cause, a caution or a treatment of migraine; the named examples
("such as sertraline or fluoxetine") causes."""

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
    found = {
        (kind, population) for name, kind, population in readings(text, catalogue_lexicon, condition) if name == remedy
    }
    assert found and not {(kind, p) for kind, p in found if kind in BENEFITS and p in {TAKERS, "anticoagulants"}}


@pytest.mark.parametrize(
    ("condition", "text", "expected"),
    [
        # its harm said of its takers is the medicine's
        (
            "night leg cramps",
            "People taking statins may get cramps; stretching can help.",
            {("statins", "cause", None), ("stretching", "relief", None)},
        ),
        # (a treatment had been proposed for "often have")
        ("night leg cramps", "People on statins often have cramps.", {("statins", "cause", None)}),
        ("night leg cramps", "People taking diuretics sometimes get night cramps.", {("diuretics", "cause", None)}),
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


@pytest.mark.parametrize(
    "text",
    [
        "If you take antidepressants, melatonin may help you sleep better.",
        "Melatonin may help older adults sleep better, even those taking other medications.",
    ],
)
def test_better_is_no_choice_in_their_place(catalogue_lexicon, text):  # noqa: F811
    assert not {p for _, _, p in readings(text, catalogue_lexicon, "insomnia")} & {TAKERS}


@pytest.mark.parametrize(
    "text",
    [
        "Paracetamol can relieve headaches. Tell your doctor if you have headaches more than 15 days a month.",
        "Drinking water can help. Tell your doctor if you have a headache with a stiff neck or rash.",
    ],
)
def test_telling_a_doctor_of_the_condition_warns_of_no_remedy(catalogue_lexicon, text):  # noqa: F811
    # (the first version read them as cautions)
    assert {kind for _, kind, _ in readings(text, catalogue_lexicon, "headache")} <= {
        "relief",
        "treatment",
        "prevention",
    }


@pytest.mark.parametrize(
    ("text", "remedy", "population"),
    [
        ("Feverfew may ease headaches. Tell your doctor if you are pregnant.", "feverfew", "pregnancy"),
        ("Ibuprofen can help. Tell your doctor if you have any side effects.", "ibuprofen", None),
        (
            "Paracetamol helps most headaches. Tell your pharmacist if you're taking it for more than 3 days.",
            "paracetamol",
            None,
        ),
    ],
)
def test_telling_a_doctor_of_whom_or_of_the_remedys_use_is_a_caution_beside_its_benefit(
    catalogue_lexicon,  # noqa: F811
    text,
    remedy,
    population,
):
    found = readings(text, catalogue_lexicon, "headache")
    assert ("caution", population) in {(kind, p) for name, kind, p in found if name == remedy}
    assert {kind for name, kind, _ in found if name == remedy} & BENEFITS


def test_it_after_a_remedy_is_that_remedy_not_the_medicine_taken(catalogue_lexicon):  # noqa: F811
    text = "Feverfew may help. If you take warfarin, it can increase bleeding."
    assert "warfarin" not in {name for name, _, _ in readings(text, catalogue_lexicon, "migraine")}


@pytest.mark.parametrize(
    "text",
    [
        "Who should not take it\n\n- pregnant women\n- people taking blood thinners",
        "## Feverfew\n\nIf you take blood thinners, it may increase your risk of bleeding.",  # "it" of the heading
    ],
)
def test_whom_under_a_remedy_is_no_sentence_about_their_medicine(catalogue_lexicon, text):  # noqa: F811
    assert not {name for name, _, _ in readings(text, catalogue_lexicon, "migraine")} & {"anticoagulants", "warfarin"}


# From a hostile review of the first version: examples that swallowed the remedy warned of, what is
# said of the medicine itself, "better" taken for "in its place", and a default benefit beside what the
# reader takes
FIRST_REVIEW = [
    (
        "headache",
        "If you take blood thinners such as warfarin, aspirin can increase your risk of bleeding.",
        {("acetylsalicylic acid", "caution", "anticoagulants")},
    ),
    (
        "migraine",
        "If you take antidepressants like fluoxetine, St John's wort can be dangerous.",
        {("St John's wort", "caution", TAKERS)},
    ),
    (
        "cold",
        "If you take blood pressure medicines such as ramipril, decongestants can raise your blood pressure.",
        {("decongestants", "caution", TAKERS)},
    ),
    ("night leg cramps", "If you take statins, they can cause leg cramps.", {("statins", "cause", None)}),
    ("night leg cramps", "Statin users are more likely to get cramps.", {("statins", "cause", None)}),
    (
        "heartburn",
        "People taking medicines such as ibuprofen are more likely to get heartburn.",
        {("ibuprofen", "cause", None)},
    ),
    (
        "depression",
        "If you take antidepressants, don't stop them suddenly.",
        {("antidepressants", "caution", None)},
    ),
    # "better" that is no choice in its place; nothing good said beside what the reader takes
    (
        "headache",
        "If you take warfarin, it's better not to take ibuprofen.",
        {("ibuprofen", "caution", "anticoagulants")},
    ),
    (
        "migraine",
        "If you take warfarin, ginkgo may make you bleed more easily.",
        {("ginkgo", "caution", "anticoagulants")},
    ),
    (
        "migraine",
        "If you take an SSRI such as citalopram, triptans may raise your serotonin levels.",
        {("triptans", "caution", TAKERS)},
    ),
    (
        "heartburn",
        "If you take blood thinners like clopidogrel, omeprazole may stop them working.",
        {("omeprazole", "caution", "anticoagulants")},
    ),
    (
        "migraine",
        "If you take SSRIs, triptans may interact, so use paracetamol instead.",
        {("triptans", "caution", TAKERS), ("paracetamol", "treatment", TAKERS)},
    ),
    # whom beside other whom
    (
        "headache",
        "If you're pregnant, breastfeeding or taking other medicines, check with a pharmacist before using feverfew.",
        {
            ("feverfew", "caution", "pregnancy"),
            ("feverfew", "caution", "breastfeeding"),
            ("feverfew", "caution", TAKERS),
        },
    ),
]


# From a second hostile review: a choice said to be bad, reported or harmful is no benefit for them;
# what opens with whom and names no other remedy speaks of their medicine
SECOND_REVIEW = [
    (
        "depression",
        "If you take antidepressants, St John's wort is the wrong choice.",
        {("St John's wort", "caution", TAKERS)},
    ),
    (
        "depression",
        "If you take antidepressants, St John's wort is a popular alternative.",
        {("St John's wort", "caution", TAKERS)},
    ),
    (
        "headache",
        "If you take warfarin, aspirin is the wrong choice.",
        {("acetylsalicylic acid", "caution", "anticoagulants")},
    ),
    (
        "headache",
        "If you take warfarin, use paracetamol instead of aspirin or high-dose ibuprofen.",
        {("paracetamol", "treatment", "anticoagulants"), ("ibuprofen", "caution", "anticoagulants")},
    ),
    (
        "headache",
        "If you take warfarin, taking ibuprofen instead of paracetamol raises your bleeding risk.",
        {("ibuprofen", "caution", "anticoagulants")},
    ),
    (
        "headache",
        "Most people can take paracetamol, including people on blood thinners.",
        {("paracetamol", "treatment", None)},
    ),
    (
        "heartburn",
        "If you take clopidogrel, pantoprazole is usually preferred over omeprazole.",
        {("pantoprazole", "treatment", "anticoagulants")},
    ),
    (
        "high cholesterol",
        "If you take statins regularly, they can cause muscle pain.",
        {("statins", "cause", None)},
    ),
    (
        "high cholesterol",
        "If you take statins, muscle pain is a common side effect.",
        {("statins", "caution", None)},
    ),
    (
        "depression",
        "Anyone on lithium needs regular blood tests, as levels can become toxic.",
        {("lithium", "caution", None)},
    ),
    (
        "depression",
        "If you take antidepressants, stopping them suddenly can cause withdrawal symptoms.",
        {("antidepressants", "cause", None)},
    ),
]


# From a third hostile review: the one replaced, a doubt anywhere after, whom before "it" of the remedy
# the sentence before names, and what "they" the reader takes are
THIRD_REVIEW = [
    (
        "depression",
        "If you take antidepressants, swap St John's wort for a safer option like exercise.",
        {("St John's wort", "caution", TAKERS)},
    ),
    (
        "headache",
        "If you take warfarin, ibuprofen should be swapped for a safer option such as paracetamol.",
        {("ibuprofen", "caution", "anticoagulants"), ("paracetamol", "caution", "anticoagulants")},
    ),
    (
        "headache",
        "If you take warfarin, ibuprofen may seem a safer option.",
        {("ibuprofen", "caution", "anticoagulants")},
    ),
    (
        "insomnia",
        "If you take antidepressants, valerian is a gentler option than sleeping pills, although it can increase "
        "drowsiness.",
        {("valerian", "caution", TAKERS), ("hypnotics", "caution", TAKERS)},
    ),
    (
        "headache",
        "If you're on warfarin, use paracetamol rather than aspirin, ibuprofen or naproxen.",
        {
            ("paracetamol", "treatment", "anticoagulants"),
            ("ibuprofen", "caution", "anticoagulants"),
            ("naproxen", "caution", "anticoagulants"),
        },
    ),
    (
        "menopause",
        "Black cohosh is popular for hot flushes. If you take HRT, it can interact with it.",
        {("black cohosh", "treatment", None), ("black cohosh", "caution", TAKERS)},
    ),
    (
        "heartburn",
        "Omeprazole is the usual first choice for heartburn. If you take clopidogrel, it is not.",
        {("omeprazole", "treatment", None), ("omeprazole", "caution", "anticoagulants")},
    ),
    (
        "night leg cramps",
        "Paracetamol is fine for the pain. If you take statins regularly, they can cause muscle aches and cramps.",
        {("paracetamol", "treatment", None)},
    ),
]


@pytest.mark.parametrize(("condition", "text", "expected"), FIRST_REVIEW + SECOND_REVIEW + THIRD_REVIEW)
def test_what_the_hostile_reviews_found(catalogue_lexicon, condition, text, expected):  # noqa: F811
    assert readings(text, catalogue_lexicon, condition) == expected


# More of the medicines a reader takes, and more ways to say so (the last note's leftovers): each had
# been a remedy of the article, a cause or a caution for everyone, and what it keeps the reader from
# a cause of the condition
@pytest.mark.parametrize(
    ("condition", "text", "expected"),
    [
        ("migraine", "Avoid ginkgo if you take beta-blockers.", {("ginkgo", "caution", TAKERS)}),
        ("migraine", "If you take the pill, avoid St John's wort.", {("St John's wort", "caution", TAKERS)}),
        # what an article may offer itself, in a list of the reader's medicines
        (
            "insomnia",
            "Don't take valerian if you take sedatives or benzodiazepines.",
            {("valerian", "caution", TAKERS)},
        ),
        # "regularly", "also", "been prescribed"
        (
            "migraine",
            "If you regularly take blood pressure medicine, avoid feverfew.",
            {("feverfew", "caution", TAKERS)},
        ),
        (
            "migraine",
            "If you also take antidepressants, avoid St John's wort.",
            {("St John's wort", "caution", TAKERS)},
        ),
        (
            "migraine",
            "If you've been prescribed antidepressants, avoid St John's wort.",
            {("St John's wort", "caution", TAKERS)},
        ),
        # a list of both kinds of medicine: a caution for each
        (
            "migraine",
            "Tell your doctor before taking ginkgo if you take warfarin or statins.",
            {("ginkgo", "caution", "anticoagulants"), ("ginkgo", "caution", TAKERS)},
        ),
        # a medicine by name closing their list, and examples in bold; potassium citrate is the
        # catalogue's potassium (its "citrate" had been citric acid besides)
        (
            "urinary tract infection",
            "Don't take potassium citrate if you have kidney disease, or if you take ACE inhibitors or"
            " spironolactone, as potassium can build up.",
            {
                ("potassium", "caution", "kidney_disease"),
                ("potassium", "caution", TAKERS),
            },
        ),
        (
            "menopause hot flushes",
            "Black cohosh may help. Don't take it if you're on **tamoxifen** or a blood thinner such as"
            " **warfarin**, as it can stop them working properly.",
            {
                ("black cohosh", "treatment", None),
                ("black cohosh", "caution", "anticoagulants"),
                ("black cohosh", "caution", TAKERS),
            },
        ),
        # the one listed after them is no medicine they take when the clause goes on
        (
            "migraine",
            "If you take warfarin, aspirin or ibuprofen can cause bleeding.",
            {("acetylsalicylic acid", "caution", "anticoagulants"), ("ibuprofen", "caution", "anticoagulants")},
        ),
    ],
)
def test_more_medicines_and_ways_of_taking_them(catalogue_lexicon, condition, text, expected):  # noqa: F811
    assert readings(text, catalogue_lexicon, condition) == expected


# "If you ..., avoid it." after a remedy's sentence keeps it from them (the warning had been lost: the
# benefit alone was proposed)
@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Magnesium may help. If you're pregnant, avoid it.", "pregnancy"),
        ("Magnesium may help. If you take warfarin, avoid it.", "anticoagulants"),
        ("Magnesium may help. If you take tamoxifen, avoid it.", TAKERS),
    ],
)
def test_avoiding_it_for_some_is_a_caution_beside_the_benefit(catalogue_lexicon, text, population):  # noqa: F811
    assert readings(text, catalogue_lexicon, "migraine") == {
        ("magnesium", "treatment", None),
        ("magnesium", "caution", population),
    }


# ... but "People on warfarin should avoid it" stays a caution alone: the good before may be no more than
# a mention ("Quinine was once prescribed for cramps."), and keeping it beside had made it a benefit
@pytest.mark.parametrize(
    ("text", "remedy", "population"),
    [
        ("Quinine was once prescribed for cramps. People on warfarin should avoid it.", "quinine", "anticoagulants"),
        ("Magnesium may help. People on statins should avoid it.", "magnesium", TAKERS),
    ],
)
def test_those_who_take_a_medicine_avoiding_it_is_a_caution_alone(catalogue_lexicon, text, remedy, population):  # noqa: F811
    assert readings(text, catalogue_lexicon, "night leg cramps") == {(remedy, "caution", population)}
