# ruff: noqa: E501 (the reviewed sentences stay whole)
"""Cases from a hostile review of four rules (a benefit denied to some only is the benefit and their
caution; a harm denied is no proposal; "eases" as a benefit's cue, and a benefit's cue against a
usual harm; warm salt water is no drink), written against a frozen copy: each was wrong there and
is right now. `expect` is what a reviewer reads of the remedy whose name or words as written hold
`word` (tests.ingest.proposing.read_as)."""

import pytest

from tests.ingest.proposing import catalogue_lexicon, read_as  # noqa: F401 (a fixture)

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


# A second review, of the rules mended from the first (a usual harm whose good is taken back; whom a
# benefit is not for; a harm denied, for all or for some; what foods are high in), against 839c73c.
ROUND_TWO = [
    (
        "Alcohol may help you nod off - the trouble is that it wakes you up in the early hours.",
        "insomnia",
        "alcohol",
        "harm",
    ),
    ("Beer may seem to ease a hangover, while in fact it only delays it.", "hangover", "beer", "harm"),
    ("Caffeine can ease a migraine, but it works best taken early in the attack.", "migraine", "caffeine", "benefit"),
    (
        "Caffeine can make painkillers work better, but take them as soon as symptoms start.",
        "migraine",
        "caffeine",
        "benefit",
    ),
    (
        "A cup of coffee can help get your bowels moving, but drink plenty of water too.",
        "constipation",
        "coffee",
        "benefit",
    ),
    (
        "Regular coffee drinking is linked to a lower risk of type 2 diabetes, although the reason is unclear.",
        "type 2 diabetes",
        "coffee",
        "benefit",
    ),
    (
        "Caffeine on its own can relieve a headache, although combination tablets tend to work better.",
        "headache",
        "caffeine",
        "benefit",
    ),
    (
        "A small amount of caffeine may help, but keep your intake the same from day to day.",
        "migraine",
        "caffeine",
        "benefit",
    ),
    (
        "A cup of coffee can give your blood pressure a short-term boost, but the effect wears off.",
        "low blood pressure",
        "coffee",
        "benefit",
    ),
    ("Aspirin eases pain, but it is not recommended for anyone under 16.", "headache", "aspirin", "both"),
    (
        "Ibuprofen helps, but it is not recommended for adults over 65 with kidney problems.",
        "back pain",
        "ibuprofen",
        "both",
    ),
    (
        "Sleeping pills can help in the short term, but they are not recommended for older people or anyone with breathing problems.",
        "insomnia",
        "sleeping",
        "both",
    ),
    ("Spicy food doesn't cause stomach ulcers, but it can make the pain worse.", "stomach ulcer", "spicy", "harm"),
    ("Coffee won't cause stomach ulcers.", "stomach ulcer", "coffee", "none"),
    ("No evidence shows that chocolate causes acne.", "acne", "chocolate", "none"),
    ("It's a myth that chocolate causes acne.", "acne", "chocolate", "none"),
    ("Cheese doesn't trigger migraines in most people.", "migraine", "cheese", "harm"),
    (
        "Lactose-free milk contains no lactose but the same calcium as ordinary milk.",
        "lactose intolerance",
        "lactose-free",
        "benefit",
    ),
    (
        "Hard cheeses such as cheddar contain little lactose, so most people can eat them.",
        "lactose intolerance",
        "cheese",
        "benefit",
    ),
    (
        "Live yoghurt contains less lactose than milk and is often better tolerated.",
        "lactose intolerance",
        "yog",
        "benefit",
    ),
    ("Rice milk and oat milk contain no lactose.", "lactose intolerance", "oat milk", "benefit"),
    ("Lactase tablets help you digest foods high in lactose.", "lactose intolerance", "lactase", "benefit"),
    (
        "Gluten-free oats contain no gluten and are safe for most people with coeliac disease.",
        "coeliac disease",
        "oat",
        "benefit",
    ),
    (
        "Eating calcium-rich foods alongside foods high in oxalate reduces how much oxalate you absorb.",
        "kidney stones",
        "calcium",
        "benefit",
    ),
    (
        "Nicotine gum contains nicotine to ease cravings, so you can stop smoking without bad withdrawal.",
        "smoking cessation",
        "nicotine",
        "benefit",
    ),
    ("Olive oil contains less saturated fat than butter.", "high cholesterol", "olive oil", "benefit"),
    ("Lean chicken and fish contain little saturated fat.", "high cholesterol", "fish", "benefit"),
    (
        "Following a low-FODMAP diet, which cuts out foods high in FODMAPs, helps many people with IBS.",
        "ibs",
        "fodmap diet",
        "benefit",
    ),
    ("Ease off alcohol, especially beer, to cut the risk of another attack.", "gout", "alcohol", "harm"),
    ("Back pain often eases after swimming or gentle walking.", "back pain", "swimming", "benefit"),
]


@pytest.mark.parametrize(("text", "condition", "word", "expect"), CASES + ROUND_TWO)
def test_a_reviewed_case_is_read_as_the_reviewer_expects(catalogue_lexicon, text, condition, word, expect):  # noqa: F811
    assert read_as(text, catalogue_lexicon, condition, word) == expect
