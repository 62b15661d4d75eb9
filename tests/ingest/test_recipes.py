"""A preparation named by its ingredients (claims.ingest.recipes): where a segment names every
ingredient, the preparation is proposed and the ingredients' own names give way to it."""

import pytest

from claims.ingest.learned import stem
from claims.ingest.lexicon import RemedyData, build_lexicon
from claims.ingest.propose import propose
from claims.ingest.recipes import ingredient_heads

REMEDIES = [
    RemedyData("turpentine, egg yolk and vinegar rub", "herbal_folk"),
    RemedyData("vinegar and vodka compress", "herbal_folk"),
    RemedyData("turpentine", "herbal_folk"),
    RemedyData("egg yolk", "food_drink"),
    RemedyData("apple cider vinegar", "food_drink"),
    RemedyData("mustard powder", "herbal_folk"),
    RemedyData("potassium and magnesium aspartate", "drug", ("Panangin",)),
    RemedyData("potassium", "supplement"),
    RemedyData("magnesium", "supplement"),
]


@pytest.fixture(scope="module")
def lexicon():
    return build_lexicon(REMEDIES)


def said(text, lexicon):
    return sorted((p.remedy, p.kind, p.rule.split(";")[0]) for p in propose(text, lexicon, "night leg cramps"))


@pytest.mark.parametrize(
    ("name", "heads"),
    [
        ("turpentine, egg yolk and vinegar rub", {"turpentine", "yolk", "vinegar"}),
        ("Vinegar and vodka compresses", {"vinegar", "vodka"}),
        ("kvass and yeast mixture", {"kvass", "yeast"}),
        ("honey with lemon paste", {"honey", "lemon"}),
        # no preparation: a combination drug, a group of foods, one ingredient, the same one twice
        ("potassium and magnesium aspartate", set()),
        ("diuretic foods and drinks", set()),
        ("wormwood tincture", set()),
        ("vinegar and cider vinegar rub", set()),
    ],
)
def test_a_preparation_is_a_form_of_two_or_more_ingredients(name, heads):
    assert ingredient_heads(name) == {stem(word) for word in heads}


def test_every_ingredient_named_in_a_sentence_is_the_preparation_in_their_place(lexicon):
    text = (
        "You can also prevent cramps by making the following mixture for rubbing into the limbs: "
        "Egg yolk, a spoonful of turpentine, a spoonful of apple cider vinegar."
    )
    assert said(text, lexicon) == [("turpentine, egg yolk and vinegar rub", "prevention", "recipe")]


def test_an_ingredient_said_by_its_head_word_counts_and_another_remedy_beside_it_stays(lexicon):
    text = "Mustard powder or turpentine mixed with yolk and apple cider vinegar helps against cramps."
    assert said(text, lexicon) == [
        ("mustard powder", "treatment", "lexicon"),
        ("turpentine, egg yolk and vinegar rub", "treatment", "recipe"),
    ]


def test_the_surface_runs_from_the_word_of_the_preparation_to_the_last_ingredient(lexicon):
    text = "Cramps? A compress of table vinegar and vodka helps."
    (proposal,) = propose(text, lexicon, "night leg cramps")
    assert (proposal.remedy, proposal.surface, proposal.quote) == (
        "vinegar and vodka compress",
        "compress of table vinegar and vodka",
        "A compress of table vinegar and vodka helps.",
    )


def test_an_ingredient_missing_leaves_the_named_ones_as_they_are(lexicon):
    text = "Rub turpentine mixed with apple cider vinegar into the calves to relieve cramps."
    assert {remedy for remedy, _, _ in said(text, lexicon)} == {"turpentine", "apple cider vinegar"}


def test_ingredients_in_different_sentences_are_no_preparation(lexicon):
    text = "Rub turpentine into the calves to relieve cramps. Eat an egg yolk and some apple cider vinegar daily."
    assert "turpentine, egg yolk and vinegar rub" not in {remedy for remedy, _, _ in said(text, lexicon)}


def test_a_combination_drug_is_not_read_from_its_ingredients(lexicon):
    text = "Foods rich in potassium and magnesium help prevent cramps."
    assert {remedy for remedy, _, _ in said(text, lexicon)} == {"potassium", "magnesium"}


@pytest.mark.parametrize(
    "text",
    [
        # the rub spanned from the compress's "vinegar" to its own "yolk", over the compress, and was lost
        "A compress of table vinegar and vodka on the calves is an old folk remedy for cramps; "
        "an ointment made from turpentine, apple cider vinegar and egg yolk is another.",
        # the compress's name does not run on to the ointment's word after it
        "For aching legs, a compress of table vinegar and vodka is an old folk remedy; "
        "an ointment made from turpentine, apple cider vinegar and egg yolk is another.",
    ],
)
def test_two_preparations_in_one_sentence_each_take_their_own_ingredients(lexicon, text):
    found = {p.remedy: p.surface for p in propose(text, lexicon, "night leg cramps")}
    assert found == {
        "vinegar and vodka compress": "compress of table vinegar and vodka",
        "turpentine, egg yolk and vinegar rub": "ointment made from turpentine, apple cider vinegar and egg yolk",
    }


@pytest.mark.parametrize(
    "text",
    [
        # named for other reasons: no word of a preparation beside them, or alternatives, or apart
        "Vinegar, vodka and other household liquids should be kept out of the reach of children.",
        "Rub the calves with turpentine, or wipe them with diluted vinegar and a little vodka.",
        "Soak the feet in warm water with a cup of vinegar; do not drink vodka to ease the cramps.",
        # a question asks, it claims nothing
        "Does a compress of vinegar and vodka really help cramps?",
    ],
)
def test_ingredients_not_prepared_together_are_no_preparation(lexicon, text):
    # a hostile review: each of these was proposed as the compress
    assert "vinegar and vodka compress" not in {remedy for remedy, _, _ in said(text, lexicon)}


def test_the_word_of_the_preparation_may_come_after_its_ingredients_in_their_part(lexicon):
    text = "Table vinegar diluted with water, and vodka, can be used for compresses on the calves to ease cramps."
    assert "vinegar and vodka compress" in {remedy for remedy, _, _ in said(text, lexicon)}
