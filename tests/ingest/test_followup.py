"""What the next sentence says of the remedy the sentence before names (claims.ingest.followup):
a question answered no, and the line under a title. Read through the proposer, as a reviewer
meets them: each was proposed as a treatment, one click from recording the opposite."""

import pytest

from claims.ingest.followup import answered_no, title_denied
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
    assert title_denied("Not recommended in pregnancy.") == "not recommended"
    assert title_denied("It is no longer recommended.") == "is no longer recommended"
    assert title_denied("Quinine is not recommended.") == ""  # another subject: not said of the title
    assert title_denied("It helps.") == ""
