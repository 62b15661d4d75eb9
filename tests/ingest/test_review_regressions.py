# ruff: noqa: E501 (the passages as the review wrote them, tables one cell a line)
"""Advice that a hostile review of the rules for unseen articles (likewise, myths, tables, partners,
scope) found turned into a warning or dropped, each still proposed as a benefit: the rules are
written for what they warn of, never for what merely shares their words ("If you take ibuprofen,
take it with food rather than on an empty stomach" is how to take it, not an interaction)."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_from_catalogue_files()


ADVICE = [
    ("If you take ibuprofen, take it with food rather than on an empty stomach.", "headache", "ibuprofen"),
    (
        "If you are taking paracetamol, stick to the recommended dose and it will ease the pain.",
        "headache",
        "paracetamol",
    ),
    ("If you use an emollient, apply it straight after a bath rather than before.", "eczema", "emollients"),
    (
        "If you're using a hot water bottle, wrap it in a towel instead of putting it on bare skin.",
        "back pain",
        "heating pad",
    ),
    ("If you take melatonin, take it an hour before bed rather than at bedtime.", "insomnia", "melatonin"),
    ("If you use a saline spray, opt for a preservative-free one.", "cold", "saline nasal spray"),
    ("If you take omeprazole, take it 30 minutes before breakfast instead of with it.", "heartburn", "omeprazole"),
    ("If you use lavender oil, dab it on your pillow rather than on your skin.", "insomnia", "lavender essential oil"),
    ("Massage the calf firmly. Stop massaging once the cramp has gone.", "leg cramps", "massage"),
    ("Don't stop massaging until the knot loosens.", "back pain", "massage"),
    (
        "Common causes\nDehydration\nPregnancy\nEasy home fixes such as prunes and a glass of water",
        "constipation",
        "prune",
    ),
    (
        "Foods to avoid\nCoffee\nAlcohol\nGinger tea and chamomile tea, both of them gentle on the stomach",
        "heartburn",
        "ginger tea",
    ),
    ("Triggers\nPollen\nDust\nOur favourite natural remedy for hay fever: local honey", "hay fever", "honey"),
    (
        "Paracetamol does nothing for inflammation, but it does ease the pain of a tension headache.",
        "headache",
        "paracetamol",
    ),
    (
        "Antihistamines block the histamine that makes hay fever symptoms more intense.",
        "hay fever",
        "antihistamines",
    ),
    ("Try relaxation exercises, as stress makes tinnitus louder.", "tinnitus", "stress reduction"),
    ("Relaxation techniques help, as anxiety makes tinnitus more noticeable.", "tinnitus", "stress reduction"),
    ("People low in vitamin D are more likely to have back pain.", "back pain", "vitamin D"),
    ("People who rarely eat fibre are more likely to get constipation.", "constipation", "fibre"),
    ("Children not given emollients are more likely to have eczema flare-ups.", "eczema", "emollients"),
    ("Stretching may seem to hurt a little at first, but it eases back pain within days.", "back pain", "stretching"),
    (
        "Ginger tea is a popular remedy for nausea. There's very little evidence for it being harmful.",
        "nausea",
        "ginger tea",
    ),
    ("Honey soothes a sore throat. There is hardly any evidence it causes problems in adults.", "sore throat", "honey"),
    (
        "Chamomile tea may help you sleep. There's not much evidence for it causing side effects.",
        "insomnia",
        "chamomile tea",
    ),
    (
        "Poor sleep reduces your ability to cope with pain, so a warm bath and gentle stretching before bed can help.",
        "back pain",
        "stretching",
    ),
    ("Stress reduces your ability to sleep, so try chamomile tea in the evening.", "insomnia", "chamomile tea"),
    (
        "MYTH: You should never take paracetamol for a hangover headache. FACT: Paracetamol is a sensible choice at normal doses.",
        "headache",
        "paracetamol",
    ),
    (
        "Remedy\nDoes it help?\nSide effects?\nNotes\nHoney\nYes\nNo\nA spoonful in warm water soothes a cough in children over one.\nSteam inhalation\nYes\nNo\nBreathing steam for ten minutes can loosen a blocked nose.\nEchinacea\nUncertain\nRarely\nTrials disagree about whether it shortens a cold.",
        "cold",
        "honey",
    ),
    (
        "Remedy\nDoes it help?\nDrowsy?\nNotes\nLoratadine\nYes\nUnlikely\nA once-daily tablet that eases sneezing and itchy eyes.\nCetirizine\nYes\nUnlikely\nA once-daily tablet that eases sneezing and itchy eyes.\nChlorphenamine\nYes\nYes\nOlder antihistamine that can make you sleepy the next day.",
        "hay fever",
        "loratadine",
    ),
    (
        "Remedy\nDoes it help?\nPrescription needed?\nNotes\nIbuprofen\nYes\nNo\nTake with food to protect your stomach from irritation.\nParacetamol\nYes\nNo\nGentle on the stomach and fine for most adults.\nCodeine\nSometimes\nYes\nCan cause constipation and drowsiness, so use it briefly.",
        "back pain",
        "ibuprofen",
    ),
    (
        "Remedy\nDoes it help?\nRisk of dependence?\nNotes\nMelatonin\nYes\nUnlikely\nTake it one to two hours before bed for jet lag.\nValerian\nSometimes\nUnlikely\nTrials are mixed but many people like it at night.\nZolpidem\nYes\nYes\nOnly for short periods on a doctor's prescription.",
        "insomnia",
        "melatonin",
    ),
    (
        "Remedy\nDoes it help?\nSafe in pregnancy?\nNotes\nGinger\nYes\nYes\nGinger biscuits or tea can settle morning sickness.\nPeppermint tea\nYes\nUnclear\nMany people find a warm cup calming after meals.\nAcupressure bands\nUnclear\nYes\nWorn on the wrist, they press on the P6 point.",
        "nausea",
        "peppermint tea",
    ),
    ("If you use an inhaler for asthma, rinse your mouth afterwards rather than swallowing.", "asthma", "inhalers"),
    ("If you are taking iron tablets, take them with orange juice instead of tea.", "anaemia", "iron"),
    ("If you are using hydrocortisone cream, apply it thinly rather than thickly.", "eczema", "hydrocortisone cream"),
    ("If you use heat packs, 20 minutes at a time is the better option.", "back pain", "heating pad"),
    ("If you take ibuprofen gel, rub it in gently rather than massaging hard.", "back pain", "ibuprofen gel"),
    ("Stop massaging after about ten minutes.", "back pain", "massage"),
    ("Causes\nDehydration\nPregnancy\nKeeping active with regular walking and stretching", "leg cramps", "stretching"),
    (
        "Common causes\nStress\nPoor posture\nRelief from a warm bath, massage and gentle stretching",
        "back pain",
        "massage",
    ),
    (
        "Triggers\nPollen\nPet hair\nAll of them eased by a daily antihistamine such as cetirizine",
        "hay fever",
        "cetirizine",
    ),
    ("Ibuprofen does nothing for the virus itself, but it eases the aches and fever of a cold.", "cold", "ibuprofen"),
    ("A decongestant does nothing for a cough, but it clears a blocked nose in a cold.", "cold", "decongestants"),
    (
        "Antacids do nothing to stop acid being made, but they neutralise it quickly and ease heartburn.",
        "heartburn",
        "antacids",
    ),
    ("Use a fan at night: silence makes tinnitus louder.", "tinnitus", "fan"),
    ("Melatonin may appear to do nothing at first, but give it a week.", "insomnia", "melatonin"),
    (
        "Emollients might seem to sting a little at first, but they are the best treatment for eczema.",
        "eczema",
        "emollients",
    ),
    ("Honey is a good choice for a cough. There's hardly any evidence for it being risky in adults.", "cough", "honey"),
    ("Valerian may help you sleep. There's scant evidence of it being habit-forming.", "insomnia", "valerian"),
    (
        "Lack of sleep lowers your ability to fight off colds, so get to bed early and take vitamin C.",
        "cold",
        "vitamin C",
    ),
    ("Stress weakens your ability to fight infection, so eat well and try garlic.", "cold", "garlic"),
    ("Back pain can reduce your ability to work, but gentle walking helps you recover faster.", "back pain", "walking"),
    (
        "MYTH: You shouldn't take ibuprofen if you have a cold. FACT: Ibuprofen is fine for most adults.",
        "cold",
        "ibuprofen",
    ),
    (
        "MYTH: Emollients should be avoided on weeping skin. FACT: Emollients can be used on all eczema.",
        "eczema",
        "emollients",
    ),
    (
        "MYTH: Paracetamol is not safe in pregnancy. FACT: Paracetamol is the painkiller of choice in pregnancy.",
        "headache",
        "paracetamol",
    ),
]


# From a second hostile review, of the mended rules
ADVICE += [
    (
        "If you take paracetamol and still have pain, add ibuprofen rather than taking more paracetamol.",
        "headache",
        "paracetamol",
    ),
    ("When you take ibuprofen, stick with the lowest dose and add paracetamol if needed.", "back pain", "ibuprofen"),
    (
        "If you take antihistamines for hay fever, opt for loratadine rather than chlorphenamine during the day.",
        "hay fever",
        "antihistamines",
    ),
    ("If you use an emollient, switch to a thicker ointment such as Epaderm instead at night.", "eczema", "emollients"),
    (
        "If you use hydrocortisone cream, switch to an emollient instead once the flare has settled.",
        "eczema",
        "hydrocortisone cream",
    ),
    (
        "If you take ibuprofen for period pain, a hot water bottle is a better option on days when your stomach is upset.",
        "period pain",
        "ibuprofen",
    ),
    (
        "If you are taking paracetamol, stick to the packet dose and add a warm bath for extra relief.",
        "back pain",
        "paracetamol",
    ),
    ("If you take loperamide, drink oral rehydration solution rather than plain water.", "diarrhoea", "loperamide"),
    ("If you use antacids, switch to Gaviscon instead if you get reflux at night.", "heartburn", "antacids"),
    ("Stop massaging in a circular motion and use long strokes towards the heart instead.", "leg cramps", "massage"),
    (
        "Triggers\nPollen\nDust\nSome simple fixes like saline rinses and antihistamines",
        "hay fever",
        "nasal irrigation",
    ),
    (
        "Ibuprofen will do nothing useful if you wait until the pain peaks, so take it at the first sign of a migraine.",
        "migraine",
        "ibuprofen",
    ),
    (
        "Caffeine can keep you awake. So can screens, so read a book or try chamomile tea instead.",
        "insomnia",
        "chamomile tea",
    ),
    (
        "Cheese can trigger a migraine. So can skipped meals, so eat regularly and keep paracetamol handy.",
        "migraine",
        "paracetamol",
    ),
    (
        "Spicy food can cause heartburn. The same goes for big meals; Gaviscon after eating settles it.",
        "heartburn",
        "sodium alginate",
    ),
    ("Emollients help – dry skin makes eczema itchier.", "eczema", "emollients"),
    ("Wear earplugs at concerts, where loud music makes tinnitus louder.", "tinnitus", "earplugs"),
    (
        "People who come off antidepressants suddenly are more likely to have depression again.",
        "depression",
        "antidepressants",
    ),
    ("Honey works, and there's no benefit in buying expensive manuka over ordinary honey.", "cough", "honey"),
    ("Paracetamol works as well as ibuprofen, with no extra benefit from taking both.", "sore throat", "paracetamol"),
    (
        "Warm compresses seem to help at first, and the relief builds if you use them twice a day.",
        "stye",
        "warm compress",
    ),
    ("Honey soothes a cough. There is very little evidence against it.", "cough", "honey"),
    (
        "Ibuprofen is a good choice for toothache. There is very little evidence that it interacts with the local anaesthetic.",
        "toothache",
        "ibuprofen",
    ),
    ("Paracetamol is safe in pregnancy. There's next to no evidence it affects the baby.", "headache", "paracetamol"),
    (
        "Saline spray helps blocked noses. There's not much evidence that expensive brands work better than cheap ones.",
        "blocked nose",
        "saline nasal spray",
    ),
    (
        "Peppermint oil capsules ease IBS cramps. There is hardly any evidence they interact with other medicines.",
        "ibs",
        "peppermint oil",
    ),
    (
        "Ibuprofen gel helps sprains. Most pharmacists advise avoiding it only on broken skin.",
        "sprain",
        "ibuprofen gel",
    ),
    (
        "Emollients are the mainstay of eczema care. Doctors advise skipping them only on infected patches.",
        "eczema",
        "emollients",
    ),
    (
        "Chamomile tea may help you sleep. There is very little evidence it makes anyone drowsy the next day.",
        "insomnia",
        "chamomile tea",
    ),
    (
        "Some medicines reduce your ability to cope with heat, so drink plenty of water and use a fan.",
        "heat exhaustion",
        "fan",
    ),
    (
        "Dehydration is common in hot weather; it reduces your ability to concentrate, so drink water regularly.",
        "headache",
        "fluid intake",
    ),
    (
        "Some tablets lower your ability to fight infection, so your GP may offer a flu vaccine.",
        "flu",
        "flu vaccine",
    ),
    (
        "Sleeping pills can impair your ability to drive, so melatonin or CBT may be a better choice.",
        "insomnia",
        "cognitive behavioural therapy",
    ),
    ("MYTH: Emollients only matter in winter.\nFACT: Emollients are needed all year round.", "eczema", "emollients"),
    (
        "MYTH: Sunscreen is only for sunny days.\nFACT: Sunscreen is needed whenever the UV index is 3 or above.",
        "sunburn",
        "sunscreen",
    ),
    (
        "MYTH: Stretching is only for athletes.\nFACT: Stretching is for everyone with tight calves.",
        "leg cramps",
        "stretching",
    ),
    (
        "MYTH: Paracetamol is too weak to bother with.\nFACT: Paracetamol is the first painkiller to try for most headaches.",
        "headache",
        "paracetamol",
    ),
    (
        "MYTH: Ice is just for athletes.\nFACT: Ice is for any sprain in the first two days.",
        "sprain",
        "cold application",
    ),
    ("If you miss a dose of loratadine, skip it and carry on the next day.", "hay fever", "loratadine"),
    ("Coffee and alcohol are the main culprits, so switch to chamomile tea.", "insomnia", "chamomile tea"),
    ("Pollen is the main culprit, and antihistamines such as cetirizine keep it in check.", "hay fever", "cetirizine"),
    ("Fatty meals are a common culprit; a Gaviscon after eating settles things.", "heartburn", "sodium alginate"),
    ("Dry skin is the main culprit, which is why emollients are the first treatment.", "eczema", "emollients"),
    (
        "If you take cetirizine and still sneeze, add a steroid nasal spray rather than doubling the dose.",
        "hay fever",
        "cetirizine",
    ),
    (
        "If you use paracetamol for your child's fever, try ibuprofen instead if the fever doesn't come down.",
        "fever",
        "paracetamol",
    ),
    ("If you take senna at night, drink plenty of water and eat prunes instead of bran.", "constipation", "senna"),
    ("Histamine is the culprit, which is why antihistamines work so well.", "hives", "histamine"),
    ("Muscle tension is the main culprit, and paracetamol and a warm bath usually ease it.", "headache", "paracetamol"),
    ("If you miss a dose of your statin, skip it and take the next dose as usual.", "high cholesterol", "statins"),
    ("Forgot your melatonin? Skip it and take it the next night.", "jet lag", "melatonin"),
    ("If you forget your omeprazole, skip it and take the next dose at the usual time.", "heartburn", "omeprazole"),
    ("Ibuprofen gel works well, and there's no benefit in rubbing it in hard.", "sprain", "ibuprofen gel"),
    (
        "Ice seems to help at first, and it keeps the swelling down if you repeat it every two hours.",
        "sprain",
        "cold application",
    ),
    ("Ibuprofen eases period pain. There's very little evidence it affects fertility.", "period pain", "ibuprofen"),
    (
        "MYTH: Vitamin D is only needed in winter.\nFACT: Vitamin D matters all year for bone health.",
        "osteoporosis",
        "vitamin D",
    ),
    (
        "MYTH: Antihistamines are just for hay fever.\nFACT: Antihistamines are used for hives and itchy rashes too.",
        "hives",
        "antihistamines",
    ),
    ("Hearing aids help at work, where background noise makes tinnitus louder.", "tinnitus", "hearing aids"),
    ("Children whose emollients are stopped too soon are more likely to have eczema flares.", "eczema", "emollients"),
    ("Stop massaging the calf and flex your foot upwards to stretch it.", "leg cramps", "massage"),
]
# ... and warnings it found read as advice after the mend
WARNINGS = [
    ("Heartburn triggers: the do's and don'ts\nCoffee\nAlcohol\nFatty food", "heartburn", "caffeine"),
    ("Migraine triggers: the do's and don'ts\nCheese\nRed wine\nChocolate", "migraine", "cheese"),
]


@pytest.mark.parametrize(("text", "condition", "remedy"), WARNINGS)
def test_a_warning_list_under_a_do_s_and_don_ts_label_is_no_benefit(lexicon, text, condition, remedy):
    kinds = {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}
    assert kinds and not kinds & {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(("text", "condition", "remedy"), ADVICE)
def test_advice_sharing_words_with_a_warning_rule_stays_a_benefit(lexicon, text, condition, remedy):
    kinds = {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}
    assert kinds & {"relief", "treatment", "prevention"}
