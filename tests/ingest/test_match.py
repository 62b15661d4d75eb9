"""Remedy names in text: the longest name wins, brands resolve to their ingredient, the drug-name
lexicon links to the catalogue's remedy, and a misspelling is matched only above the threshold."""

from claims.ingest.everyday import everyday_table
from claims.ingest.lexicon import BRAND, CATALOGUE, DRUG_LEXICON, RemedyData, build_lexicon
from claims.ingest.match import FUZZY_THRESHOLD, find_mentions
from claims.ingest.norm import fold


def mentions(text, lexicon):
    return [(m.surface, m.term.remedy, m.rule, m.fuzzy) for m in find_mentions(text, fold(text), lexicon)]


def test_the_longest_name_wins(lexicon):
    assert mentions("Rub apple cider vinegar on the calves; eat an apple.", lexicon) == [
        ("apple cider vinegar", "apple cider vinegar", "lexicon", False),
        ("apple", "apple", "lexicon", False),
    ]


def test_names_match_whole_words_in_any_case_and_number(lexicon):
    assert mentions("BANANAS, bananarama and a Banana.", lexicon) == [
        ("BANANAS", "banana", "lexicon", False),
        ("Banana", "banana", "lexicon", False),
    ]


def test_maneuvers_match_in_their_verb_forms(lexicon):
    found = mentions("Stretch the calf, then massaged it; prick the muscle.", lexicon)
    assert [(s, r) for s, r, _, _ in found] == [
        ("Stretch", "stretching"),
        ("massaged", "massage"),
        ("prick", "needle pricking"),
    ]


def test_brands_resolve_to_their_ingredient(lexicon):
    found = {
        m.surface: m.term for m in find_mentions(*_both("Tums, Pedialyte, Lanoxin, Magne B6 and Qualaquin."), lexicon)
    }
    assert (found["Tums"].remedy, found["Tums"].atc_code, found["Tums"].is_new) == (
        "calcium carbonate",
        "A02AC01",
        True,
    )
    assert (found["Pedialyte"].remedy, found["Pedialyte"].atc_code) == ("oral rehydration salts", "A07CA")
    assert (found["Lanoxin"].remedy, found["Lanoxin"].atc_code) == ("digoxin", "C01AA05")
    assert found["Magne B6"].remedy == "magnesium with pyridoxine"
    # A brand of a remedy the catalogue has is that remedy, not a new one.
    assert (found["Qualaquin"].remedy, found["Qualaquin"].is_new, found["Qualaquin"].source) == (
        "quinine",
        False,
        BRAND,
    )


def test_the_ingredient_of_a_brand_named_as_such_is_that_ingredient_not_a_shorter_name():
    from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files

    text = "Calcium carbonate and magnesium."
    found = {m.surface: m.term.remedy for m in find_mentions(*_both(text), lexicon_from_catalogue_files())}
    assert found == {"Calcium carbonate": "calcium carbonate", "magnesium": "magnesium"}


def test_a_brand_whose_ingredient_is_a_catalogue_alias_is_that_remedy(lexicon):
    (mention,) = find_mentions(*_both('Take "Analgin" for the pain.'), lexicon)
    assert (mention.term.remedy, mention.term.is_new, mention.rule) == ("metamizole", False, "brand")


def test_the_drug_lexicon_names_drugs_and_links_them_to_the_catalogue(lexicon):
    found = mentions("Gabapentin helps; statins provoke cramps; dipyrone too.", lexicon)
    assert ("Gabapentin", "gabapentin", "drug_lexicon", False) in found
    assert ("statins", "hydroxymethylglutaryl-coa reductase inhibitors", "drug_lexicon", False) in found
    assert ("dipyrone", "metamizole", "lexicon", False) in found  # a catalogue alias comes first


def test_a_drug_class_used_as_an_adjective_is_no_drug(lexicon):
    assert mentions("Antispasmodic attacks at night.", lexicon) == []
    assert [r for _, r, _, _ in mentions("Antispasmodic drugs help.", lexicon)] == ["parasympatholytics"]


def test_transliterations_and_misspellings_above_the_threshold_are_fuzzy(lexicon):
    found = mentions('Quite effective is "Mydokalm", and so is quinnine sulphate.', lexicon)
    assert ("Mydokalm", "tolperisone", "fuzzy", True) in found
    assert not any(surface == "Quite" for surface, *_ in found)


def test_below_the_threshold_or_too_short_nothing_is_fuzzy():
    lexicon = build_lexicon([RemedyData("rehydration", "lifestyle"), RemedyData("bran", "food_drink")])
    assert FUZZY_THRESHOLD >= 85
    assert mentions("Dehydration after a brain injury.", lexicon) == []  # another first letter; too short
    assert mentions("Rehydratoin helps.", lexicon) == [("Rehydratoin", "rehydration", "fuzzy", True)]
    assert mentions("Rehydrxxxxn helps.", lexicon) == []


def test_terms_say_where_they_come_from(lexicon):
    sources = {m.surface: m.term.source for m in find_mentions(*_both("Mydocalm, Tums and furosemide."), lexicon)}
    assert sources == {"Mydocalm": CATALOGUE, "Tums": BRAND, "furosemide": DRUG_LEXICON}


def _both(text):
    return text, fold(text)


# Names said in other words' order (claims.ingest.scattered) ------------------------------------


def _scattered(text, remedies, known=()):
    from claims.ingest.propose import propose

    lexicon = build_lexicon([RemedyData(*r) for r in remedies])
    return sorted({(p.remedy, p.surface) for p in propose(text, lexicon) if p.rule.startswith("scattered")})


def test_a_name_of_several_words_is_found_in_another_order_and_form():
    remedies = [("leg elevation", "lifestyle"), ("comfortable sleeping position", "lifestyle")]
    text = (
        "To prevent cramps, lie down with your legs elevated. "
        "To prevent cramps, choose the sleeping position that is most comfortable for you."
    )
    assert _scattered(text, remedies) == [
        ("comfortable sleeping position", "sleeping position that is most comfortable"),
        ("leg elevation", "legs elevated"),
    ]


def test_scattered_words_too_far_apart_or_across_a_colon_name_nothing():
    remedies = [("comfortable sleeping position", "lifestyle"), ("warm bath", "procedure")]
    text = (
        "A position you take for sleeping after a long day of work is rarely comfortable. Keep them warm: a bath helps."
    )
    assert _scattered(text, remedies) == []


def test_a_part_of_the_body_must_stand_next_to_the_rest_of_the_name():
    remedies = [("leg rest", "lifestyle")]
    assert _scattered("During rest lie with your legs raised to prevent cramps.", remedies) == []
    assert _scattered("Give your legs rest to prevent cramps.", remedies) == [("leg rest", "legs rest")]


def test_a_word_of_a_name_already_found_is_not_read_again():
    remedies = [("foot bath", "procedure"), ("contrast bath", "procedure")]
    assert _scattered("Take a contrast foot bath.", remedies) == []


def test_drugs_are_never_found_in_other_words():
    remedies = [("muscle relaxants", "drug")]
    assert _scattered("It has a muscle relaxant action.", remedies) == []


def test_the_habit_of_a_substance_names_the_substance(lexicon):
    assert mentions("Alcoholism runs in families.", lexicon) == [("Alcoholism", "alcohol", "lexicon", False)]
    assert mentions("Massageism.", lexicon) == []  # an action has no habit


def test_a_verb_that_only_carries_the_name_may_be_missing():
    remedies = [("giving up bad habits", "lifestyle")]
    assert _scattered("The rejection of bad habits prevents cramps.", remedies) == [
        ("giving up bad habits", "bad habits")
    ]


def test_a_word_coordinated_with_a_name_shares_the_rest_of_it():
    remedies = [("vitamin complex", "supplement"), ("mineral supplements", "supplement", ("mineral complexes",))]
    for text in ("Take vitamin-mineral complexes to prevent cramps.", "Take vitamin and mineral complexes daily."):
        assert _scattered(text, remedies) == [("vitamin complex", "vitamin")]
    assert _scattered("Take iron and mineral complexes daily.", remedies) == []  # no "iron complex" known
    remedies = [("warm shower", "procedure"), ("warm bath", "procedure")]
    text = "To prevent cramps, take a warm shower or a relaxing bath."
    assert _scattered(text, remedies) == [("warm bath", "bath")]


def test_lay_names_of_drug_classes_are_drug_names():
    from claims.ingest.drugnames import CLASS, with_lay_names

    names = with_lay_names({"analgesics": ("analgesics", CLASS), "pain relievers": ("analgesic agents", CLASS)})
    lexicon = build_lexicon([], drugs=names)
    found = mentions("Painkillers and blood thinners.", lexicon)
    assert [(s, r, rule) for s, r, rule, _ in found] == [
        ("Painkillers", "analgesics", "drug_lexicon"),
        ("blood thinners", "anticoagulants", "drug_lexicon"),
    ]
    assert names["pain relievers"] == ("analgesic agents", CLASS)  # the package's own name stays


def test_a_lexicon_without_names_finds_none():
    assert mentions("Magnesium helps.", build_lexicon([])) == []


def test_a_name_followed_by_free_is_what_is_left_out(lexicon):
    # "caffeine-free coffee" names coffee, not caffeine; "alcohol free" is no alcohol, nor a slip.
    found = mentions("Drink caffeine-free coffee and an alcohol free beer; quit alcohol.", lexicon)
    assert found == [("coffee", "caffeine", "lexicon", False), ("alcohol", "alcohol", "lexicon", False)]
    assert [m.start for m in find_mentions(*_both("Avoid alcohol."), lexicon)] == [6]


def test_household_names_resolve_like_brands(lexicon):
    found = {m.surface: m.term.remedy for m in find_mentions(*_both("Baking soda, Epsom salts, Gatorade."), lexicon)}
    assert found == {
        "Baking soda": "sodium bicarbonate",
        "Epsom salts": "magnesium sulfate",
        "Gatorade": "sports drink",
    }


def test_a_synonym_of_a_names_word_stands_for_it():
    remedies = [("leg elevation", "lifestyle"), ("diet revision", "lifestyle"), ("stress reduction", "lifestyle")]
    text = (
        "To prevent cramps, raise your limbs above your head. Treatment begins with a change in diet. "
        "Minimize the impact of stressful situations to prevent cramps."
    )
    assert _scattered(text, remedies) == [
        ("diet revision", "change in diet"),
        ("leg elevation", "raise your limbs"),
        ("stress reduction", "Minimize the impact of stressful"),
    ]
    # "lower" is no synonym of "reduce": it is as often the lower limbs.
    assert _scattered("Obesity puts stress on the lower limbs.", remedies) == []
    # A short word of the name counts too: "limiting TV before bed" is not "before bed reduces".
    tv = [("limiting TV before bed", "lifestyle")]
    assert _scattered("Stretching for a minute before bed reduces cramps.", tv) == []
    assert _scattered("Limit the TV before bed.", tv) == [("limiting TV before bed", "Limit the TV before bed")]


def test_the_second_half_of_a_compound_is_no_name():
    # "magnesium-rich foods" are no "rich foods" (the everyday table's fatty food): advice to eat them
    # had been a treatment of fatty food
    lexicon = build_lexicon([RemedyData("magnesium", "supplement")], everyday=everyday_table())
    found = mentions("Eat magnesium-rich foods, not sugar-laden drinks. Avoid rich foods at night.", lexicon)
    assert found == [
        ("magnesium", "magnesium", "lexicon", False),
        ("sugar", "sugar", "everyday", False),  # what the drinks are laden with is named
        ("rich foods", "fatty foods", "everyday", False),
    ]
    # a dash is no hyphen: "at night—rich foods" names them; "fat-rich foods" are rich foods
    assert [m[1] for m in mentions("Watch what you eat at night—rich foods and fat-rich foods.", lexicon)] == [
        "fatty foods",
        "fatty foods",
    ]


def test_a_name_followed_by_free_of_something_is_still_named(lexicon):
    assert mentions("Take magnesium free of fillers.", lexicon) == [("magnesium", "magnesium", "lexicon", False)]


def test_synonyms_are_read_only_where_they_mean_the_same():
    remedies = [
        ("low-heeled shoes", "device_garment"),
        ("comfortable shoes", "device_garment"),
        ("electrolyte correction", "procedure"),
        ("diet revision", "lifestyle"),
        ("stress reduction", "lifestyle"),
    ]
    # "heels" are a part of the foot as often as shoes; "change" is no correction; eating is no
    # diet; "nervous" is mostly the nervous system.
    assert _scattered("Comfortable heels are a myth; standing on the heel of the foot hurts.", remedies) == []
    assert _scattered("Electrolyte levels change when you sweat, which can cause cramps.", remedies) == []
    assert _scattered("Eating late at night may change how well you sleep and cause cramps.", remedies) == []
    assert _scattered("Magnesium reduces nervous excitability and helps cramps.", remedies) == []
    assert _scattered("To prevent cramps, shoes should be comfortable.", remedies) == [
        ("comfortable shoes", "shoes should be comfortable")
    ]
