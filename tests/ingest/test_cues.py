"""Kind from the words around a remedy (claims.ingest.cues)."""

import pytest

from claims.ingest import cues


def kind(text, *, before="", context=(), category="supplement", condition="night leg cramps"):
    """The kind in an article about `condition` (the catalogue's articles are about night leg cramps)."""
    return cues.kind_of(text, before, list(context), category, condition)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During a cramp, pinch the muscle hard.", "relief"),
        ("First aid: stand on a cold floor.", "relief"),
        ("Magnesium is used to treat night cramps.", "treatment"),
        ("Magnesium prevents cramps if taken before bed.", "prevention"),
        ("Statins often provoke cramps.", "cause"),
        ("Diuretics cause leaching of minerals.", "cause"),
        ("Consult a doctor before taking quinine.", "caution"),
        ("Do not massage the calves with thrombophlebitis.", "caution"),
        ("Quinine is contraindicated in pregnancy.", "caution"),
        ("It has many side effects.", "caution"),
        ("Some medicines reduce your ability to cope with cramps.", "caution"),
        ("Spinach, nuts and strong tea are the main culprits.", "cause"),
        ("Magnesium improves your ability to cope with cramps.", "treatment"),
    ],
)
def test_the_sentence_decides_the_kind(text, expected):
    assert kind(text).kind == expected


def test_a_causes_heading_makes_a_bare_list_item_a_cause():
    call = kind("drug therapy with diuretics;", context=[("The main causes of this pathology are:", 2.5)])
    assert (call.kind, call.cue) == ("cause", "context: causes")


def test_an_avoid_verb_governing_a_substance_makes_it_a_cause():
    call = kind("Stop drinking coffee.", before="Stop drinking ", category="food_drink")
    assert (call.kind, call.cue) == ("cause", "avoid: stop")
    # Stopping an attack is relief, not avoidance.
    assert (
        kind("To stop an attack, eat chocolate.", before="To stop an attack, eat ", category="food_drink").kind
        != "cause"
    )


def test_a_caution_that_qualifies_advice_is_both():
    call = kind("Take magnesium moderately, it helps.")
    assert (call.kind, call.also_caution) == ("caution", True)
    assert cues.benefit_of("Take magnesium moderately, it helps.", []) == "treatment"
    forbidding = kind("You cannot massage your calves with varicose veins.", category="maneuver")
    assert (forbidding.kind, forbidding.also_caution) == ("caution", False)


def test_without_any_cue_the_category_decides_then_treatment():
    assert kind("Pull your toes towards you.", category="maneuver").kind == "relief"
    assert kind("Wear wool socks.", category="device_garment").kind == "prevention"
    assert kind("Bananas.").kind == "treatment"


def test_an_order_gives_advice_whatever_the_heading_says_of_causes():
    causes = [("Why do cramps occur in children?", 1.0), ("The main causes are:", 2.5)]
    assert kind("Make a hot compress on your leg.", context=causes, category="topical").kind != "cause"
    assert kind("Then drink a glass of milk.", context=causes, category="food_drink").kind != "cause"
    assert kind("Sugary drinks.", context=causes, category="food_drink").kind == "cause"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warmed honey will get rid of an attack.", "relief"),
        ("To eliminate muscle spasm, attach a heating pad.", "relief"),
        ("Use this decoction to relieve leg cramps.", "treatment"),
        ("Honey helps get rid of cramps.", "treatment"),
    ],
)
def test_ending_one_episode_is_relief_and_ending_episodes_is_treatment(text, expected):
    assert kind(text, category="herbal_folk").kind == expected


@pytest.mark.parametrize(
    "text",
    [
        "If leg cramps bother you at night, take magnesium tablets for 4-6 weeks.",
        "To relieve a cramp at night, drink thyme infusion for a month.",
    ],
)
def test_a_course_of_weeks_or_months_is_treatment(text):
    assert kind(text).kind == "treatment"


def test_advice_inside_a_sentence_is_advice_whatever_the_heading_says_of_causes():
    causes = [("Causes of cramps", 1.0)]
    text = "With diuretics it is necessary to additionally take products containing potassium."
    assert kind(text, context=causes, category="food_drink").kind != "cause"


@pytest.mark.parametrize(
    "text",
    ["You can have peppermint tea to relieve a headache.", "Aspirin is one of the best pain reliever drugs."],
)
def test_easing_one_episode_of_any_condition_is_relief(text):
    assert kind(text, category="drug").kind == "relief"


def test_an_order_is_evidence_of_advice_even_without_cue_words():
    assert kind("Drink water.", category="lifestyle").evidence
    assert not kind("Water is everywhere.", category="lifestyle").evidence


def test_what_is_monitored_is_the_object_of_monitor_not_every_remedy_of_the_sentence():
    text = "Spend more time in the fresh air, and strictly monitor the intake of diuretics."
    assert kind(text, before="Spend more time in the ", category="lifestyle").kind != "caution"
    assert kind(text, before="and strictly monitor the intake of ", category="drug").kind == "caution"


def test_an_avoid_verb_before_a_new_order_does_not_govern_what_the_order_advises():
    advised = kind(
        "To reduce chances of tooth decay, chew sugar-free gum.",
        before="To reduce chances of tooth decay, chew sugar-free ",
        category="food_drink",
        condition="heartburn",
    )
    assert advised.kind != "cause"
    listed = kind("Avoid alcohol, coffee and tea.", before="Avoid alcohol, coffee and ", category="food_drink")
    assert (listed.kind, listed.cue) == ("cause", "avoid: avoid")
    swapped = "Avoid coffee, and drink chamomile tea."
    assert kind(swapped, before="Avoid coffee, and drink ", category="herbal_folk").kind != "cause"
    assert kind(swapped, before="Avoid ", category="food_drink").kind == "cause"


def test_promoting_something_else_than_the_condition_is_no_cause():
    assert kind("Peppermint oil promotes blood flow.", category="herbal_folk", condition="headache").kind != "cause"
    assert kind("Sugar promotes headaches.", category="food_drink", condition="headache").kind == "cause"


def test_relieving_pain_is_relief():
    assert kind("Ibuprofen relieves pain.", category="drug", condition="headache").kind == "relief"
    assert kind("Auxiliary measures that relieve pain (baths, massage).", category="procedure").kind == "relief"


@pytest.mark.parametrize(
    "text",
    [
        "St John's wort interacts with many medicines, including the pill.",
        "Licorice can raise blood pressure.",
        "Kava has been linked to liver damage.",
        "High doses are toxic.",
    ],
)
def test_a_harm_said_plainly_is_a_caution_not_a_default_treatment(text):
    assert kind(text, category="herbal_folk", condition="headache").kind == "caution"


def test_a_benefit_for_the_body_is_no_harm():
    assert kind("Magnesium lowers blood pressure.", condition="headache").kind != "caution"
    assert kind("Rub the damaged vessels with diluted vinegar.", category="topical").kind != "caution"


def test_asking_a_doctor_is_a_caution_and_qualifies_the_advice():
    call = kind("Melatonin can help, but talk to your doctor first if you are pregnant.", condition="insomnia")
    assert (call.kind, call.also_caution) == ("caution", True)
    text = "Pregnant women should avoid feverfew and should ask a doctor before taking ginger."
    ginger = kind(text, before="Pregnant women should avoid feverfew and should ask a doctor before taking ")
    assert ginger.kind == "caution"
    assert kind(text, before="Pregnant women should avoid ", category="herbal_folk").kind == "cause"


@pytest.mark.parametrize(
    "text", ["Magnesium may provide some relief.", "You can find heartburn relief through apple cider vinegar."]
)
def test_relief_said_as_a_noun_is_relief(text):
    assert kind(text, condition="heartburn", category="food_drink").kind == "relief"


@pytest.mark.parametrize(
    "text",
    ["Stop smoking.", "Quit smoking.", "Stop smoking, eat regular warm meals, and do some exercise every day."],
)
def test_a_habit_the_catalogue_calls_a_harm_is_kept_away_as_a_substance_is(text):
    # smoking is a lifestyle remedy; the catalogue calls it a cause in each of its claims
    assert cues.kind_of(text, text[: text.index("smok")], [], "lifestyle", harmful=True).kind == "cause"
    assert cues.kind_of(text, text[: text.index("smok")], [], "lifestyle").kind != "cause"


def test_the_catalogue_s_habit_that_is_to_be_stopped_is_never_proposed_as_a_benefit():
    from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
    from claims.ingest.propose import propose

    text = "Stop smoking, eat regular warm meals, and do some exercise every day."
    found = {p.kind for p in propose(text, lexicon_from_catalogue_files(), "chilblains") if p.remedy == "tobacco"}
    assert found == {"cause"}


@pytest.mark.parametrize(
    ("text", "condition", "rule"),
    [
        ("Things that keep a cough going:\nSmoking and second-hand smoke.\n", "dry cough", "usual for tobacco"),
        ("Cigarette smoke irritates an already inflamed nose.", "sinusitis", "usual for tobacco"),
        ("Smoking also makes back pain more likely to come back.", "back pain", "makes back pain more likely"),
    ],
)
def test_a_habit_the_catalogue_calls_a_harm_is_never_its_category_s_benefit(text, condition, rule):
    from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
    from claims.ingest.propose import propose

    found = [p for p in propose(text, lexicon_from_catalogue_files(), condition) if p.remedy == "tobacco"]
    assert [(p.kind, p.rule.rsplit("; ", 1)[-1]) for p in found] == [("cause", rule)]


# What sets a condition off or makes it likelier, in the words of health pages.
@pytest.mark.parametrize(
    ("text", "condition", "expected"),
    [
        ("Decongestants such as Sudafed can push blood pressure up.", "high blood pressure", "cause"),
        ("Grinding is also more likely if you drink a lot of alcohol.", "teeth grinding", "cause"),
        ("Saturated fat is found in butter, lard and cakes.", "high cholesterol", "cause"),
        ("Lactose is also hidden in many ready meals and sauces.", "lactose intolerance", "cause"),
        ("Caffeine is found in coffee, tea and cola.", "insomnia", "cause"),
    ],
)
def test_a_harm_in_other_words(text, condition, expected):
    assert kind(text, category="food_drink", condition=condition).kind == expected


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Caffeine is in many migraine tablets because it helps painkillers work faster.", "migraine"),
        ("Magnesium is found in nuts and seeds.", "night leg cramps"),  # no harm that it holds
        ("Exercise is more likely to help if you keep it up.", "back pain"),  # likelier to help
    ],
)
def test_where_a_good_thing_is_found_is_no_harm(text, condition):
    assert kind(text, category="food_drink", condition=condition).kind in {"relief", "treatment", "prevention"}


def test_what_one_is_protected_from_is_a_harm():
    text = "Protecting your child from passive smoking is one of the most useful things you can do."
    before = "Protecting your child from "
    assert cues.kind_of(text, before, [], "lifestyle", "glue ear").kind == "cause"
    text = "Sunscreen protects your skin from burning."
    assert cues.kind_of(text, "", [], "lifestyle", "sunburn").kind == "prevention"


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        # a purpose, not a warning
        ("Drink plenty of fluids, even if swallowing hurts, so you don't get dehydrated.", "tonsillitis"),
        # what it does not need is no denial: soft foods are advised
        ("Offer soft foods that don't need much chewing, such as yoghurt.", "hand, foot and mouth disease"),
        # less likely to harm is said in its favour
        ("Anti-inflammatory gels are less likely to upset your stomach than tablets.", "frozen shoulder"),
    ],
)
def test_a_negation_or_harm_word_that_speaks_in_its_favour_warns_of_nothing(text, condition):
    assert kind(text, category="food_drink", condition=condition).kind in {"relief", "treatment", "prevention"}


def test_a_harm_said_plainly_still_warns():
    assert kind("Don't drink alcohol, so you don't get dehydrated.", condition="tonsillitis").kind == "caution"
    assert kind("Aspirin can upset your stomach.", condition="frozen shoulder").kind == "caution"


def test_those_taking_a_medicine_said_to_become_what_the_condition_is_name_a_cause():
    """ "Older adults taking opioid painkillers ... often become constipated": the painkillers had
    been proposed as treatments of constipation."""
    from tests.ingest.proposing import lexicon_from_catalogue_files, propose

    catalogue_lexicon = lexicon_from_catalogue_files()
    text = "Older adults taking opioid painkillers such as codeine or oxycodone often become constipated."
    proposed = {(p.remedy, p.kind) for p in propose(text, catalogue_lexicon, "constipation")}
    assert {name for name, kind in proposed if kind in ("treatment", "relief", "prevention")} == set(), proposed
    assert {("codeine", "cause"), ("oxycodone", "cause")} <= proposed
    # not what they are seldom
    rarely = "Children taking fibre supplements are rarely constipated."
    assert "cause" not in {p.kind for p in propose(rarely, catalogue_lexicon, "constipation")}
