"""The proposer benchmark's figures: one run's per-article and overall scores, and the table."""

from __future__ import annotations

TARGETS = {"recall": 0.90, "precision": 0.80, "kind_accuracy": 0.80}


def run_summary(results) -> dict:
    """Per article and overall, from claims.ingest.score.evaluate's results."""
    total = None
    articles = {}
    for result in results:
        total = result.score if total is None else total + result.score
        articles[result.article] = result.score.as_dict() | {
            "new_remedies_proposed": len({p.remedy for p in result.proposals if p.is_new}),
            "seconds": round(result.seconds, 3),
        }
    return {"articles": articles, "overall": total.as_dict() if total else {}}


def _row(label: str, figures: dict) -> str:
    return (
        f"  {label:28} {figures['gold']:5} {figures['proposed']:9} {figures['matched']:8}"
        f" {figures['recall']:7.3f} {figures['precision']:9.3f} {figures['kind_accuracy']:6.3f}"
    )


def _print_misses(overall: dict, misses: dict, out) -> None:
    """The missed appearances by what a proposer could have found them from, and the recall each
    step would reach (claims.ingest.score.misses_by_reach)."""
    out(f"  missed: {sum(misses.values())} appearances, by what could have found them:")
    for reach, count in misses.items():
        out(f"    {reach:44} {count:4}")
    written = sum(count for reach, count in misses.items() if reach.startswith("written"))
    known = misses["in other words, known from another article"]
    gold, matched = overall["gold"], overall["matched"]
    out(
        f"  recall if every miss whose name is written were found: {(matched + written) / gold:.3f}; "
        f"and every miss of a remedy known from another article too: {(matched + written + known) / gold:.3f}"
    )


def print_report(results: dict, out=print) -> None:
    for name, run in results["runs"].items():
        out(f"\n{name}")
        out(f"  {'article':28} {'gold':>5} {'proposed':>9} {'matched':>8} {'recall':>7} {'precision':>9} {'kind':>6}")
        for article, figures in run["articles"].items():
            out(_row(article, figures))
        out(_row("overall", run["overall"]))
        missed = [
            f"{measure} {run['overall'][measure]:.3f} < {target}"
            for measure, target in TARGETS.items()
            if run["overall"][measure] < target
        ]
        if name == "held out":
            out("  targets: " + ("met" if not missed else "MISSED: " + ", ".join(missed)))
        if "misses" in run:
            _print_misses(run["overall"], run["misses"], out)
    speed = results["speed"]
    out(
        f"\nspeed: {speed['articles_per_second']} articles/s ({speed['characters_per_second']:,} characters/s, "
        f"{speed['seconds_per_article']} s per article); lexicon built in {speed['lexicon_build_seconds']} s"
    )
    out(
        f"drug lexicon: {speed['drug_names']:,} names read in {speed['drug_names_load_seconds']} s, "
        f"{speed['drug_names_mb']} MB held"
    )
    out(f"memory: peak {speed['peak_traced_mb']} MB traced (build + five articles), peak RSS {speed['peak_rss_mb']} MB")


def print_external(external: dict, out=print) -> None:
    """The published articles outside the catalogue: a separate table, each text's status."""
    out(f"\nexternal articles (full catalogue lexicon; texts from {external['directory']}, INGEST_EXTERNAL_DIR)")
    absent = {slug: row for slug, row in external["sources"].items() if row["text"] == "absent"}
    if external["articles"]:
        out(f"  {'article':28} {'gold':>5} {'proposed':>9} {'matched':>8} {'recall':>7} {'precision':>9} {'kind':>6}")
        for article, figures in external["articles"].items():
            out(_row(article, figures) + f"   {external['sources'][article]['condition']}")
        for condition, figures in external["by_condition"].items():
            out(_row(f"all {condition}"[:28], figures))
        out(_row("overall", external["overall"]))
        speed = external["speed"]
        out(
            f"  speed: {speed['articles_per_second']} articles/s ({speed['characters_per_second']:,} characters/s); "
            f"peak {speed['peak_traced_mb']} MB traced (full lexicon build + {speed['articles']} articles)"
        )
    for slug, row in external["sources"].items():
        if row["text"] == "re-anchored":
            lost = row["quotes_not_found"]
            out(
                f"  {slug}: the text differs from the gold's (sha256); "
                f"{row['quotes_moved']} quotes re-anchored by search"
                + (f", {len(lost)} not found and left out: {lost}" if lost else "")
            )
    for slug, row in absent.items():
        out(f"  {slug}: no text, skipped. {row['url']}\n    {row['fetch']}")


def print_safety(safety: dict, out=print) -> None:
    """The safety corpus (bench/ingest/safety.py): warnings read as benefits, advice read as warnings."""
    out("\nsafety corpus (bench/ingest/safety_corpus.json, full catalogue lexicon)")
    warned, limits = safety["warned_remedy_as_benefit"], safety["limit_shown_as_dose"]
    out(f"  {safety['warning_texts']} warnings: a warned remedy proposed as a benefit in {warned}, a limit shown as")
    out(f"    the dose of a benefit in {limits}")
    without, against = safety["advice_without_benefit"], safety["advice_with_cause_or_caution"]
    out(f"  {safety['advice_texts']} plain advice: no benefit proposed in {without}, a cause or caution in {against}")
    for text in safety["dangerous"]:
        out(f"    {text!r}")


def print_articles(articles: dict, out=print) -> None:
    """The whole made-up articles (bench/ingest/articles.py): warned remedies read as benefits."""
    out(f"\nwhole articles (bench/ingest/whole_articles.json, {articles['articles']} made-up articles, full lexicon)")
    out(
        f"  {articles['warned']} warned remedies: a benefit proposed for {articles['warned_as_benefit']}, "
        f"none proposed for {articles['warned_missed']}"
    )
    out(
        f"  {articles['advised']} advised remedies: only a cause or caution for {articles['advised_as_harm']}, "
        f"none proposed for {articles['advised_missed']}; {articles['proposals']} proposals in all"
    )
    for failure in articles["failures"]:
        out(f"    {failure}")


def print_phrasings(phrasings: dict, out=print) -> None:
    """The phrasing table on sentences written blind (bench/ingest/phrasings.py)."""
    out(
        "\neveryday phrasings (bench/ingest/phrasing_sets.json, written blind; full lexicon with and without the table)"
    )
    for one in phrasings["sets"]:
        first = one["first_score"]
        for label in ("with", "without"):
            f = one[label]
            out(
                f"  {one['name']}, {label} the table: {f['found']} of {f['of']} measures found, {f['wrong']} wrong "
                f"(recall {f['recall']:.3f}, precision {f['precision']:.3f})"
            )
        out(f"    first scored at {first['commit']}: {first['found']} of {first['of']} found, {first['wrong']} wrong")
