"""The curated phrasing table on sentences written blind (bench/ingest/phrasing_sets.json): advice
that describes a self-care measure in everyday words without its name, and sentences with the same
words that advise none. Each set's writer had read neither the proposer's code nor the table.

A measure counts as found when a proposal names it (or a name the file counts as the same, the
catalogue's "cold application" for "cold compress") with a benefit kind; a measure proposed with a
benefit that the sentence does not advise is wrong. Run with the table and without it, on the same
lexicon otherwise: what the table adds, and how far it carries to words nobody tuned it on (each
set's first score, before any row was written from it, is in the file)."""

from __future__ import annotations

import json
from pathlib import Path

SETS = Path(__file__).resolve().parent / "phrasing_sets.json"
BENEFITS = frozenset(("relief", "treatment", "prevention"))


def run_phrasing_sets(with_table, without_table, sets: Path = SETS) -> dict:
    """Per set, the figures with the phrasing table (lexicon `with_table`) and without it."""
    data = json.loads(sets.read_text(encoding="utf-8"))
    same = {name: gold for gold, names in data["names"].items() for name in names}
    measures = {name for one in data["sets"] for item in one["items"] for name in item["gold"]} | set(same)
    results = []
    for one in data["sets"]:
        figures = {
            label: judge(one["items"], lexicon, measures, same)
            for label, lexicon in (("with", with_table), ("without", without_table))
        }
        results.append({"name": one["name"], "first_score": one["first_score"], **figures})
    return {"sets": results}


def judge(items: list[dict], lexicon, measures: set[str], same: dict[str, str]) -> dict:
    """Found, missed and wrong measures over `items`, and recall and precision."""
    from claims.ingest.propose import propose

    found = missed = wrong = 0
    for item in items:
        proposed = {
            same.get(p.remedy, p.remedy)
            for p in propose(item["text"], lexicon, item.get("condition"))
            if p.kind in BENEFITS and same.get(p.remedy, p.remedy) in measures
        }
        gold = set(item["gold"])
        found, missed, wrong = found + len(proposed & gold), missed + len(gold - proposed), wrong + len(proposed - gold)
    return {
        "found": found,
        "of": found + missed,
        "wrong": wrong,
        "recall": round(found / (found + missed), 3) if found + missed else 1.0,
        "precision": round(found / (found + wrong), 3) if found + wrong else 1.0,
    }
