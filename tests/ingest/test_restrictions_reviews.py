# ruff: noqa: E501 (the reviewed sentences stay whole)
"""Cases from a hostile review of four rules (a benefit denied to some only is the benefit and their
caution; a harm denied is no proposal; "eases" as a benefit's cue, and a benefit's cue against a
usual harm; warm salt water is no drink), written against a frozen copy: each was wrong there and
is right now. `expect` is "harm" (a cause,
caution or interaction, and no benefit) or "none" (no proposal of the remedy); the remedy is the
proposal whose remedy or name as written holds `word`."""

import pytest

from claims.ingest.propose import propose
from tests.ingest.proposing import catalogue_lexicon  # noqa: F401 (a fixture)

BENEFITS = {"relief", "treatment", "prevention"}
HARMS = {"cause", "caution", "interaction"}

CASES = [
    (
        "Sleeping pills help in the short term but are not recommended, especially for older people.",
        "insomnia",
        "sleeping",
        "harm",
    ),
    (
        "Kava may ease anxiety but is not recommended because of the risk of liver damage, particularly in people with liver disease.",
        "anxiety",
        "kava",
        "harm",
    ),
    (
        "Quinine was once thought to help, but it is not recommended for children or adults.",
        "night leg cramps",
        "quinine",
        "harm",
    ),
    ("Quinine works, but it is not recommended for anyone, including children.", "night leg cramps", "quinine", "harm"),
    ("Sleeping pills work, but doctors do not recommend them for most people.", "insomnia", "sleeping", "harm"),
    (
        "Aspirin works well, but it isn't for children and most adults should avoid it too.",
        "headache",
        "aspirin",
        "harm",
    ),
    (
        "Valerian may help, but experts do not recommend it in pregnancy or for anyone else.",
        "insomnia",
        "valerian",
        "harm",
    ),
    ("Quinine helps, but is not recommended for most people.", "night leg cramps", "quinine", "harm"),
    ("Quinine works, but should be avoided by adults and children alike.", "night leg cramps", "quinine", "harm"),
    (
        "Quinine works, but it is not safe for anyone, least of all pregnant women.",
        "night leg cramps",
        "quinine",
        "harm",
    ),
    (
        "Quinine helps, but is not recommended in pregnancy, and its side effects rule it out for everyone else too.",
        "night leg cramps",
        "quinine",
        "harm",
    ),
    ("Quinine rarely helps, but it is not recommended in pregnancy anyway.", "night leg cramps", "quinine", "harm"),
    (
        "Whether quinine helps is unclear, but it should not be used in pregnancy.",
        "night leg cramps",
        "quinine",
        "harm",
    ),
    (
        "Few studies show that quinine helps, but it is not safe for pregnant women.",
        "night leg cramps",
        "quinine",
        "harm",
    ),
    ("Nothing suggests that valerian helps, but it is not safe in pregnancy either.", "insomnia", "valerian", "harm"),
    (
        "Some people claim that quinine helps, but it is not recommended in pregnancy.",
        "night leg cramps",
        "quinine",
        "harm",
    ),
    (
        "Opioids reduce pain, but are not recommended, particularly for older people, because of falls.",
        "back pain",
        "opioid",
        "harm",
    ),
    ("Alcohol reduces your inhibitions but is not recommended in pregnancy.", "anxiety", "alcohol", "harm"),
    (
        "Smoking reduces the oxygen your baby gets, but pregnant women often find it hard to stop.",
        "pregnancy",
        "smok",
        "harm",
    ),
    ("It's not true that alcohol doesn't trigger migraines.", "migraine", "alcohol", "harm"),
    ("Caffeine doesn't give you real energy and it keeps you awake at night.", "insomnia", "caffeine", "harm"),
    ("It's a myth that chocolate causes acne, but greasy food can clog pores.", "acne", "greasy", "harm"),
    (
        "Myth: Chocolate triggers migraines.\nFact: It can trigger migraines in some people, so keep a diary.",
        "migraine",
        "chocolate",
        "harm",
    ),
    (
        "Myth: Red wine causes migraines.\nFact: True for some people: the tannins in it are a common trigger.",
        "migraine",
        "red wine",
        "harm",
    ),
    (
        "Myth: Spicy food causes heartburn.\nFact: Not for everyone, but it's a common trigger.",
        "heartburn",
        "spicy",
        "harm",
    ),
    (
        "Myth: Beer causes gout.\nFact: Beer doesn't cause gout on its own, but it raises uric acid and can trigger attacks.",
        "gout",
        "beer",
        "harm",
    ),
    (
        "Experts say there is no evidence that any amount of alcohol is good for your heart.",
        "heart disease",
        "alcohol",
        "harm",
    ),
    ("There's no proof that low-tar cigarettes are any less harmful.", "lung cancer", "cigarette", "harm"),
    ("There is little evidence that vaping is safer than smoking in pregnancy.", "pregnancy", "smoking", "harm"),
    ("It's a myth that smoking relaxes you.", "stress", "smok", "harm"),
    ("Smoking will not give you the relief you're looking for.", "stress", "smok", "harm"),
    (
        "Dairy is not to blame for everyone's acne, but skimmed milk has been linked to breakouts.",
        "acne",
        "milk",
        "harm",
    ),
    ("Coffee doesn't trigger heartburn for everyone.", "heartburn", "caffeine", "harm"),
    (
        "Tomatoes are not to blame for everyone's reflux, but they are acidic and a frequent trigger.",
        "heartburn",
        "tomato",
        "harm",
    ),
    ("There is no evidence that MSG causes headaches, but alcohol certainly can.", "headache", "alcohol", "harm"),
    ("It's not true that greasy food causes acne, but sugary food might.", "acne", "sugar", "harm"),
    ("Alcohol may ease you into sleep but wrecks it later.", "insomnia", "alcohol", "harm"),
    ("Insomnia: alcohol eases you off to sleep, yet leaves you waking at 3am.", "insomnia", "alcohol", "harm"),
    ("Alcohol can help you drop off, yet it leaves you waking at 3am.", "insomnia", "alcohol", "harm"),
    ("Alcohol helps many people nod off, yet sleep quality suffers.", "insomnia", "alcohol", "harm"),
    ("Smoking may feel like it eases stress, but nicotine actually increases anxiety.", "stress", "smok", "harm"),
    ("Many smokers say smoking helps them relax.", "stress", "smok", "harm"),
    ("Smoking helps you relax is the commonest excuse smokers give.", "stress", "smok", "harm"),
    (
        "Smoking cigarettes helps some people cope in the short term; in the long run it increases anxiety.",
        "stress",
        "smok",
        "harm",
    ),
    ("High heels can help you look taller but they strain your lower back.", "back pain", "heels", "harm"),
    ("High heels alleviate nothing and strain your back.", "back pain", "heels", "harm"),
    ("High heels help nobody with back pain.", "back pain", "heels", "harm"),
    ("Caffeine late in the day makes it harder to ease into sleep.", "insomnia", "caffeine", "harm"),
    ("Bright lights make it harder for your brain to ease into sleep mode.", "insomnia", "bright", "harm"),
    ("Alcohol may put you at ease at a party, but it fuels anxiety the next day.", "anxiety", "alcohol", "harm"),
    ("Alcohol alleviates nothing; it fragments sleep.", "insomnia", "alcohol", "harm"),
    ("Smoking weakens your body's ability to fight infection.", "common cold", "smok", "harm"),
    ("Smoking effectively doubles the time it takes to fall asleep.", "insomnia", "smok", "harm"),
    ("Bright lights can help you feel alert in the evening, which delays sleep.", "insomnia", "bright", "harm"),
    ("Smoking improves nothing for your back and slows disc healing.", "back pain", "smok", "harm"),
    ("Late-night bright light effectively tells your brain it is daytime.", "insomnia", "bright", "harm"),
    (
        "Energy drinks can help you feel more alert, although the sugar crash leaves you more tired.",
        "fatigue",
        "energy",
        "harm",
    ),
    ("Red wine is rich in tyramine.", "migraine", "red wine", "harm"),
    ("Codeine hardly eases tension headaches.", "headache", "codeine", "harm"),
    ("Cough syrups do little to ease a cough.", "cough", "cough", "harm"),
    ("Vitamin C is unlikely to ease your symptoms.", "common cold", "vitamin c", "harm"),
    ("Antibiotics fail to ease symptoms of a viral infection.", "common cold", "antibiotic", "harm"),
    ("Alcohol is often said to help digestion, yet it relaxes the sphincter.", "heartburn", "alcohol", "harm"),
    ("Rinse with warm salt water through each nostril using a neti pot.", "sinusitis", "mouthwash", "none"),
    ("Using a neti pot, rinse with warm salt water twice a day.", "sinusitis", "mouthwash", "none"),
    (
        "Gently rinse with warm salt water around the piercing twice a day.",
        "ear piercing infection",
        "mouthwash",
        "none",
    ),
    ("For a small cut, rinse with warm salt water and cover with a plaster.", "cuts", "mouthwash", "none"),
    (
        "Rinse with salt water to clean the eye, wiping from the inside corner outwards.",
        "conjunctivitis",
        "mouthwash",
        "none",
    ),
    ("Rinse with warm salt water after soaking the toe.", "ingrown toenail", "mouthwash", "none"),
]


@pytest.mark.parametrize(("text", "condition", "word", "expect"), CASES)
def test_a_reviewed_case_is_read_as_the_reviewer_expects(catalogue_lexicon, text, condition, word, expect):  # noqa: F811
    kinds = {
        p.kind
        for p in propose(text, catalogue_lexicon, condition)
        if word in p.remedy.lower() or word in p.surface.lower()
    }
    if expect == "none":
        assert not kinds
    else:
        assert kinds & HARMS and not kinds & BENEFITS
