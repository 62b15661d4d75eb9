"""The parties to an interaction (claims.ingest.partners): the medicine another makes less effective
or is to be kept hours apart from, and the remedy that does it, are cautions, never advice for the
condition. Each was proposed as a treatment."""

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.partners import interaction, partner
from claims.ingest.propose import propose


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_from_catalogue_files()  # with the drug names: clopidogrel, omeprazole, St John's wort


def kinds(text, lexicon, remedy, condition="insomnia"):
    return {p.kind for p in propose(text, lexicon, condition) if p.remedy == remedy}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Take magnesium 2 hours apart from iron tablets.", "iron", "hours apart from"),
        ("Take calcium two hours before or after levothyroxine.", "levothyroxine", "hours before or after"),
        ("Omeprazole can make clopidogrel less effective.", "clopidogrel", "made less effective"),
        ("Fluvoxamine increases melatonin levels.", "melatonin", "increases its levels"),
        ("St John's wort interacts with warfarin.", "warfarin", "interacts with"),
        ("Take magnesium with food.", "magnesium", ""),
        ("Apart from magnesium, potassium helps too.", "magnesium", ""),  # besides, not apart in time
        ("Eat bananas two hours before exercise.", "exercise", ""),
        ("Magnesium makes muscles less tense.", "muscles", ""),
    ],
)
def test_a_partner_is_named_after_hours_apart_less_effective_or_its_levels(text, name, expected):
    start = text.index(name)
    assert partner(text, start, start + len(name)) == expected


def test_what_acts_on_a_partner_named_after_it_is_a_party_too():
    text = "Omeprazole can make clopidogrel less effective."
    others = ((0, 10), (20, 31))
    assert interaction(text, 0, 10, others) == "acts on clopidogrel"
    text = "Magnesium raises serotonin levels, which helps sleep."  # serotonin is no remedy named
    assert interaction(text, 0, 9, ((0, 9),)) == ""


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Omeprazole can make clopidogrel less effective.", "clopidogrel"),
        ("Omeprazole can make clopidogrel less effective.", "omeprazole"),
        ("Take magnesium 2 hours apart from iron tablets.", "iron"),
        ("St John's wort reduces the effectiveness of the contraceptive pill.", "St John's wort"),
        ("Grapefruit juice raises the blood levels of simvastatin.", "grapefruit"),
    ],
)
def test_the_parties_to_an_interaction_are_cautions(lexicon, text, remedy):
    assert kinds(text, lexicon, remedy) == {"caution"}


def test_the_advice_beside_an_interaction_keeps_its_benefit(lexicon):
    assert kinds("Take magnesium 2 hours apart from iron tablets.", lexicon, "magnesium") == {"treatment"}
    assert kinds("Ascorbic acid and sugar block the effects of stress hormones.", lexicon, "sugar") == {"treatment"}


# What the reader already takes, when the advice points to another medicine in its place: the one
# taken is whom the advice is for (a blood thinner: claims.ingest.details), never advised for the
# condition itself.
@pytest.mark.parametrize(
    "text",
    [
        "People who have stomach ulcers, or who take warfarin, should stick with paracetamol.",
        "Anyone on warfarin should use paracetamol instead.",
        "If you are on warfarin, paracetamol is the safer choice.",
    ],
)
def test_a_medicine_taken_already_with_another_advised_in_its_place_says_whom(lexicon, text):
    assert kinds(text, lexicon, "warfarin", "headache") == set()
    assert kinds(text, lexicon, "paracetamol", "headache") == {"treatment"}
    assert "anticoagulants" in {p.population for p in propose(text, lexicon, "headache")}


def test_a_dose_to_stick_to_keeps_the_medicine_taken_advised(lexicon):
    assert kinds("If you take magnesium, stick to 300 mg a day.", lexicon, "magnesium") == {"treatment"}


def test_said_to_whoever_takes_it_another_in_its_place_is_how_to_take_it(lexicon):
    # "If you take X, use Y instead" is read as advice on X's use; the same words of a blood
    # thinner say whom Y is for (warfarin had been a treatment of headache)
    text = "If you take paracetamol and still have pain, add ibuprofen rather than taking more paracetamol."
    assert kinds(text, lexicon, "paracetamol", "headache") == {"treatment"}
    instead = "If you take warfarin, use paracetamol instead."
    assert {(p.remedy, p.kind, p.population) for p in propose(instead, lexicon, "headache")} == {
        ("paracetamol", "treatment", "anticoagulants")
    }


def test_neither_the_complaint_nor_the_verb_of_such_advice_is_a_new_remedy(lexicon):
    for text in (
        "People who have stomach ulcers, or who take warfarin, should stick with paracetamol.",
        "If you take warfarin, stick with paracetamol rather than ibuprofen.",
    ):
        names = {p.remedy for p in propose(text, lexicon, "headache")}
        assert names == {"paracetamol"}  # warfarin says whom


# A new user's articles (constipation, heartburn, insomnia): each was read the other way round.
@pytest.mark.parametrize(
    ("text", "condition", "read"),
    [
        # two taken together, one acting on the other: both had been treatments of heartburn
        (
            "Taking warfarin with omeprazole may raise its levels.",
            "heartburn",
            {"warfarin": {"caution"}, "omeprazole": {"caution"}},
        ),
        # a list that interacts, and a harm of the interaction: each had been a cause of heartburn,
        # and omeprazole, followed by "and cause side effects", had been taken for an adjective
        (
            "Medicines such as warfarin, sertraline and lithium may interact with omeprazole and cause side effects.",
            "heartburn",
            {name: {"caution"} for name in ("warfarin", "sertraline", "lithium", "omeprazole")},
        ),
        # kept hours apart: antacids had been a cause of heartburn
        (
            "Do not take antacids within two hours of levothyroxine.",
            "heartburn",
            {"antacids": {"caution"}, "levothyroxine": {"caution"}},
        ),
        ("Tramadol can cause seizures and interacts with antidepressants.", "back pain", {"tramadol": {"caution"}}),
        # a second trial's: the medicines the reader takes, listed after "if you take", had been treatments
        (
            "For back pain, paracetamol may be a safer option if you take phenytoin, ketoconazole and carbamazepine.",
            "back pain",
            {
                "paracetamol": {"treatment"},
                "phenytoin": {"caution"},
                "ketoconazole": {"caution"},
                "carbamazepine": {"caution"},
            },
        ),
        (
            "Taking diazepam together with enalapril, furosemide and spironolactone can reduce how well the blood "
            "pressure medicine works.",
            "back pain",
            {name: {"caution"} for name in ("diazepam", "enalapril", "furosemide", "spironolactone")},
        ),
        (
            "Omeprazole can raise the levels of some other medicines, such as diazepam and phenytoin.",
            "heartburn",
            {name: {"caution"} for name in ("omeprazole", "diazepam", "phenytoin")},
        ),
        (
            "Omeprazole and esomeprazole can reduce how well clopidogrel works.",
            "heartburn",
            {name: {"caution"} for name in ("omeprazole", "esomeprazole", "clopidogrel")},
        ),
        # not to be taken together: each had been a cause of back pain
        (
            "Do not take ibuprofen with prasugrel, clopidogrel or warfarin.",
            "back pain",
            {name: {"caution"} for name in ("ibuprofen", "prasugrel", "clopidogrel", "warfarin")},
        ),
        # what is not to be stopped is taken already: zolpidem and painkillers had been causes of back pain
        (
            "Never stop taking zolpidem on your own to make room for a painkiller.",
            "back pain",
            {"zolpidem": {"caution"}},
        ),
    ],
)
def test_an_interaction_is_a_caution_for_its_parties_not_a_benefit_nor_a_cause(lexicon, text, condition, read):
    proposed = {}
    for p in propose(text, lexicon, condition):
        proposed.setdefault(p.remedy, set()).add(p.kind)
    assert {name: proposed.get(name) for name in read} == read, proposed


def test_what_is_not_to_be_stopped_is_no_advice_to_go_on_stopping(lexicon):
    """ "Don't stop stretching when the pain eases" stays advice: what is encouraged, not kept on."""
    assert kinds("Don't stop stretching when the pain eases.", lexicon, "stretching", "night leg cramps") == {"relief"}
    assert kinds("Do not take ibuprofen if you have asthma.", lexicon, "ibuprofen", "back pain") == {"caution"}


def test_what_to_do_next_beside_a_medicine_is_no_new_remedy(lexicon):
    text = "Stop diphenhydramine and seek help if you have trouble urinating."
    assert {p.remedy for p in propose(text, lexicon, "insomnia")} == {"diphenhydramine"}


# A hostile review's: what the interaction rules of the trials above must not take for one.
@pytest.mark.parametrize(
    ("text", "condition", "remedy", "kind"),
    [
        # "within an hour of bedtime" keeps no one apart: magnesium stays advised
        ("Stretch your calves within an hour of bedtime, and take magnesium every evening.", "night leg cramps",
         "magnesium", "treatment"),
        # taken together for the good of it: "its" is the iron's absorption, not an interaction
        ("Taking iron with orange juice may increase its absorption.", "iron deficiency anaemia", "orange juice",
         "treatment"),
        # said not to interact: valerian's benefit stands
        ("Valerian root improves sleep quality and won't interfere with warfarin.", "insomnia", "valerian",
         "treatment"),
        # those who seldom become constipated name no cause
        ("People taking magnesium are less likely to become constipated.", "constipation", "magnesium", "treatment"),
        ("Children taking probiotics did not become constipated.", "constipation", "probiotics", "treatment"),
    ],
)  # fmt: skip
def test_what_is_no_interaction_nor_cause_keeps_its_reading(lexicon, text, condition, remedy, kind):
    assert kinds(text, lexicon, remedy, condition) == {kind}


def test_a_drug_named_after_a_mineral_is_kept_and_only_a_salt_is_the_mineral_s():
    """ "Calcium polycarbophil" names a drug of its own; "magnesium citrate" is magnesium."""
    from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
    from claims.ingest.workload import find_names

    text = "Calcium polycarbophil and magnesium citrate relieve constipation."
    found = {m.term.remedy for m in find_names(text, lexicon_from_catalogue_files()).mentions}
    assert found == {"calcium", "polycarbophil", "magnesium"}, found
