"""The table of everyday remedies: read with a clear error per broken line; its names found as new
remedies with their category, or as the catalogue's remedy when the catalogue has the name; never
in place of a catalogue medicine's name; and left out of a held-out run where it names what only
the held-out article has."""

import pytest

from claims.ingest.everyday import EverydayRemedy, EverydayTableError, everyday_table, read_everyday
from claims.ingest.lexicon import RemedyData, build_lexicon
from claims.ingest.propose import propose
from claims.ingest.score import held_out_everyday
from claims.models import Category
from tests.ingest.proposing import catalogue_lexicon, kinds  # noqa: F401 (a fixture)


def write(tmp_path, *rows):
    path = tmp_path / "everyday.csv"
    path.write_text("# a comment\nname,aliases,category,usually\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("ginger,,spice,", "everyday.csv line 3: unknown category 'spice'"),
        (",ginger root,food_drink,", "everyday.csv line 3: the name is required"),
        ("ginger,food_drink", "everyday.csv line 3: expected 4 columns, found 2"),
        ("ginger,--,food_drink,", "everyday.csv line 3: '--' has no word to match"),
    ],
)
def test_a_broken_row_is_named_by_its_line(tmp_path, row, message):
    with pytest.raises(EverydayTableError) as caught:
        read_everyday(write(tmp_path, row))
    assert str(caught.value) == message


def test_a_name_written_twice_is_refused_even_as_another_rows_alias(tmp_path):
    path = write(tmp_path, "ice pack,cold pack,device_garment,", "cold compress,Cold packs,maneuver,")
    with pytest.raises(EverydayTableError, match="line 4: 'Cold packs' is already on line 3"):
        read_everyday(path)


def test_a_wrong_header_is_refused(tmp_path):
    path = tmp_path / "everyday.csv"
    path.write_text("remedy,category\nginger,food_drink\n", encoding="utf-8")
    with pytest.raises(EverydayTableError, match="the header must be name,aliases,category,usually"):
        read_everyday(path)


def test_the_repositorys_table_reads_and_uses_the_catalogues_categories():
    table = everyday_table()
    assert len(table) >= 300
    assert {row.category for row in table} <= set(Category.values)
    names = {row.name for row in table}
    assert {"ginger", "tai chi", "cold compress", "oral rehydration solution"} <= names


MAGNESIUM = RemedyData("magnesium", "supplement")
COLD = RemedyData("cold application", "procedure", ("cold compress",))
ORANGES = RemedyData("orange juice", "food_drink", ("oranges",))
ROWS = (
    EverydayRemedy("ginger", ("ginger root",), "food_drink"),
    EverydayRemedy("cold compress", ("bag of frozen peas",), "device_garment"),
    EverydayRemedy("citrus fruit", ("oranges", "lemons"), "food_drink"),
    EverydayRemedy("magnesium tablets", (), "supplement"),
    EverydayRemedy("tai chi", (), "lifestyle"),
)


@pytest.fixture
def lexicon():
    return build_lexicon([MAGNESIUM, COLD, ORANGES], everyday=ROWS)


def found(text, lexicon, condition="nausea"):
    return [(p.remedy, p.surface, p.is_new, p.category, p.kind) for p in propose(text, lexicon, condition)]


def test_an_everyday_remedy_is_proposed_as_new_with_its_category(lexicon):
    assert found("Ginger root may help nausea.", lexicon) == [
        ("ginger", "Ginger root", True, "food_drink", "treatment")
    ]


def test_a_row_named_as_a_catalogue_remedy_gives_it_its_other_names(lexicon):
    # the row "cold compress" is the catalogue's cold application: its "bag of frozen peas" is too
    assert found("A bag of frozen peas can help a sprain.", lexicon, "sprained ankle") == [
        ("cold application", "bag of frozen peas", False, "procedure", "treatment")
    ]


def test_an_alias_the_catalogue_has_stays_the_catalogues_and_the_rows_other_names_its_own(lexicon):
    assert found("Oranges can help.", lexicon)[0][:3] == ("orange juice", "Oranges", False)
    assert found("Lemons can help.", lexicon)[0][:3] == ("citrus fruit", "Lemons", True)


def test_a_name_that_holds_a_catalogue_medicine_leaves_it_to_the_catalogue(lexicon):
    assert [p.remedy for p in propose("Magnesium tablets may help.", lexicon, "restless legs")] == ["magnesium"]


def test_the_table_names_what_a_pattern_only_guesses(lexicon):
    text = "Tai chi eases back pain."
    assert found(text, lexicon, "back pain") == [("tai chi", "Tai chi", True, "lifestyle", "relief")]
    guessed = propose(text, build_lexicon([MAGNESIUM, COLD]), "back pain")
    assert [p.remedy for p in guessed] == ["tai chi eases"]


def test_what_articles_nearly_always_warn_of_is_that_harm_when_nothing_is_said():
    rows = (EverydayRemedy("energy drinks", (), "food_drink", "cause"), EverydayRemedy("ginger", (), "food_drink"))
    lexicon = build_lexicon([MAGNESIUM], everyday=rows)
    assert found("Energy drinks are a big problem.", lexicon, "insomnia") == [
        ("energy drinks", "Energy drinks", True, "food_drink", "cause")
    ]
    assert found("Ginger is a big topic.", lexicon, "insomnia") == [
        ("ginger", "Ginger", True, "food_drink", "treatment")
    ]


def test_a_heading_that_speaks_of_prevention_does_not_make_a_usual_harm_a_prevention(catalogue_lexicon):  # noqa: F811
    text = (
        "## Preventing migraine\n\nKeep a diary to spot your triggers. Common ones are:\n\n"
        "- missing meals\n- alcohol, especially red wine\n"
    )
    assert {(p.remedy, p.kind) for p in propose(text, catalogue_lexicon, "migraine")} == {
        ("skipping meals", "cause"),
        ("alcohol", "cause"),
        ("red wine", "cause"),
    }


def test_the_tables_names_vouch_for_no_unknown_neighbour_in_a_list():
    rows = (EverydayRemedy("tight clothing", (), "device_garment", "cause"),)
    lexicon = build_lexicon([MAGNESIUM], everyday=rows)
    text = "Circulation suffers from prolonged immobile postures, tight clothing."
    assert [p.remedy for p in propose(text, lexicon, "varicose veins")] == ["tight clothing"]
    # a catalogue name does: what the catalogue knows is a remedy vouches for its neighbours
    text = "Circulation suffers from prolonged immobile postures, magnesium."
    assert [p.remedy for p in propose(text, lexicon, "varicose veins")] == ["magnesium", "prolonged immobile postures"]


def test_a_class_of_drugs_named_as_an_adjective_is_no_mention(lexicon_with_classes):
    assert found("Antispasmodic attacks are painful.", lexicon_with_classes) == []
    assert found("Antispasmodic medicines can help.", lexicon_with_classes) == [
        ("antispasmodics", "Antispasmodic", True, "drug", "treatment")
    ]


def test_a_compound_read_around_a_tables_name_takes_its_place(lexicon_with_classes):
    # "chocolate" is a row; the pattern's "bitter chocolate" is the remedy the article names
    assert [p.remedy for p in propose("Eat a little bitter chocolate.", lexicon_with_classes, "nausea")] == [
        "bitter chocolate"
    ]


@pytest.fixture
def lexicon_with_classes():
    rows = (EverydayRemedy("antispasmodics", ("antispasmodic",), "drug"), EverydayRemedy("chocolate", (), "food_drink"))
    return build_lexicon([MAGNESIUM], everyday=rows)


def test_a_held_out_run_keeps_no_row_that_names_or_holds_what_only_the_held_out_article_has():
    remedies = [MAGNESIUM, RemedyData("pickle brine", "food_drink", ("pickle juice",)), COLD]
    kept = [MAGNESIUM, RemedyData("cold application", "procedure")]  # brine and "cold compress": its own
    rows = [
        EverydayRemedy("ginger", (), "food_drink"),
        EverydayRemedy("pickle juice shot", (), "food_drink"),  # holds the removed "pickle juice"
        EverydayRemedy("ice pack", ("cold compress",), "device_garment"),  # names the removed alias
        EverydayRemedy("brine", ("pickle brine",), "food_drink"),  # names the removed remedy
    ]
    assert [row.name for row in held_out_everyday(rows, remedies, kept)] == ["ginger"]


@pytest.mark.parametrize(
    ("text", "remedy", "harm"),
    [
        ("Sugary drinks and sweets, especially at bedtime.", "sugary drinks", "cause"),
        ("Anyone who regularly uses cotton buds - they push wax further in.", "cotton buds", "caution"),
    ],
)
def test_when_a_usual_harm_is_had_makes_it_no_benefit(catalogue_lexicon, text, remedy, harm):  # noqa: F811
    assert {p.kind for p in propose(text, catalogue_lexicon, "toothache") if p.remedy == remedy} == {harm}


@pytest.mark.parametrize(
    ("text", "remedy", "expected"),
    [
        ("Do ear candles work?\n\nNo. Ear candling doesn't remove wax and can burn your ear.", "ear candling",
         {"caution"}),
        ("Is hair of the dog a good hangover cure?\n\nNo, it just delays the hangover.", "hair of the dog",
         {"caution"}),
        ("Do copper bracelets help arthritis?\n\nThere's no evidence that they do.", "copper bracelets",
         {"caution"}),
        ("Does chicken soup help a cold?\n\nIt may ease symptoms a little; warm fluids are soothing.", "chicken soup",
         {"treatment"}),
    ])  # fmt: skip
def test_a_question_on_a_line_of_its_own_is_read_with_the_paragraph_that_answers_it(
    catalogue_lexicon,  # noqa: F811
    text,
    remedy,
    expected,
):
    assert {p.kind for p in propose(text, catalogue_lexicon, "hangover") if p.remedy == remedy} == expected


def test_a_question_that_heads_a_list_still_heads_it(catalogue_lexicon):  # noqa: F811
    text = "What causes heartburn?\n\n- Spicy food\n- Alcohol\n"
    assert {(p.remedy, p.kind) for p in propose(text, catalogue_lexicon, "heartburn")} == {
        ("spicy food", "cause"),
        ("alcohol", "cause"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Gentle yoga can ease chronic low back pain.",
        "Tai chi, done twice a week, eases stiffness.",
        "Swimming keeps the back supple.",
    ],
)
def test_an_everyday_activity_that_opens_its_clause_is_advice(catalogue_lexicon, text):  # noqa: F811
    kinds = {p.kind for p in propose(text, catalogue_lexicon, "back pain")}
    assert kinds and kinds <= {"relief", "treatment", "prevention"}


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("People with migraine are often sensitive to bright lights and loud noise.", "bright lights"),
        ("Symptoms include tiredness, poor appetite and weight loss.", "losing weight"),
        ("Losing weight without trying can be a sign of something serious.", "losing weight"),
    ],
)
def test_a_symptom_named_in_the_words_of_a_remedy_is_no_proposal(catalogue_lexicon, text, remedy):  # noqa: F811
    assert [p for p in propose(text, catalogue_lexicon, "migraine") if p.remedy == remedy] == []


def test_an_everyday_name_never_cuts_into_a_catalogue_name(catalogue_lexicon):  # noqa: F811
    found = {
        (p.remedy, p.surface) for p in propose("Try deep breathing exercises in bed.", catalogue_lexicon, "insomnia")
    }
    assert found == {("deep breathing", "deep breathing")}


@pytest.mark.parametrize(
    ("text", "medicine", "described"),
    [
        ("Piriton, a sedating antihistamine, is not suitable for babies under 1.", "chlorphenamine", "antihistamines"),
        (
            "Nurofen, an anti-inflammatory painkiller, may not be suitable if you have asthma.",
            "ibuprofen",
            "painkillers",
        ),
        ("Senokot, a stimulant laxative, shouldn't be used every day for long periods.", "senna", "laxatives"),
    ],
)
def test_a_class_that_says_what_a_medicine_is_takes_its_warning_and_no_benefit(
    catalogue_lexicon,  # noqa: F811
    text,
    medicine,
    described,
):
    found = {(p.remedy, p.kind) for p in propose(text, catalogue_lexicon, "hay fever")}
    assert (medicine, "caution") in found
    assert not {kind for remedy, kind in found if remedy in (described, "shouldn't")}


def test_a_combination_of_two_medicines_names_both(catalogue_lexicon):  # noqa: F811
    text = "Your GP can prescribe Xonvea (a combination of doxylamine and pyridoxine)."
    assert "doxylamine" in {p.remedy for p in propose(text, catalogue_lexicon, "nausea")}


@pytest.mark.parametrize(
    "text",
    [
        "Endometriomas, sometimes called chocolate cysts, form on the ovaries.",
        "Cola-coloured urine can be a sign of a serious muscle problem.",
        "Port wine stains are flat red or purple birthmarks.",
        "Orange peel skin, or dimpling, can be a sign of breast cancer.",
        "People with ginger hair and fair skin burn more easily.",
        "My daughter Ginger was three when her eczema flared.",
        "Our cat, Ginger, slept on my bed every night.",
        "Rosemary, 62, was diagnosed with arthritis two years ago.",
        "Mould the earplug between your fingers before inserting it.",
        "He was scratching at his ears all night, which was our first clue.",
    ],
)
def test_an_everyday_name_in_another_sense_is_no_remedy(catalogue_lexicon, text):  # noqa: F811
    names = {"chocolate", "fizzy drinks", "alcohol", "citrus fruit", "ginger", "mould", "scratching"}
    names |= {"rosemary essential oil", "rosemary"}  # the catalogue's name, said of a person
    assert not names & {p.remedy for p in propose(text, catalogue_lexicon, "eczema")}


def test_the_same_names_as_remedies_are_found(catalogue_lexicon):  # noqa: F811
    text = "Wine and beer can trigger gout. Damp and mould make gout worse."
    found = {(p.remedy, p.kind) for p in propose(text, catalogue_lexicon, "gout")}
    assert {("alcohol", "cause"), ("mould", "cause")} <= found
    assert {p.kind for p in propose("Ginger tea eases nausea.", catalogue_lexicon, "nausea")} == {"relief"}


def test_warm_water_a_remedy_is_taken_in_is_no_remedy_and_soap_and_water_is(catalogue_lexicon):  # noqa: F811
    text = "Honey in warm water soothes the throat."
    assert {p.remedy for p in propose(text, catalogue_lexicon, "sore throat")} == {"honey"}
    text = "Wash the area with soap and water."
    assert "soap and water" in {p.remedy for p in propose(text, catalogue_lexicon, "insect bites")}


@pytest.mark.parametrize("text", ["Ginger tea soothes the stomach.", "Calamine lotion can be soothing."])
def test_what_soothes_is_a_benefit(catalogue_lexicon, text):  # noqa: F811
    found = {(p.kind, p.rule.split("; ")[-1]) for p in propose(text, catalogue_lexicon, "nausea")}
    assert found and {kind for kind, _ in found} <= {"treatment", "relief"}
    assert any(rule.startswith("sooth") for _, rule in found)


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Honey can soothe a cough, but never give it to babies under 1.", "honey"),
        (
            "Hard sweets can soothe a sore throat, but do not give these to young children: they can choke.",
            "boiled sweets",
        ),
    ],
)
def test_advice_then_whom_it_is_not_for_is_both(catalogue_lexicon, text, remedy):  # noqa: F811
    assert {p.kind for p in propose(text, catalogue_lexicon, "cough") if p.remedy == remedy} in (
        {"caution", "relief"},
        {"caution", "treatment"},
    )


def test_a_warning_of_whom_it_is_not_for_alone_is_no_advice(catalogue_lexicon):  # noqa: F811
    text = "What helps\n\nNever give aspirin to children under 16."
    assert {p.kind for p in propose(text, catalogue_lexicon, "headache")} == {"caution"}


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("Loud sharp sound or bright light.", "migraine", "bright lights"),  # nothing said of it
        ("E-cigarettes are less harmful than smoking and can help you quit.", "cough", "tobacco"),
        ("Smoking weakens the valve at the top of the stomach, so stopping can really help.", "heartburn", "tobacco"),
    ],
)
def test_a_benefit_said_of_another_leaves_the_usual_harm(catalogue_lexicon, text, condition, remedy):  # noqa: F811
    found = kinds(text, catalogue_lexicon, remedy, condition)
    assert found and found <= {"cause", "caution"}


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("It's the last thing you feel like, but a gentle walk can ease cramps.", "period pain", "walking"),
        ("A wrapped ice pack or a warm bath can ease itching and pain.", "haemorrhoids", "warm bath"),
        ("Triggers\nRed wine and chocolate are common. Keep a diary. Ginger tea may ease the nausea.", "migraine",
         "ginger tea"),
    ],
)  # fmt: skip
def test_what_eases_is_a_benefit(catalogue_lexicon, text, condition, remedy):  # noqa: F811
    found = kinds(text, catalogue_lexicon, remedy, condition)
    assert found and found <= {"relief", "treatment", "prevention"}


def test_salt_water_is_the_salts_solution_not_a_drink(catalogue_lexicon):  # noqa: F811
    text = "Rinsing with warm salt water (half a teaspoon in a glass of water) can ease gum soreness."
    assert {(p.remedy, p.kind) for p in propose(text, catalogue_lexicon, "toothache")} == {("salt", "treatment")}


@pytest.mark.parametrize(
    ("text", "condition", "remedy"),
    [
        ("Red meat and shellfish are high in purines.", "gout", "meat"),
        ("Spinach, rhubarb and nuts are rich in oxalate.", "kidney stones", "nut"),
        ("Aged cheese and red wine contain tyramine.", "migraine", "aged cheese"),
        ("Milk, ice cream and cottage cheese are high in lactose.", "lactose intolerance", "milk"),
    ],
)
def test_a_food_high_in_what_sets_conditions_off_is_a_cause(catalogue_lexicon, text, condition, remedy):  # noqa: F811
    assert kinds(text, catalogue_lexicon, remedy, condition) == {"cause"}


def test_a_food_high_in_a_nutrient_is_no_cause(catalogue_lexicon):  # noqa: F811
    assert kinds("Bananas are high in potassium.", catalogue_lexicon, "banana") == {"treatment"}


def test_a_usual_harm_named_again_after_but_keeps_the_first_ones_benefit(catalogue_lexicon):  # noqa: F811
    text = "A coffee in the morning helps you stay alert, but caffeine after mid-afternoon will stop you sleeping."
    found = {(p.surface.lower(), p.kind) for p in propose(text, catalogue_lexicon, "jet lag")}
    assert ("coffee", "treatment") in found


@pytest.mark.parametrize(
    ("text", "condition", "remedy", "expected"),
    [
        # "protective" is no prevention: cotton buds are what they usually are
        ("Scratching the canal with cotton buds damages its protective lining.", "swimmer's ear", "cotton buds",
         {"caution"}),
        # an activity after which something is done is its circumstance
        ("Reapply sunscreen every two hours and after swimming.", "sunburn", "swimming", set()),
        ("Witch hazel won't shrink the veins, but it can soothe itchy skin.", "varicose veins", "witch hazel",
         {"treatment"}),
        ("Epsom salts in a foot bath won't shrink a bunion.", "bunions", "magnesium sulfate", {"caution"}),
    ],
)  # fmt: skip
def test_more_words_that_say_a_harm_or_nothing(catalogue_lexicon, text, condition, remedy, expected):  # noqa: F811
    assert kinds(text, catalogue_lexicon, remedy, condition) == expected


@pytest.mark.parametrize(
    ("text", "condition", "remedy", "expected"),
    [
        ("Caffeine can prevent you from falling asleep.", "insomnia", "caffeine", {"cause"}),
        ("Alcohol prevents you from getting deep, restful sleep.", "insomnia", "alcohol", {"cause"}),
        ("Magnesium prevents you from getting cramps at night.", "night leg cramps", "magnesium", {"prevention"}),
        ("Energy drinks are rich in caffeine and sugar.", "insomnia", "energy drinks", {"cause"}),
    ],
)
def test_what_keeps_sleep_away_or_is_rich_in_caffeine_is_no_prevention(
    catalogue_lexicon,  # noqa: F811
    text,
    condition,
    remedy,
    expected,
):
    assert kinds(text, catalogue_lexicon, remedy, condition) == expected


@pytest.mark.parametrize(
    ("text", "remedy"),
    [
        ("Take a spoonful of peanut butter and keep it in your mouth.", "peanut butter"),
        ("Shea butter seals moisture in.", "shea butter"),
        ("Cocoa butter softens the skin.", "cocoa butter"),
    ],
)
def test_a_butter_that_is_no_dairy_butter_is_its_own_remedy(catalogue_lexicon, text, remedy):  # noqa: F811
    # the catalogue's "butter" is the dairy fat an article on cholesterol warns of
    assert [p.remedy for p in propose(text, catalogue_lexicon, "hiccups")] == [remedy]


def test_the_cholesterol_supplements_a_new_user_met_are_named(catalogue_lexicon):  # noqa: F811
    text = "## Remedies with little evidence\n\n**Red yeast rice** gets a lot of attention online."
    assert [(p.remedy, p.category, p.kind) for p in propose(text, catalogue_lexicon, "high cholesterol")] == [
        ("red yeast rice", "supplement", "caution")
    ]
    text = "Foods with added plant sterols can lower cholesterol."
    assert "plant sterols" in {p.remedy for p in propose(text, catalogue_lexicon, "high cholesterol")}
