"""Whom a caution is for, said before the words that warn: a list's introduction that opens with
the condition ("If you take warfarin, avoid:"), or says only whom its items are for ("If you are
pregnant:"), a short question before a sentence ("Pregnant? Feverfew is not for you."), and a
sentence that says "too" or "nor" of the one before ("Nor is aspirin."). Each had been read without
it: the introduction's "take" as advice (its items proposed as treatments), an "avoid" item as a
cause for everyone, the answer as a caution for everyone, "Aspirin too." as a treatment. Whom the
words before name is given a caution only, never a benefit. What an introduction says of its items
is tested in test_introductions.py."""

import pytest

from tests.ingest.proposing import catalogue_lexicon  # noqa: F401 (a fixture)
from tests.ingest.proposing import readings as found

TAKERS = "anticoagulants"


@pytest.mark.parametrize(
    ("text", "whom"),
    [
        ("If you take warfarin, avoid:\n- aspirin\n- ginkgo", TAKERS),
        ("If you take warfarin, avoid the following:\n- aspirin\n- ginkgo", TAKERS),
        ("If you are pregnant, avoid:\n- aspirin\n- ginkgo", "pregnancy"),
        ("When pregnant, don't take:\n- aspirin\n- ginkgo", "pregnancy"),
        # the introduction says whom, each item says "avoid"
        ("If you take warfarin:\n- avoid aspirin\n- avoid ginkgo", TAKERS),
        ("If you are pregnant:\n- avoid aspirin\n- avoid ginkgo", "pregnancy"),
    ],
)
def test_the_items_under_an_introduction_that_opens_with_whom_are_cautions_for_them(catalogue_lexicon, text, whom):  # noqa: F811
    assert found(text, catalogue_lexicon) == {
        ("acetylsalicylic acid", "caution", whom),
        ("ginkgo", "caution", whom),
    }


def test_an_introduction_that_opens_with_a_condition_and_advises_still_advises(catalogue_lexicon):  # noqa: F811
    proposals = found("If the pain comes back, try:\n- paracetamol\n- a cold compress", catalogue_lexicon)
    assert ("paracetamol", "treatment", None) in proposals
    assert not {kind for _, kind, _ in proposals} & {"cause", "caution"}


def test_an_item_under_an_introduction_of_whom_says_its_own_kind_and_only_a_caution_is_theirs(catalogue_lexicon):  # noqa: F811
    # a benefit is never said of whom the words before name: read where a warning was missed, it
    # would be a benefit for those the article keeps the remedy from
    proposals = found("If you are pregnant:\n- avoid feverfew\n- paracetamol is safe", catalogue_lexicon)
    assert proposals == {("feverfew", "caution", "pregnancy"), ("paracetamol", "treatment", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taking warfarin? Feverfew is not for you.", {("feverfew", "caution", TAKERS)}),
        ("Pregnant? Feverfew is not for you.", {("feverfew", "caution", "pregnancy")}),
        ("Over 65? Quinine is no longer recommended.", {("quinine", "caution", "elderly")}),
        ("What about children? Never give aspirin to them.", {("acetylsalicylic acid", "caution", "children")}),
        # a question that names no one says whom of nothing
        ("Do you wake up with a headache? Magnesium may help.", {("magnesium", "treatment", None)}),
    ],
)
def test_a_short_question_before_a_sentence_says_whom_it_is_for(catalogue_lexicon, text, expected):  # noqa: F811
    assert found(text, catalogue_lexicon) == expected


def test_a_question_two_sentences_before_says_nothing_of_whom(catalogue_lexicon):  # noqa: F811
    proposals = found("Pregnant? Ask your midwife first. Feverfew is not for everyone.", catalogue_lexicon)
    assert ("feverfew", "caution", None) in proposals
    assert ("feverfew", "caution", "pregnancy") not in proposals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Feverfew is not safe in pregnancy. Nor is aspirin.", ("acetylsalicylic acid", "caution", "pregnancy")),
        ("Pregnant? Feverfew is not for you. Aspirin too.", ("acetylsalicylic acid", "caution", "pregnancy")),
        ("Do not give aspirin to children. Ibuprofen as well.", ("ibuprofen", "caution", "children")),
        ("Avoid red wine. And aged cheese too.", ("aged cheese", "cause", None)),
    ],
)
def test_a_remedy_said_too_of_a_harm_takes_its_kind_and_whom(catalogue_lexicon, text, expected):  # noqa: F811
    assert expected in found(text, catalogue_lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "Magnesium helps. Feverfew too.",  # too of a benefit: what it says of its own
        "Aspirin is risky. Ginger is fine too.",  # a word of its own: "fine"
        "Avoid red wine. Ginger tea.",  # no "too"
    ],
)
def test_a_remedy_said_too_of_a_benefit_or_with_its_own_words_is_no_harm(catalogue_lexicon, text):  # noqa: F811
    last = text.rsplit(". ", 1)[1].split()[0].lower()
    kinds = {kind for remedy, kind, _ in found(text, catalogue_lexicon) if last in remedy}
    assert kinds and not kinds & {"cause", "caution"}, kinds


# From a hostile review of the first version: whom the words before name had been given every
# benefit read in the sentence, a default one where a warning was missed included.
@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Pregnant? Give feverfew a miss.", "migraine"),
        ("Pregnant? Feverfew may help. But not in the first trimester.", "migraine"),
        ("Breastfeeding? Pseudoephedrine can dry up your milk.", "common cold"),
        ("Taking warfarin? Ginkgo increases the effect.", "migraine"),
        ("Not pregnant? Feverfew may help.", "migraine"),
        ("Pregnant? If not, feverfew may help.", "migraine"),
        ("Teenagers driving you mad? A glass of wine helps you unwind.", "insomnia"),
        ("If you are not pregnant:\n- feverfew may help", "migraine"),
        ("For adults only, not children:\n- aspirin helps", "migraine"),
        ("If you take warfarin:\n- aspirin\n- ibuprofen", "migraine"),
        ("If you have high blood pressure:\n- decongestants can raise it", "common cold"),
    ],
)
def test_no_benefit_is_said_of_whom_the_words_before_name(catalogue_lexicon, text, condition):  # noqa: F811
    benefits = {"relief", "treatment", "prevention"}
    assert not {(r, k, p) for r, k, p in found(text, catalogue_lexicon, condition) if k in benefits and p}


def test_a_remedy_told_not_to_be_taken_either_takes_the_caution_before(catalogue_lexicon):  # noqa: F811
    text = "Pregnant women should avoid ibuprofen. Nor should they take aspirin."
    assert ("acetylsalicylic acid", "caution", "pregnancy") in found(text, catalogue_lexicon)


@pytest.mark.parametrize(
    "text",
    [
        "No longer pregnant? You can take ibuprofen again, but don't take it for more than 3 days.",
        "Baby arrived? You can take ibuprofen again, but don't take more than 1200 mg a day.",
        "For everyone but pregnant women:\n\n- ibuprofen can upset the stomach",
    ],
)
def test_words_before_that_rule_a_group_out_say_no_whom(catalogue_lexicon, text):  # noqa: F811
    assert {p for r, _, p in found(text, catalogue_lexicon, "back pain") if r == "ibuprofen"} == {None}


@pytest.mark.parametrize(
    ("text", "whom"),
    [
        ("Pregnant and worried about heartburn? Avoid ibuprofen.", "pregnancy"),
        ("If you're pregnant and past 20 weeks:\n- avoid ibuprofen", "pregnancy"),
        ("Is your child teething? Avoid ibuprofen.", "children"),
    ],
)
def test_words_that_only_qualify_whom_keep_them(catalogue_lexicon, text, whom):  # noqa: F811
    assert {(k, p) for r, k, p in found(text, catalogue_lexicon, "heartburn") if r == "ibuprofen"} == {
        ("caution", whom)
    }
