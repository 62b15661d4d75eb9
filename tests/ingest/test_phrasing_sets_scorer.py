"""The scorer of the phrasing sets (bench/ingest/phrasings.py) on a tiny hand-made example: a
measure counts when proposed with a benefit, under its name or one the file counts as the same."""

import json

from bench.ingest.phrasings import judge, run_phrasing_sets
from claims.ingest.lexicon import RemedyData, build_lexicon
from claims.ingest.phrasings import Phrasing, forms


def lexicon(*rows):
    phrasings = [
        Phrasing(name, category, tuple(frozenset().union(*map(forms, w.split("|"))) for w in words.split()))
        for name, category, words in rows
    ]
    return build_lexicon(
        [RemedyData("cold application", "topical"), RemedyData("massage", "maneuver")], phrasings=phrasings
    )


ITEMS = [
    {
        "text": "Hold an ice pack on your forehead.",
        "condition": "headache",
        "gold": ["cold compress"],
    },  # found, as the same
    {"text": "Knead the sore calf.", "condition": "night leg cramps", "gold": ["massage"]},  # missed: no row for it
    {"text": "A cold pack on the knee makes gout worse.", "condition": "gout", "gold": []},  # a cause: not wrong
    {"text": "Cold packs ease a sprain.", "condition": "sprain", "gold": []},  # wrong: not advised here by its gold
]


def test_found_missed_and_wrong_on_a_tiny_example():
    figures = judge(
        ITEMS,
        lexicon(("cold application", "topical", "cold|ice pack")),
        {"cold compress", "massage"},
        {"cold application": "cold compress"},
    )
    assert figures == {"found": 1, "of": 2, "wrong": 1, "recall": 0.5, "precision": 0.5}


def test_each_set_is_scored_with_and_without_the_table(tmp_path):
    path = tmp_path / "sets.json"
    sets = [{"name": "one", "first_score": {"commit": "abc", "found": 0, "of": 2, "wrong": 0}, "items": ITEMS}]
    path.write_text(json.dumps({"names": {"cold compress": ["cold application"]}, "sets": sets}), encoding="utf-8")
    result = run_phrasing_sets(lexicon(("cold application", "topical", "cold|ice pack")), lexicon(), path)
    assert [(s["name"], s["with"]["found"], s["without"]["found"]) for s in result["sets"]] == [("one", 1, 0)]
