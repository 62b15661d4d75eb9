"""Published home-remedy articles outside the catalogue, with the team's own gold.

The gold (bench/ingest/external/<slug>.json) holds each article's URL, condition, the sha256 and
length of the text it was made on, and its appearances (remedy, kind, population, verbatim quote
and offsets); never the article's text. The texts are read from INGEST_EXTERNAL_DIR (default
../external-articles beside the repository), one <slug>.txt each:

- the same bytes as the gold's (sha256): the offsets are used as they are;
- different bytes (a fresh fetch, another extractor): each quote is found again in the text, the
  nearest occurrence to its old offset, whitespace aside if need be; a quote not found is reported
  and left out of the scores, and the article is marked as re-anchored;
- no file: the article is skipped with how to fetch it. Nothing here ever fails the bench.

The proposer reads them with the whole catalogue's lexicon (they are not in the catalogue, so
nothing has to be held out), and the gold remedy's names are its own name, the aliases the gold
gives, the name as written, and the catalogue's aliases when the catalogue has that remedy.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.env import ROOT

GOLD_DIR = Path(__file__).resolve().parent / "external"
KINDS = frozenset(("relief", "treatment", "prevention", "cause", "caution"))


def external_dir() -> Path:
    return Path(os.environ.get("INGEST_EXTERNAL_DIR", ROOT.parent / "external-articles"))


@dataclass(frozen=True)
class GoldClaim:
    remedy: str
    kind: str
    population: str | None
    quote: str
    start: int
    end: int
    surface: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExternalArticle:
    slug: str
    file: str
    title: str
    url: str
    condition: str
    language: str
    sha256: str
    characters: int
    fetch: str
    claims: tuple[GoldClaim, ...]


@dataclass
class Anchored:
    """An article's text and its gold placed on it: `status` is "exact", "re-anchored" or "absent"."""

    article: ExternalArticle
    status: str
    text: str = ""
    claims: list[GoldClaim] = field(default_factory=list)
    missing: list[GoldClaim] = field(default_factory=list)
    moved: int = 0


def load_gold(directory: Path = GOLD_DIR) -> list[ExternalArticle]:
    articles = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        claims = tuple(
            GoldClaim(
                c["remedy"],
                c["kind"],
                c.get("population"),
                c["quote"],
                c["start"],
                c["end"],
                c.get("surface"),
                tuple(c.get("aliases", ())),
            )
            for c in data["claims"]
        )
        articles.append(
            ExternalArticle(
                path.stem,
                data["file"],
                data["title"],
                data["url"],
                data["condition"],
                data["language"],
                data["sha256"],
                data["characters"],
                data["fetch"],
                claims,
            )
        )
    return articles


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_quote(text: str, quote: str, near: int) -> tuple[int, int] | None:
    """Where `quote` is in `text`: the occurrence nearest `near`, or, failing that, the nearest
    match that differs only in whitespace."""
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if starts:
        start = min(starts, key=lambda s: abs(s - near))
        return start, start + len(quote)
    words = quote.split()
    if not words:
        return None
    loose = [(m.start(), m.end()) for m in re.finditer(r"\s+".join(map(re.escape, words)), text)]
    return min(loose, key=lambda span: abs(span[0] - near)) if loose else None


def anchor(article: ExternalArticle, text: str | None) -> Anchored:
    """The gold placed on `text` (None when the file is absent)."""
    if text is None:
        return Anchored(article, "absent")
    if sha256(text) == article.sha256:
        return Anchored(article, "exact", text, list(article.claims))
    result = Anchored(article, "re-anchored", text)
    for claim in article.claims:
        if text[claim.start : claim.end] == claim.quote:
            result.claims.append(claim)
            continue
        span = find_quote(text, claim.quote, claim.start)
        if span is None:
            result.missing.append(claim)
            continue
        result.moved += 1
        quote = text[span[0] : span[1]]
        result.claims.append(
            GoldClaim(
                claim.remedy, claim.kind, claim.population, quote, *span, surface=claim.surface, aliases=claim.aliases
            )
        )
    return result


def read_texts(articles: list[ExternalArticle], directory: Path) -> list[Anchored]:
    anchored = []
    for article in articles:
        path = directory / article.file
        anchored.append(anchor(article, path.read_text(encoding="utf-8") if path.is_file() else None))
    return anchored


def gold_appearances(claims: list[GoldClaim], remedies) -> list:
    """The claims as claims.ingest.score's gold, named by everything the remedy is called."""
    from claims.ingest.norm import name_key
    from claims.ingest.score import GoldAppearance

    registry = {}
    for remedy in remedies:
        for label in (remedy.name, *remedy.aliases):
            registry.setdefault(name_key(label), remedy)
    gold = []
    for claim in claims:
        labels = [claim.remedy, *claim.aliases, *([claim.surface] if claim.surface else [])]
        known = registry.get(name_key(claim.remedy))
        if known is not None:
            labels += [known.name, *known.aliases]
        names = frozenset(name_key(label) for label in labels)
        gold.append(GoldAppearance(claim.remedy, names, claim.kind, claim.start, claim.end))
    return gold


def evaluate_external(lexicon, remedies, anchored: list[Anchored]) -> list:
    """Propose on each article at hand and score against its gold (claims.ingest.score)."""
    from claims.ingest.propose import propose
    from claims.ingest.score import ArticleResult, score

    results = []
    for item in anchored:
        if item.status == "absent":
            continue
        started = time.perf_counter()
        proposals = propose(item.text, lexicon, item.article.condition)
        seconds = time.perf_counter() - started
        gold = gold_appearances(item.claims, remedies)
        results.append(ArticleResult(item.article.slug, score(proposals, gold), seconds, proposals, gold))
    return results


def describe(anchored: list[Anchored]) -> dict:
    """Each article's source, condition and how its text was found, for the report."""
    rows = {}
    for item in anchored:
        article = item.article
        row = {
            "title": article.title,
            "url": article.url,
            "condition": article.condition,
            "gold_claims": len(article.claims),
            "text": item.status,
        }
        if item.status == "absent":
            row["fetch"] = article.fetch
        if item.status == "re-anchored":
            row |= {"quotes_moved": item.moved, "quotes_not_found": [c.quote[:60] for c in item.missing]}
        rows[article.slug] = row
    return rows


def run_external(catalogue, corpus: dict[str, str], *, directory: Path | None = None, rounds: int = 20) -> dict:
    """The external set's figures: per article and overall, the texts' status, the speed of
    proposing on them and the peak memory of building the full lexicon and reading them all."""
    import tracemalloc

    from bench.ingest.report import run_summary
    from claims.ingest.catalogue_lexicon import catalogue_examples, lexicon_from_parts
    from claims.ingest.lexicon import remedies_from_catalogue
    from claims.ingest.propose import propose

    directory = directory or external_dir()
    anchored = read_texts(load_gold(), directory)
    summary = {"directory": str(directory), "sources": describe(anchored)}
    present = [item for item in anchored if item.status != "absent"]
    if not present:
        return summary | {"articles": {}, "overall": {}}
    remedies = remedies_from_catalogue(catalogue)
    tracemalloc.start()
    lexicon = lexicon_from_parts(remedies, catalogue_examples(catalogue), corpus)
    results = evaluate_external(lexicon, remedies, present)
    peak_traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    started = time.perf_counter()
    for _ in range(rounds):
        for item in present:
            propose(item.text, lexicon, item.article.condition)
    seconds = (time.perf_counter() - started) / rounds
    summary |= run_summary(results)
    by_condition: dict[str, object] = {}
    for result in results:
        condition = summary["sources"][result.article]["condition"]
        by_condition[condition] = by_condition[condition] + result.score if condition in by_condition else result.score
    summary["by_condition"] = {condition: score.as_dict() for condition, score in by_condition.items()}
    characters = sum(len(item.text) for item in present)
    summary["speed"] = {
        "articles": len(present),
        "articles_per_second": round(len(present) / seconds, 1),
        "characters_per_second": round(characters / seconds),
        "peak_traced_mb": round(peak_traced / 2**20, 1),
    }
    return summary
