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


def test_what_a_run_missed_by_what_a_proposer_could_have_found_it_from():
    from claims.ingest.score import ArticleResult, misses_by_reach

    texts = {"a": "Take magnesium. Pull your toes. Rub the calf.", "b": "Massage helps. Magnesium too."}
    a_gold = [
        gold_appearance(MAGNESIUM, "treatment", 0, 15),  # found
        gold_appearance(MAGNESIUM, "prevention", 0, 15),  # missed; written; b claims it too
        gold_appearance(RemedyData("stretching", "maneuver"), "relief", 16, 31),  # missed; a's alone, other words
        gold_appearance(MASSAGE, "relief", 32, 46),  # missed; "rub", other words; b claims massage
        gold_appearance(QUININE, "caution", 16, 31),  # missed; a's alone, not written
    ]
    b_gold = [gold_appearance(MASSAGE, "relief", 0, 14), gold_appearance(MAGNESIUM, "treatment", 15, 29)]
    results = [
        ArticleResult("a", score([proposal("magnesium", 0, 15, "treatment")], a_gold), 0.0, [], a_gold),
        ArticleResult("b", score([proposal("massage", 0, 14, "relief")], b_gold), 0.0, [], b_gold),  # misses magnesium
    ]
    assert misses_by_reach(results, texts) == {
        "written, known from another article": 2,  # a's magnesium prevention, b's magnesium
        "written, this article's alone": 0,
        "in other words, known from another article": 1,  # "Rub the calf"
        "in other words, this article's alone": 2,  # stretching, quinine
    }


def test_a_held_out_run_keeps_no_phrasing_that_finds_what_only_the_held_out_article_has():
    from claims.ingest.phrasings import Phrasing, forms
    from claims.ingest.score import held_out_phrasings

    def row(remedy, words):
        return Phrasing(remedy, "lifestyle", tuple(frozenset().union(*map(forms, w.split("|"))) for w in words.split()))

    diet = RemedyData("balanced diet", "lifestyle", ("proper nutrition",))
    remedies = [MASSAGE, diet, RemedyData("leg elevation", "lifestyle", ("raising the legs",))]
    kept = [
        MASSAGE,
        RemedyData("balanced diet", "lifestyle"),
    ]  # "proper nutrition" and leg elevation: the article's own
    rows = [
        row("massage", "rub calf"),
        row("balanced diet", "proper|correct diet|nutrition"),  # would find the removed alias
        row("leg elevation", "feet|legs cushions"),  # names a removed remedy
        row("cold compress", "cold pack"),  # no remedy of the catalogue
    ]
    assert [p.remedy for p in held_out_phrasings(rows, remedies, kept)] == ["massage", "cold compress"]
