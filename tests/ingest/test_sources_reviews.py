"""Cases from a hostile review of the rules written from blind set 10 (249 cases against 79f60fd): each
was read wrong at that commit and is read as a medical reviewer would now. Read through the proposer
with the catalogue's lexicon; what a reviewer reads of the remedy a word names (benefit, harm, both,
none)."""

import pytest

from tests.ingest.proposing import catalogue_lexicon, read_as  # noqa: F401 (a fixture)

CASES = [
    # r1-but-another
    (
        "Ginger can ease morning sickness, but high doses of vitamin B6 may damage your nerves.",
        "morning sickness",
        "vitamin b6",
        "harm",
    ),
    # r2-found-in
    ("You'll also find caffeine in green tea, cola and dark chocolate.", "insomnia", "dark chocolate", "harm"),
    # r2-found-in
    ("Sugar is hidden in fizzy drinks, fruit juice and flavoured yoghurts.", "tooth decay", "fruit juice", "harm"),
    # r2-found-in
    (
        "Caffeine can make heartburn worse. It can also be found in cola and chocolate.",
        "heartburn",
        "chocolate",
        "harm",
    ),
    # r2-found-in
    (
        "Trans fats raise bad cholesterol. They can be found in some biscuits, cakes and fried food.",
        "high cholesterol",
        "fried",
        "harm",
    ),
    # r2-found-in
    (
        "Alcohol can lower your magnesium levels. It's found in nuts, seeds and wholegrains.",
        "night leg cramps",
        "nuts",
        "benefit",
    ),
    # r2-found-in
    (
        (
            "Don't cut out dairy completely, as calcium is important for your bones. It's found "
            "in milk, cheese and yoghurt."
        ),
        "osteoporosis",
        "yoghurt",
        "benefit",
    ),
    # r2-found-in
    (
        (
            "Lactose is present in only tiny amounts in hard cheeses such as cheddar, so most "
            "people with lactose intolerance can eat them."
        ),
        "lactose intolerance",
        "cheddar",
        "benefit",
    ),
    # r2-found-in
    (
        ("Purines are found in only small amounts in low-fat dairy, which may actually lower your risk of gout."),
        "gout",
        "dairy",
        "benefit",
    ),
    # r2-found-in
    (
        "Being low in magnesium may make cramps more likely. It's found in nuts, seeds and leafy greens.",
        "night leg cramps",
        "nuts",
        "benefit",
    ),
    # r2-found-in
    (
        (
            "Don't take more than 100 micrograms of vitamin D a day, as too much can be harmful. "
            "It's also found in oily fish and eggs."
        ),
        "osteoporosis",
        "oily fish",
        "benefit",
    ),
    # r3-bp-likely-protect
    ("Liquorice can push up your blood pressure if you eat a lot of it.", "high blood pressure", "liquorice", "harm"),
    # r3-bp-likely-protect
    ("Decongestants such as Sudafed can make your blood pressure go up.", "high blood pressure", "sudafed", "harm"),
    # r3-bp-likely-protect
    (
        "Potassium helps counter the effect of salt, which pushes blood pressure up.",
        "high blood pressure",
        "potassium",
        "benefit",
    ),
    # r3-bp-likely-protect
    (
        "Breathing exercises can stop stress from pushing your blood pressure up.",
        "high blood pressure",
        "breathing",
        "benefit",
    ),
    # r3-bp-likely-protect
    (
        "Relief is more likely if you use the emollient every day, even when your skin is clear.",
        "eczema",
        "emollient",
        "benefit",
    ),
    # r3-bp-likely-protect
    (
        "Success is more likely when you combine nicotine patches with a faster-acting product such as gum.",
        "stopping smoking",
        "nicotine",
        "benefit",
    ),
    # r3-bp-likely-protect
    (
        "Healing is more likely when the skin around the wound is kept moist with an emollient.",
        "leg ulcer",
        "emollient",
        "benefit",
    ),
    # r3-bp-likely-protect
    (
        "You'll get more protection from sunscreen if you apply it 20 minutes before going out.",
        "sunburn",
        "sunscreen",
        "benefit",
    ),
    # r3-bp-likely-protect
    ("You can get extra protection from lip balm containing sunscreen.", "cold sores", "lip balm", "benefit"),
    # r3-bp-likely-protect
    (
        "Children get good protection from the flu vaccine, which is offered every autumn.",
        "flu",
        "flu vaccine",
        "benefit",
    ),
    # r4-denial
    ("Olive oil drops are good for softening earwax but won't help glue ear.", "earwax", "olive oil", "benefit"),
    # r4-denial
    ("Ibuprofen eases the pain of a sprain but won't make it heal any faster.", "sprain", "ibuprofen", "benefit"),
    # r4-denial
    (
        "Paracetamol helps with the pain but won't help the swelling, so use ice as well.",
        "sprain",
        "paracetamol",
        "benefit",
    ),
    # r4-denial
    ("Cetirizine works well for hay fever but won't help a cold.", "hay fever", "cetirizine", "benefit"),
    # r5-heading
    (
        (
            "## Things that raise your risk\n\n- Smoking\n- Drinking too much alcohol\n- Not taking "
            "your statins as prescribed"
        ),
        "heart disease",
        "statins",
        "benefit",
    ),
    # r5-heading
    (
        (
            "## What pushes blood pressure up\n\n- Eating too much salt\n- Not enough potassium in "
            "your diet\n- Lack of exercise"
        ),
        "high blood pressure",
        "potassium",
        "benefit",
    ),
    # r5-heading
    (
        (
            "## Things that raise your blood pressure\n\nIbuprofen can raise blood pressure. "
            "Paracetamol is usually a safer choice than ibuprofen."
        ),
        "high blood pressure",
        "ibuprofen",
        "harm",
    ),
    # r5-heading
    (
        "Paracetamol is a safer choice than ibuprofen if you have high blood pressure.",
        "high blood pressure",
        "ibuprofen",
        "harm",
    ),
    # r5-heading
    ("Water is a better choice than fizzy drinks or fruit juice.", "tooth decay", "fruit juice", "harm"),
    # r5-heading
    ("## Foods that raise your cholesterol\n\n- Butter\n- Lard\n- Fatty meat", "high cholesterol", "lard", "harm"),
    # r5-heading
    ("## Supplements that lack evidence\n\n- Echinacea\n- Garlic supplements", "cold", "echinacea", "harm"),
    # r5-heading
    (
        (
            "## Remedies with little evidence\n\nRegular calf stretches, by contrast, are well "
            "proven and worth doing every night."
        ),
        "night leg cramps",
        "stretch",
        "benefit",
    ),
    # r6-bold-dash
    (
        "**Ibuprofen** eases period pain, but it is not suitable for people with asthma.",
        "period pain",
        "ibuprofen",
        "both",
    ),
    # r7-table-yes
    (
        (
            "| Food | Triggers gout? | Why |\n|---|---|---|\n| Red meat | Yes | High in purines |\n| "
            "Cherries | No | May even lower uric acid |"
        ),
        "gout",
        "meat",
        "harm",
    ),
    # r7-table-yes
    (
        (
            "| Food or drink | Should you avoid it? | Why |\n|---|---|---|\n| Alcohol | Yes | "
            "Relaxes the valve at the top of the stomach |\n| Coffee | Yes | Can make heartburn "
            "worse |"
        ),
        "heartburn",
        "alcohol",
        "harm",
    ),
    # r7-table-yes
    (
        (
            "| Medicine | Causes drowsiness? | Notes |\n|---|---|---|\n| Chlorphenamine | Yes | "
            "Don't drive after taking it |\n| Cetirizine | Rarely | Usually fine during the day |"
        ),
        "hay fever",
        "chlorphenamine",
        "harm",
    ),
    # r7-table-yes
    (
        "| Drink | Can it trigger a headache? |\n|---|---|\n| Red wine | Yes |\n| Water | No |",
        "headache",
        "red wine",
        "harm",
    ),
    # r7-table-yes
    ("| Trigger | Common? |\n|---|---|\n| Cheese | Yes |\n| Chocolate | Yes, for some |", "migraine", "chees", "harm"),
    # r7-table-yes
    (
        "| Trigger | Common? |\n|---|---|\n| Cheese | Yes |\n| Chocolate | Yes, for some |",
        "migraine",
        "chocolate",
        "harm",
    ),
    # r7-table-yes
    (
        ("| Food | Raises blood pressure? |\n|---|---|\n| Salt | Yes |\n| Liquorice | Yes, in large amounts |"),
        "high blood pressure",
        "salt",
        "harm",
    ),
    # r7-table-yes
    (
        ("| Food | Raises blood pressure? |\n|---|---|\n| Salt | Yes |\n| Liquorice | Yes, in large amounts |"),
        "high blood pressure",
        "liquorice",
        "harm",
    ),
    # r9-qa
    ("Many people swear by copper bracelets. Is there any truth in this?\nNo.", "arthritis", "copper", "harm"),
    # r9-qa
    (
        (
            "Honey is a good remedy for coughs. Can I give this to my 6-month-old baby?\nNo, never "
            "give honey to babies under 1."
        ),
        "cough",
        "honey",
        "both",
    ),
    # r10-butter
    ("Butter, peanut butter and cheese are all high in saturated fat.", "high cholesterol", "peanut", "harm"),
    # r1-but-another
    ("Heat helps, but codeine can make you constipated.", "back pain", "codeine", "harm"),
    # r1-but-another
    ("Honey soothes a sore throat, but aspirin can make children very ill.", "sore throat", "aspirin", "harm"),
    # r10-butter
    ("Butter, peanut butter and cheese are all high in saturated fat.", "high cholesterol", "cheese", "harm"),
]


@pytest.mark.parametrize(("text", "condition", "word", "expected"), CASES)
def test_read_as_a_reviewer_would(catalogue_lexicon, text, condition, word, expected):  # noqa: F811
    assert read_as(text, catalogue_lexicon, condition, word) == expected


@pytest.mark.parametrize(
    ("text", "condition", "word"),
    [
        ("**Is wine safer than beer?**", "gout", "beer"),  # a question compares, it warns of nothing
        ("Ibuprofen and naproxen work better than paracetamol for period pain.", "period pain", "paracetamol"),
    ],
)
def test_what_a_question_or_a_strength_compares_with_is_not_warned_of(catalogue_lexicon, text, condition, word):  # noqa: F811
    assert read_as(text, catalogue_lexicon, condition, word) in ("benefit", "none")
