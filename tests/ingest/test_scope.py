"""Whose claim a part of a sentence is (claims.ingest.scope): cue words speak of the remedy only
where the sentence speaks of it. Read through the proposer, as a reviewer meets them."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose
from tests.ingest.proposing import catalogue_lexicon  # noqa: F401 (a fixture)


def summary(text, lexicon, condition=None):
    return [(p.remedy, p.kind, p.population, p.is_new) for p in propose(text, lexicon, condition)]


def test_a_cause_said_of_another_noun_in_a_relative_clause_is_not_the_remedys(lexicon):
    text = "Massage helps the body process the stress that may keep you awake at night."
    assert summary(text, lexicon, "insomnia") == [("massage", "relief", None, False)]
    assert summary("Avoid coffee, which keeps you awake.", lexicon, "insomnia") == [("caffeine", "cause", None, False)]
    text = "Foods that can trigger migraine include alcohol and coffee."
    assert {(p.remedy, p.kind) for p in propose(text, lexicon, "migraine")} == {
        ("alcohol", "cause"),
        ("caffeine", "cause"),
    }


def test_keeping_you_awake_is_never_a_benefit(lexicon):
    # A harm the words do not say is the condition is a caution: "keeps you awake" is insomnia in
    # other words, but "keeps you up" in an article on colds is not a cold.
    assert summary("Coffee late in the day can keep you awake.", lexicon, "insomnia") == [
        ("caffeine", "caution", None, False)
    ]


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Quinine is no longer recommended for leg cramps because of serious side effects.", "quinine"),
        ("The FDA warns against using quinine for leg cramps.", "quinine"),
        ("Magnesium supplements are not effective for most older adults with cramps.", "magnesium"),
        ("There is no evidence that bananas work.", "banana"),
        ("Potassium does not help leg cramps.", "potassium"),
        ("Quinine is banned for cramps in the US.", "quinine"),
        ("Tonic water contains too little quinine to help.", "quinine"),
        ("Magnesium will not fix leg cramps.", "magnesium"),
        ("Potassium won't ease a cramp.", "potassium"),
        ("Quinine is no cure for leg cramps.", "quinine"),
        ("Magnesium is not a cure for night cramps.", "magnesium"),
        ("Quinine won't cure cramps, but stretching helps.", "quinine"),
        ("Quinine won't cure cramps, but many people think it helps.", "quinine"),
    ],
)
def test_a_benefit_the_article_denies_is_a_caution_never_a_benefit(lexicon, text, remedy):
    # Proposed as "treatment", accepting would record the opposite of what the article says.
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds == {"caution"}


def test_a_denial_in_a_condition_or_of_another_remedy_is_not_the_remedys(lexicon):
    text = "If these measures do not help, you can gently prick your leg with a needle, but only as a last resort."
    proposals = propose(text, lexicon, "night leg cramps")
    assert {p.kind for p in proposals} == {"caution", "treatment"}  # the last resort, not a denial
    assert not [p for p in proposals if "denied" in p.rule]


NAMED = ("magnesium", "quinine")


def kinds_of(text, lexicon, remedy, condition="night leg cramps"):
    return {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Drink plenty of coffee and alcohol because dehydration often causes muscle cramps.", "caffeine"),
        ("1. Coffee: Drink a cup of coffee as headaches are often caused due to dehydration.", "caffeine"),
        ("Try bananas instead of coffee, since caffeine causes cramps.", "banana"),
    ],
)
def test_the_reason_advice_is_given_names_another_cause_not_the_advised_remedy(lexicon, text, remedy):
    # Accepted as "cause", this would read "Coffee can provoke night leg cramps".
    assert "cause" not in kinds_of(text, lexicon, remedy)


@pytest.mark.parametrize(
    "text",
    [
        "Drink less coffee, as caffeine can trigger cramps.",
        "Try bananas instead of coffee, since caffeine causes cramps.",
        "Drop the evening coffee, because it provokes cramps.",
    ],
)
def test_a_reason_that_speaks_of_the_remedy_keeps_it_a_cause(lexicon, text):
    assert kinds_of(text, lexicon, "caffeine") == {"cause"}


@pytest.mark.parametrize(
    "text",
    [
        "Avoid bananas late at night and drink less alcohol.",
        "To reduce cramps, eat bananas and avoid coffee and alcohol.",
        "Reduce stress, and try to avoid alcohol before bed.",
        "Quit smoking and drink less alcohol.",
        "Stop eating late, and have no alcohol at night.",
    ],
)
def test_the_avoid_verb_nearest_the_remedy_governs_it(lexicon, text):
    assert kinds_of(text, lexicon, "alcohol") == {"cause"}


@pytest.mark.parametrize(
    "text",
    [
        "Alcohol relaxes the lower oesophageal sphincter, which allows acid to rise and causes cramps.",
        "Coffee is a drink that causes cramps in many people.",
        "Alcohol is a depressant which can cause cramps.",
        "Alcohol is a common trigger that aggravates cramps.",
    ],
)
def test_a_relative_clause_about_the_remedy_itself_keeps_its_cause(lexicon, text):
    remedy = "caffeine" if text.startswith("Coffee") else "alcohol"
    assert kinds_of(text, lexicon, remedy) == {"cause"}


def test_what_follows_unlike_is_said_of_the_other_thing(lexicon):
    assert kinds_of("Bananas calm the muscles, unlike coffee, which keeps you awake.", lexicon, "banana") != {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Coffee makes insomnia worse.", "caffeine"),
        ("Alcohol relaxes you but aggravates insomnia.", "alcohol"),
        ("Alcohol may soothe at first; later it makes insomnia worse.", "alcohol"),
        ("Alcohol exacerbates insomnia.", "alcohol"),
    ],
)
def test_what_the_remedy_does_to_make_the_condition_worse_is_a_cause(lexicon, text, remedy):
    # Proposed as "treatment", accepting would record "Alcohol treats insomnia".
    assert kinds_of(text, lexicon, remedy, "insomnia") == {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Take magnesium if the cramp worsens.", "magnesium"),
        ("If cramps keep you awake at night, take magnesium before bed.", "magnesium"),
        ("Cramps disrupt sleep, but stretching before bed helps.", "stretching"),
        ("Stress exacerbates cramps, and magnesium helps reduce them.", "magnesium"),
        ("Massage your calves when stress makes the cramps worse.", "massage"),
        ("Decaf coffee does not keep you awake.", "caffeine"),
        ("Massage helps the body process the stress that may keep you awake at night.", "massage"),
    ],
)
def test_what_makes_the_condition_worse_in_a_condition_or_said_of_another_is_not_the_remedys(lexicon, text, remedy):
    assert "cause" not in kinds_of(text, lexicon, remedy)


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Stretching doesn't just help cramps, it prevents them.", "stretching"),
        ("Magnesium is not only effective but also safe.", "magnesium"),
        ("Quinine is banned for cramps, so try stretching your calves instead.", "stretching"),
        ("Quinine doesn't help much, so try stretching instead.", "stretching"),
    ],
)
def test_a_denial_of_another_remedy_or_a_not_only_denies_nothing(lexicon, text, remedy):
    assert "caution" not in kinds_of(text, lexicon, remedy)


@pytest.mark.parametrize(
    "text",
    [
        "Quinine isn't recommended for leg cramps any more.",
        "Quinine won't help leg cramps.",
        "Quinine hasn't been proven to work for leg cramps.",
        "The FDA has warned against using quinine for leg cramps.",
        "Quinine should no longer be used for cramps.",
    ],
)
def test_more_ways_of_denying_a_benefit(lexicon, text):
    assert kinds_of(text, lexicon, "quinine") == {"caution"}


def test_a_harm_given_as_the_reason_for_advice_is_a_caution_never_a_cause(lexicon):
    # "Quinine can provoke headache" would be the claim a "cause" records in an article on headaches.
    text = "Take quinine with food, since quinine can cause stomach bleeding."
    assert kinds_of(text, lexicon, "quinine", "headache") == {"caution"}
    text = "Take magnesium for a headache, as quinine can cause stomach bleeding."
    assert kinds_of(text, lexicon, "quinine", "headache") == {"caution"}


def test_neither_nor_denies_both(lexicon):
    text = "Neither quinine nor magnesium helps leg cramps."
    assert kinds_of(text, lexicon, "quinine") == kinds_of(text, lexicon, "magnesium") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Alcohol may help you fall asleep, but it disrupts sleep later in the night.", "alcohol"),
        ("Quinine eases headaches but aggravates stomach ulcers.", "quinine"),
        ("Coffee can relieve a tension headache, but it keeps you awake if taken late.", "caffeine"),
    ],
)
def test_a_harm_to_something_else_than_the_condition_is_a_caution_never_a_benefit_or_a_cause(lexicon, text, remedy):
    assert kinds_of(text, lexicon, remedy, "headache") == {"caution"}


@pytest.mark.parametrize(
    "text",
    [
        "Take magnesium daily, because low magnesium levels can trigger cramps.",
        "Eat magnesium-rich foods, since a lack of magnesium can trigger a cramp.",
        "Take a magnesium supplement, since magnesium deficiency can make cramps worse.",
    ],
)
def test_the_remedy_named_as_missing_in_the_reason_is_advised_not_a_cause(lexicon, text):
    assert "cause" not in kinds_of(text, lexicon, "magnesium")


@pytest.mark.parametrize(
    "text",
    [
        "Take magnesium at the first sign of a cramp, before it worsens.",
        "Take magnesium as soon as the cramp starts to worsen.",
        "Magnesium is good for cramps that keep you awake.",
        "Magnesium calms the nerves and eases stress, which disrupts sleep.",
        "Magnesium reduces anxiety, a common problem that keeps you awake.",
        "Magnesium is a good alternative to coffee, which keeps you awake.",
    ],
)
def test_what_worsens_in_a_condition_or_in_a_clause_about_another_thing_is_not_the_remedys(lexicon, text):
    assert kinds_of(text, lexicon, "magnesium") - {"relief", "treatment", "prevention"} == set()


def test_dose_limits_and_less_of_one_more_of_another_are_no_causes(lexicon):
    assert "cause" not in kinds_of("Take no more than 400 mg of magnesium a day.", lexicon, "magnesium")
    text = "Drink less coffee and eat more bananas."
    assert kinds_of(text, lexicon, "caffeine") == {"cause"} and "cause" not in kinds_of(text, lexicon, "banana")


@pytest.mark.parametrize(
    "text",
    [
        "Quinine was once the standard treatment for night cramps, but it is no longer recommended.",
        "Quinine used to be prescribed for leg cramps, but the FDA now warns against it.",
        "Quinine, while once popular, is no longer recommended for leg cramps.",
        "Quinine is not as safe as once believed and is no longer recommended for cramps.",
        "Quinine not only fails to help cramps, it has been banned.",
        "Quinine was once used for cramps but is no longer recommended.",
        "Quinine was prescribed for cramps for decades but was withdrawn.",
    ],
)
def test_a_denial_said_of_it_in_the_next_part_or_past_an_aside_is_the_remedys(lexicon, text):
    assert kinds_of(text, lexicon, "quinine") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [("Instead of alcohol, try magnesium.", "alcohol"), ("Bananas, unlike coffee, help you sleep.", "caffeine")],
)
def test_what_a_remedy_is_set_against_gets_no_benefit(lexicon, text, remedy):
    assert kinds_of(text, lexicon, remedy) == set()


def test_an_avoid_verb_stops_at_a_contrast(lexicon):
    assert "cause" not in kinds_of("Avoid coffee, but a banana before bed helps.", lexicon, "banana")


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Avoid quinine in children under 16, since it can cause bleeding.", "children"),
        ("Pregnant women should avoid alcohol.", "pregnancy"),
    ],
)
def test_whom_a_remedy_is_to_be_avoided_by_is_a_caution_not_a_cause(lexicon, text, population):
    # "Quinine can provoke night leg cramps (children)" is not what the article says.
    remedy = "quinine" if "quinine" in text else "alcohol"
    assert {(p.kind, p.population) for p in propose(text, lexicon, "night leg cramps") if p.remedy == remedy} == {
        ("caution", population)
    }
    assert kinds_of("Avoid alcohol.", lexicon, "alcohol") == {"cause"}


@pytest.mark.parametrize(
    "text",
    [
        "Ditch the alcohol and end your day with a banana.",
        "Skip alcohol in the evening and have a banana.",
        "Cut out alcohol for a few weeks and eat bananas.",
        "Steer clear of alcohol before bed; eat a banana instead.",
        "Stay away from alcohol late at night, and eat bananas.",
    ],
)
def test_more_ways_of_saying_avoid_make_a_cause_never_a_benefit(lexicon, text):
    # "Ditch the alcohol" was proposed as a treatment: one click from recording the opposite.
    assert kinds_of(text, lexicon, "alcohol") == {"cause"}
    assert kinds_of(text, lexicon, "banana") - {"cause"} == kinds_of(text, lexicon, "banana") != set()


def test_what_dehydrates_is_never_a_benefit(lexicon):
    # a harm the words do not tie to the condition: a caution, as "keeps you awake" is
    text = "Drinking other liquids like coffee or alcoholic drinks will only dehydrate you further."
    assert kinds_of(text, lexicon, "caffeine") == {"caution"}
    assert kinds_of(text, lexicon, "alcohol") == {"caution"}  # "alcoholic drinks" is alcohol, no new remedy
    assert not [p for p in propose(text, lexicon, "night leg cramps") if p.is_new]
    # rehydrating is no harm
    assert kinds_of("Eat bananas to rehydrate after exercise.", lexicon, "banana") - {"cause"} != set()
    assert "cause" not in kinds_of("Eat bananas to rehydrate after exercise.", lexicon, "banana")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take no more than 400 mg of magnesium a day.", {"caution"}),
        ("Adults should not take more than 350 mg of magnesium in 24 hours.", {"caution"}),
        ("Never exceed 400 mg of magnesium a day.", {"caution"}),
        ("The maximum dose of magnesium is 400 mg a day.", {"caution"}),
        ("Magnesium is used to treat cramps, but take no more than 400 mg a day.", {"caution"}),
    ],
)
def test_a_dose_limit_is_a_caution(lexicon, text, expected):
    # Proposed as a plain treatment with the dose "400 mg", the limit read as a dose to take; a
    # benefit beside the caution would show the limit as the dose too.
    proposals = [p for p in propose(text, lexicon, "night leg cramps") if p.remedy == "magnesium"]
    assert {p.kind for p in proposals} == expected
    limit = "no more than" if "no more than" in text else "more than" if "more than" in text else ""
    assert all(limit in p.dose and "mg" in p.dose for p in proposals)


@pytest.mark.parametrize(
    "text",
    [
        "Magnesium helps cramps, but do not exceed 400 mg a day.",
        "Magnesium is effective for cramps, but never exceed 400 mg a day.",
        "Take magnesium to ease the cramp; the maximum daily dose is 400 mg.",
    ],
)
def test_a_dose_limit_beside_a_benefit_never_shows_the_limit_as_a_dose_to_take(lexicon, text):
    # A benefit proposed beside the caution carried "400 mg a day": the limit read as the dose.
    proposals = [p for p in propose(text, lexicon, "night leg cramps") if p.remedy == "magnesium"]
    assert [p.kind for p in proposals] == ["caution"]
    assert proposals[0].dose.startswith(("do not exceed", "never exceed", "maximum daily dose is"))


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        (
            "Use magnesium up to 4 times a day, but not for more than 7 days.",
            "up to 4 times a day; not for more than 7 days",
        ),
        ("Never take more than 8 tablets of magnesium.", "Never take more than 8 tablets"),
    ],
)
def test_a_limit_keeps_its_not(lexicon, text, dose):
    # "not for more than 7 days" kept as "more than 7 days" reads as the opposite.
    assert {p.dose for p in propose(text, lexicon, "night leg cramps") if p.remedy in NAMED} == {dose}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Never skip your magnesium supplement; it prevents cramps.", "magnesium"),
        ("Don't skip your daily dose of magnesium.", "magnesium"),
        ("Cut out a slice of banana and eat it before bed.", "banana"),
        ("Skip the screens and eat a banana before bed.", "banana"),
    ],
)
def test_skipping_or_cutting_out_what_is_advised_is_no_cause(lexicon, text, remedy):
    assert "cause" not in {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy == remedy}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Coffee can dehydrate you, so eat bananas.", "banana"),
        ("Bananas help after a dehydrating bout of exercise.", "banana"),
        ("Coffee is dehydrating, but bananas are not dehydrating at all.", "banana"),
    ],
)
def test_what_dehydrates_is_what_the_words_say_dehydrates(lexicon, text, remedy):
    assert "cause" not in {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy == remedy}


@pytest.mark.parametrize(
    "text",
    [
        "Non-alcoholic drinks like warm milk are a better choice before bed.",
        "Choose non-alcoholic beverages at parties.",
        "Pick a non alcoholic drink.",
    ],
)
def test_non_alcoholic_is_no_alcohol(lexicon, text):
    assert "alcohol" not in {p.remedy for p in propose(text, lexicon, "insomnia")}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Coffee should be avoided.", "caffeine"),
        ("Bananas are best avoided at dinner.", "banana"),
        ("Magnesium isn't safe for people with kidney failure.", "magnesium"),
        ("Magnesium is not suitable for people with kidney disease.", "magnesium"),
        ("Coffee is bad for cramps.", "caffeine"),
        ("Coffee is a poor choice for people with cramps.", "caffeine"),
        ("Magnesium shouldn't be combined with alcohol.", "magnesium"),
        ("Energy drinks are packed with coffee, which can set off a cramp.", "caffeine"),
        ("Eliminate coffee and alcohol from your diet.", "caffeine"),
        ("Say no to late-night coffee.", "caffeine"),
        ("Leave out the coffee in the evening.", "caffeine"),
        ("Avoid these foods late at night: bananas, coffee and alcohol.", "banana"),
        ("Limit magnesium to 400 mg a day.", "magnesium"),
        ("Don't exceed the recommended dose of magnesium.", "magnesium"),
        ("Although alcohol may help you relax, it ruins your sleep.", "alcohol"),
    ],
)
def test_more_ways_an_article_warns_are_never_a_benefit(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and kinds <= {"cause", "caution"}


def test_keeping_a_remedy_out_of_the_reach_of_children_names_no_population(lexicon):
    text = "Store magnesium at room temperature and keep it out of the reach of children."
    assert {p.population for p in propose(text, lexicon, "night leg cramps")} == {None}
    # keeping it away from children is whom it is not for
    assert {(p.kind, p.population) for p in propose("Keep quinine away from children.", lexicon)} == {
        ("caution", "children")
    }


# From a second hostile review: each was a regression of the rules above, or an older hole.
@pytest.mark.parametrize(
    "text",
    [
        "Magnesium: 0.5 to 5 mg, at most.",
        "Take no more than two 500 mg magnesium capsules.",
        "Take one or two magnesium tablets every 4 to 6 hours; no more than eight in 24 hours.",
        "Use magnesium for no more than two weeks without seeing a doctor.",
        "Adults shouldn't take more than 4 g of magnesium in 24 hours.",
        "Stay below 400 mg of magnesium a day.",
        "400 mg a day is the maximum for magnesium.",
        "Magnesium 200-400 mg a day (max 400 mg per day).",
        "If you use magnesium, take it only short-term.",
        "Magnesium is for short-term use only for a limited time.",
    ],
)
def test_a_dose_limit_said_any_way_is_a_caution(lexicon, text):
    assert {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy in NAMED} == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "kind"),
    [
        ("Bring one cup of water to a boil and add a teaspoon of magnesium.", "magnesium", "treatment"),
        ("Magnesium brings on a calm, sleepy feeling.", "magnesium", "treatment"),
        ("A banana sets off a reflex that stops the cramp.", "banana", "treatment"),
        ("Avoid cramps with these foods: bananas, apples and magnesium.", "banana", "prevention"),
        ("Avoid coffee after noon: a banana in the evening works better.", "banana", "treatment"),
        ("Eliminate pain quickly with a massage.", "massage", "relief"),
        ("Drop the magnesium tablet into a glass of water and drink it.", "magnesium", "treatment"),
        ("Leave out the sugar and sweeten your apple cider vinegar with honey.", "apple cider vinegar", "treatment"),
        ("Coffee should be avoided and bananas help you sleep.", "banana", "treatment"),
        ("Bananas help you relax, and alcohol should be avoided in the evening.", "banana", "treatment"),
        ("Eat a banana after meals, because lying down is bad for cramps.", "banana", "treatment"),
        ("Cramps are best avoided with stretching and a magnesium supplement at night.", "magnesium", "treatment"),
        ("Take magnesium before a cramp ruins your evening.", "magnesium", "treatment"),
        ("Limit alcohol and coffee, and stick to 7 to 8 hours of sleep.", "alcohol", "cause"),
    ],
)
def test_what_the_new_words_must_leave_alone(lexicon, text, remedy, kind):
    kinds = kinds_of(text, lexicon, remedy)
    assert kind in kinds and not kinds & ({"cause", "caution"} - {kind})


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Avoiding coffee after lunch helps you sleep.", "caffeine"),
        ("Giving up alcohol helps prevent cramps.", "alcohol"),
        ("Cutting out coffee helps.", "caffeine"),
        ("Cutting back on coffee helps.", "caffeine"),
        ("Quitting alcohol improves sleep.", "alcohol"),
        ("Magnesium is generally safe, but avoid it if you are pregnant.", "magnesium"),
        ("Quinine is not for children under 16.", "quinine"),
        ("Bananas are safe for adults but not suitable for babies.", "banana"),
        ("Keep quinine away from children under 16.", "quinine"),
        ("Bananas give no relief for this kind of cramp.", "banana"),
        ("Many people find little relief from magnesium.", "magnesium"),
    ],
)
def test_older_holes_a_warning_said_these_ways_is_never_a_benefit(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and kinds <= {"cause", "caution"}


# Good said of a remedy, then denied after "but" to some people or some use only, is the benefit
# and a caution for them, as the catalogue codes "The use of vitamin B12 will help, but only if it
# is not enough in the body" and "Take magnesium moderately". These were cautions alone before:
# the benefit for the others is a claim the article makes, quinine's too, for reviewers to grade.
@pytest.mark.parametrize(
    ("text", "whom"),
    [
        ("Quinine relieves cramps, but not in children under 16.", "children"),
        ("Quinine works, but isn't for children.", "children"),
        ("Magnesium helps cramps, but pregnant women should avoid it.", "pregnancy"),
        ("Magnesium works fast but is not suitable for regular use.", None),
        ("Magnesium helps cramps but isn't recommended during pregnancy.", "pregnancy"),
        ("Magnesium helps, but must be avoided in kidney disease.", "kidney_disease"),
        ("Magnesium helps sleep but is not advisable in pregnancy.", "pregnancy"),
    ],
)
def test_a_benefit_denied_to_some_only_is_the_benefit_and_their_caution(lexicon, text, whom):
    found = {(p.kind, p.population) for p in propose(text, lexicon, "night leg cramps") if p.remedy in NAMED}
    assert ("caution", whom) in found
    assert {kind for kind, population in found if kind != "caution"} == {"treatment"}
    assert all(population is None for kind, population in found if kind != "caution")


def test_the_benefit_beside_a_caution_names_its_own_rule(lexicon):
    # the reviewer reads why each was proposed: the benefit was not proposed because it was denied
    text = "Magnesium helps cramps, but pregnant women should avoid it."
    rules = {p.kind: p.rule.split("; ", 1)[1] for p in propose(text, lexicon, "night leg cramps") if p.remedy in NAMED}
    assert rules["treatment"] == "good said of it, with a caution beside it"
    assert rules["caution"] != rules["treatment"]


@pytest.mark.parametrize(
    "text",
    [
        "Magnesium helps, but it is no longer recommended.",  # for no one
        "Magnesium helps, but is not recommended for cramps.",  # not for the condition itself
        "Magnesium doesn't help, and is not advisable in pregnancy.",  # no good said of it
    ],
)
def test_a_benefit_denied_to_all_stays_a_caution(lexicon, text):
    kinds = {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy in NAMED}
    assert kinds and kinds <= {"cause", "caution"}


def test_a_caution_cue_after_but_for_some_only_keeps_the_benefit_too(lexicon):
    text = "Ibuprofen eases the pain, but do not take it if you have a stomach ulcer."
    found = {(p.kind, p.population) for p in propose(text, lexicon, "headache") if p.remedy == "ibuprofen"}
    assert found == {("caution", "gastrointestinal"), ("relief", None)}
    # the condition itself is no restriction: "not for headaches" in an article on headaches
    text = "Ibuprofen eases pain but is not recommended for headaches."
    assert {p.kind for p in propose(text, lexicon, "headache") if p.remedy == "ibuprofen"} == {"caution"}


@pytest.mark.parametrize(
    ("text", "dose"),
    [
        ("Quinine should not exceed 300 mg a day.", "should not exceed 300 mg a day"),
        ("Adults shouldn't take more than 4 g of quinine.", "shouldn't take more than 4 g"),
        ("Do not take more than 3 grams of quinine.", "Do not take more than 3 grams"),
    ],
)
def test_the_dose_keeps_every_word_of_its_limit(lexicon, text, dose):
    assert {p.dose for p in propose(text, lexicon, "night leg cramps") if p.remedy == "quinine"} == {dose}


# From a third hostile review and a new user's walk.
@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Avoid falling asleep with the help of alcohol.", "alcohol"),
        ("Magnesium is not for people with kidney disease.", "magnesium"),
        ("Quinine in pregnancy can harm the baby.", "quinine"),
        ("Pregnant women should ask their doctor before taking quinine.", "quinine"),
        ("It is a myth that quinine prevents leg cramps.", "quinine"),
        ("It is not true that bananas prevent cramps.", "banana"),
        ("Quinine is rarely recommended today.", "quinine"),
        ("The risks of quinine outweigh its benefits.", "quinine"),
        ("Try not to drink coffee after noon.", "caffeine"),
        ("Lay off the coffee.", "caffeine"),
        ("If you take quinine, avoid bananas.", "quinine"),
        ("People on quinine should avoid magnesium.", "quinine"),
        ("Mixing magnesium and alcohol can damage your liver.", "magnesium"),
        ("Magnesium doses over 500 mg offer no added benefit.", "magnesium"),
        ("Doses above 500 mg of magnesium are not recommended.", "magnesium"),
        ("Magnesium in excess of 500 mg a day upsets the stomach.", "magnesium"),
        ("Take magnesium for no longer than two weeks.", "magnesium"),
        ("Take 300 mg of magnesium; 1000 mg is too much.", "magnesium"),
    ],
)
def test_warnings_said_these_ways_are_never_a_benefit(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and kinds <= {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Avoiding coffee and taking magnesium before bed can improve sleep.", "magnesium"),
        ("Giving up coffee and eating bananas instead helps many people.", "banana"),
        ("Cutting back on coffee and eating bananas may ease cramps.", "banana"),
        ("Say no to coffee after 4 pm, and say yes to a banana.", "banana"),
        ("If you tend to skip meals, keep a banana handy.", "banana"),
        ("Avoid sleeping pills: try magnesium or bananas.", "magnesium"),
        ("Limit coffee: switch to magnesium.", "magnesium"),
        ("Avoid coffee: eat bananas.", "banana"),
        ("Never skip meals, though: eat bananas.", "banana"),
    ],
)
def test_advice_after_an_avoid_verb_is_still_advice(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and not kinds & {"cause", "caution"}


def test_a_quantity_belongs_to_the_remedy_it_is_said_of(lexicon):
    text = "Ditch the coffee and end your day with a cup of magnesium tea."
    doses = {p.remedy: p.dose for p in propose(text, lexicon, "insomnia")}
    assert doses == {"caffeine": "", "magnesium tea": "a cup"}
    text = "Do not take more than 7 quinine tablets in 24 hours."
    doses = {p.dose for p in propose(text, lexicon, "night leg cramps")}
    assert doses == {"Do not take more than 7 quinine tablets; 24 hours"}


@pytest.mark.parametrize(
    "text",
    [
        "Use magnesium, not quinine, for children.",
        "Magnesium is safer than quinine for children.",
        "Prefer magnesium over quinine in children.",
        "Compared with quinine, magnesium is safer for children.",
        "Use magnesium, and not quinine.",
        "Choose magnesium over quinine for children.",
    ],
)
def test_the_remedy_another_is_preferred_to_gets_no_benefit(lexicon, text):
    # "Use paracetamol, not aspirin, for children" proposed "aspirin treats headache (children)"
    assert kinds_of(text, lexicon, "quinine") <= {"cause", "caution"}
    assert kinds_of(text, lexicon, "magnesium") - {"cause", "caution"}  # what is preferred keeps its benefit


def test_what_one_avoid_verb_governs_in_ing_is_avoided_together(lexicon):
    assert kinds_of("Stop smoking and drinking coffee.", lexicon, "caffeine") == {"cause"}
    assert kinds_of("Avoid smoking and drinking alcohol before bed.", lexicon, "alcohol") == {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Foods to avoid\n\n- coffee\n- bananas\n- alcohol\n", "caffeine"),
        ("What to avoid\n\n- Quinine\n- Alcohol\n", "quinine"),
        ("Avoid:\n\n- quinine\n- alcohol\n", "quinine"),
        ("Avoid the following:\n\n1. Quinine\n2. Coffee\n", "quinine"),
        ("Common cramp triggers\n\n1. Coffee\n2. Alcohol\n", "caffeine"),
        ("What makes it worse?\n\n- coffee\n- alcohol\n", "caffeine"),
        ("Not recommended\n\n- quinine\n- alcohol\n", "quinine"),
        ("What not to do\n\n- take quinine\n- drink alcohol\n", "quinine"),
        ("Never give these to children:\n- quinine\n- metamizole\n", "quinine"),
        ("Not suitable for children under 16:\n- quinine\n", "quinine"),
        ("Remedies that do not work\n\n- Quinine\n- Potassium\n", "quinine"),
        ("Myths\n\n- Quinine cures cramps\n", "quinine"),
    ],
)
def test_a_heading_or_lead_in_that_warns_reaches_its_items(lexicon, text, remedy):
    # Each item was proposed as a prevention or a treatment: "Foods to avoid: coffee" as "coffee prevents".
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and kinds <= {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "kind"),
    [
        ("How to avoid cramps\n\n- magnesium\n- bananas\n", "magnesium", "prevention"),
        ("What to do during a cramp\n\n- stretching\n- massage\n", "stretching", "relief"),
        ("Foods that help\n\n- bananas\n- apples\n", "banana", "treatment"),
    ],
)
def test_a_heading_that_advises_still_advises(lexicon, text, remedy, kind):
    assert kind in {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy == remedy}


# From a fourth hostile review: warning labels and where they stop.
@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("## Preventing cramps: common triggers\n\n- coffee\n- alcohol\n", "caffeine"),
        ("## Prevention: avoid these triggers\n\n- coffee\n- quinine\n", "quinine"),
        ("## Preventing cramps: what not to take\n\n- quinine\n- diuretics\n", "quinine"),
        ("## Quick tips: what to avoid\n\n- quinine\n", "quinine"),
        ("Foods that trigger cramps:\n\n- coffee\n- bananas\n", "banana"),
        ("Cut back on these:\n\n- coffee\n- bananas\n", "banana"),
        ("Stay away from these foods:\n\n- bananas\n", "banana"),
        ("Don't:\n\n- drink coffee\n- eat bananas\n", "banana"),
        ("Remedies that don't work:\n\n- quinine\n", "quinine"),
        ("Use with caution:\n\n- quinine\n", "quinine"),
        ("Children should not take:\n- quinine\n- metamizole\n", "quinine"),
        ("Things you should never do\n- give quinine to a child\n", "quinine"),
        ("Avoid: bananas, coffee, apples.", "banana"),
        ("Foods to avoid: bananas, coffee, apples.", "banana"),
        ("Stretching works; quinine does not.", "quinine"),
        ("Stretching is effective. Quinine is not.", "quinine"),
        ("Take 2 tablets, maximum 8 magnesium tablets in 24 hours.", "magnesium"),
    ],
)
def test_a_warning_label_or_a_short_denial_is_never_a_benefit(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and kinds <= {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("How to avoid getting a cramp\n\n- magnesium\n- stretching\n", "magnesium"),
        ("Cramps: what to eat and what to avoid\n\n- bananas\n", "banana"),
        ("## If the pain gets worse\n\n- magnesium\n- massage\n", "magnesium"),
        ("How to limit the pain\n\n- magnesium\n", "magnesium"),
        ("Debunking myths: what really works\n\n- magnesium\n", "magnesium"),
        ("Myths\n\nSome say quinine helps. Magnesium, by contrast, helps many people.", "magnesium"),
        ("Foods to avoid\n\nCoffee relaxes the muscles. Instead, eat bananas.", "banana"),
        ("If you take magnesium, take it at night.", "magnesium"),
        ("People taking magnesium had fewer cramps.", "magnesium"),
        ("Potassium, not to mention magnesium, helps prevent cramps.", "magnesium"),
        ("Magnesium relieves cramps. Pregnant women should avoid it.", "magnesium"),
        ("Trigger point massage:\n- massage\n", "massage"),
    ],
)
def test_advice_under_or_beside_those_words_is_still_advice(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds - {"cause", "caution"}


def test_avoid_these_mistakes_names_no_harm_of_what_is_advised(lexicon):
    text = "Avoid these mistakes:\n- not eating bananas\n- skipping meals\n"
    assert "cause" not in {p.kind for p in propose(text, lexicon, "night leg cramps") if p.remedy == "banana"}


# From a fifth hostile review.
@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("## Not safe for children\n\nQuinine is found in many products.", "quinine"),
        ("## Warnings\n\nQuinine can affect your blood.", "quinine"),
        ("## Myths about cramps\n\nMany people believe quinine cures cramps.", "quinine"),
        ("## Foods to avoid\n\nCoffee and bananas are common culprits.", "banana"),
        ("People on diuretics should eat more bananas.", "diuretics"),
        ("If you smoke, quitting helps cramps.", "tobacco"),
        ("If you drink alcohol, do so at least three hours before bed.", "alcohol"),
        ("## What doesn't help\n\n- quinine\n- potassium\n", "quinine"),
        ("## Unproven remedies\n\n- quinine\n", "quinine"),
        ("## Medicines linked to cramps\n\n- diuretics\n", "diuretics"),
        ("Things that make cramps worse include coffee, bananas and alcohol.", "banana"),
        ("Coffee: keep under 400 mg a day.", "caffeine"),
    ],
)
def test_a_fifth_round_of_warnings_is_never_a_benefit(text, remedy):
    lexicon = _with_tobacco()
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and kinds <= {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("## Triggers\n\nDehydration is common. Stretch daily. Magnesium helps.", "magnesium"),
        ("## Foods to avoid\n\nAlcohol dehydrates you.\n\nEat bananas.", "banana"),
        ("## Triggers and remedies\n\n- alcohol\n- stretching\n- magnesium\n", "magnesium"),
        ("Avoid triggers by:\n\n- stretching before bed\n- taking magnesium\n", "magnesium"),
        ("## Reduce triggers with these habits\n\n- magnesium\n", "magnesium"),
        ("For the worst cramps:\n\n- stretch the calf\n- massage\n", "massage"),
        ("Safe alternatives to harmful painkillers:\n\n- massage\n- magnesium\n", "magnesium"),
        ("## Is magnesium harmful?\n\n- Magnesium is safe at normal doses.\n", "magnesium"),
        ("## Sleeping pills: use with caution\n\nFor short-term relief, try:\n\n- magnesium\n- bananas\n", "magnesium"),
        ("Magnesium helps, but isn't a cure.", "magnesium"),
        ("Magnesium isn't a cure, but it can help.", "magnesium"),
        ("Magnesium won't cure leg cramps, but it can help.", "magnesium"),
        ("Magnesium is no cure for cramps, yet it helps many shift workers.", "magnesium"),
        ("Magnesium is no cure, but it eases the pain for many.", "magnesium"),
        ("Adults over 65 can take 200 mg of magnesium daily.", "magnesium"),
        ("Take 200 mg of magnesium for over 4 weeks.", "magnesium"),
        ("Magnesium works, but is not an answer for everyone.", "magnesium"),
        ("If you drink banana smoothies, do so an hour before bed.", "banana"),
        ("For occasional cramps, choose over the counter magnesium.", "magnesium"),
        ("Avoid: cramps with these tips - magnesium, stretching and bananas.", "magnesium"),
        ("If you take magnesium, take it at night.", "magnesium"),
    ],
)
def test_advice_beside_a_fifth_round_of_warnings_is_still_advice(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds - {"cause", "caution"}


def _with_tobacco():
    from claims.ingest.brands import brand_table
    from claims.ingest.catalogue_lexicon import lexicon_from_parts
    from claims.ingest.learned import Example
    from claims.ingest.lexicon import RemedyData
    from tests.ingest.conftest import REMEDIES

    remedies = [*REMEDIES, RemedyData("tobacco", "food_drink", ("smoking", "smoke"))]
    examples = [
        Example(remedy, f"{n}.txt", "It provokes cramps.", kind="cause")
        for n in range(3)
        for remedy in ("tobacco", "alcohol", "diuretics")
    ]
    return lexicon_from_parts(remedies, examples, {}, brand_table(), drugs=False)


# From a sixth hostile review: regressions of the fifth round's fixes, and more labels.
@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Folk remedies that may be harmful\n- Quinine\n- Bananas\n", "quinine"),
        ("Tips that don't work\n- Quinine\n", "quinine"),
        ("The worst thing you can do\n- Drink coffee late\n", "caffeine"),
        ("Avoid these: bananas, late meals and anything that gives you cramps.", "banana"),
        ("Remedies to avoid\n- Quinine\n- Tonic water\n", "quinine"),
        ("Home remedies you should avoid\n- Quinine\n", "quinine"),
        ("Bad for cramps: bananas, coffee and apples.", "banana"),
        ("Quinine relieves cramps but isn't worth the risk.", "quinine"),
        ("Never safe\n- Quinine\n", "quinine"),
        ("Not considered safe during pregnancy\n- Quinine\n", "quinine"),
        ("Don't take these without a doctor's advice\n- Quinine\n", "quinine"),
        ("Quinine is not a long-term solution.", "quinine"),
        ("Keep magnesium under 350 mg a day.", "magnesium"),
    ],
)
def test_a_sixth_round_of_warnings_is_never_a_benefit(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and kinds <= {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("If you take magnesium, you may notice fewer cramps.", "magnesium"),
        ("If you take magnesium regularly, cramps can become less frequent.", "magnesium"),
        ("People who take magnesium at night often sleep better.", "magnesium"),
        ("If you are taking magnesium for cramps, you can also eat bananas.", "magnesium"),
        ("Foods linked to fewer cramps\n- Bananas\n- Apples\n", "banana"),
        ("When stretching doesn't help\n- Massage the calf\n", "massage"),
        ("Cramp relief in under 5 minutes: eat a banana.", "banana"),
        ("Give children under 12 a smaller dose: 250 mg of magnesium.", "magnesium"),
        ("Natural remedies without harmful side effects:\n\n- massage\n- magnesium\n", "magnesium"),
    ],
)
def test_advice_beside_a_sixth_round_of_warnings_is_still_advice(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds - {"cause", "caution"}


def test_what_is_kept_away_from_a_drug_taken_is_an_interaction_caution(lexicon):
    # "If you take sleeping pills, avoid alcohol" was "alcohol can provoke insomnia", for everyone
    assert kinds_of("If you take quinine, avoid alcohol completely.", lexicon, "alcohol") == {"caution"}
    assert kinds_of("Avoid alcohol completely.", lexicon, "alcohol") == {"cause"}


def test_a_list_under_what_helps_is_advice():
    # a habit named alone says nothing of itself and was dropped; under "What helps" it is advised
    from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files

    text = "## What helps\n\n- A warm bath\n- Chamomile tea\n"
    assert kinds_of(text, lexicon_from_catalogue_files(), "warm bath", "insomnia") - {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition", "expected"),
    [
        ("Blood thinners such as warfarin make nosebleeds more likely.", "warfarin", "nosebleeds", {"cause"}),
        ("Overusing decongestant nasal sprays dries the lining.", "decongestants", "nosebleeds", {"cause"}),
        ("Castor oil is a harsh purgative and best left in the past.", "castor oil", "constipation", {"caution"}),
        ("Small studies have looked at magnesium, but the evidence isn't strong enough to recommend it.",
         "magnesium", "period pain", {"caution"}),
        ("Trials of magnesium have been disappointing.", "magnesium", "period pain", {"caution"}),
        ("Ibuprofen can irritate the stomach lining.", "ibuprofen", "headache", {"caution"}),
        ("And four that don't\n\n1. Paracetamol on its own. Trials found it works poorly.", "paracetamol",
         "back pain", {"caution"}),
        ("Coconut oil: it may soften the flakes at first, but like other oils it can make matters worse.",
         "coconut oil", "dandruff", {"cause"}),
        # parties to an interaction
        ("Leave at least two hours between an antacid and iron tablets, levothyroxine or ciprofloxacin.",
         "levothyroxine", "heartburn", {"caution"}),
        ("Fexofenadine is absorbed less well if you take it with grapefruit or apple juice.", "grapefruit",
         "hay fever", {"caution"}),
        ("Omeprazole can make clopidogrel less effective, so if you take clopidogrel, check with your pharmacist.",
         "clopidogrel", "heartburn", {"caution"}),
        ("Trimethoprim can raise potassium levels if taken alongside medicines such as spironolactone.",
         "spironolactone", "cystitis", {"caution"}),
        # from a fifth blind set
        ("Petroleum jelly and butter are best kept away too, as they trap heat in the skin.", "butter", "sunburn",
         {"caution"}),
        ("Bicarbonate of soda and vinegar are based on the idea of neutralising the venom, but there's no "
         "evidence that either does anything useful.", "sodium bicarbonate", "insect bites", {"caution"}),
        ("Arnica creams are popular, but there's little convincing evidence that they speed up healing.",
         "arnica", "sprained ankle", {"caution"}),
        ("Medicines such as ciclosporin can make warts more numerous and harder to clear.", "cyclosporine", "warts",
         {"cause"}),
        ("Heat and massage increase swelling in the early stage and can slow your recovery.", "massage",
         "sprained ankle", {"caution"}),
        ("Most travellers' diarrhoea doesn't need antibiotics.", "antibiotics", "travellers' diarrhoea",
         {"caution"}),
    ],
)  # fmt: skip
def test_a_seventh_round_of_warnings_is_never_a_benefit(text, remedy, condition, expected):
    # read with the whole catalogue's lexicon: warfarin and the decongestants are not in the small one
    assert kinds_of(text, lexicon_from_catalogue_files(), remedy, condition) == expected


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Magnesium is not a disappointing choice: it helps.", "magnesium"),
        ("Ten remedies that work\n\n1. Magnesium. It helps many.", "magnesium"),
        ("Magnesium can be taken alongside stretching exercises.", "magnesium"),
    ],
)
def test_advice_beside_a_seventh_round_of_warnings_is_still_advice(lexicon, text, remedy):
    found = kinds_of(text, lexicon, remedy)
    assert found and found <= {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        # from a hostile review of the rules above: advice they must leave alone
        ("Iron is absorbed less well if you take it with tea, so drink orange juice with it instead.", "orange juice",
         "night leg cramps"),
        ("Leave two to three hours between your last meal and lying down, and take an antacid if symptoms come on.",
         "antacids", "heartburn"),
        ("Drinks that keep you awake:\n- Coffee\n- Cola\n\nAnd drinks that don't:\n- Chamomile tea\n- Warm milk",
         "chamomile tea", "insomnia"),
        ("Regular exercise makes you more likely to sleep soundly.", "physical exercise", "insomnia"),
        ("Walking can burn 300 calories an hour and helps you sleep better.", "walking", "insomnia"),
        ("Ibuprofen won't heal a slipped disc, but it reduces the pain and swelling.", "ibuprofen", "back pain"),
        ("The results for physiotherapy were far from disappointing: most people improved.", "physiotherapy",
         "back pain"),
        ("A single stretch isn't enough to prevent cramps, so stretch three times a day.", "stretching",
         "night leg cramps"),
    ],
)  # fmt: skip
def test_advice_a_hostile_review_found_lost_is_advice(text, remedy, condition):
    found = kinds_of(text, lexicon_from_catalogue_files(), remedy, condition)
    assert found & {"relief", "treatment", "prevention"} and not found & {"cause"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Rubbing the calf with quinine will do nothing useful and may hurt the skin.", "quinine"),
        ("Bananas do nothing to ease the pain.", "banana"),
        ("Magnesium does little or nothing to shorten an attack.", "magnesium"),
        ("A large trial found magnesium gave no more benefit than a placebo.", "magnesium"),
        ("Quinine showed no clear benefit in older adults.", "quinine"),
        ("Quinine might seem to ease the pain at first, but it can harm the heart.", "quinine"),
        ("Magnesium may seem to calm the muscle at first, but the pain soon comes back.", "magnesium"),
        ("People swear by quinine, but it can harm the heart, so skip it.", "quinine"),
        ("Bananas are a waste of money, so give them a miss.", "banana"),
    ],
)
def test_a_remedy_said_to_do_nothing_useful_is_no_benefit(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and not kinds & {"relief", "treatment", "prevention"}


def test_doing_nothing_to_harm_is_not_denying_a_benefit(lexicon):
    assert "caution" not in kinds_of(
        "Magnesium does nothing to harm the baby, and it eases cramps.", lexicon, "magnesium"
    )


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Try stretching, because stress makes cramps worse.", "stretching"),
        ("Massage and stretching, because stress and anxiety tend to make cramps worse.", "massage"),
        ("Massage helps, since tension can make cramps louder.", "massage"),
        ("Children who eat bananas are more likely to have healthy teeth.", "banana"),
    ],
)
def test_what_a_reason_s_own_subject_worsens_or_another_likelihood_is_no_harm_of_the_remedy(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and not kinds & {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Coffee, because it is acidic, makes cramps worse.", "caffeine"),
        ("Alcohol tends to make cramps louder and more intense.", "alcohol"),
        ("People exposed to alcohol are more likely to have cramps.", "alcohol"),
        ("Babies exposed to diuretics are more likely to develop cramps.", "diuretics"),
    ],
)
def test_what_makes_the_condition_louder_or_more_likely_is_a_cause(lexicon, text, remedy):
    assert kinds_of(text, lexicon, remedy) == {"cause"}


def test_an_outbreak_or_a_breakout_is_an_episode_of_the_condition(lexicon):
    for text in ("Magnesium can make an outbreak more likely.", "Magnesium can make breakouts worse."):
        kinds = kinds_of(text, lexicon, "magnesium", "cold sores")
        assert kinds and not kinds & {"relief", "treatment", "prevention"}


def test_giving_it_or_skipping_something_else_denies_nothing(lexicon):
    assert kinds_of("Magnesium relieves cramps. Give it to your child with food.", lexicon, "magnesium") == {
        "treatment"
    }
    assert kinds_of("Magnesium works, so skip the expensive brands.", lexicon, "magnesium") == {"treatment"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Bananas are not a good choice at night.", "banana"),
        ("Quinine isn't needed for most cramps.", "quinine"),
        ("Magnesium is harmless, but there's nothing to show it prevents cramps.", "magnesium"),
        ("Bananas and coffee can all irritate the stomach.", "banana"),
    ],
)
def test_not_a_good_choice_not_needed_and_nothing_to_show_it_works_are_no_benefit(lexicon, text, remedy):
    kinds = kinds_of(text, lexicon, remedy)
    assert kinds and "caution" in kinds


def test_not_necessary_to_do_it_a_certain_way_denies_nothing(lexicon):
    text = "Stretch your calves before bed. It isn't necessary to hold each stretch for long."
    assert kinds_of(text, lexicon, "stretching") == {"relief"}


def test_an_emphatic_nothing_for_denies_the_benefit(lexicon):
    for text in ("Magnesium does precisely nothing for cramps.", "Bananas will do nothing whatsoever for cramps."):
        remedy = "magnesium" if text.startswith("Magnesium") else "banana"
        kinds = kinds_of(text, lexicon, remedy)
        assert kinds and not kinds & {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        (
            "Copper bracelets and magnetic wristbands have been tested in trials and make no difference to pain.",
            "copper bracelets",
            "osteoarthritis of the knee",
        ),
        ("Probiotics: the evidence that they prevent travellers' diarrhoea is weak.", "probiotics", "diarrhoea"),
        ("The evidence that cough medicines shorten a cough is thin.", "cough medicine", "dry cough"),
        ("Feverfew has mixed results.", "feverfew", "migraine"),
        ("The evidence for valerian is weak, and it can add to the drowsiness of sedatives.", "valerian", "insomnia"),
    ],
)
def test_no_difference_weak_evidence_that_it_works_and_mixed_results_are_no_benefit(text, remedy, condition):
    kinds = kinds_of(text, lexicon_from_catalogue_files(), remedy, condition)
    assert kinds == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Ginger makes a real difference to nausea for many women.", "ginger", "nausea"),
        ("The evidence for ginger is good.", "ginger", "nausea"),
        ("Feverfew has shown good results in trials.", "feverfew", "migraine"),
    ],
)
def test_a_difference_made_and_good_evidence_stay_a_benefit(text, remedy, condition):
    kinds = kinds_of(text, lexicon_from_catalogue_files(), remedy, condition)
    assert kinds and kinds <= {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Breastfeeding lowers the risk of sudden infant death.", "breastfeeding", {"prevention"}),
        ("Oily fish cuts the risk of heart disease.", "oily fish", {"prevention"}),
        ("Sunscreen reduces your risk of skin cancer.", "sunscreen", {"prevention"}),
        ("Aspirin increases the risk of bleeding.", "acetylsalicylic acid", {"caution"}),
        ("There is a risk of dependence with codeine.", "codeine", {"caution"}),
    ],
)
def test_lowering_a_risk_is_a_prevention_and_a_risk_a_caution(text, remedy, expected):
    assert kinds_of(text, lexicon_from_catalogue_files(), remedy, "headache") == expected


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Taking antibiotics doesn't lower the risk of complications.", "antibiotics", {"caution"}),
        ("Echinacea does not lower the risk of catching a cold.", "echinacea", {"caution"}),
        ("Breastfeeding lowers your baby's risk of infections.", "breastfeeding", {"prevention"}),
        ("Copper bracelets make little difference to pain.", "copper bracelets", {"caution"}),
        ("It makes no difference whether you use an ice pack or a heat pack: both ease the pain.", "heating pad",
         {"relief"}),
    ],
)  # fmt: skip
def test_a_risk_not_lowered_and_a_difference_not_made_are_denials_a_choice_that_makes_none_is_not(
    text, remedy, expected
):
    assert kinds_of(text, lexicon_from_catalogue_files(), remedy, "back pain") == expected


@pytest.mark.parametrize(
    ("text", "condition", "advised", "kept_away"),
    [
        ("Eat smaller meals and don't eat late at night.", "heartburn", "small frequent meals", "late-night eating"),
        ("Keep a bottle of water by the bed, but don't drink coffee after noon.", "night leg cramps", "fluid intake",
         "caffeine"),
        ("Stay active and don't drink coffee after noon.", "insomnia", "physical exercise", "caffeine"),
    ],
)  # fmt: skip
def test_an_order_then_and_dont_keeps_the_first_orders_benefit(text, condition, advised, kept_away):
    found = {(p.remedy, p.kind) for p in propose(text, lexicon_from_catalogue_files(), condition)}
    assert {kind for remedy, kind in found if remedy == advised} <= {"relief", "treatment", "prevention"}
    assert {kind for remedy, kind in found if remedy == advised}
    assert {kind for remedy, kind in found if remedy == kept_away} <= {"cause", "caution"}


# "Heat helps, but ibuprofen should not be taken in pregnancy": the part that opens on another
# remedy is that remedy's, and whom it names too; the heat is no pregnancy caution.
@pytest.mark.parametrize(
    ("text", "first", "then"),
    [
        ("Heat helps, but ibuprofen should not be taken in pregnancy.", "heat", "ibuprofen"),
        ("A hot bath helps, but taking ibuprofen isn't safe in pregnancy.", "warm bath", "ibuprofen"),
        ("Magnesium helps, but quinine must not be taken in pregnancy.", "magnesium", "quinine"),
    ],
)
def test_whom_a_part_about_another_remedy_names_is_that_remedys(catalogue_lexicon, text, first, then):  # noqa: F811
    found = {(p.remedy, p.kind, p.population) for p in propose(text, catalogue_lexicon, "back pain")}
    assert {(kind, who) for remedy, kind, who in found if remedy == first} <= {
        ("treatment", None),
        ("prevention", None),
        ("relief", None),
    }
    assert (then, "caution", "pregnancy") in found


@pytest.mark.parametrize(
    ("text", "remedy", "whom"),
    [
        ("Paracetamol is fine for children, but aspirin is not.", "paracetamol", "children"),  # its own part
        ("Give children paracetamol; never aspirin.", "acetylsalicylic acid", "children"),  # said before it
        ("Magnesium helps, but in pregnancy ask your midwife first.", "magnesium", "pregnancy"),  # no other remedy
    ],
)
def test_whom_a_sentence_names_stays_when_no_other_remedy_takes_the_part(catalogue_lexicon, text, remedy, whom):  # noqa: F811
    assert whom in {p.population for p in propose(text, catalogue_lexicon, "headache") if p.remedy == remedy}


# A denial after "but" with "studies" as its subject, or of healing faster when nothing good was said, is
# the remedy's.
@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("Soy isoflavones: some women swear by them, but studies haven't shown a clear benefit.", "hot flushes", "soy"),
        ("Calamine lotion is harmless, but it won't make the spots heal any faster.", "chickenpox", "calamine"),
    ],
)
def test_a_benefit_denied_after_but_in_few_words(catalogue_lexicon, text, condition, remedy):  # noqa: F811
    found = {p.kind for p in propose(text, catalogue_lexicon, condition) if remedy in p.surface.lower()}
    assert found == {"caution"}


# ... but not healing faster denied after relief said, nor
# another use or condition denied ("won't help a cold" in an article on hay fever).
@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("Ibuprofen eases the pain of a sprain but won't make it heal any faster.", "sprain", "ibuprofen"),
        ("Cetirizine works well for hay fever but won't help a cold.", "hay fever", "cetirizine"),
        ("Olive oil drops are good for softening earwax but won't help glue ear.", "earwax", "olive oil"),
    ],
)
def test_good_said_stays_when_the_denial_is_anothers_or_of_a_cure_only(catalogue_lexicon, text, condition, remedy):  # noqa: F811
    found = {p.kind for p in propose(text, catalogue_lexicon, condition) if remedy in p.surface.lower()}
    assert found and found <= {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    "text",
    [
        # its name in bold, as pages write it: the good is still said at the sentence's head
        "**Ibuprofen** eases the pain, but don't take it if you have a stomach ulcer.",
        # a dash, not "but", before whom it is not for
        "Ibuprofen may work better — take it with food, and don't take it if you have a stomach ulcer.",
    ],
)
def test_good_said_then_denied_to_some_in_bold_or_after_a_dash(catalogue_lexicon, text):  # noqa: F811
    found = {(p.kind, p.population) for p in propose(text, catalogue_lexicon, "frozen shoulder")
             if p.remedy == "ibuprofen"}  # fmt: skip
    benefits = {(kind, who) for kind, who in found if kind != "caution"}
    assert ("caution", "gastrointestinal") in found and len(benefits) == 1 and benefits.pop()[1] is None


# Whom a sentence keeps a remedy from is never whom its benefit is for: "Statins treat high
# cholesterol (pregnancy)" said the opposite of "they aren't suitable in pregnancy".
@pytest.mark.parametrize(
    ("text", "condition", "remedy", "whom"),
    [
        ("- **Statins** are the main medicine, but they aren't suitable in pregnancy.", "high cholesterol", "statins",
         "pregnancy"),
        ("Feverfew may help, but it shouldn't be used in pregnancy.", "headache", "feverfew", "pregnancy"),
        ("Paracetamol is the alternative if you can't take ibuprofen, for instance if you have had a stomach ulcer "
         "or are more than 30 weeks pregnant.", "toothache", "ibuprofen", "pregnancy"),
        ("Gargling with warm salt water can ease the soreness, although it's not suitable for young children.",
         "laryngitis", "salt water gargle", "children"),
    ],
)  # fmt: skip
def test_a_benefit_is_never_for_whom_the_sentence_keeps_it_from(catalogue_lexicon, text, condition, remedy, whom):  # noqa: F811
    found = {(p.kind, p.population) for p in propose(text, catalogue_lexicon, condition) if p.remedy == remedy}
    assert found
    assert not {(kind, who) for kind, who in found if who == whom and kind in ("relief", "treatment", "prevention")}


def test_whom_a_benefit_is_said_safe_for_stays_its(catalogue_lexicon):  # noqa: F811
    # a condition the sentence opens with is no restriction
    text = "If these don't help, your midwife can prescribe omeprazole, which is considered safe in pregnancy."
    found = {(p.kind, p.population) for p in propose(text, catalogue_lexicon, "heartburn") if p.remedy == "omeprazole"}
    assert found == {("treatment", "pregnancy")}


# Whom a sentence keeps a remedy from, wherever it names them, is no one its benefit is for (cases
# from the review of populations that still gave such a benefit at 81f4d52).
@pytest.mark.parametrize(
    ("text", "condition", "word", "forbidden"),
    [
        ("Ibuprofen should be given a miss in pregnancy.", "pain", "ibuprofen", ["benefit:pregnancy"]),
        ("Ibuprofen is inappropriate for pregnant women.", "pain", "ibuprofen", ["benefit:pregnancy"]),
        (
            "Ibuprofen eases pain, but pregnant women should stay away from it.",
            "pain",
            "ibuprofen",
            ["benefit:pregnancy"],
        ),
        (
            "Pregnant women often find that valerian helps them sleep, but it's best avoided.",
            "insomnia",
            "valerian",
            ["benefit:pregnancy"],
        ),
        (
            "In pregnancy valerian may help you sleep, yet it is better avoided.",
            "insomnia",
            "valerian",
            ["benefit:pregnancy"],
        ),
        (
            "Valerian helps sleep in adults; in pregnancy it is best avoided.",
            "insomnia",
            "valerian",
            ["benefit:pregnancy"],
        ),
        (
            "Melatonin helps jet lag; children and pregnant women are advised against it.",
            "jet lag",
            "melatonin",
            ["benefit:children", "benefit:pregnancy"],
        ),
        (
            "A hot bath can ease aching legs, but people with varicose veins should avoid very hot water.",
            "aching legs",
            "bath",
            ["benefit:varicose_veins"],
        ),
        (
            "Cinnamon may lower blood sugar, but people with liver disease should avoid large amounts.",
            "blood sugar",
            "cinnamon",
            ["benefit:liver_disease"],
        ),
        (
            "Melatonin helps jet lag, but in children it's prescription only.",
            "jet lag",
            "melatonin",
            ["benefit:children"],
        ),
        (
            "Ibuprofen is generally well tolerated and eases pain, though it's not advisable for some groups, "
            "e.g. pregnant women.",
            "pain",
            "ibuprofen",
            ["benefit:pregnancy"],
        ),
    ],
)
def test_no_benefit_for_whom_kept_from_it_wherever_named(catalogue_lexicon, text, condition, word, forbidden):  # noqa: F811
    read = {
        f"benefit:{p.population}"
        for p in propose(text, catalogue_lexicon, condition)
        if p.kind in ("relief", "treatment", "prevention") and (word in p.remedy.lower() or word in p.surface.lower())
    }
    assert not set(forbidden) & read, read


def test_whom_a_sentence_says_can_use_it_keep_their_benefit(catalogue_lexicon):  # noqa: F811
    text = "Pregnant women can use ginger but should avoid peppermint oil."
    assert ("treatment", "pregnancy") in {(p.kind, p.population) for p in propose(text, catalogue_lexicon, "heartburn")
                                          if p.remedy == "ginger"}  # fmt: skip
