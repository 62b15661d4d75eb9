"""The whole articles' scorer (bench/ingest/articles.py) on hand-made proposals."""

import json
from types import SimpleNamespace

from bench.ingest.articles import ARTICLES, judge


def proposal(remedy, surface, kind):
    return SimpleNamespace(remedy=remedy, surface=surface, kind=kind)


def test_a_warned_remedy_with_a_benefit_among_its_proposals_is_counted():
    gold = {"remedy": "Nurofen", "says": "caution"}
    assert judge(gold, [proposal("ibuprofen", "Nurofen", "treatment")])[:2] == ("warned", "as_benefit")
    assert judge(gold, [proposal("ibuprofen", "Nurofen", "caution")])[:2] == ("warned", "")
    assert judge(gold, [proposal("paracetamol", "paracetamol", "treatment")])[:2] == ("warned", "missed")


def test_an_advised_remedy_with_only_harms_is_counted():
    gold = {"remedy": "stretch", "says": "benefit"}
    assert judge(gold, [proposal("stretching", "stretch", "caution")])[:2] == ("advised", "as_harm")
    both = [proposal("stretching", "stretch", "caution"), proposal("stretching", "stretching", "relief")]
    assert judge(gold, both)[:2] == ("advised", "")


def test_the_articles_are_well_formed():
    articles = json.loads(ARTICLES.read_text(encoding="utf-8"))
    assert len(articles) == 204
    assert all(a["text"].strip() and a["condition"] and a["gold"] for a in articles)
    assert {g["says"] for a in articles for g in a["gold"]} <= {"benefit", "cause", "caution", "interaction", "nothing"}
