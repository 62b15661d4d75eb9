"""The scorer on a hand-made example whose recall, precision and kind accuracy are known, and the
leave-one-out lexicon: what only the held-out article has is gone."""

from types import SimpleNamespace

from claims.ingest.brands import Brand
from claims.ingest.lexicon import RemedyData
from claims.ingest.score import gold_appearance, held_out_lexicon, score

QUININE = RemedyData("quinine", "drug", ("Qualaquin",))
MAGNESIUM = RemedyData("magnesium", "supplement")
MASSAGE = RemedyData("massage", "maneuver")


def proposal(remedy, start, end, kind, surface=None):
    return SimpleNamespace(remedy=remedy, surface=surface or remedy, start=start, end=end, kind=kind)


def test_a_small_example_with_known_figures():
    gold = [
        gold_appearance(QUININE, "caution", 0, 50),  # found, by its alias, with its kind
        gold_appearance(QUININE, "treatment", 0, 50),  # found by the second proposal on the span
        gold_appearance(MAGNESIUM, "prevention", 60, 90),  # found, but as treatment
        gold_appearance(MASSAGE, "relief", 100, 120),  # missed: the proposal is elsewhere
    ]
    proposals = [
        proposal("quinine sulfate", 10, 40, "treatment", surface="Qualaquin"),
        proposal("quinine", 0, 50, "caution"),
        proposal("magnesium", 55, 65, "treatment"),  # overlaps 60-90
        proposal("massage", 121, 130, "relief"),  # no overlap
        proposal("banana", 60, 90, "prevention"),  # overlaps, but another remedy
    ]
    result = score(proposals, gold)
    assert (result.gold, result.proposed, result.matched, result.kind_correct) == (4, 5, 3, 2)
    assert (result.recall, result.precision, round(result.kind_accuracy, 3)) == (0.75, 0.6, 0.667)


def test_each_side_matches_at_most_once():
    gold = [gold_appearance(MAGNESIUM, "treatment", 0, 10)]
    twice = [proposal("magnesium", 0, 10, "treatment"), proposal("magnesium", 0, 10, "prevention")]
    result = score(twice, gold)
    assert (result.matched, result.recall, result.precision) == (1, 1.0, 0.5)
    assert result.kind_correct == 1  # the pair of the same kind is the one kept


def test_plural_and_case_do_not_matter_for_the_remedy():
    gold = [gold_appearance(RemedyData("banana", "food_drink"), "prevention", 0, 10)]
    assert score([proposal("Bananas", 0, 10, "prevention")], gold).matched == 1


def test_nothing_proposed_and_nothing_to_find():
    empty = score([], [])
    assert (empty.recall, empty.precision, empty.kind_accuracy) == (1.0, 1.0, 1.0)
    assert score([], [gold_appearance(MAGNESIUM, "treatment", 0, 5)]).recall == 0.0


def test_the_held_out_article_keeps_nothing_of_its_own():
    remedies = [
        RemedyData("quinine", "drug", ("Qualaquin",)),
        RemedyData("tolperisone", "drug", ("Mydocalm", "Midokalm")),
        RemedyData("magnesium", "supplement", ("Mg",)),
    ]
    claimed_in = {"quinine": {"b.txt"}, "tolperisone": {"a.txt", "b.txt"}, "magnesium": {"a.txt", "b.txt"}}
    texts = {"a.txt": "Mydocalm and magnesium.", "b.txt": "Quinine, Qualaquin, Midokalm, Mydocalm."}
    brands = [Brand("Qualaquin", "quinine", "P01BC01", "drug"), Brand("Tums", "calcium carbonate", "", "drug")]
    kept, kept_brands = held_out_lexicon(remedies, claimed_in, texts, "b.txt", brands)
    assert [(r.name, r.aliases) for r in kept] == [("tolperisone", ("Mydocalm",)), ("magnesium", ("Mg",))]
    assert [b.brand for b in kept_brands] == ["Qualaquin", "Tums"]  # the brand table stays ...
    _, strict = held_out_lexicon(remedies, claimed_in, texts, "b.txt", brands, strict=True)
    assert [b.brand for b in strict] == ["Tums"]  # ... unless strict
