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
    ("If you use an emollient, apply it straight after a bath rather than before.", "eczema", "emollient"),
    (
        "If you're using a hot water bottle, wrap it in a towel instead of putting it on bare skin.",
        "back pain",
        "heating pad",
    ),
    ("If you take melatonin, take it an hour before bed rather than at bedtime.", "insomnia", "melatonin"),
    ("If you use a saline spray, opt for a preservative-free one.", "cold", "saline spray"),
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
        "histamine antagonists",
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
    ("If you use an inhaler for asthma, rinse your mouth afterwards rather than swallowing.", "asthma", "inhaler"),
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
    ("A decongestant does nothing for a cough, but it clears a blocked nose in a cold.", "cold", "nasal decongestants"),
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


@pytest.mark.parametrize(("text", "condition", "remedy"), ADVICE)
def test_advice_sharing_words_with_a_warning_rule_stays_a_benefit(lexicon, text, condition, remedy):
    kinds = {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}
    assert kinds & {"relief", "treatment", "prevention"}
