"""What the next sentence says of the remedy the sentence before names (claims.ingest.followup):
a question answered no, and the line under a title. Read through the proposer, as a reviewer
meets them: each was proposed as a treatment, one click from recording the opposite."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.followup import Denied, title_denied
from claims.ingest.propose import propose
from claims.ingest.questions import answered_no


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
    assert title_denied("Not recommended.") == Denied("not recommended", False)
    assert title_denied("No longer recommended for night cramps.") == Denied("no longer recommended", False)
    assert title_denied("Not recommended in pregnancy.") == Denied("not recommended", True)  # a restriction
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


# From a second hostile review (417 texts, now in the safety corpus) and a new user's walk.
@pytest.mark.parametrize(
    ("text", "warned", "advised", "condition"),
    [
        (
            "What to avoid\nAspirin\nCodeine\nWhat is safe\nParacetamol\nIbuprofen",
            "acetylsalicylic acid",
            "paracetamol",
            "headache",
        ),
        (
            "Triggers to avoid\nChocolate\nRed wine\nAged cheese\nMost people find that ibuprofen stops an attack.",
            "cheese",
            "ibuprofen",
            "migraine",
        ),
        ("Foods to avoid\nDark chocolate\nOrange juice\nSpicy food\nEat slowly.", "orange juice", None, "heartburn"),
        (
            "Drinks to avoid\nCoffee\nCola\nInstead, try:\nChamomile tea\nWarm milk",
            "caffeine",
            "chamomile tea",
            "insomnia",
        ),
    ],
)
def test_names_one_per_line_under_a_label_are_its_items_and_the_label_stops_with_them(text, warned, advised, condition):
    proposals = propose(text, lexicon_from_catalogue_files(), condition)
    assert {p.kind for p in proposals if p.remedy == warned} <= {"cause", "caution"}
    if advised:
        assert {p.kind for p in proposals if p.remedy == advised} <= {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        (
            "Does magnesium work right away? No, it may take a few weeks to reduce cramps.",
            "magnesium",
            "night leg cramps",
        ),
        (
            "Should I take magnesium in the morning? No, take it in the evening for night cramps.",
            "magnesium",
            "night leg cramps",
        ),
        ("Does magnesium cure cramps? No, but it can reduce how often they happen.", "magnesium", "night leg cramps"),
        (
            "Is there any reason not to take magnesium for cramps? No, unless you have kidney disease.",
            "magnesium",
            "night leg cramps",
        ),
        ("Ibuprofen eases headaches quickly. It should not be taken on an empty stomach.", "ibuprofen", "headache"),
        ("Melatonin helps with jet lag and sleep. It should not be used by pregnant women.", "melatonin", "insomnia"),
        ("Ibuprofen\nNot for long-term use, but fine for a bad headache.", "ibuprofen", "headache"),
        (
            "Aspirin is not for children under 16\nParacetamol is the safer choice for children.",
            "paracetamol",
            "headache",
        ),
    ],
)
def test_a_no_about_how_or_when_and_a_restriction_keep_the_benefit(text, remedy, condition):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == remedy}
    assert found & {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    "text",
    [
        "Quinine\nNo longer recommended, as stretching and magnesium work better.",
        "Quinine eases cramps a little. However, it is no longer recommended, because safer options work as well.",
        "Quinine\nBanned for night cramps in the US, though it works for malaria.",
        "Q\nDoes quinine help night cramps?\nA\nNo. Its risks outweigh the small benefit.",
        "Does tonic water stop leg cramps? No. The quinine in it is too small to help.",
    ],
)
def test_a_good_word_that_is_not_said_of_it_leaves_the_denial_whole(text):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), "night leg cramps") if p.remedy == "quinine"}
    assert found == {"caution"}


def test_a_question_and_a_denied_sentence_are_quoted_with_the_answer_and_the_denial():
    text = (
        "Does milk help heartburn? No. It makes it worse later. "
        "Baking soda works fast. However, it is no longer recommended."
    )
    quotes = {(p.remedy, p.kind): p.quote for p in propose(text, lexicon_from_catalogue_files(), "heartburn")}
    assert quotes[("milk", "caution")] == "Does milk help heartburn? No."
    assert quotes[("sodium bicarbonate", "caution")] == "Baking soda works fast. However, it is no longer recommended."


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        (
            "Quinine and tonic water were once popular cramp remedies. They are no longer recommended.",
            "quinine",
            "night leg cramps",
        ),
        ("Does quinine help? Yes, a little. Should you take it? No.", "quinine", "night leg cramps"),
        (
            "Is quinine as good as stretching for cramps? No. Stretching before bed works better and is safe.",
            "quinine",
            "night leg cramps",
        ),
        ("Quinine\nDangerous for most people with cramps.", "quinine", "night leg cramps"),
        ("Not safe to take\nAspirin\nCodeine", "acetylsalicylic acid", "headache"),
        ("Do not use\nAspirin\nCodeine", "acetylsalicylic acid", "headache"),
        ("Avoid giving to children\nAspirin\nCodeine", "acetylsalicylic acid", "headache"),
        ("Things to avoid\nAlcohol before bed.\nA warm bath helps you wind down.", "alcohol", "insomnia"),
        ("Do not give\nAspirin to anyone under 16.", "acetylsalicylic acid", "headache"),
    ],
)
def test_they_after_two_remedies_an_earlier_question_a_comparison_and_more_labels(text, remedy, condition):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == remedy}
    assert found and not found & {"relief", "treatment", "prevention"}


def test_what_a_remedy_is_compared_with_and_advice_after_no_but_keep_their_benefit():
    lexicon = lexicon_from_catalogue_files()
    text = "Is quinine as good as stretching for cramps? No. Stretching before bed works better and is safe."
    assert {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy == "stretching"} <= {
        "relief",
        "prevention",
        "treatment",
    }
    text = "Does magnesium work faster than stretching? No, but both help prevent night cramps."
    assert "caution" not in {p.kind for p in propose(text, lexicon, "night leg cramps")}
    text = "Things to avoid\nAlcohol before bed.\nA warm bath helps you wind down."
    assert {p.kind for p in propose(text, lexicon, "insomnia") if p.remedy == "warm bath"} == {"prevention"}


# From a third hostile review: thirty whole articles, as extractors leave them.
def test_a_causes_list_without_markers_keeps_what_usually_harms_a_cause():
    text = "What causes insomnia?\nShift work and jet lag\nCaffeine late in the day\nAlcohol in the evening"
    found = {(p.remedy, p.kind) for p in propose(text, lexicon_from_catalogue_files(), "insomnia")}
    assert found == {("caffeine", "cause"), ("alcohol", "cause"), ("shift work", "cause")}  # the everyday table's


def test_a_title_line_is_a_section_of_its_own_not_under_the_title_before_it():
    text = (
        "Medicines\nMelatonin may help with jet lag.\nAlcohol\n"
        "A nightcap may help you fall asleep, but alcohol disturbs sleep later in the night and causes early waking."
    )
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), "insomnia") if p.remedy == "alcohol"}
    assert found == {"cause"}


def test_a_medicine_to_avoid_is_a_caution_it_does_not_bring_the_condition_on():
    text = "Medicines to avoid\nAspirin, because of the risk of Reye's syndrome.\nCodeine"
    found = {(p.remedy, p.kind) for p in propose(text, lexicon_from_catalogue_files(), "migraine")}
    assert ("acetylsalicylic acid", "caution") in found and not {k for _, k in found} & {"cause", "treatment"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Also avoid carotid massage at home.", "massage", "hiccups"),
        ("Avoid stretching after a meal.", "stretching", "night leg cramps"),
        ("Ibuprofen and other anti-inflammatory painkillers should be avoided in pregnancy.", "ibuprofen", "headache"),
        # a list of "no ...": each is kept away
        ("No hot water bottles, no heat packs and no massage for the first two days.", "massage", "sprain"),
        ("No hot water bottles, no heat packs and no massage for the first two days.", "heating pad", "sprain"),
        ("No heat packs for the first two days.", "heating pad", "sprain"),
    ],
)
def test_something_done_that_is_avoided_and_a_remedy_avoided_with_others_are_cautions(text, remedy, condition):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == remedy}
    assert found == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("No coffee after 2 p.m., and no alcohol before bed.", "caffeine"),
        ("No coffee after 2 p.m., and no alcohol before bed.", "alcohol"),
        ("Drink no alcohol in the evening.", "alcohol"),
        ("Water, tea or no coffee at all: stay hydrated.", "caffeine"),
    ],
)
def test_a_substance_said_with_no_is_kept_away(text, remedy):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), "insomnia") if p.remedy == remedy}
    assert found and found <= {"cause", "caution"}


@pytest.mark.parametrize(
    "text",
    [
        "No wonder massage helps: it warms the muscle.",
        "There is no better remedy than massage.",
        "No need for pills: massage the calf for a minute.",
        "Yes or no? Massage helps most people.",
    ],
)
def test_a_no_that_keeps_nothing_away_leaves_the_advice(text):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), "night leg cramps") if p.remedy == "massage"}
    assert found and found <= {"relief", "treatment", "prevention"}


def test_avoiding_the_condition_by_doing_something_keeps_it_advice():
    found = {p.kind for p in propose("Avoid cramps by stretching before bed.", lexicon_from_catalogue_files())}
    assert found == {"prevention"}


def test_each_name_of_a_list_is_proposed_even_when_the_lexicon_does_not_know_it():
    text = "Foods to avoid\nChocolate\nPeppermint\nSpicy curries\nCoffee"
    found = {(p.remedy, p.kind, p.is_new) for p in propose(text, lexicon_from_catalogue_files(), "heartburn")}
    assert {("chocolate", "cause", True), ("spicy curries", "cause", True), ("caffeine", "cause", False)} <= found
    assert {kind for _, kind, _ in found} == {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Ibuprofen is not suitable if you have a stomach ulcer or take blood thinners such as warfarin.", "warfarin"),
        # (where "if you take" says whom, the medicine is no remedy: tests/ingest/test_other_medicines.py)
        ("Ibuprofen is not suitable if you have a stomach ulcer or take other medicines such as lithium.", "lithium"),
    ],
)
def test_what_the_reader_takes_named_in_a_warning_is_an_interaction_never_a_benefit(text, remedy):
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), "headache") if p.remedy == remedy}
    assert found == {"caution"}
    assert {p.kind for p in propose("If you take magnesium, take it at night.", lexicon_from_catalogue_files())} == {
        "treatment"
    }


def test_a_harm_said_of_this_measure_is_a_caution_beside_each_remedy_before_it(lexicon):
    text = "Stretch the calf or massage it. This measure can help, but sometimes causes an increase in spasm."
    kinds = sorted((p.remedy, p.kind) for p in propose(text, lexicon, "night leg cramps"))
    assert kinds == [("massage", "caution"), ("massage", "relief"), ("stretching", "caution"), ("stretching", "relief")]
    # "This is why ..." says nothing of the remedies
    assert {p.kind for p in propose("Stretch the calf. This is why cramps stop.", lexicon, "night leg cramps")} == {
        "relief"
    }


@pytest.mark.parametrize(
    "text",
    [
        "You will see quinine recommended for cramps. There is very little evidence for it.",
        "Quinine is often recommended. There's hardly any evidence it works.",
        "Quinine is often recommended. Most doctors now advise skipping it.",
    ],
)
def test_a_next_sentence_that_finds_little_evidence_for_it_or_advises_skipping_it_denies_it(lexicon, text):
    assert kinds(text, lexicon, "quinine") == {"caution"}


@pytest.mark.parametrize(
    "text",
    [
        "Magnesium helps many people. There is evidence for it.",
        "Magnesium helps. There is hardly any evidence of harm.",
    ],
)
def test_evidence_for_it_or_little_evidence_of_harm_denies_nothing(lexicon, text):
    assert kinds(text, lexicon, "magnesium") == {"treatment"}
