"""What the next sentence says of the remedy the sentence before names (claims.ingest.followup):
a question answered no, and the line under a title. Read through the proposer, as a reviewer
meets them: each was proposed as a treatment, one click from recording the opposite."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.followup import Denied, answered_no, title_denied
from claims.ingest.propose import propose


def kinds(text, lexicon, remedy, condition="night leg cramps"):
    return {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}


@pytest.mark.parametrize(
    "text",
    [
        "Does quinine help leg cramps? No. It can be dangerous.",
        "Q: Should I take quinine for cramps? A: No, the FDA warns against it.",
        "Is quinine safe for cramps?\nNo. The FDA warns it can cause fatal blood problems.",
        "Can I take quinine every night?\nNot really: it is no longer prescribed for cramps.",
    ],
)
def test_a_question_answered_no_is_a_caution_never_a_benefit(lexicon, text):
    assert kinds(text, lexicon, "quinine") == {"caution"}


@pytest.mark.parametrize(
    "text",
    [
        "Does magnesium help leg cramps? No one knows for sure, but many find it helps.",
        "How much magnesium is safe? No more than 350 mg from supplements.",  # a limit, not a no
        "Does magnesium help? Yes. Take it at night.",
        "Magnesium helps. No wonder it is popular.",  # no question
    ],
)
def test_no_one_no_more_than_a_yes_or_no_question_is_no_answer_no(lexicon, text):
    assert "the question's answer: no" not in {p.rule.split("; ")[-1] for p in propose(text, lexicon)}


def test_answered_no_reads_the_answer_after_a_question_only():
    assert answered_no("Does quinine help?", "No.")
    assert answered_no("Should I take quinine?", "A: No, never.")
    assert answered_no("Is it safe?", "Nope.")
    assert not answered_no("Quinine helps.", "No. It does not.")
    assert not answered_no("Does it help?", "Nobody knows.")
    assert not answered_no("Does it help?", "No doubt it does.")


@pytest.mark.parametrize(
    "text",
    [
        "Quinine\nNot recommended. It can cause serious side effects.",
        "Quinine\nIt is no longer recommended for cramps.",
        "What not to take\nQuinine. It was used for years.",
    ],
)
def test_a_title_the_line_under_it_denies_or_a_warning_title_is_a_caution(lexicon, text):
    assert kinds(text, lexicon, "quinine") == {"caution"}


def test_a_warning_line_titles_the_sentences_under_it_without_a_blank_line(lexicon):
    text = "Triggers\nAlcohol and coffee keep many people up. Bananas are low in acid."
    proposals = propose(text, lexicon, "insomnia")
    assert {(p.remedy, p.kind) for p in proposals} == {
        ("alcohol", "cause"),
        ("caffeine", "cause"),
        ("banana", "treatment"),
    }


def test_a_title_the_line_under_it_does_not_deny_keeps_its_benefit(lexicon):
    assert kinds("Magnesium\nIt helps many people with cramps.", lexicon, "magnesium") == {"treatment"}
    assert title_denied("Not recommended in pregnancy.") == Denied("not recommended", False)
    assert title_denied("It is no longer recommended.") == Denied("is no longer recommended", False)
    assert title_denied("Not for everyone, but it helps many.") == Denied("not for", True)  # room for the advice
    assert title_denied("Quinine is not recommended.") is None  # another subject: not said of the title
    assert title_denied("It helps.") is None


# From a hostile review of the rules above (350 texts written against them).
@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("## Medicines to avoid\n\nFor children\nAspirin and codeine.", "acetylsalicylic acid", "headache"),
        ("## What not to take\n\nPainkillers\nAspirin and codeine.", "acetylsalicylic acid", "headache"),
        ("Foods to avoid:\nCoffee, spicy food and chocolate.", "caffeine", "heartburn"),
        ("## Medicines that can cause cramps\n\nHeart drugs\nStatins and diuretics.", "statins", "night leg cramps"),
        ("Does quinine help cramps? No. Quinine carries serious risks.", "quinine", "night leg cramps"),
        ("Q. Does quinine help cramps?\nA.\nNo. It is dangerous.", "quinine", "night leg cramps"),
        ("Many readers ask about quinine. Does it help? No.", "quinine", "night leg cramps"),
        ("Is quinine safe for cramps? Unfortunately, no.", "quinine", "night leg cramps"),
        ("Can melatonin be given to toddlers? No, not without a doctor's advice.", "melatonin", "insomnia"),
        ("Quinine\nNo longer recommended for night cramps.", "quinine", "night leg cramps"),
        ("Quinine\nBanned in 1994.", "quinine", "night leg cramps"),
        ("Quinine\nOnce prescribed for cramps, but withdrawn since.", "quinine", "night leg cramps"),
        ("Sleeping pills\nOnly short-term, and only on a doctor's advice.", "hypnotics", "insomnia"),
        ("Many doctors now advise against\nQuinine at night.", "quinine", "night leg cramps"),
        ("Overrated remedies\nTonic water. Pickle juice.", "pickle brine", "night leg cramps"),
        ("Aspirin is not for under-16s.", "acetylsalicylic acid", "headache"),
    ],
)
def test_more_warnings_across_lines_and_answers_are_never_a_benefit(text, remedy, condition):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == remedy}
    assert found and not found & {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Is chamomile tea addictive? No. A cup before bed helps many people relax.", "chamomile tea", "insomnia"),
        ("Does magnesium only help older people? No, it helps people of all ages.", "magnesium", "night leg cramps"),
        (
            "Does it matter when I take magnesium? No, magnesium helps cramps whenever you take it.",
            "magnesium",
            "night leg cramps",
        ),
        (
            "Does magnesium help cramps? No question: it is the first thing doctors suggest.",
            "magnesium",
            "night leg cramps",
        ),
        (
            "Does magnesium work faster than stretching? No, but both help prevent night cramps.",
            "magnesium",
            "night leg cramps",
        ),
        ("Is it too late to take paracetamol? No. Take it as soon as you can.", "paracetamol", "headache"),
        ("Bananas\nLow potassium can cause cramps, so eat a banana a day.", "banana", "night leg cramps"),
        ("Foods to avoid\nSpicy food and coffee. Bananas and oatmeal soothe the stomach.", "banana", "heartburn"),
        ("Besides avoiding triggers\nMagnesium supplements reduce how often migraines come.", "magnesium", "migraine"),
    ],
)
def test_a_no_to_another_question_and_advice_under_a_title_keep_their_benefit(text, remedy, condition):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == remedy}
    assert found & {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    "text",
    [
        "Magnesium\nNot for everyone, but most people tolerate it well and find it helps.",
        "Magnesium\nNot in large doses: 300 mg is plenty to ease cramps.",
        "Magnesium relieves cramps. Pregnant women should avoid it.",
    ],
)
def test_a_denial_that_leaves_room_for_the_advice_goes_beside_the_benefit(lexicon, text):
    found = kinds(text, lexicon, "magnesium")
    assert "caution" in found and found & {"relief", "treatment", "prevention"}


def test_a_denial_in_the_next_sentence_said_of_it_is_the_remedys(lexicon):
    text = "Quinine reduces cramps at night. However, it is no longer recommended."
    assert kinds(text, lexicon, "quinine") == {"caution"}
    text = "Magnesium taken daily reduces cramps at night. It doesn't work for everyone, but it helps many people."
    assert kinds(text, lexicon, "magnesium") == {"caution", "prevention"}  # room left for the advice
    text = "Magnesium taken daily reduces cramps at night. It does not take long to work."
    assert kinds(text, lexicon, "magnesium") == {"prevention"}
    text = "Magnesium and potassium reduce cramps at night. However, it is not recommended in kidney disease."
    assert "caution" not in kinds(text, lexicon, "magnesium")  # which one "it" is, the words do not say


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Doctors no longer prescribe\nQuinine for night cramps.", "quinine", "night leg cramps"),
        ("Most guidelines say to avoid\nQuinine. It can harm the blood.", "quinine", "night leg cramps"),
        ("Drugs that can cause cramps\nStatins and diuretics.", "statins", "night leg cramps"),
        ("What not to take\nQuinine. It was used for years.", "quinine", "night leg cramps"),
    ],
)
def test_a_verb_whose_object_is_on_the_next_line_and_a_title_that_names_by_a_clause(text, remedy, condition):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == remedy}
    assert found and not found & {"relief", "treatment", "prevention"}
