"""Claims proposed from an article: one per remedy, kind and population in a sentence, list item
or row, quoted at its exact offsets; new remedies read from patterns; explanations skipped."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose


def summary(text, lexicon, condition=None):
    return [(p.remedy, p.kind, p.population, p.is_new) for p in propose(text, lexicon, condition)]


def test_every_quote_is_the_text_at_its_offsets(lexicon):
    text = "Night cramps\n\nTake magnesium before bed.\n\n  • Bananas prevent cramps;\n  • massage the calf.\n"
    proposals = propose(text, lexicon)
    assert proposals
    assert all(text[p.start : p.end] == p.quote for p in proposals)


def test_one_proposal_per_list_item_and_per_remedy_in_a_list(lexicon):
    text = (
        "What helps\n\nThe remedies are:\n\n  • magnesium;\n  • potassium;\n  • bananas.\n\n"
        "Magnesium, potassium and bananas help.\n"
    )
    proposals = propose(text, lexicon)
    items = [p for p in proposals if p.quote in ("magnesium;", "potassium;", "bananas.")]
    assert [(p.quote, p.remedy) for p in items] == [
        ("magnesium;", "magnesium"),
        ("potassium;", "potassium"),
        ("bananas.", "banana"),
    ]
    sentence = [p.remedy for p in proposals if p.quote.startswith("Magnesium, potassium")]
    assert sorted(sentence) == ["banana", "magnesium", "potassium"]


def test_each_proposal_carries_what_a_reviewer_needs(lexicon):
    (proposal,) = propose("Pregnant women should take Qualaquin 2 tablets a day only as a last resort.", lexicon)[:1]
    assert proposal.remedy == "quinine" and proposal.surface == "Qualaquin" and not proposal.is_new
    assert proposal.population == "pregnancy"
    assert proposal.dose == "2 tablets a day"
    assert proposal.rule.startswith("brand; ") and 0 < proposal.confidence <= 1
    kinds = {p.kind for p in propose("Take Qualaquin only as a last resort, it helps.", lexicon)}
    assert kinds == {"caution", "treatment"}


def test_causes_and_cautions(lexicon):
    text = "Alcohol and coffee provoke cramps. Consult a doctor before taking diuretics."
    assert summary(text, lexicon) == [
        ("alcohol", "cause", None, False),
        ("caffeine", "cause", None, False),
        ("diuretics", "caution", None, False),
    ]


def test_a_harm_a_remedy_may_cause_is_a_caution_beside_its_benefit_never_a_cause(lexicon):
    # Accepted as "cause", this would read "Quinine can provoke night leg cramps".
    text = "Quinine treats night leg cramps but can cause dangerous bleeding problems."
    assert summary(text, lexicon, "night leg cramps") == [
        ("quinine", "caution", None, False),
        ("quinine", "treatment", None, False),
    ]
    text = "Magnesium taken at bedtime prevents cramps but may cause diarrhoea."
    assert {kind for _, kind, _, _ in summary(text, lexicon, "night leg cramps")} == {"caution", "prevention"}
    # What it may cause is the condition itself: a cause.
    assert summary("Coffee can cause night leg cramps.", lexicon, "night leg cramps") == [
        ("caffeine", "cause", None, False)
    ]


@pytest.mark.parametrize(
    ("condition", "text", "remedy"),
    [
        ("heartburn", "Taking aspirin daily can lead to acid reflux.", "acetylsalicylic acid"),
        ("headache", "Regularly drinking coffee may lead to withdrawal migraines.", "caffeine"),
        ("night leg cramps", "Do not drink alcohol more than twice a week, it provokes cramps.", "alcohol"),
        ("heartburn", "Do not take aspirin on an empty stomach: it causes heartburn.", "acetylsalicylic acid"),
    ],
)
def test_a_cause_said_in_other_words_or_beside_a_qualifier_stays_a_cause(condition, text, remedy):
    # No benefit for the condition before a "but": what it may cause is the condition in other
    # words ("acid reflux", "waking in the night"); a qualifier of use beside the condition named.
    proposals = propose(text, lexicon_from_catalogue_files(), condition)
    assert [(p.remedy, p.kind) for p in proposals] == [(remedy, "cause")]


@pytest.mark.parametrize(
    ("condition", "text", "remedy"),
    [
        ("headache", "Quinine treats leg cramps but can cause dangerous bleeding problems.", "quinine"),
        ("insomnia", "Alcohol helps you fall asleep quickly but can lead to waking in the night.", "alcohol"),
        ("headache", "Coffee is a pleasure but can cause stomach upset.", "caffeine"),
    ],
)
def test_a_harm_beside_a_benefit_for_something_else_is_a_caution_alone(condition, text, remedy):
    # Never "Quinine can provoke headache", nor "Quinine treats headache".
    proposals = propose(text, lexicon_from_catalogue_files(), condition)
    assert [(p.remedy, p.kind) for p in proposals] == [(remedy, "caution")]


def test_how_a_drug_is_not_to_be_taken_is_a_caution_not_a_cause(lexicon):
    assert summary("Do not take quinine on an empty stomach.", lexicon) == [("quinine", "caution", None, False)]
    assert summary("Never take quinine for more than a week.", lexicon) == [("quinine", "caution", None, False)]
    # Without a qualifier of its use, a substance to leave out is a cause.
    assert summary("Do not drink coffee in the evening.", lexicon) == [("caffeine", "cause", None, False)]


def test_a_nutrient_named_only_as_missing_is_no_claim(lexicon):
    assert summary("Cramps come from a lack of magnesium and potassium.", lexicon) == []
    assert [p.remedy for p in propose("To replenish magnesium, take magnesium tablets.", lexicon)] == ["magnesium"]


def test_new_remedies_from_patterns_are_marked_new_with_a_category(lexicon):
    proposals = propose(
        "Drink orange juice before bed. Foods rich in potassium: bananas, apricots and lentils. "
        "Rub the calves with celandine ointment.",
        lexicon,
    )
    new = {p.remedy: (p.category, p.rule.split(";")[0]) for p in proposals if p.is_new}
    assert new["orange juice"] == ("food_drink", "pattern:preparation")
    assert new["apricots"][1] == "pattern:list" and new["lentils"][1] == "pattern:list"
    assert new["celandine ointment"] == ("topical", "pattern:preparation")
    assert not any(p.is_new for p in proposals if p.remedy == "banana")


def test_a_known_name_inside_a_new_preparation_becomes_the_preparation():
    from claims.ingest.lexicon import RemedyData, build_lexicon

    lexicon = build_lexicon([RemedyData("apple", "food_drink")])
    (proposal,) = propose("Rub the feet with apple cider vinegar every evening.", lexicon)
    assert (proposal.remedy, proposal.is_new) == ("apple cider vinegar", True)


def test_a_caution_said_of_a_group_reaches_each_remedy_of_its_list(lexicon):
    text = (
        "Drugs\n\nSome drugs have contraindications, discuss them with your doctor. They are:\n\n"
        "  • Mydocalm helps;\n  • Gabapentin helps.\n"
    )
    cautions = [(p.remedy, p.quote) for p in propose(text, lexicon) if p.kind == "caution"]
    quote = "Some drugs have contraindications, discuss them with your doctor."
    assert cautions == [("gabapentin", quote), ("tolperisone", quote)]


def test_headings_propose_nothing(lexicon):
    assert propose("Magnesium for cramps\n\nIt is a mineral.\n", lexicon) == []


def test_a_name_that_qualifies_what_the_body_has_or_does_is_no_claim(lexicon):
    assert summary("Keep the magnesium-potassium balance to prevent cramps.", lexicon) == []
    assert summary("Some drugs block magnesium channels and the potassium exchange.", lexicon) == []
    assert [p.remedy for p in propose("Take magnesium and potassium to prevent cramps.", lexicon)] == [
        "magnesium",
        "potassium",
    ]


def test_a_referral_to_a_doctor_after_if_is_no_group_caution(lexicon):
    items = "\n\n  • Mydocalm helps;\n  • Gabapentin helps.\n"
    for opening in ("If these drugs do not help, consult your doctor.", "If you have consulted a doctor, drugs help."):
        text = "Drugs\n\n" + opening + " They are:" + items
        assert not [p for p in propose(text, lexicon) if p.kind == "caution"]
    text = "Drugs\n\nIf you take these drugs, mind their contraindications. They are:" + items
    assert {p.remedy for p in propose(text, lexicon) if p.kind == "caution"} == {"gabapentin", "tolperisone"}


def test_an_activity_named_as_the_circumstance_of_something_else_is_no_claim():
    from claims.ingest.lexicon import RemedyData, build_lexicon

    lexicon = build_lexicon([RemedyData("walking", "lifestyle"), RemedyData("physical activity", "lifestyle")])
    assert propose("Causes of cramps\n\nThe calf works hard when walking or running.", lexicon) == []
    assert propose("Causes of cramps\n\nIf the physical activity is intense, the calf tires.", lexicon) == []
    assert [p.remedy for p in propose("Walking every day prevents cramps.", lexicon)] == ["walking"]


def test_a_nutrient_that_labels_a_list_of_foods_is_no_claim(lexicon):
    text = "Foods for cramps\n\n- Potassium- apricots, bananas, melon, milk.\n- Magnesium: nuts, seeds, greens.\n"
    assert "potassium" not in [p.remedy for p in propose(text, lexicon)]
    assert "magnesium" not in [p.remedy for p in propose(text, lexicon)]
    assert "banana" in [p.remedy for p in propose(text, lexicon)]
    dose = "Drugs\n\n- Magnesium: one tablet, with meals, 3 times a day.\n"
    assert [p.remedy for p in propose(dose, lexicon)] == ["magnesium"]


def test_a_list_of_vitamin_letters_names_each_vitamin(lexicon):
    found = {
        (p.remedy, p.surface) for p in propose("Eat foods rich in vitamins D, E and B6 to prevent cramps.", lexicon)
    }
    assert found == {("vitamin D", "vitamins D"), ("vitamin E", "E"), ("vitamin B6", "B6")}


def test_a_disease_named_beside_a_cause_is_another_cause_not_a_population(lexicon):
    found = summary("Diabetes, cirrhosis and alcohol lead to cramps in pregnancy.", lexicon)
    assert found == [("alcohol", "cause", "pregnancy", False)]
    assert summary("With diabetes, take magnesium to prevent cramps.", lexicon) == [
        ("magnesium", "prevention", "diabetes", False)
    ]


def test_the_examples_a_known_remedy_introduces_are_new_remedies_of_its_kind():
    from claims.ingest.lexicon import RemedyData, build_lexicon

    lexicon = build_lexicon([RemedyData("cereal", "food_drink")])
    text = "Eat more cereals, such as oatmeal."
    found = {(p.remedy, p.category, p.rule.split(";")[0]) for p in propose(text, lexicon)}
    assert found == {("cereal", "food_drink", "lexicon"), ("oatmeal", "food_drink", "pattern:example")}
    found = propose("Some people, such as athletes and dancers, get cramps.", lexicon)
    assert found == []  # no known remedy introduces them


def test_a_quantifier_before_what_is_taken_is_not_part_of_its_name(lexicon):
    found = {(p.remedy, p.kind) for p in propose("You should stop taking various stimulants.", lexicon)}
    assert found == {("stimulants", "cause")}


def test_a_name_that_claims_nothing_leaves_its_remedy_to_be_found_in_other_words():
    from claims.ingest.lexicon import RemedyData, build_lexicon

    lexicon = build_lexicon(
        [RemedyData("fluid intake", "lifestyle", ("water", "drinking fluids")), RemedyData("walking", "lifestyle")]
    )
    text = "Keep the water-salt balance: drink enough fluid to prevent cramps."
    assert [(p.remedy, p.surface, p.kind) for p in propose(text, lexicon)] == [
        ("fluid intake", "drink enough fluid", "prevention")
    ]
    lexicon = build_lexicon([RemedyData("physical activity", "lifestyle")])
    assert propose("Causes\n\nIf the physical activity is intense, the calf tires.", lexicon) == []  # not read again


def test_what_the_body_makes_of_a_remedy_is_no_claim_of_it():
    text = "Tart cherry juice supports melatonin production, which helps the body fall asleep."
    assert "melatonin" not in {p.remedy for p in propose(text, lexicon_from_catalogue_files(), "insomnia")}
    text = "Melatonin taken an hour before bed helps you fall asleep."
    assert "melatonin" in {p.remedy for p in propose(text, lexicon_from_catalogue_files(), "insomnia")}


def test_a_nutrient_under_causes_is_named_to_explain_unless_advised(lexicon):
    assert propose("Causes of cramps\n\nWe are talking about magnesium and potassium.", lexicon) == []
    text = "Causes of cramps\n\nIt is necessary to additionally take products containing potassium."
    assert [(p.remedy, p.kind != "cause") for p in propose(text, lexicon)] == [("potassium", True)]


def test_under_causes_a_habit_the_catalogue_calls_a_harm_and_a_medicine_that_can_cause_stay_harms():
    catalogue_lexicon = lexicon_from_catalogue_files()
    for text in ("Causes of heartburn\n\n- Smoking\n- Stress\n", "## What causes heartburn?\n\n- Smoking\n"):
        assert {p.kind for p in propose(text, catalogue_lexicon, "heartburn") if p.remedy == "tobacco"} == {"cause"}
    text = "## Medicines that can cause heartburn\n\n- Magnesium tablets\n- Diuretics\n"
    assert {p.kind for p in propose(text, catalogue_lexicon, "heartburn") if p.remedy == "magnesium"} == {"caution"}


def test_a_caution_said_of_recipes_reaches_the_foods_of_its_section(lexicon):
    text = (
        "Folk recipes\n\nEat a banana before bed to prevent cramps.\n\n"
        "Some recipes have contraindications, discuss them with your doctor.\n"
    )
    assert [p.remedy for p in propose(text, lexicon) if p.kind == "caution"] == ["banana"]


def test_advice_after_an_opening_phrase_is_no_recipe_step(lexicon):
    text = "Potassium\n\nIt matters. For best results, eat foods filled with potassium such as bananas."
    quoted = {p.remedy for p in propose(text, lexicon) if p.quote.startswith("For best results")}
    assert quoted == {"potassium", "banana"}
    assert propose("Recipe\n\nIt is simple. Fill the jar with bananas and leave it.", lexicon) == []


def test_a_proper_name_before_a_known_substance_names_a_kind_of_it():
    from claims.ingest.lexicon import RemedyData, build_lexicon

    lexicon = build_lexicon([RemedyData("salt", "food_drink"), RemedyData("acupressure", "maneuver")])
    found = [(p.remedy, p.is_new) for p in propose("To prevent cramps, add Epsom salt to the bath.", lexicon)]
    assert found == [("Epsom salt", True)]
    assert [p.remedy for p in propose("Epsom Salt prevents cramps.", lexicon)] == ["Epsom salt"]
    assert [p.remedy for p in propose("Salt prevents cramps.", lexicon)] == ["salt"]
    assert [p.remedy for p in propose("During a cramp, use Chinese acupressure.", lexicon)] == ["acupressure"]


def test_a_lone_participle_beside_a_known_remedy_is_no_new_remedy(lexicon):
    proposals = propose("Take magnesium, neutralizing the acid; bananas, almonds and walnuts help too.", lexicon)
    new = sorted(p.remedy for p in proposals if p.is_new)
    assert new == ["almonds", "walnuts"]


def test_an_order_a_verb_or_a_complaint_is_no_part_of_a_new_remedys_name(lexicon):
    new = {p.remedy for p in propose("Massage peppermint oil onto your temples.", lexicon) if p.is_new}
    assert new == {"peppermint oil"}
    new = {p.remedy for p in propose("Many people believe fish oil pills help.", lexicon) if p.is_new}
    assert new == {"fish oil"}
    assert not propose("Headaches may also include migraine pains that are worse.", lexicon)
    assert not propose("Before you take any, take a look at the label.", lexicon)


def test_a_food_in_ing_is_still_a_food_in_a_list(lexicon):
    proposals = propose("Good sources of magnesium are bananas, herring and pudding.", lexicon)
    assert {"herring", "pudding"} <= {p.remedy for p in proposals if p.is_new}


def test_water_something_is_taken_in_is_no_claim_of_water():
    from claims.ingest.lexicon import RemedyData, build_lexicon

    lexicon = build_lexicon([RemedyData("fluid intake", "lifestyle", ("water",)), RemedyData("honey", "food_drink")])
    mixed = propose("Mix a teaspoon of honey in a glass of water and drink it slowly.", lexicon)
    assert [p.remedy for p in mixed] == ["honey"]
    assert [p.remedy for p in propose("Drink a glass of water before bed.", lexicon)] == ["fluid intake"]
    # warm or cold, water is still the vehicle of what is mixed in it, and still the remedy drunk
    assert [p.remedy for p in propose("Drink honey mixed in warm water.", lexicon)] == ["honey"]
    assert [p.remedy for p in propose("Pour boiling water over the honey.", lexicon)] == ["honey"]
    assert [p.remedy for p in propose("Drink a glass of cold water quickly.", lexicon)] == ["fluid intake"]


def test_results_in_as_a_noun_is_no_cause():
    text = "If you take magnesium, you should see results in two weeks."
    assert {p.kind for p in propose(text, lexicon_from_catalogue_files(), "night leg cramps")} == {"treatment"}
    text = "Drinking coffee late results in poor sleep."
    assert {p.kind for p in propose(text, lexicon_from_catalogue_files(), "insomnia")} == {"cause"}


def test_a_harm_of_a_manoeuvre_or_a_supplement_is_a_caution_never_a_cause():
    lexicon = lexicon_from_catalogue_files()
    text = "Stretching too hard before bed can lead to cramps."
    assert {(p.remedy, p.kind) for p in propose(text, lexicon, "night leg cramps")} == {("stretching", "caution")}
    text = "Too much calcium can cause constipation and cramps."
    assert {(p.remedy, p.kind) for p in propose(text, lexicon, "night leg cramps")} == {("calcium", "caution")}


def test_what_the_condition_does_is_no_new_remedy():
    text = "Poor sleep makes headaches worse, and chamomile tea helps you fall asleep."
    remedies = [p.remedy for p in propose(text, lexicon_from_catalogue_files(), "headache")]
    assert "makes headaches worse" not in remedies and "chamomile tea" in remedies


def test_easing_the_condition_but_causing_a_harm_is_relief_and_a_caution():
    # The cues' own example: it was read as "Ibuprofen can provoke headache" ("eases" was no cue).
    text = "Ibuprofen eases a headache but can cause stomach bleeding."
    kinds = {p.kind for p in propose(text, lexicon_from_catalogue_files(), "headache")}
    assert kinds == {"caution", "relief"}


@pytest.mark.parametrize(
    "text",
    [
        "Fruits such as dates and bananas are abundant sources of magnesium and potassium.",
        "Almonds and bananas are rich in magnesium.",
        "“Panangin” and “Asparkam” are a source of organic potassium and magnesium.",
    ],
)
def test_a_nutrient_named_as_what_a_remedy_holds_is_that_remedys_claim(lexicon, text):
    remedies = {p.remedy for p in propose(text, lexicon, "night leg cramps")}
    assert remedies and not remedies & {"magnesium", "potassium"}


def test_a_nutrient_after_a_diet_or_generic_foods_is_still_claimed(lexicon):
    text = "Review your daily diet by increasing your intake of natural sources of potassium and magnesium."
    assert {"potassium", "magnesium"} <= {p.remedy for p in propose(text, lexicon, "night leg cramps")}
    text = "Fill the diet with foods that are rich in potassium, magnesium, calcium."
    assert {"potassium", "magnesium", "calcium"} <= {p.remedy for p in propose(text, lexicon, "night leg cramps")}


def test_each_nutrient_of_a_list_of_deficiencies_is_named_as_missing(lexicon):
    text = "Multivitamin and mineral supplements help with calcium, potassium, and magnesium deficiencies."
    assert not {"calcium", "potassium", "magnesium"} & {p.remedy for p in propose(text, lexicon, "night leg cramps")}


def test_a_temperature_is_part_of_what_is_applied_not_of_what_is_eaten(lexicon):
    compress = summary("A cold compress on the forehead can ease a migraine.", lexicon, "headache")
    assert compress == [("cold compress", "relief", None, True)]
    assert [p.remedy for p in propose("Apply a cold compress to your neck.", lexicon, "headache")] == ["cold compress"]
    assert [p.remedy for p in propose("Drink a glass of cold milk.", lexicon, "headache")] == ["milk"]


def test_a_lone_comparative_is_no_new_remedy(lexicon):
    assert "smaller" not in {p.remedy for p in propose("Eat smaller meals.", lexicon, "heartburn")}


def test_whom_a_caution_names_is_not_whom_the_advice_it_qualifies_is_for(lexicon):
    # Accepted, "(pregnancy)" on the treatment would record "Magnesium treats insomnia (pregnancy)",
    # the article's warning read as advice for pregnant women.
    text = "Magnesium can help, but talk to your doctor first if you are pregnant."
    assert sorted(summary(text, lexicon, "insomnia")) == [
        ("magnesium", "caution", "pregnancy", False),
        ("magnesium", "treatment", None, False),
    ]
    assert summary("Pregnant women should take magnesium.", lexicon, "insomnia") == [
        ("magnesium", "treatment", "pregnancy", False)
    ]


def test_a_vitamin_the_drug_package_knows_is_a_supplement_named_as_the_catalogue_names_them():
    from claims.ingest.drugnames import DRUG
    from claims.ingest.lexicon import build_lexicon

    lexicon = build_lexicon([], (), {"vitamin e": ("vitamin e", DRUG), "tocopherol": ("vitamin e", DRUG)})
    [proposal] = propose("Vitamin E helps many readers sleep.", lexicon, "insomnia")
    assert (proposal.remedy, proposal.category, proposal.is_new) == ("vitamin E", "supplement", True)


@pytest.mark.parametrize(
    "text",
    [
        "Bananas contain potassium, but magnesium supplements work better for cramps.",
        "Bananas are rich in potassium, so take a magnesium supplement too.",
        "Stretching provides quick relief, and magnesium prevents cramps.",
    ],
)
def test_a_nutrient_outside_the_list_a_food_holds_is_still_claimed(lexicon, text):
    assert "magnesium" in {p.remedy for p in propose(text, lexicon, "night leg cramps")}


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Several medications can treat or prevent migraine episodes.", "several medications"),
        ("The symptoms can include visual changes and nausea.", "visual changes"),
        ("Apply firm, but not painful, pressure using the opposite hand.", "firm"),
        ("Apply firm, but not painful, pressure using the opposite hand.", "opposite hand"),
        ("People should inhale essential oils only via a diffuser.", "inhale essential oils"),
        ("Another drink that's among the remedies is aloe vera juice.", "that's"),
        ("Slowly drink the solution to avoid swallowing air.", "solution"),
        ("Quinine, while once popular, is no longer recommended.", "once popular"),
    ],
)
def test_words_that_name_no_remedy_are_no_new_remedy(lexicon, text, junk):
    # Each was proposed as a new remedy: a reviewer's time, and a senior's, spent on nothing.
    assert junk not in {p.remedy for p in propose(text, lexicon, "migraine") if p.is_new}


def test_what_the_new_remedy_rules_still_find_beside_those_words(lexicon):
    text = "Another drink that's among the remedies is aloe vera juice."
    assert "aloe vera juice" in {p.remedy for p in propose(text, lexicon) if p.is_new}
    assert "essential oils" in {p.remedy for p in propose("Inhale essential oils via a diffuser.", lexicon) if p.is_new}
    assert "anticonvulsant drugs" in {p.remedy for p in propose("Take anticonvulsant drugs.", lexicon)}


def test_a_common_word_is_no_misspelling_of_a_remedy():
    # "potential" was read as a slip for "potentilla" (cinquefoil), a cause of migraine.
    text = "Try to identify potential migraine triggers by keeping a diary."
    assert not propose(text, lexicon_from_catalogue_files(), "migraine")
    # "stimulate" was read as a slip for "stimulants": a verb, not a drug
    text = "Gargling with cold water may stimulate the vagus nerve and calm the spasm."
    assert "stimulants" not in {p.remedy for p in propose(text, lexicon_from_catalogue_files(), "hiccups")}


def test_a_one_letter_slip_is_a_misspelling_whatever_its_ending():
    proposals = propose("Paracetamal is gentler on the stomach.", lexicon_from_catalogue_files(), "headache")
    assert [(p.remedy, p.fuzzy) for p in proposals] == [("paracetamol", True)]


def test_a_remedy_named_after_a_tissue_is_still_a_new_remedy(lexicon):
    assert "shark cartilage" in {p.remedy for p in propose("Try shark cartilage for the pain.", lexicon) if p.is_new}


def test_a_medicine_named_with_its_form_stays_the_medicine():
    from claims.ingest.lexicon import RemedyData, build_lexicon

    remedies = [RemedyData("troxerutin", "topical", ("troxevasin",), "C05CA04"), RemedyData("celandine", "herbal_folk")]
    lexicon = build_lexicon(remedies)
    proposed = {p.remedy for p in propose("Troxevasin gel and celandine ointment are rubbed in at night.", lexicon)}
    assert proposed == {"troxerutin", "celandine ointment"}
