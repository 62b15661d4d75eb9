"""Short ways an article refuses a remedy or sets it against another (claims.ingest.scope,
claims.ingest.lines, claims.ingest.overrule): "Not coffee:", "paracetamol, never aspirin", a
"Don't" line over an order, "Aspirin: not for anyone under 16", a semicolon between two remedies'
claims. Each was proposed as a benefit, or gave its warning to the remedy beside it."""

import pytest

from claims.ingest.propose import propose
from tests.ingest.proposing import BENEFITS, catalogue_lexicon, kinds

lexicon = catalogue_lexicon  # the fixture the tests take


@pytest.mark.parametrize(
    ("text", "refused", "advised", "condition"),
    [
        ("Not coffee: chamomile tea helps you wind down.", "caffeine", "chamomile tea", "insomnia"),
        ("No to quinine: stretch your calves first.", "quinine", "stretching", "night leg cramps"),
        ("Give children paracetamol, never aspirin.", "acetylsalicylic acid", "paracetamol", "headache"),
        ("Children should be given paracetamol, never aspirin.", "acetylsalicylic acid", "paracetamol", "headache"),
        ("Magnesium helps, not quinine.", "quinine", "magnesium", "night leg cramps"),
    ],
)
def test_a_remedy_refused_in_so_many_words_is_a_caution_and_the_other_keeps_its_benefit(
    lexicon, text, refused, advised, condition
):
    assert kinds(text, lexicon, refused, condition) == {"caution"}
    assert kinds(text, lexicon, advised, condition) <= BENEFITS
    assert kinds(text, lexicon, advised, condition)


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Not only magnesium helps; potassium does too.", "magnesium", "night leg cramps"),
        ("Chamomile tea\nNot a sedative, but it helps you wind down.", "sedatives", "insomnia"),  # what it is
        ("Quinine is not the only option; stretching helps too.", "stretching", "night leg cramps"),
    ],
)
def test_not_only_and_not_a_kind_of_thing_refuse_nothing(lexicon, text, remedy, condition):
    assert "caution" not in kinds(text, lexicon, remedy, condition)


@pytest.mark.parametrize(
    "text",
    [
        "Quinine is not an option.",
        "Quinine is sold in tonic water. This does not make it a safe cramp remedy.",
    ],
)
def test_not_an_option_and_not_made_safe_deny_the_benefit(lexicon, text):
    assert kinds(text, lexicon, "quinine") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Sleeping pills can be habit-forming.", "hypnotics", {"caution"}),
        ("Sleeping pills are addictive.", "hypnotics", {"caution"}),
        ("Valerian is not addictive and helps you sleep.", "valerian", {"treatment"}),
        ("Is valerian habit-forming? No. Many people take it for a few weeks to help them sleep.", "valerian", None),
    ],
)
def test_habit_forming_is_a_caution_not_when_denied_or_asked(lexicon, text, remedy, expected):
    found = kinds(text, lexicon, remedy, "insomnia")
    if expected is None:
        assert "caution" not in found
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("text", "condition", "expected"),
    [
        ("Peppermint tea\nAvoid if you have heartburn.", "heartburn", {"caution"}),
        ("Peppermint tea: avoid if you have heartburn.", "heartburn", {"caution"}),
        ("Peppermint tea\nAvoid if you have a stomach ulcer.", "heartburn", {"caution", "treatment"}),
    ],
)
def test_a_restriction_to_people_without_the_condition_itself_leaves_no_benefit(lexicon, text, condition, expected):
    assert kinds(text, lexicon, "peppermint tea", condition) == expected


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("People taking statins may get cramps; stretching can help.", "statins", {"cause"}),
        ("People taking statins may get cramps; stretching can help.", "stretching", {"relief"}),
        ("Statins may cause cramps; stretching helps.", "stretching", {"relief"}),
        ("Quinine is banned; stretching helps.", "stretching", {"relief"}),
        ("Take magnesium; it helps.", "magnesium", {"treatment"}),  # the part after speaks of it again
        ("Athletes often get cramps; magnesium helps.", "magnesium", {"treatment"}),
    ],
)
def test_a_semicolon_keeps_each_remedys_claim_to_its_own_part(lexicon, text, remedy, expected):
    assert kinds(text, lexicon, remedy) == expected


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Melatonin helps with jet lag. It should not be used by pregnant women.", "pregnancy"),
        ("Melatonin\nNot for children.", "children"),
    ],
)
def test_a_restriction_said_after_the_remedy_gives_its_caution_whom_it_names(lexicon, text, population):
    cautions = {p.population for p in propose(text, lexicon, "insomnia") if p.kind == "caution"}
    assert cautions == {population}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Does codeine help migraines? It may dull the pain, but it often makes headaches more frequent.", "codeine",
         "migraine"),
        ("Quinine reduces cramps a little. Even so, the risks are too high.", "quinine", "night leg cramps"),
        ("Quinine helps cramps. Or so people thought.", "quinine", "night leg cramps"),
        ("Coffee and green tea contain caffeine. They can keep you awake for hours.", "green tea", "insomnia"),
        ("Mistake No. 4: drinking alcohol to help you sleep.", "alcohol", "insomnia"),
        ("Myth - coffee helps you sleep.", "caffeine", "insomnia"),
    ],
)  # fmt: skip
def test_what_the_next_sentence_takes_back_and_a_mistake_named_are_cautions(lexicon, text, remedy, condition):
    assert kinds(text, lexicon, remedy, condition) == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Mistake: not taking magnesium on busy days.", "magnesium", "night leg cramps"),
        ("Magnesium helps cramps. It is cheap and safe.", "magnesium", "night leg cramps"),
        ("Melatonin is a hormone. This is why bright light before bed can keep you awake.", "melatonin", "insomnia"),
    ],
)
def test_a_mistake_of_leaving_it_out_and_a_next_sentence_about_something_else_keep_it(lexicon, text, remedy, condition):
    assert "caution" not in kinds(text, lexicon, remedy, condition)


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Quinine relieves cramps; unlike magnesium, though, it can damage your blood cells.", "quinine",
         "night leg cramps"),
        ("Magnesium helps — not quinine.", "quinine", "night leg cramps"),
        ("A quick guide.\nQuinine: not an option.", "quinine", "night leg cramps"),
        ("Quinine is not really an option.", "quinine", "night leg cramps"),
        ("Sleeping pills are sold in every pharmacy. Still, that does not make them safe.", "hypnotics", "insomnia"),
        ("No aspirin for under-16s.", "acetylsalicylic acid", "headache"),
        ("Quinine? No.", "quinine", "night leg cramps"),
        ("Children may take paracetamol. Aspirin? Never.", "acetylsalicylic acid", "headache"),
        ("Stretching: yes. Quinine: no.", "quinine", "night leg cramps"),
        ("Peppermint tea\nPeople with heartburn should avoid it.", "peppermint tea", "heartburn"),
        ("**Don't**\nDrink coffee after 2 p.m.", "caffeine", "insomnia"),
        ("Please don't\nDrink coffee after 2 p.m.", "caffeine", "insomnia"),
        ("Never ever\nGive aspirin to children under 16.", "acetylsalicylic acid", "headache"),
        ("Try\nSkipping coffee after lunch.", "caffeine", "insomnia"),
        ("Try\nNot to drink coffee after noon.", "caffeine", "insomnia"),
        ("Magnesium is safe, unlike sleeping pills, which should be used only short-term.", "hypnotics", "insomnia"),
        ("Yes to stretching, no to quinine.", "quinine", "night leg cramps"),
        ("Children: paracetamol yes, aspirin no.", "acetylsalicylic acid", "headache"),
        ("Quinine is sold in tonic water, but this does not mean it is safe.", "quinine", "night leg cramps"),
        ("People can get hooked on sleeping pills.", "hypnotics", "insomnia"),
        ("Quinine is off the table.", "quinine", "night leg cramps"),
        ("Sleeping pills are best left on the shelf.", "hypnotics", "insomnia"),
        ("Don't do this\nDrink coffee after 2 p.m.", "caffeine", "insomnia"),
        ("Never\nTake quinine for cramps.", "quinine", "night leg cramps"),
        ("#### Do not\nTake quinine for cramps.", "quinine", "night leg cramps"),
        ("Peppermint tea\nNot a good idea if you get heartburn.", "peppermint tea", "heartburn"),
        ("A quick guide.\nPeppermint tea: best avoided by people with heartburn.", "peppermint tea", "heartburn"),
        ("Quinine—not an option.", "quinine", "night leg cramps"),
        ("Quinine for cramps? Not any more.", "quinine", "night leg cramps"),
        ("Try\nLess coffee in the afternoon.", "caffeine", "insomnia"),
        ("Try this\nA week without alcohol.", "alcohol", "insomnia"),
        ("Try\nWeaning yourself off sleeping pills with your doctor's help.", "hypnotics", "insomnia"),
    ],
)  # fmt: skip
def test_more_ways_of_refusing_a_remedy_leave_it_no_benefit(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & BENEFITS


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Never\nMiss your evening stretches.", "stretching", "night leg cramps"),
        ("Avoid\nCramps by stretching your calves before bed.", "stretching", "night leg cramps"),
        ("Don't\nLie awake for hours: get up and try some deep breathing.", "deep breathing", "insomnia"),
        ("Melatonin isn't habit-forming and helps jet lag.", "melatonin", "insomnia"),
        ("Valerian is unlikely to be habit-forming.", "valerian", "insomnia"),
        ("Magnesium isn't a bad option for most people.", "magnesium", "night leg cramps"),
        ("Not melatonin alone: pair it with a regular bedtime.", "melatonin", "insomnia"),
        ("Antacids\nAvoid large meals if you have heartburn; antacids help.", "antacids", "heartburn"),
        ("Is stretching just for athletes? No. Anyone with cramps can benefit.", "stretching", "night leg cramps"),
        ("Avoid\nNight cramps: stretch before bed.", "stretching", "night leg cramps"),
        ("Add a drop of valerian tincture to warm milk.", "valerian tincture", "insomnia"),  # a drop: no "drop"
    ],
)  # fmt: skip
def test_advice_under_a_refusal_or_beside_a_denied_harm_keeps_its_benefit(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & {"caution", "cause"}


def test_what_a_remedy_is_unlike_is_not_said_of_it(lexicon):
    text = "Quinine relieves cramps; unlike magnesium, though, it can damage your blood cells."
    assert kinds(text, lexicon, "magnesium") == set()
    assert kinds(text, lexicon, "quinine") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Don't hesitate to try magnesium.", "magnesium", "night leg cramps"),
        ("Don't be afraid to take paracetamol for a headache.", "paracetamol", "headache"),
        ("Never underestimate how much a warm bath helps you sleep.", "warm bath", "insomnia"),
        ("You can't go wrong with stretching.", "stretching", "night leg cramps"),
        ("It's never too late to start stretching; it helps at any age.", "stretching", "night leg cramps"),
        ("Do not stop stretching even when the cramps ease.", "stretching", "night leg cramps"),
        ("Neither melatonin nor valerian is habit-forming; both can help you sleep.", "valerian", "insomnia"),
        ("Don't\nGive up on magnesium too soon; it can take weeks to help.", "magnesium", "night leg cramps"),
        ("Never\nGo to bed without stretching your calves.", "stretching", "night leg cramps"),
        ("Avoid\nDehydration: drink plenty of water through the day.", "fluid intake", "headache"),
    ],
)
def test_encouragement_said_with_a_negation_is_advice(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & {"caution", "cause"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Quinine tablets were once the standard. Today doctors advise against them.", "quinine", "night leg cramps"),
        ("Quinine is available. Availability does not make it a good cramp remedy.", "quinine", "night leg cramps"),
        ("You may have heard that aspirin helps a child's headache. It can cause Reye's syndrome.",
         "acetylsalicylic acid", "headache"),
        ("Some say quinine stops cramps. There is no good evidence, and it has serious side effects.", "quinine",
         "night leg cramps"),
        ("Quinine? Forget it.", "quinine", "night leg cramps"),
        ("Sleeping pills may help at first; the effect, as with alcohol, wears off, and dependence follows.",
         "hypnotics", "insomnia"),
        ("Alcohol may help you nod off; but, like sleeping pills, it ruins deep sleep.", "alcohol", "insomnia"),
        ("Alcohol might help you fall asleep, but you'll sleep worse.", "alcohol", "insomnia"),
        ("Painkillers help, but not every day.", "analgesics", "headache"),
        ("Sleeping pills knock you out; unlike a warm bath, they leave you groggy and dependent.", "hypnotics",
         "insomnia"),
        ("A quick guide.\nSleeping pills: they stop working and are hard to give up", "hypnotics", "insomnia"),
        ("These may help\nCutting out coffee\nDrinking less alcohol", "alcohol", "insomnia"),
        ("Tonic water for cramps is an old wives' tale; quinine is risky.", "quinine", "night leg cramps"),
        ("Natural sleep aids are sold everywhere. But natural doesn't mean safe: valerian can upset the liver.",
         "valerian", "insomnia"),
    ],
)  # fmt: skip
def test_warnings_said_after_or_around_the_benefit_leave_it_none(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & BENEFITS


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Codeine slows the gut and is best avoided.", "codeine", "constipation"),
        ("Temazepam and diazepam are rarely a good idea in later life.", "diazepam", "insomnia"),
        ("Products containing bismuth, such as Pepto-Bismol, are best avoided while pregnant.", "bismuth",
         "heartburn"),
        ("One small study suggested fewer colds with garlic, but the evidence is poor.", "garlic", "common cold"),
        ("Combination products such as Migraleve contain codeine. I'd avoid them.", "codeine", "migraine"),
        ("Foods that make it worse\nChocolate\nSpicy food\nCoffee", "spicy food", "heartburn"),
        ("Things that make hiccups more likely\nFizzy drinks\nSpicy food", "spicy food", "hiccups"),
        ("Common causes\nSome medicines, for example diuretics, statins and some asthma inhalers", "statins",
         "night leg cramps"),
        ("Medicines that constipate\nCodeine, iron tablets and some antidepressants are common culprits.", "codeine",
         "constipation"),
        ("Peppermint\nMakes reflux worse; avoid\nChamomile tea\nGentle, fine to try", "peppermint", "heartburn"),
        ("Remedy\nVerdict\nVitamin E\nNo good evidence; not recommended", "vitamin E", "night leg cramps"),
        ("Benzodiazepines\nThey increase the risk of falls in older people.", "benzodiazepines", "insomnia"),
        ("Can I take Nurofen?\nNot in pregnancy unless prescribed.", "ibuprofen", "headache"),
        ("Is garlic good for colds?\nThe evidence is poor.", "garlic", "common cold"),
        ("Medication-overuse headache\nCodeine is the worst offender, so avoid codeine for headaches.", "codeine",
         "headache"),
        ("Antacids can stop some medicines being absorbed.", "antacids", "heartburn"),
        # the medicine taken says whom (claims.ingest.details): the warning is of garlic
        ("Garlic supplements can increase bleeding in people taking warfarin.", "garlic", "common cold"),
        ("Doubling the dose of paracetamol puts your liver at risk.", "paracetamol", "headache"),
        ("Using triptans on more than ten days a month can turn migraine into daily headache.", "triptans",
         "migraine"),
        ("Don't combine valerian with alcohol or sleeping tablets.", "valerian", "insomnia"),
        ("Take them at least two hours apart from iron tablets and some antibiotics such as ciprofloxacin.",
         "ciprofloxacin", "constipation"),
        ("Give children paracetamol (never aspirin).", "acetylsalicylic acid", "headache"),
    ],
)  # fmt: skip
def test_warnings_of_whole_articles_leave_the_warned_remedy_no_benefit(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & BENEFITS


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Paracetamol is a good option if you can't take anti-inflammatories.", "paracetamol", "headache"),
        ("Stretching the calf muscle regularly, even when you do not have a cramp, can make cramps less frequent.",
         "stretching", "night leg cramps"),
        ("Breathe into a paper bag for a minute (never a plastic bag).", "paper bag breathing", "hiccups"),
        ("Give children paracetamol (never aspirin).", "paracetamol", "headache"),
        ("* **Drink a large glass of water.** Mild dehydration is a frequent trigger.", "fluid intake", "headache"),
        ("Ginger powder eased migraine about as well as sumatriptan, with fewer side effects.", "ginger powder",
         "migraine"),
        ("Don't combine valerian with alcohol or sleeping tablets.", "alcohol", None),  # an interaction: a caution
    ],
)  # fmt: skip
def test_advice_beside_a_negated_condition_an_aside_or_fewer_side_effects_keeps_its_benefit(
    lexicon, text, remedy, condition
):
    if condition is None:
        assert kinds(text, lexicon, remedy, "insomnia") == {"caution"}
        return
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & {"caution", "cause"}


def test_a_list_of_medicines_to_avoid_for_whom_the_next_sentence_names_is_their_caution(lexicon):
    text = (
        "Diphenhydramine and doxylamine are sold over the counter as sleep aids. For older adults they are on the "
        "list of medicines to avoid."
    )
    cautions = {(p.remedy, p.population) for p in propose(text, lexicon, "insomnia") if p.kind == "caution"}
    assert {("diphenhydramine", "elderly"), ("doxylamine", "elderly")} <= cautions


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Codeine and other opioid painkillers are rarely needed.", "codeine", "back pain"),
        ("Aspirin isn't suitable for children.", "acetylsalicylic acid", "headache"),
        ('## Myths\n\n**"A glass of milk soothes heartburn."** The relief lasts a moment.', "milk", "heartburn"),
        ("## Myths\n\n**Vitamin C prevents colds.** Taking it does not stop children catching colds.", "vitamin C",
         "common cold"),
        ("Ginkgo adds to the effect of warfarin.", "warfarin", "headache"),
        ("Valerian adds to the drowsiness from sleeping pills.", "hypnotics", "insomnia"),
        ("Bismuth is not suitable for anyone who takes warfarin.", "bismuth", "diarrhoea"),
        ("Quinine used to be prescribed for cramps but is now considered too risky.", "quinine", "night leg cramps"),
        ("Codeine can also set off hives.", "codeine", "allergies"),
        ("Doxycycline and isotretinoin make the skin more sensitive to the sun.", "doxycycline", "sunburn"),
        ("Try cutting\ndown on coffee and cola.", "caffeine", "insomnia"),
        ("Take ibuprofen; it can cause stomach bleeding.", "ibuprofen", "headache"),
    ],
)  # fmt: skip
def test_warnings_from_a_blind_set_of_articles_leave_the_warned_remedy_no_benefit(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & BENEFITS


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Drink a large glass of water - mild dehydration is a frequent cause.", "fluid intake", "headache"),
        ("Drink water regularly; dehydration can trigger a headache.", "fluid intake", "headache"),
        ("Use paracetamol for pain, because it does not trigger hives.", "paracetamol", "allergies"),
        ("Melatonin does not cause dependence and may help you sleep.", "melatonin", "insomnia"),
        ("A cup of coffee can make your painkiller work a little better.", "caffeine", "headache"),
    ],
)
def test_advice_beside_a_reason_a_denied_cause_or_a_boost_keeps_its_benefit(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & {"caution", "cause"}


def test_what_another_is_no_substitute_for_keeps_its_benefit(lexicon):
    text = "Sports drinks are no substitute for oral rehydration salts."
    assert kinds(text, lexicon, "oral rehydration salts", "diarrhoea") == {"treatment"}
    assert kinds(text, lexicon, "sports drink", "diarrhoea") == {"caution"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Do **not** give aspirin to anyone under 16.", "acetylsalicylic acid", "toothache"),
        ("Some medicines can trigger restless legs:\n\n* sertraline\n* metoclopramide", "metoclopramide",
         "restless legs"),
        ("Studies have not found that honey prevents hay fever.", "honey", "hay fever"),
        ("Phenergan isn't a jet lag treatment.", "promethazine", "jet lag"),
        ("Co-codamol isn't a good long-term answer.", "co-codamol", "period pain"),
        ("Many people drink milk. It isn't a good remedy.", "milk", "indigestion"),
        ("Ibuprofen is not for pain relief in pregnancy unless a doctor prescribes it.", "ibuprofen", "indigestion"),
        ("Clove oil is sometimes recommended for adults, but it is too strong for children.", "clove oil",
         "toothache"),
        ("Cetirizine is commonly used, but chlorphenamine is usually avoided in pregnancy.", "chlorphenamine",
         "hay fever"),
        ("Melatonin isn't suitable for those on warfarin.", "melatonin", "jet lag"),
    ],
)  # fmt: skip
def test_warnings_from_a_second_blind_set_leave_the_warned_remedy_no_benefit(lexicon, text, remedy, condition):
    found = {p.kind for p in propose(text, lexicon, condition) if p.remedy.lower() == remedy}
    assert found and not found & BENEFITS


def test_water_tablets_are_diuretics_and_a_sentence_that_says_so_is_no_lead_in(lexicon):
    assert kinds("Water tablets can bring on gout.", lexicon, "diuretics", "gout") == {"cause"}
    assert kinds("Water tablets can bring on gout.", lexicon, "fluid intake", "gout") == set()
    text = "Risks\nQuinine can cause heart rhythm problems.\nSafer options\nStretching and magnesium."
    found = kinds(text, lexicon, "magnesium")
    assert found and found <= BENEFITS
    assert kinds("Magnesium isn't a cure, but it can help.", lexicon, "magnesium") == {"treatment"}


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("If you are pregnant do not take ibuprofen.", "ibuprofen", "headache"),  # no comma after the condition
        ("Don’t give aspirin to children.", "acetylsalicylic acid", "headache"),  # a typographic apostrophe
        ("You can’t take melatonin with alcohol.", "melatonin", "insomnia"),
        ("If you have been vomiting for more than a day, sports drinks are no substitute for oral rehydration salts.",
         "sports drink", "diarrhoea"),
        ("Sleeping pills taken at low doses are still addictive.", "hypnotics", "insomnia"),
    ],
)  # fmt: skip
def test_a_warning_stands_without_a_comma_with_curly_quotes_and_beside_a_condition(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & BENEFITS


@pytest.mark.parametrize(
    ("text", "remedy", "condition"),
    [
        ("Less research exists on valerian, but it may help you sleep.", "valerian", "insomnia"),
        ("Magnesium is not the only remedy for cramps; stretching helps too.", "magnesium", "night leg cramps"),
        ("Melatonin can bring on sleep quickly.", "melatonin", "insomnia"),
        ("Melatonin has no serious side effects and helps you sleep.", "melatonin", "insomnia"),
        ("Valerian has a low risk of dependence and can help you sleep.", "valerian", "insomnia"),
        ("Avoid these painkillers\nCodeine\nTramadol\nSafer choices\nParacetamol\nIbuprofen", "paracetamol",
         "headache"),
    ],
)  # fmt: skip
def test_less_research_not_the_only_remedy_and_a_safer_list_keep_their_benefit(lexicon, text, remedy, condition):
    found = kinds(text, lexicon, remedy, condition)
    assert found and not found & {"caution", "cause"}


@pytest.mark.parametrize(
    ("text", "population"),
    [
        ("Feverfew is not for you.", None),
        ("Taking warfarin? Feverfew is not for you.", "anticoagulants"),  # a benefit had been proposed (hostile review)
        ("Feverfew is not for you if you are pregnant.", "pregnancy"),
        ("Feverfew is off limits.", None),
        ("Feverfew is off-limits during pregnancy.", "pregnancy"),
    ],
)
def test_not_for_you_and_off_limits_are_cautions(lexicon, text, population):
    found = {(p.remedy, p.kind, p.population) for p in propose(text, lexicon, "migraine")}
    assert found == {("feverfew", "caution", population)}
