"""The members of a list that the lexicon does not know (claims.ingest.lists): a name ending in a
head such as "products", and two foods side by side that name one."""

from claims.ingest.lexicon import RemedyData, build_lexicon
from claims.ingest.propose import propose

FOODS = [
    RemedyData("banana", "food_drink", ("bananas",)),
    RemedyData("nut", "food_drink", ("nuts",)),
    RemedyData("pasta", "food_drink"),
    RemedyData("whole grains", "food_drink", ("whole grain",)),
    RemedyData("vegetable", "food_drink", ("vegetables",)),
    RemedyData("leafy greens", "food_drink", ("green",)),
    RemedyData("magnesium", "supplement"),
]


def names(text, remedies=FOODS):
    return sorted((p.remedy, p.rule.split(";")[0]) for p in propose(text, build_lexicon(remedies), "night leg cramps"))


def test_a_member_named_with_a_head_such_as_products_is_one_new_food():
    assert ("soy products", "pattern:list") in names("Nuts, soy products and bananas are rich in magnesium.")


def test_a_head_alone_is_no_member():
    assert not [name for name, _ in names("Nuts, products and bananas are rich in magnesium.") if "product" in name]


def test_two_foods_side_by_side_in_a_list_are_one_food():
    proposals = names("Nuts, green vegetables, whole grain pasta and bananas are rich in magnesium.")
    assert ("green vegetables", "pattern:compound") in proposals
    assert ("whole grain pasta", "pattern:compound") in proposals
    assert not {name for name, _ in proposals} & {"leafy greens", "vegetable", "pasta", "whole grains"}


def test_foods_apart_in_a_list_stay_two():
    proposals = {name for name, _ in names("Nuts, vegetables, pasta and bananas are rich in magnesium.")}
    assert {"vegetable", "pasta", "nut", "banana"} <= proposals


def test_a_known_name_with_a_head_stays_the_known_name():
    remedies = [*FOODS, RemedyData("antacids", "drug"), RemedyData("alginate", "drug")]
    proposals = names("Take antacids such as alginate products.", remedies)
    assert ("alginate", "lexicon") in proposals and not any("products" in name for name, _ in proposals)


def test_an_example_ends_at_the_verb_of_what_it_does():
    remedies = [*FOODS, RemedyData("antihistamines", "drug"), RemedyData("cetirizine", "drug")]
    proposals = {
        name for name, _ in names("Antihistamines such as cetirizine or Zyrtol ease sneezing and itching.", remedies)
    }
    assert "zyrtol" in proposals and not {"zyrtol ease sneezing", "itching", "sneezing"} & proposals
    remedies = [*FOODS, RemedyData("steroid nasal spray", "drug")]
    proposals = {name for name, _ in names("A steroid nasal spray such as Nasocort eases a blocked nose.", remedies)}
    assert "nasocort" in proposals and "nasocort eases" not in proposals
