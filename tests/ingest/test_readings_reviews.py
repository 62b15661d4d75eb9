"""What is said of a remedy, from a hostile review of the rules of eae3859 ("and so does", a
heading that says good, a side effect it causes, "avoid if you have ...", a warning with no
subject in the next sentence, a limit on "them", what another remedy is free of, ages, "only X
is safe", another remedy's refusal, an example after "such as"; 342 cases against that commit):
each case here was read wrong at that commit. Each proposal of the remedy the word names ("a|b":
either) reads as "benefit:<population>" or "harm:<population>", and as its kind ("caution:none");
what a reviewer would insist on is required ("a|b": either), what would be wrong is forbidden,
and no remedy may be proposed under a junk name."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

CASES = [
    # markdown (a column that names the group)
    (
        "| Medicine | Pregnancy | Children |\n|---|---|---|\n| Paracetamol | Yes | Yes |\n"
        "| Ibuprofen | Avoid | From 3 months |\n| Aspirin | Avoid | Not under 16 |",
        "pain",
        "aspirin",
        ["harm:pregnancy", "harm:children"],
        ["benefit:pregnancy", "benefit:children"],
        [],
    ),
    (
        "| Medicine | Pregnancy | Children |\n|---|---|---|\n| Paracetamol | Yes | Yes |\n"
        "| Ibuprofen | Avoid | From 3 months |\n| Aspirin | Avoid | Not under 16 |",
        "pain",
        "ibuprofen",
        ["harm:pregnancy"],
        ["benefit:pregnancy", "harm:children"],
        [],
    ),
    # r7-free-of (what one is better without is a harm; not "Never / Go to bed without stretching")
    (
        "Choose a toothpaste without sodium lauryl sulfate if you get mouth ulcers.",
        "mouth ulcers",
        "sulfate",
        ["harm:none"],
        ["benefit:none"],
        [],
    ),
    (
        "Many people with IBS feel better without onions, garlic and beans.",
        "IBS",
        "garlic",
        ["harm:none"],
        ["benefit:none"],
        [],
    ),
    (
        "Try to sleep without sleeping pills; CBT for insomnia works better.",
        "insomnia",
        "hypnotics",
        ["harm:none"],
        ["benefit:none"],
        [],
    ),
    (
        "Without ice or ibuprofen, a sprain takes longer to settle.",
        "sprain",
        "ibuprofen",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    (
        "Never\nGo to bed without stretching your calves.",
        "night leg cramps",
        "stretching",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    # r1-guard
    (
        "Coffee makes reflux worse, but antacids help, and so does Gaviscon.",
        "reflux",
        "gaviscon",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    # r1-guard
    (
        "Caffeine can trigger migraines, but ibuprofen eases them, and so does paracetamol.",
        "migraine",
        "paracetamol",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    # r1-guard
    (
        "Cigarettes are hard to give up, but nicotine patches help, as does varenicline.",
        "smoking cessation",
        "varenicline",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    # r3-side-effect
    (
        "Pseudoephedrine can cause insomnia and a racing heart.",
        "common cold",
        "pseudoephedrine",
        ["caution:none"],
        ["cause:none"],
        [],
    ),
    # r3-side-effect
    (
        "ACE inhibitors such as ramipril can cause a dry cough.",
        "high blood pressure",
        "ramipril",
        ["caution:none"],
        ["cause:none"],
        [],
    ),
    # r3-side-effect
    ("Statins occasionally cause muscle aches.", "high cholesterol", "statin", ["caution:none"], ["cause:none"], []),
    # r3-side-effect
    (
        "A paracetamol overdose can cause serious liver damage.",
        "pain",
        "paracetamol",
        ["caution:none"],
        ["cause:none", "benefit:none"],
        [],
    ),
    # r3-side-effect
    (
        "Long-term ibuprofen can lead to kidney problems in older people.",
        "arthritis",
        "ibuprofen",
        ["harm:elderly|harm:kidney_disease"],
        ["cause:none", "cause:elderly", "benefit:elderly"],
        [],
    ),
    # r3-guard
    ("Codeine can cause drowsiness and constipation.", "constipation", "codeine", ["cause:none"], ["benefit:none"], []),
    # r3-guard
    (
        "Alcohol can trigger migraines, and some migraine medicines cause drowsiness.",
        "migraine",
        "alcohol",
        ["cause:none"],
        ["benefit:none"],
        [],
    ),
    # r4-no-need
    (
        "You don't need to avoid paracetamol in pregnancy.",
        "headache",
        "paracetamol",
        [],
        ["harm:pregnancy", "harm:none"],
        [],
    ),
    # r4-no-need
    ("You don't have to avoid milk when you have a cold.", "common cold", "milk", [], ["harm:none"], []),
    # r4-no-need
    ("Most people with IBS don't need to avoid gluten.", "ibs", "gluten", [], ["harm:none"], []),
    # r4-no-need
    (
        "Pregnant women don't need to avoid paracetamol, but they should avoid ibuprofen.",
        "pain",
        "paracetamol",
        [],
        ["harm:pregnancy"],
        [],
    ),
    # r5-subjectless
    (
        "Ibuprofen lowers a fever. Not to be given to children with chickenpox.",
        "fever",
        "ibuprofen",
        ["harm:children"],
        ["benefit:children"],
        [],
    ),
    # r5-subjectless
    ("Aspirin eases pain. Never for under-16s.", "headache", "aspirin", ["harm:children"], ["benefit:children"], []),
    # r8-age
    (
        "Adults over 65 should avoid chlorphenamine.",
        "itching",
        "chlorphenamine",
        ["harm:elderly"],
        ["benefit:elderly"],
        [],
    ),
    # r8-age
    (
        "If you're 65 or over, avoid diphenhydramine.",
        "insomnia",
        "diphenhydramine",
        ["harm:elderly"],
        ["benefit:elderly"],
        [],
    ),
    # r8-age
    ("Youngsters under 16 must not take aspirin.", "headache", "aspirin", ["harm:children"], ["benefit:children"], []),
    # r8-age
    ("Aged under 12: do not give codeine.", "cough", "codeine", ["harm:children"], ["benefit:children"], []),
    # r8-age
    (
        "Little ones under 2 shouldn't have cough syrup.",
        "cough",
        "cough syrup|cough",
        ["harm:children"],
        ["benefit:children"],
        [],
    ),
    # r8-age
    ("Over-75s should avoid codeine.", "pain", "codeine", ["harm:elderly"], ["benefit:elderly"], []),
    # r8-age
    (
        "Cough medicines shouldn't be given to young people aged 12 to 17 without advice.",
        "cough",
        "cough medicine",
        ["harm:children"],
        ["benefit:children"],
        [],
    ),
    # r9-guard
    (
        "Cetirizine isn't just effective, it's one of the safest antihistamines in pregnancy.",
        "hay fever",
        "cetirizine",
        [],
        ["harm:pregnancy"],
        [],
    ),
    # r10-refusal
    (
        "Paracetamol is fine for most people, but those with liver disease should take a lower dose.",
        "pain",
        "paracetamol",
        ["harm:liver_disease"],
        ["benefit:liver_disease"],
        [],
    ),
    # r10-refusal
    (
        "Cetirizine suits most adults, but pregnant women are usually advised to take loratadine instead.",
        "hay fever",
        "cetirizine",
        [],
        ["benefit:pregnancy"],
        [],
    ),
    # r11-such-as
    (
        "Mouthwashes such as Corsodyl kill the bacteria.",
        "gum disease",
        "corsodyl|chlorhexidine",
        ["benefit:none"],
        [],
        ["corsodyl kill"],
    ),
    # r11-such-as
    (
        "Decongestants such as Sudafed unblock your nose.",
        "common cold",
        "sudafed|pseudoephedrine",
        ["benefit:none"],
        [],
        ["sudafed unblock"],
    ),
    # r11-such-as
    (
        "Antiviral creams such as Zovirax shorten an outbreak if you use them early.",
        "cold sores",
        "zovirax|aciclovir",
        ["benefit:none"],
        [],
        ["zovirax shorten"],
    ),
    # r1-guard
    (
        "Avoid more alcohol; water keeps you hydrated, and so does herbal tea.",
        "hangover",
        "herbal tea",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    # r1-guard
    ("Sugary drinks harm your teeth, but water is fine, and so is milk.", "tooth decay", "milk", [], ["harm:none"], []),
    # r1-guard
    (
        "Smoking raises your risk of heart disease, but walking lowers it, and so does eating oily fish.",
        "heart disease",
        "oily fish",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    # r1-guard
    (
        "Too much salt raises blood pressure; potassium-rich foods lower it, as do bananas.",
        "high blood pressure",
        "banana",
        ["benefit:none"],
        ["harm:none"],
        [],
    ),
    # r1-guard
    (
        "Caffeine may trigger palpitations, but decaf coffee is fine, as is herbal tea.",
        "palpitations",
        "herbal tea",
        [],
        ["harm:none"],
        [],
    ),
]


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden", "no_name"), CASES)
def test_what_is_said_of_each_remedy(catalogue_lexicon, text, condition, word, required, forbidden, no_name):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden, no_name)


# Read wrong in a blind set of 16 whole articles (bench/ingest/whole_articles.json, the eleventh set)
# when it was first scored, at 21a93a1.
BLIND = [
    ("Q: Will tea tree oil or neem oil get rid of scabies?\nA: No.", "scabies", "neem", ["caution:none"],
     ["benefit:none"]),
    (
        "Chlorphenamine (Piriton) works, but it makes many people drowsy, and so does promethazine (Phenergan).",
        "hives",
        "promethazine",
        ["caution:none"],
        ["benefit:none"],
    ),
    (
        "Chlorphenamine (Piriton) works, but it makes many people drowsy.",
        "hives",
        "chlorphenamine",
        ["caution:none", "benefit:none"],
        [],
    ),
    (
        "Codeine-based painkillers such as co-codamol aren't recommended while breastfeeding, as codeine can "
        "pass into breast milk and make your baby very drowsy.",
        "sore nipples",
        "codeine",
        ["harm:children"],
        ["benefit:none"],
    ),
    ("Heavy lifting, press-ups and other upper-body workouts often bring on a flare.", "costochondritis", "strength",
     ["cause:none"], ["benefit:none"]),
    ("Heavy gripping, weightlifting or typing for long periods may all make it ache more.", "ganglion cyst", "strength",
     ["harm:none"], ["benefit:none"]),
    ("Long hot baths and harsh soaps strip natural oils from the skin.", "cracked heels", "bath", ["harm:none"],
     ["benefit:none"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), BLIND)
def test_what_a_blind_article_says_of_each_remedy(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)


# Left from that review (read wrong at eae3859 and still at 89c67c2), read right since.
LEFT = [
    ("Paracetamol is safe in pregnancy. Not so ibuprofen.", "pain", "ibuprofen", ["harm:none|harm:pregnancy"],
     ["benefit:none", "benefit:pregnancy"]),
    ("Paracetamol is safe in pregnancy, but not so ibuprofen.", "pain", "ibuprofen", ["harm:pregnancy"],
     ["benefit:none", "benefit:pregnancy"]),
    # what another (no remedy of the lexicon) does, before good said of this one
    ("Soap can trigger eczema flares, but emollients help, as do wet wraps.", "eczema", "emollient",
     ["benefit:none"], ["harm:none"]),
    ("Soap can trigger eczema flares, but emollients help, as do wet wraps.", "eczema", "wet wrap",
     ["benefit:none"], ["harm:none"]),
    ("Soap can trigger eczema flares, but emollients soothe the skin.", "eczema", "emollient",
     ["benefit:none"], ["harm:none"]),
    # good said of another only: a caution for them beside the benefit
    ("Ibuprofen and paracetamol both ease pain, but only paracetamol is safe in pregnancy.", "pain",
     "ibuprofen", ["benefit:none", "caution:pregnancy"], ["benefit:pregnancy"]),
    ("Ibuprofen and paracetamol both ease pain, but only paracetamol is safe in pregnancy.", "pain",
     "paracetamol", ["benefit:pregnancy"], ["harm:pregnancy"]),
    # a sentence that says what the remedy does is no title of the warning after it
    ("Fever in children\n\nIbuprofen lowers a fever. Not to be given to children with chickenpox.", "fever",
     "ibuprofen", ["benefit:children|benefit:none", "harm:children"], []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), LEFT)
def test_left_from_the_review(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)
