"""The gold for published articles outside the catalogue (bench/ingest/external/): well formed,
no article text in it, and the bench's handling of a text that differs or is missing, on a
made-up text."""

import re
from dataclasses import replace

from bench.ingest.external import (
    KINDS,
    ExternalArticle,
    GoldClaim,
    anchor,
    describe,
    evaluate_external,
    find_quote,
    gold_appearances,
    load_gold,
    read_texts,
    run_external,
    sha256,
)
from bench.ingest.report import print_external
from tests.ingest.conftest import REMEDIES

POPULATIONS = {
    "pregnancy",
    "children",
    "elderly",
    "athletes",
    "varicose_veins",
    "thrombophlebitis",
    "diabetes",
    "hypotension",
    "heart_disease",
    "kidney_disease",
    "liver_disease",
    "gastrointestinal",
    "flat_feet",
    "sedentary",
    "asthma",
    "breastfeeding",
    "hypertension",
}

TEXT = "Cramps at night.\n\nEat bananas every day to prevent cramps. Drink a cup of coffee and cramps come back.\n"


def _article(text: str = TEXT) -> ExternalArticle:
    claims = []
    for remedy, kind, quote, surface in (
        ("banana", "prevention", "Eat bananas every day to prevent cramps.", "bananas"),
        ("caffeine", "cause", "Drink a cup of coffee and cramps come back.", "coffee"),
    ):
        start = text.index(quote)
        claims.append(GoldClaim(remedy, kind, None, quote, start, start + len(quote), surface))
    return ExternalArticle(
        "made-up", "made-up.txt", "Made up", "https://example.org/", "cramps", "en", sha256(text), len(text),
        "Write it yourself.", tuple(claims),
    )  # fmt: skip


def test_the_gold_files_load_and_are_well_formed():
    articles = load_gold()
    assert len(articles) >= 3
    for article in articles:
        assert re.fullmatch(r"[0-9a-f]{64}", article.sha256)
        assert article.url.startswith("http") and article.title and article.fetch
        assert article.condition and article.language == "en" and article.characters > 0
        assert article.claims
        for claim in article.claims:
            assert len(claim.quote) == claim.end - claim.start
            assert 0 <= claim.start < claim.end <= article.characters
            assert claim.kind in KINDS
            assert claim.population is None or claim.population in POPULATIONS
            assert claim.remedy.strip()


def test_at_least_one_article_is_about_another_condition_than_leg_cramps():
    conditions = {article.condition for article in load_gold()}
    assert any("cramp" not in condition for condition in conditions)
    assert any("cramp" in condition for condition in conditions)


def test_the_same_text_keeps_its_offsets():
    anchored = anchor(_article(), TEXT)
    assert anchored.status == "exact" and not anchored.missing
    assert [TEXT[c.start : c.end] for c in anchored.claims] == [c.quote for c in _article().claims]


def test_a_changed_text_is_re_anchored_by_search():
    changed = "A new line at the top.\n" + TEXT.replace("Drink a cup of", "Drink a  cup of")
    anchored = anchor(_article(), changed)
    assert anchored.status == "re-anchored"
    assert anchored.moved == 2 and not anchored.missing
    for claim in anchored.claims:
        assert changed[claim.start : claim.end] == claim.quote
    assert anchored.claims[1].quote == "Drink a  cup of coffee and cramps come back."


def test_a_quote_no_longer_in_the_text_is_reported_and_left_out():
    anchored = anchor(_article(), TEXT.replace("Eat bananas every day", "Eat apples every day"))
    assert [c.remedy for c in anchored.missing] == ["banana"]
    assert [c.remedy for c in anchored.claims] == ["caffeine"]


def test_the_nearest_occurrence_is_chosen():
    text = "Rest. Rest. Rest."
    assert find_quote(text, "Rest.", 11) == (12, 17)
    assert find_quote(text, "Sleep.", 0) is None


def test_an_absent_text_is_skipped_with_how_to_fetch_it(tmp_path):
    (tmp_path / "made-up.txt").write_text(TEXT, encoding="utf-8")
    other = replace(_article(), slug="elsewhere", file="elsewhere.txt")
    anchored = read_texts([_article(), other], tmp_path)
    assert [a.status for a in anchored] == ["exact", "absent"]
    rows = describe(anchored)
    assert rows["elsewhere"]["fetch"] == "Write it yourself." and "fetch" not in rows["made-up"]


def test_the_bench_never_fails_without_texts(tmp_path):
    external = run_external(None, {}, directory=tmp_path)
    assert external["articles"] == {} and external["sources"]
    assert all(row["text"] == "absent" for row in external["sources"].values())
    lines = []
    print_external(external, out=lines.append)
    assert any("no text, skipped" in line for line in lines)


def test_a_made_up_article_is_scored_against_its_gold(lexicon):
    anchored = anchor(_article(), TEXT)
    [result] = evaluate_external(lexicon, REMEDIES, [anchored])
    assert result.score.gold == 2
    assert result.score.matched <= result.score.proposed
    # The gold's names include the catalogue's aliases: "coffee" is caffeine's.
    names = gold_appearances(anchored.claims, REMEDIES)[1].names
    assert {"caffeine", "coffee"} <= names
