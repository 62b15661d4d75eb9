"""A question and its answer (claims.ingest.questions): a yes-or-no question claims nothing by
itself; its benefit is read with its answer, and a question answered no, or whether it harms
answered yes, is a caution."""

import pytest

from claims.ingest.propose import propose
from tests.ingest.proposing import BENEFITS, catalogue_lexicon, kinds

lexicon = catalogue_lexicon  # the fixture the tests take


def test_a_comparison_answered_no_takes_the_benefit_of_what_is_compared(lexicon):
    text = "Is aspirin better than paracetamol for children's headaches? No. Children should be given paracetamol."
    assert kinds(text, lexicon, "acetylsalicylic acid", "headache") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition", "expected"),
    [
        ("Can I use a peppermint oil rub on my child's temples?\nNot for children under six.", "peppermint oil",
         "headache", {"caution"}),
        ("Is milk good for heartburn?\nA glass of milk may soothe for a few minutes, but then makes it worse.",
         "milk", "heartburn", None),
        ("Does magnesium help with leg cramps? Yes, it can.", "magnesium", "night leg cramps", {"relief"}),
        ("Ginkgo carries the same warning.", "ginkgo", "headache", {"caution"}),
        ("Go easy on fatty and fried food.", "fatty food", "heartburn", {"cause"}),
        ("Baking soda in water works fast, but it is very high in sodium.", "sodium bicarbonate", "heartburn",
         {"caution"}),
        ("They can be a side effect of medicines such as steroids (dexamethasone).", "dexamethasone", "hiccups",
         None),
        ("Taking more than the label limit of Tums can lead to kidney stones.", "calcium carbonate", "heartburn",
         None),
        # a harm in other words: each had been a default treatment
        ("Aspirin in children is linked to Reye's syndrome, a rare but serious illness.", "acetylsalicylic acid",
         "headache", {"caution"}),
        ("Gaviscon can interfere with the absorption of some drugs.", "sodium alginate", "heartburn", {"caution"}),
        ("Antacids can interfere with other medicines, so take them two hours apart.", "antacids", "heartburn",
         None),
        ("Black cohosh may help some women, but it has been linked to rare but serious liver problems.",
         "black cohosh", "menopause hot flushes", None),
        # an upset stomach soothed is no harm: it had been a caution
        ("Chamomile tea can soothe an upset stomach.", "chamomile tea", "heartburn", {"relief"}),
        ("Ibuprofen can upset your stomach.", "ibuprofen", "heartburn", {"caution"}),
        # linked to the condition is a cause; to less of it, the benefit stays
        ("Fructose-sweetened sodas are linked to gout attacks.", "soda", "gout", {"cause"}),
        ("Regular exercise is linked to fewer migraines.", "physical exercise", "migraine", {"prevention"}),
    ],
)  # fmt: skip
def test_a_question_read_with_its_answer_and_more_warnings_of_whole_articles(
    lexicon, text, remedy, condition, expected
):
    found = kinds(text, lexicon, remedy, condition)
    if expected is None:  # a cause or a caution, whichever: no benefit
        assert found and not found & BENEFITS
    else:
        assert found == expected


def test_a_question_whose_answer_names_the_remedy_again_leaves_the_claim_to_the_answer(lexicon):
    text = "Is peppermint oil good for headaches? Yes. Peppermint oil rubbed on the temples eases a headache."
    found = [(p.kind, p.start) for p in propose(text, lexicon, "headache") if p.remedy == "peppermint oil"]
    assert found and all(start > 0 for _, start in found)


def test_an_answer_that_names_a_kind_of_the_remedy_leaves_the_claim_to_it(lexicon):
    # "cheese" had been a relief of migraine, read from the question beside the aged cheese's cause
    text = "**What about cheese?**\nAged cheeses contain tyramine, which triggers migraine in a minority."
    assert kinds(text, lexicon, "cheese", "migraine") == set()
    assert kinds(text, lexicon, "aged cheese", "migraine") == {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition", "expected"),
    [
        ("Are sleeping pills habit-forming? Yes.", "hypnotics", "insomnia", {"caution"}),
        ("Are sleeping pills addictive? They can be.", "hypnotics", "insomnia", {"caution"}),
        ("Sleeping pills? Only if your doctor insists, and never for long.", "hypnotics", "insomnia",
         {"caution", "treatment"}),  # a restriction: the caution beside the benefit
        ("Not sure about magnesium? Ask your pharmacist; it helps many people.", "magnesium", "night leg cramps",
         {"caution", "treatment"}),
        ("Is chamomile tea addictive? No. A cup before bed helps many people relax.", "chamomile tea", "insomnia",
         {"treatment"}),
        ("Quinine was once the go-to; compared with stretching, it is far riskier.", "quinine", "night leg cramps",
         {"caution"}),
        ("Quinine was once the go-to; compared with stretching, it is far riskier.", "stretching", "night leg cramps",
         set()),
    ],
)  # fmt: skip
def test_a_question_whether_it_harms_answered_yes_and_a_bare_question_restricted(
    lexicon, text, remedy, condition, expected
):
    assert kinds(text, lexicon, remedy, condition) == expected


def test_the_next_question_of_an_faq_is_no_part_of_an_answer(lexicon):
    text = "Does quinine help? No.\nDoes magnesium help? Yes, it does."
    assert kinds(text, lexicon, "quinine") == {"caution"}
    assert kinds(text, lexicon, "magnesium") == {"treatment"}
    repeated = "Does quinine help? No.\n" * 3
    assert [p.kind for p in propose(repeated, lexicon, "night leg cramps")] == ["caution"] * 3


def test_an_answer_no_is_not_undone_by_a_next_sentence_about_something_else(lexicon):
    assert kinds("Does quinine help cramps? No. The only thing that helps is time.", lexicon, "quinine") == {"caution"}
    assert kinds("Does alcohol help you sleep? No. It doesn't help.", lexicon, "alcohol", "insomnia") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Does echinacea help a cold?\n\nIt's unlikely.", "echinacea", "common cold"),
        ("Does paracetamol work for back pain?\n\nNot on its own.", "paracetamol", "back pain"),
        ("Does alcohol help you sleep?\n\nNo. It may help you fall asleep, but it disrupts sleep later.", "alcohol",
         "insomnia"),
        ("## Do ear candles work?\n\nEar candling can burn your ear.", "ear candling", "earwax build-up"),
    ],
)  # fmt: skip
def test_an_answer_that_says_no_in_other_words_denies_what_the_question_asks(lexicon, text, remedy, condition):
    assert kinds(text, lexicon, remedy, condition) == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Does ginger help nausea?\n\nMany women find it settles their stomach.", "ginger"),
        ("Does ginger help nausea?\n\nYes, it can help.", "ginger"),
        ("## Is magnesium harmful?\n\n- Magnesium is safe at normal doses.\n", "magnesium"),
    ],
)
def test_a_question_asks_and_a_good_answer_keeps_the_benefit(lexicon, text, remedy):
    found = kinds(text, lexicon, remedy, "nausea")
    assert found and found <= BENEFITS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I've read that magnesium can cure cramps. Is that true?\nNo. The evidence is weak.", {"caution"}),
        ("Someone told me magnesium stops cramps. Does this work?\nNot really.", {"caution"}),
    ],
)
def test_a_question_about_what_was_said_before_it_answered_no_denies_it(lexicon, text, expected):
    assert kinds(text, lexicon, "magnesium") == expected


def test_a_question_about_what_was_said_before_it_answered_yes_keeps_it(lexicon):
    text = "I've read that magnesium can ease cramps. Is that true?\nYes, for some people it does."
    assert kinds(text, lexicon, "magnesium") & BENEFITS


def test_a_caution_already_is_quoted_with_the_answer_that_says_no(lexicon):
    # the heading made it a caution; the reviewer still reads the "No." that answers it
    text = "## Remedies with little evidence\n\nI've read that magnesium flushes out toxins. Is that true?\nNo."
    (found,) = [p for p in propose(text, lexicon, "night leg cramps") if p.remedy == "magnesium"]
    assert (found.kind, found.quote) == ("caution", "I've read that magnesium flushes out toxins. Is that true?\nNo.")
