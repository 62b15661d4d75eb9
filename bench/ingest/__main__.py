"""The proposer, leave one article out (`.venv/bin/python -m bench.ingest`).

For each of the five catalogued articles (their texts in CORPUS_DIR, default ../shared/corpus),
the lexicon is built without the remedies claimed only in that article, without the aliases that
occur only in its text, and the cue words are learned without its quotes (claims.ingest.score).
The proposals are matched against the catalogue's appearances in that article: recall, precision
and kind accuracy per article and overall. Three runs:

- `held out`: the measure the issue asks for (the brand table, the everyday table and the offline
  drug lexicon stay; the everyday rows that name or hold a remedy or alias only the held-out
  article has are left out, as the phrasing rows are);
- `held out, strict`: also without the brand rows that name a remedy or alias the article alone
  has, so nothing it owes to the curated brand table is counted (the phrasing rows that do, or
  that would find such an alias, are left out of every held-out run);
- `held out, without phrasings`: without the curated phrasing table (claims/ingest/phrasings.csv)
  at all, written after reading what the five articles' runs missed: what the table adds;
- `in sample`: everything known, the ceiling of what the matching and the cues can do.

Then the throughput (articles per second, proposing only, and the lexicon build apart) and the peak
memory (tracemalloc's peak during a build and the five proposals; the process's peak RSS), and the
proposer's reading speed on the articles and on pages of lists of names, what decides whether an
article is proposed in the request or in the background (bench/ingest/workload.py).

Then, last, the safety corpus (bench/ingest/safety.py): made-up plain advice and warnings, and how
often a warned remedy is proposed as a benefit.

Then 204 whole made-up articles with their writers' gold per remedy (bench/ingest/articles.py):
how often a remedy an article warns of is proposed as a benefit.

Then the curated phrasing table (claims/ingest/phrasings.csv) on 200 sentences written blind, with
and without it (bench/ingest/phrasings.py).

Then the published articles outside the catalogue (bench/ingest/external.py): their gold is in
bench/ingest/external/, their texts in INGEST_EXTERNAL_DIR (default ../external-articles); read
with the full catalogue's lexicon, scored per article, per condition and overall, apart from the
five. An article whose text is absent is skipped with how to fetch it.

Prints a table, writes bench/results/ingest.json, exits 0 even when a target is missed (a report).
"""

from __future__ import annotations

import os
import resource
import sys
import time
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

from bench.env import ROOT, corpus_dir
from bench.ingest.articles import run_articles
from bench.ingest.external import run_external
from bench.ingest.phrasings import run_phrasing_sets
from bench.ingest.report import (
    TARGETS,
    print_articles,
    print_external,
    print_phrasings,
    print_report,
    print_safety,
    run_summary,
)
from bench.ingest.safety import run_safety
from bench.report import write_json

RESULTS = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results" / "ingest.json"))


def _setup() -> None:
    # The catalogue reader checks entries against the models' fields: Django, no database.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "true")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def main() -> int:
    _setup()
    from bench.ingest.workload import print_workload, run_workload
    from claims.catalogue import read_catalogue
    from claims.ingest.catalogue_lexicon import CATALOGUE_DIR, catalogue_examples, corpus_texts, lexicon_from_parts
    from claims.ingest.drugnames import drug_names
    from claims.ingest.lexicon import remedies_from_catalogue
    from claims.ingest.propose import propose
    from claims.ingest.score import evaluate, misses_by_reach

    catalogue = read_catalogue(CATALOGUE_DIR)
    texts = corpus_texts(catalogue, corpus_dir())
    conditions = {source.file_name: source.condition for source in catalogue.sources}
    if not texts:
        print(f"No article of the catalogue in {corpus_dir()} (CORPUS_DIR): nothing to measure.")
        print_external(run_external(catalogue, texts))
        return 1
    drug_names()  # written once by a child process into the cache folder, before anything is timed
    drug_names.cache_clear()
    tracemalloc.start()
    started = time.perf_counter()
    drug_count = len(drug_names())  # what every process pays: reading the cached file
    drug_seconds = time.perf_counter() - started
    drug_traced = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    runs = {}
    for name, options in (
        ("held out", {}),
        ("held out, strict", {"strict": True}),
        ("held out, without phrasings", {"phrasings": False}),
        ("in sample", {"held_out": False}),
    ):
        results = evaluate(catalogue, texts, **options)
        runs[name] = run_summary(results)
        if name == "held out":
            runs[name]["misses"] = misses_by_reach(results, texts)
    # Throughput and memory of the shipped configuration: the full lexicon, every article.
    started = time.perf_counter()
    lexicon = lexicon_from_parts(remedies_from_catalogue(catalogue), catalogue_examples(catalogue), texts)
    build_seconds = time.perf_counter() - started
    rounds, started = 5, time.perf_counter()
    for _ in range(rounds):
        for name, text in texts.items():
            propose(text, lexicon, conditions[name])
    propose_seconds = (time.perf_counter() - started) / rounds
    tracemalloc.start()
    lexicon = lexicon_from_parts(remedies_from_catalogue(catalogue), catalogue_examples(catalogue), texts)
    for name, text in texts.items():
        propose(text, lexicon, conditions[name])
    peak_traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    characters = sum(len(text) for text in texts.values())
    results = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "articles": sorted(texts),
        "targets": TARGETS,
        "runs": runs,
        "speed": {
            "articles_per_second": round(len(texts) / propose_seconds, 1),
            "characters_per_second": round(characters / propose_seconds),
            "seconds_per_article": round(propose_seconds / len(texts), 4),
            "lexicon_build_seconds": round(build_seconds, 2),
            "drug_names": drug_count,
            "drug_names_load_seconds": round(drug_seconds, 2),
            "drug_names_mb": round(drug_traced / 2**20, 1),
            "peak_traced_mb": round(peak_traced / 2**20, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        },
    }
    results["workload"] = run_workload(lexicon, [(text, conditions[name]) for name, text in texts.items()])
    results["external"] = run_external(catalogue, texts)
    results["safety"] = run_safety(lexicon)
    results["whole_articles"] = run_articles(lexicon)
    without_table = lexicon_from_parts(
        remedies_from_catalogue(catalogue), catalogue_examples(catalogue), texts, phrasings=()
    )
    results["phrasings"] = run_phrasing_sets(lexicon, without_table)
    print_report(results)
    print_workload(results["workload"])
    print_external(results["external"])
    print_safety(results["safety"])
    print_articles(results["whole_articles"])
    print_phrasings(results["phrasings"])
    write_json(results, RESULTS)
    print(f"\nWritten to {RESULTS.relative_to(ROOT) if RESULTS.is_relative_to(ROOT) else RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
