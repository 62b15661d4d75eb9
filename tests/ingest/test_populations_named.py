"""Whom a claim is for, in the populations asthma, breastfeeding and high blood pressure: a
caution for them, never a benefit for them where the text keeps the remedy from them, and
"breastfeeding" read as whom ("if you're pregnant or breastfeeding"), not as a remedy. Each
proposal of the remedy the word names reads as "benefit:<population>" or "harm:<population>"
("none": everyone); what a reviewer would insist on is required, what would be wrong is forbidden."""

import pytest

from tests.ingest.proposing import assert_said_of, catalogue_lexicon  # noqa: F401 (a fixture)

CASES = [
    # the caution is for them, not for everyone
    ("Avoid ibuprofen if you have asthma.", "headache", "ibuprofen", ["harm:asthma"], ["harm:none", "benefit:asthma"]),
    (
        "Codeine should not be used while breastfeeding.",
        "cough",
        "codeine",
        ["harm:breastfeeding"],
        ["benefit:breastfeeding"],
    ),
    (
        "Decongestant tablets containing pseudoephedrine are not suitable if you have high blood pressure.",
        "common cold",
        "pseudoephedrine",
        ["harm:hypertension"],
        ["benefit:hypertension"],
    ),
    # the benefit beside it is everyone's, never theirs
    (
        "Ibuprofen can be taken alongside it, but skip ibuprofen if you have asthma.",
        "headache",
        "ibuprofen",
        ["benefit:none", "harm:asthma"],
        ["benefit:asthma"],
    ),
    (
        "Ibuprofen can be taken alongside it, but skip ibuprofen if you are pregnant.",
        "headache",
        "ibuprofen",
        ["benefit:none", "harm:pregnancy"],
        ["benefit:pregnancy"],
    ),
    # a check asked for first is a caution, in the entry and in the sentence after the benefit
    (
        "Aspirin: not for children\nIbuprofen: ask first if you have asthma",
        "headache",
        "ibuprofen",
        ["harm:asthma"],
        ["benefit:asthma", "benefit:none"],
    ),
    (
        "Ibuprofen eases headaches. Ask your pharmacist first if you have asthma.",
        "headache",
        "ibuprofen",
        ["benefit:none", "harm:asthma"],
        ["benefit:asthma"],
    ),
    (
        "Ibuprofen eases headaches. Ask your pharmacist if you take other medicines.",
        "headache",
        "ibuprofen",
        ["benefit:none", "caution:other_medicines"],
        ["caution:none", "benefit:other_medicines"],
    ),
    # what sets off a disease that is not the article's condition harms those who have it
    (
        "Avoid them, or ask a pharmacist first, if you:\n- have kidney disease\n"
        "- have asthma that is set off by anti-inflammatories\n- are over 65",
        "sprained ankle",
        "anti-inflammator",
        ["harm:asthma"],
        ["benefit:asthma", "benefit:none"],
    ),
    (
        "People with asthma who've reacted to anti-inflammatories before should stick with paracetamol.",
        "earache",
        "anti-inflammator",
        ["caution:asthma"],
        ["benefit:asthma"],
    ),
    ("Asthma made worse by ibuprofen is common.", "asthma", "ibuprofen", ["cause:none"], ["benefit:none"]),
    # harmful to a group of people: a caution for each, not a cause of the condition
    (
        "Some essential oils can be harmful to children, people who have asthma, or those who are pregnant or nursing.",
        "migraine",
        "essential oil",
        ["caution:children", "caution:asthma", "caution:pregnancy", "caution:breastfeeding"],
        ["cause:children", "cause:pregnancy", "cause:breastfeeding"],
    ),
]


# An aside after the good keeps it from them, unless another remedy is named before the aside; a side
# effect said in other words, but never the article's condition.
ASIDES = [
    ("Ibuprofen eases headaches (not for asthmatics).", "headache", "ibuprofen", ["benefit:none", "caution:asthma"],
     ["benefit:asthma"]),
    ("Decongestants can help (avoid if you have high blood pressure).", "common cold", "decongestant",
     ["benefit:none", "caution:hypertension"], ["benefit:hypertension"]),
    ("Decongestant tablets can clear a blocked nose (avoid them if you have high blood pressure).", "hay fever",
     "decongestant", ["benefit:none", "caution:hypertension"], ["benefit:hypertension"]),
    ("A quick guide for readers.\nAspirin (not for anyone under 16)", "headache", "aspirin", ["caution:children"],
     ["benefit:none", "benefit:children"]),
    ("Decongestants can help – just not if you have high blood pressure.", "common cold", "decongestant",
     ["benefit:none", "caution:hypertension"], ["benefit:hypertension"]),
    ("What can help:\n- paracetamol\n- ibuprofen (not if you have asthma)\n- a cold compress", "headache", "ibuprofen",
     ["caution:asthma"], ["benefit:asthma"]),
    ("Drink plenty of fluids, suck menthol lozenges or boiled sweets (not for young children).", "dry cough", "fluid",
     ["benefit:none"], ["harm:children"]),
    ("Ibuprofen can make some people wheezy.", "back pain", "ibuprofen", ["caution:none"], ["benefit:none"]),
    ("Decongestants unblock your nose quickly. They can raise blood pressure, though.", "common cold", "decongestant",
     ["benefit:none", "caution:none"], []),
    ("## What pushes blood pressure up\n\nDrinking more than four cups of coffee a day may raise blood pressure.",
     "mild high blood pressure", "coffee", ["cause:none"], ["caution:none"]),
    ("Alcohol may make you sleepy at first but leads to broken sleep later in the night.", "insomnia", "alcohol",
     ["cause:none"], ["benefit:none"]),
    # other words for keeping away and for whom
    # the short question before it says whom
    ("High blood pressure? Give decongestants a wide berth.", "common cold", "decongestant",
     ["caution:hypertension"], ["benefit:none", "harm:none"]),
    ("Hypertension sufferers should stay away from decongestants.", "common cold", "decongestant",
     ["caution:hypertension"], ["cause:none"]),
    ("## High blood pressure\n\nAvoid decongestants. Saline sprays are fine.", "common cold", "decongestant",
     ["caution:hypertension"], ["cause:none"]),
    ("Breastfeeding doesn't protect you from getting a cold, but handwashing does.", "common cold", "breastfe",
     [], ["benefit:breastfeeding", "benefit:none"]),
    # what brought on an asthma attack, and what is kept from them for it (aspirin read as a
    # treatment for asthma, ibuprofen as a cause of headaches)
    ("If aspirin has ever brought on an asthma attack, avoid ibuprofen too.", "headache", "aspirin|acetylsalicylic",
     ["caution:asthma"], ["benefit:asthma", "benefit:none", "cause:none"]),
    ("If aspirin has ever brought on an asthma attack, avoid ibuprofen too.", "headache", "ibuprofen",
     ["caution:asthma"], ["benefit:asthma", "cause:none"]),
    ("If aspirin has ever triggered an asthma attack, do not take ibuprofen.", "headache", "ibuprofen",
     ["caution:asthma"], ["cause:none"]),
    ("If you have ever had an asthma attack after taking aspirin, avoid ibuprofen.", "headache",
     "aspirin|acetylsalicylic", ["caution:asthma"], ["benefit:asthma", "benefit:none"]),
    # ... and what another is likened to ("like ibuprofen"): both a caution, not causes of headaches
    ("Naproxen, like ibuprofen, has triggered asthma attacks.", "headache", "naproxen", ["caution:asthma"],
     ["cause:none", "benefit:asthma"]),
    ("Naproxen, like ibuprofen, has triggered asthma attacks.", "headache", "ibuprofen", ["caution:asthma"],
     ["cause:none", "benefit:asthma"]),
    # in an article on asthma, an attack brought on is the condition's: a cause
    ("If aspirin has ever brought on an asthma attack, avoid ibuprofen too.", "asthma", "aspirin|acetylsalicylic",
     ["cause:none"], ["benefit:none", "benefit:asthma"]),
    ("Aspirin can trigger asthma attacks in some people.", "asthma", "aspirin|acetylsalicylic", ["cause:none"],
     ["benefit:none"]),
    ("If you get heartburn, avoid coffee.", "heartburn", "coffee|caffeine", ["cause:none"], ["caution:none"]),
    # the remedy to use instead is theirs ("and use paracetamol" was read as one they take already)
    ("If you have asthma, avoid ibuprofen and use paracetamol instead.", "headache", "paracetamol",
     ["benefit:asthma"], ["harm:asthma", "harm:none"]),
    ("If you have an ulcer or take warfarin, avoid ibuprofen.", "headache", "ibuprofen", ["caution:none"],
     ["cause:none"]),
    # a list's introduction that keeps its items from them: a caution for them, not a cause for everyone
    ("Avoid these if you have high blood pressure:\n- decongestant tablets\n- pseudoephedrine", "common cold",
     "pseudoephedrine", ["caution:hypertension"], ["harm:none"]),
    ("Not safe in pregnancy:\n- ibuprofen\n- aspirin", "headache", "ibuprofen", ["caution:pregnancy"],
     ["harm:none"]),
    ("Things to avoid if you get migraines:\n- red wine\n- aged cheese", "migraine", "red wine", ["cause:none"],
     ["caution:none"]),
    # introductions that keep them from some without "these", or after an "If ..." (each was a treatment)
    ("Avoid if you're breastfeeding:\n- codeine\n- aspirin", "back pain", "codeine", ["caution:breastfeeding"],
     ["benefit:none", "benefit:breastfeeding"]),
    ("If you're over 65, avoid these:\n- sleeping pills\n- antihistamines that make you drowsy", "insomnia",
     "sleeping pills|hypnotic", ["caution:elderly"], ["benefit:none", "benefit:elderly"]),
    ("Ask a pharmacist before using these if you have high blood pressure:\n- decongestants\n- pseudoephedrine",
     "common cold", "pseudoephedrine", ["caution:hypertension"], ["benefit:hypertension"]),
    # the remedy ordered after a dash is advice, not kept from them with the one before
    ("If you have asthma, don't take ibuprofen – take paracetamol.", "back pain", "paracetamol", [],
     ["harm:asthma", "harm:none"]),
    ("Don't take fluconazole if you're pregnant or breastfeeding – use a pessary instead.", "vaginal thrush",
     "pessar", [], ["harm:pregnancy", "harm:breastfeeding"]),
    # an "If ..." introduction that says what to try stays advice
    ("If antacids don't help, try:\n- ginger tea\n- small meals", "heartburn", "ginger", ["benefit:none"],
     ["harm:none"]),
    # a heading's disease that is the article's own is whom it is about, not a group apart
    ("## Kidney stones: easing the pain\n\nIbuprofen works well for stone pain.", "kidney stones", "ibuprofen",
     ["benefit:none"], ["benefit:kidney_disease"]),
    ("## Kidney stones: easing the pain\n\nIbuprofen is not suitable if you have kidney disease.", "kidney stones",
     "ibuprofen", ["caution:kidney_disease"], ["benefit:kidney_disease"]),
    # the organ is nobody; kidneys that don't work well are whom
    ("Calcium from milk eaten with meals binds oxalate in the gut so less reaches the kidneys.", "kidney stones",
     "calcium", ["benefit:none"], ["benefit:kidney_disease"]),
    ("Nitrofurantoin isn't suitable if your kidneys don't work well.", "cystitis", "nitrofurantoin",
     ["caution:kidney_disease"], ["benefit:kidney_disease"]),
    # the kidneys' working, checked, is nobody's; poor, it is whom ("prevention: kidney disease" before)
    ("Allopurinol prevents gout attacks; your GP will check your kidney function first.", "gout", "allopurinol",
     ["benefit:none"], ["benefit:kidney_disease"]),
    ("Allopurinol is not suitable if you have poor kidney function.", "gout", "allopurinol",
     ["caution:kidney_disease"], ["benefit:kidney_disease", "benefit:none"]),
    # a lower dose for them is a caution for them: it had been a treatment for kidney disease
    ("Colchicine needs a lower dose if you have kidney problems.", "gout", "colchicine", ["caution:kidney_disease"],
     ["benefit:kidney_disease"]),
    ("## Athlete's foot: what helps\n\nTerbinafine cream clears it in a week or two.", "athlete's foot",
     "terbinafine", ["benefit:none"], ["benefit:athletes"]),
    # a short question before the introduction says whom ("Pregnant? Avoid these:"); each cautioned everyone
    # or was a treatment
    ("Pregnant? Avoid these:\n- ibuprofen\n- aspirin", "heartburn", "ibuprofen", ["caution:pregnancy"],
     ["harm:none"]),
    ("Breastfeeding? Steer clear of:\n- codeine\n- aspirin", "back pain", "codeine", ["caution:breastfeeding"],
     ["benefit:none", "harm:none"]),
    ("Over 65? Best not to take:\n- sleeping pills\n- antihistamines that make you drowsy", "insomnia",
     "sleeping pills|hypnotic", ["caution:elderly"], ["benefit:none", "benefit:elderly"]),
    ("Best avoided:\n- codeine\n- aspirin", "back pain", "codeine", ["caution:none"], ["benefit:none"]),
    # ... in bold, or longer; and the answers that keep them away in other words
    ("**Pregnant?** Avoid these:\n- ibuprofen\n- aspirin", "headache", "ibuprofen", ["caution:pregnancy"],
     ["harm:none"]),
    ("Is your child under 16? Never give:\n- aspirin\n- codeine", "fever", "aspirin|acetylsalicylic",
     ["caution:children"], ["benefit:none"]),
    ("Expecting a baby? Avoid these:\n- ibuprofen\n- aspirin", "headache", "ibuprofen", ["caution:pregnancy"],
     ["harm:children"]),
    ("Are you over 65? Best not to take:\n- chlorphenamine\n- promethazine", "hay fever", "chlorphenamine",
     ["caution:elderly"], ["benefit:none"]),
    ("Pregnant? These are best avoided:\n- ibuprofen\n- naproxen", "back pain", "ibuprofen", ["caution:pregnancy"],
     ["benefit:none", "benefit:pregnancy"]),
    ("Pregnant? Give these a miss:\n- ibuprofen\n- aspirin", "headache", "ibuprofen", ["caution:pregnancy"],
     ["benefit:none"]),
    ("Over 65? Best to avoid:\n- ibuprofen\n- naproxen", "arthritis", "ibuprofen", ["caution:elderly"],
     ["benefit:none"]),
    ("Diabetic? Go easy on:\n- honey\n- sugary lozenges", "sore throat", "honey", ["caution:diabetes"],
     ["benefit:none"]),
    ("What works? Not these:\n- alcohol\n- antihistamine sleeping pills", "insomnia", "antihistamine",
     ["harm:none"], ["benefit:none"]),
    # a blood thinner the question names as taken says whom its items are cautions for, not causes of back pain
    ("Taking warfarin? Avoid these:\n- ibuprofen\n- aspirin", "back pain", "ibuprofen", ["caution:anticoagulants"],
     ["cause:none", "benefit:none", "caution:none", "benefit:anticoagulants"]),
    # ... and is no claim of its own: it had been a treatment, or one beside the pharmacist's caution
    ("Taking warfarin? Avoid these:\n- ibuprofen\n- aspirin", "back pain", "warfarin", [],
     ["benefit:none", "harm:none"]),
    ("Are you on warfarin or clopidogrel? Don't take:\n- aspirin", "heartburn", "clopidogrel|warfarin", [],
     ["benefit:none", "harm:none"]),
    ("**Taking warfarin?** Ask a pharmacist first.", "heartburn", "warfarin", [], ["benefit:none", "harm:none"]),
    ("Taking ibuprofen? Don't take it for more than 3 days.", "headache", "ibuprofen", ["caution:none"],
     ["benefit:none"]),
    # after "but", an introduction says what it says of its items: they had been treatments
    ("Pregnant? Most antacids are safe, but best not to take:\n- Alka-Seltzer\n- sodium bicarbonate",
     "heartburn", "alka-seltzer", ["caution:pregnancy"], ["benefit:none", "benefit:pregnancy"]),
    ("Antacids are fine for most people, but avoid these if you're pregnant:\n- Alka-Seltzer\n- Andrews",
     "heartburn", "alka-seltzer", ["caution:pregnancy"], ["benefit:none", "benefit:pregnancy"]),
    ("Most painkillers are fine for adults, but not for children:\n- aspirin\n- codeine", "back pain", "codeine",
     ["harm:children"], ["benefit:none", "benefit:children"]),
    # whom an earlier order's "if" names is said of that order: ibuprofen had been cautioned in pregnancy only
    ("Do not take aspirin if you are pregnant, and avoid ibuprofen, which can irritate the stomach lining.",
     "heartburn", "ibuprofen", ["harm:none"], ["harm:pregnancy", "benefit:none"]),
    ("Do not take aspirin if you are pregnant, and avoid ibuprofen, which can irritate the stomach lining.",
     "heartburn", "aspirin|acetylsalicylic", ["caution:pregnancy"], ["harm:none"]),
    ("Give children paracetamol; never aspirin.", "headache", "aspirin|acetylsalicylic", ["caution:children"],
     ["harm:none"]),
    # a question that names nobody says whom of nothing
    ("Still sore? Try these:\n- ibuprofen gel\n- a warm compress", "back pain", "ibuprofen", ["benefit:none"],
     ["harm:none"]),
    ("Can't sleep? Try these:\n- chamomile tea\n- a warm milky drink", "insomnia", "chamomile", ["benefit:none"],
     ["harm:none"]),
    # the help denied after "but" is another's: never the salt's, for asthma
    ("Salt caves are popular, but there's no good evidence that halotherapy helps asthma.", "asthma", "salt",
     [], ["benefit:asthma"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "condition", "word", "required", "forbidden"), CASES + ASIDES)
def test_whom_a_claim_is_for(catalogue_lexicon, text, condition, word, required, forbidden):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, condition, word, required, forbidden)


@pytest.mark.parametrize(
    "text",
    [
        "Don't take them if you're pregnant or breastfeeding.",
        "They aren't recommended for pregnant or breastfeeding women.",
        "Codeine is not recommended during pregnancy or breastfeeding.",
        "A course of antibiotics, for you if you're breastfeeding, can trigger a thrush rash.",
    ],
)
def test_breastfeeding_as_whom_is_no_remedy(catalogue_lexicon, text):  # noqa: F811
    assert_said_of(catalogue_lexicon, text, "headache", "codeine|antibiotic|them", [], [], no_name=("breastfeeding",))
