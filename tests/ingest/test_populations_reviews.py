"""Whom a claim is said of, from a hostile review of the rule that no benefit is proposed for whom
the sentence keeps a remedy from (184 cases against 0e9dfda): each case here was read wrong at that
commit. Each proposal of the remedy the word names reads as "benefit:<population>" or
"harm:<population>" ("none": everyone); what a reviewer would insist on is required, what would be
wrong is forbidden."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

CASES = [
    # except
    ("Ibuprofen can ease pain, except in pregnancy.", "pain", "ibuprofen", ["harm:pregnancy"], ["benefit:pregnancy"]),
    # except
    (
        "Ibuprofen is suitable for everyone except pregnant women.",
        "pain",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # except
    ("Ibuprofen eases pain (except in pregnancy).", "pain", "ibuprofen", ["harm:pregnancy"], ["benefit:pregnancy"]),
    # except
    (
        ("Ibuprofen eases pain and swelling, and it is safe for most people apart from pregnant women."),
        "pain",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # except
    (
        "Ibuprofen eases pain and is safe for everyone other than pregnant women.",
        "pain",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # except
    (
        ("Ibuprofen eases pain for everyone excluding pregnant women and people with kidney disease."),
        "pain",
        "ibuprofen",
        ["harm:pregnancy", "harm:kidney_disease"],
        ["benefit:pregnancy", "benefit:kidney_disease"],
    ),
    # except
    (
        "Ibuprofen eases pain in adults, with the exception of pregnant women.",
        "pain",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # cue-missing
    ("Ibuprofen is off-limits during pregnancy.", "pain", "ibuprofen", ["harm:pregnancy"], ["benefit:pregnancy"]),
    # cue-missing
    ("Ibuprofen is a no-no in pregnancy.", "pain", "ibuprofen", ["harm:pregnancy"], ["benefit:pregnancy"]),
    # cue-missing
    (
        "Ibuprofen eases pain, but it's a no-no in pregnancy.",
        "pain",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # cue-missing
    (
        "Codeine relieves severe pain, and is off-limits for children under 12.",
        "pain",
        "codeine",
        ["harm:children"],
        ["benefit:children"],
    ),
    # only/instead
    (
        ("Cetirizine, not chlorphenamine, is best for children because it doesn't cause drowsiness."),
        "hay fever",
        "cetirizine",
        ["benefit:children"],
        ["harm:children"],
    ),
    # another-after-restriction
    (
        "Ibuprofen shouldn't be used in pregnancy, but paracetamol is safe for pregnant women.",
        "pain",
        "paracetamol",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # another-after-restriction
    (
        "Aspirin isn't suitable, but paracetamol is safe for children.",
        "pain",
        "paracetamol",
        ["benefit:children"],
        ["harm:children"],
    ),
    # another-after-restriction
    (
        "Ibuprofen is not recommended in pregnancy, but paracetamol is generally considered safe.",
        "pain",
        "paracetamol",
        [],
        ["harm:pregnancy"],
    ),
    # another-after-restriction
    (
        ("Ibuprofen is not recommended in pregnancy, but paracetamol is generally considered safe for pregnant women."),
        "pain",
        "paracetamol",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # another-after-restriction
    (
        ("Ibuprofen is not recommended in pregnancy; paracetamol is generally considered safe for pregnant women."),
        "pain",
        "paracetamol",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # another-after-restriction
    (
        ("Aspirin should not be given to children, but paracetamol and ibuprofen are safe for children."),
        "pain",
        "paracetamol",
        ["benefit:children"],
        ["harm:children"],
    ),
    # another-after-restriction
    (
        ("Aspirin should not be given to children, but paracetamol and ibuprofen are safe for children."),
        "pain",
        "ibuprofen",
        ["benefit:children"],
        ["harm:children"],
    ),
    # another-after-restriction
    (
        ("Chlorphenamine can make children drowsy, but cetirizine and loratadine are suitable for children over 2."),
        "hay fever",
        "cetirizine",
        ["benefit:children"],
        ["harm:children"],
    ),
    # another-after-restriction
    (
        ("Cough syrups aren't recommended for children under 6, but honey and lemon is safe for children over 1."),
        "cough",
        "honey",
        ["benefit:children"],
        ["harm:children"],
    ),
    # another-after-restriction
    (
        ("Don't give cough medicines to children under 6; honey and lemon is a safe alternative for children over 1."),
        "cough",
        "honey",
        ["benefit:children"],
        ["harm:children"],
    ),
    # another-after-restriction
    ("Ibuprofen isn't suitable in pregnancy, whereas paracetamol is.", "pain", "paracetamol", [], ["harm:pregnancy"]),
    # another-after-restriction
    (
        ("Steam inhalation isn't for young children, but a warm bath can help children breathe more easily."),
        "cold",
        "bath",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Loratadine does not cause drowsiness, so it's fine for children.",
        "hay fever",
        "loratadine",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "It does not cause drowsiness, so loratadine is fine for children.",
        "hay fever",
        "loratadine",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Cetirizine won't make you drowsy, and it's suitable for children from 2 years.",
        "hay fever",
        "cetirizine",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Not only adults but children too can use cetirizine.",
        "hay fever",
        "cetirizine",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Paracetamol is not just safe for adults – it's suitable for children too.",
        "headache",
        "paracetamol",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Paracetamol is not only safe for adults but also for children.",
        "headache",
        "paracetamol",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Never hesitate to give Calpol to babies over 2 months if they have a fever.",
        "fever",
        "calpol",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Avoid caffeine and alcohol, and try chamomile tea, which is safe for children.",
        "insomnia",
        "chamomile",
        ["benefit:children"],
        ["harm:children"],
    ),
    # neg-elsewhere
    (
        "Gaviscon doesn't contain aspirin, so it's safe in pregnancy.",
        "heartburn",
        "gaviscon",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # neg-elsewhere
    (
        "Gaviscon is not absorbed into the bloodstream, which is why it is safe in pregnancy.",
        "heartburn",
        "gaviscon",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # neg-elsewhere
    (
        "Lactulose won't harm your baby and is safe in pregnancy.",
        "constipation",
        "lactulose",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # neg-elsewhere
    (
        "Lactulose is not absorbed, so it is safe during pregnancy.",
        "constipation",
        "lactulose",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # neg-elsewhere
    (
        "Lactulose is not habit-forming and is safe for elderly people.",
        "constipation",
        "lactulose",
        ["benefit:elderly"],
        ["harm:elderly"],
    ),
    # neg-elsewhere
    (
        "Lactulose is not absorbed into the blood, so it's safe for people with diabetes.",
        "constipation",
        "lactulose",
        ["benefit:diabetes"],
        ["harm:diabetes"],
    ),
    # neg-elsewhere
    (
        "Ginger doesn't cause drowsiness, unlike antihistamines, so it's fine in pregnancy.",
        "nausea",
        "ginger",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # neg-elsewhere
    (
        ("Unlike some anti-sickness drugs, ginger is not thought to harm the baby, and is fine in pregnancy."),
        "nausea",
        "ginger",
        ["benefit:pregnancy"],
        ["harm:pregnancy"],
    ),
    # good-but-lost
    (
        "Calpol is fine for babies, but Nurofen shouldn't be given to babies under 3 months.",
        "fever",
        "calpol",
        ["benefit:children"],
        ["harm:children"],
    ),
]


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), CASES)
def test_whom_each_claim_is_said_of(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)
