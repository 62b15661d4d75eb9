"""The proposer's reading speed on the catalogue's articles and on pages of long lists of names
(claims.ingest.workload): the work estimated per second of proposing, and per character, so that
settings.INGEST_INLINE_WORK, the most a reviewer's request may ask, reads in seconds here.

The lists are made from the lexicon's own names, 60 to a sentence, after the three ways articles
introduce such lists ("Take …", "Ask your doctor before taking …", "Foods rich in …"); a page
of them is the slowest reading per character found (a drug-interaction page is such a page).
"""

from __future__ import annotations

import time

from django.conf import settings

from claims.ingest.propose import propose
from claims.ingest.workload import find_names, workload

_LEADS = ("Take {} for a better night.", "Ask your doctor before taking {}.", "Foods rich in {} help.")
_LIST_CHARACTERS = 20_000


def lists_of_names(lexicon, characters: int = _LIST_CHARACTERS) -> str:
    names = sorted({t.remedy for t in lexicon.terms if t.remedy.isalpha() and len(t.remedy) > 4})
    lines, size, index = [], 0, 0
    while size < characters:
        line = _LEADS[index % len(_LEADS)].format(", ".join(names[index * 7 % len(names) :][:60])) + "\n"
        lines.append(line)
        size, index = size + len(line), index + 1
    return "".join(lines)


def _reading(texts: list[tuple[str, str | None]], lexicon, rounds: int = 3) -> dict:
    """Best of `rounds` at proposing the texts, and the estimate's own time apart (finding the names,
    which ingest_article hands on to the proposer, and weighing them)."""
    characters = sum(len(text) for text, _ in texts)
    started = time.perf_counter()
    work = sum(workload(find_names(text, lexicon, condition)) for text, condition in texts)
    estimate_seconds = time.perf_counter() - started
    seconds = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for text, condition in texts:
            propose(text, lexicon, condition)
        seconds = min(seconds, time.perf_counter() - started)
    return {
        "characters": characters,
        "work": work,
        "work_per_character": round(work / characters, 1),
        "work_per_second": round(work / seconds),
        "characters_per_second": round(characters / seconds),
        "estimate_share": round(estimate_seconds / seconds, 3),  # the estimate's time, as a share of proposing's
    }


def run_workload(lexicon, articles: list[tuple[str, str | None]]) -> dict:
    prose = _reading(articles, lexicon)
    lists = _reading([(lists_of_names(lexicon), "insomnia")], lexicon)
    slowest = min(prose["work_per_second"], lists["work_per_second"])
    limit = settings.INGEST_INLINE_WORK
    return {
        "articles": prose,
        "lists_of_names": lists,
        "lists_slower_per_character": round(prose["characters_per_second"] / lists["characters_per_second"], 1),
        "inline_work": limit,
        "inline_seconds_at_slowest": round(limit / slowest, 1),
    }


def print_workload(result: dict, out=print) -> None:
    prose, lists = result["articles"], result["lists_of_names"]
    out("\nproposer's reading (claims.ingest.workload), best of 3:")
    for name, row in (("five articles", prose), ("lists of names", lists)):
        out(
            f"  {name}: {row['characters']:,} characters, {row['work_per_character']} work per character, "
            f"{row['work_per_second']:,} work/s, {row['characters_per_second']:,} characters/s; "
            f"names found and weighed in {row['estimate_share']:.0%} of proposing's time (then reused by it)"
        )
    out(
        f"  lists of names read {result['lists_slower_per_character']}x slower per character; the inline limit "
        f"({result['inline_work']:,} work) is {result['inline_seconds_at_slowest']} s at the slower rate"
    )
