"""The proposer measured against hand-made gold: the catalogue's appearances for the five
articles, or any list of (remedy names, kind, span).

A proposal matches a gold appearance when their spans overlap and the proposal's remedy (its name
or the name as written) is the gold remedy's name or one of its aliases, compared by name key
(case, punctuation and plural endings aside). Each proposal matches at most one appearance and
each appearance at most one proposal; among the matchings as large as possible, one that pairs
the same kinds is preferred. Recall = matched appearances / appearances; precision = matched
proposals / proposals; kind accuracy = matched pairs of the same kind / matched pairs.

Leaving one article out: the lexicon is built without the remedies claimed only in that article,
and without the aliases that occur only in its text, nor the curated phrasings that would find them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claims.ingest.brands import Brand
from claims.ingest.lexicon import RemedyData, remedies_from_catalogue
from claims.ingest.norm import fold, name_key, plural_forms


@dataclass(frozen=True)
class GoldAppearance:
    remedy: str
    names: frozenset[str]  # name keys of the remedy's name and aliases
    kind: str
    start: int
    end: int


@dataclass
class Score:
    gold: int
    proposed: int
    matched: int
    kind_correct: int
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (proposal index, gold index)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.proposed if self.proposed else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_correct / self.matched if self.matched else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.proposed + other.proposed,
            self.matched + other.matched,
            self.kind_correct + other.kind_correct,
        )

    def as_dict(self) -> dict:
        return {
            "gold": self.gold,
            "proposed": self.proposed,
            "matched": self.matched,
            "kind_correct": self.kind_correct,
            "recall": round(self.recall, 3),
            "precision": round(self.precision, 3),
            "kind_accuracy": round(self.kind_accuracy, 3),
        }


def gold_appearance(remedy: RemedyData, kind: str, start: int, end: int) -> GoldAppearance:
    names = frozenset(name_key(label) for label in (remedy.name, *remedy.aliases))
    return GoldAppearance(remedy.name, names, kind, start, end)


def score(proposals: Sequence, gold: Sequence[GoldAppearance]) -> Score:
    """Match `proposals` (anything with start, end, remedy, surface and kind) against `gold`."""
    keys = [{name_key(p.remedy), name_key(p.surface)} for p in proposals]
    edges: list[list[int]] = [[] for _ in proposals]
    same: list[list[int]] = [[] for _ in proposals]
    for i, proposal in enumerate(proposals):
        for j, appearance in enumerate(gold):
            if proposal.start < appearance.end and appearance.start < proposal.end and keys[i] & appearance.names:
                edges[i].append(j)
                if proposal.kind == appearance.kind:
                    same[i].append(j)
    owner: dict[int, int] = {}  # gold index -> proposal index
    # Same-kind pairs first, then every pair: augmenting paths never unmatch a matched appearance.
    for graph in (same, edges):
        for i in range(len(proposals)):
            if i not in owner.values():
                _augment(i, graph, owner, set())
    pairs = sorted((i, j) for j, i in owner.items())
    kind_correct = sum(1 for i, j in pairs if proposals[i].kind == gold[j].kind)
    return Score(len(gold), len(proposals), len(pairs), kind_correct, pairs)


def _augment(i: int, graph: list[list[int]], owner: dict[int, int], visited: set[int]) -> bool:
    for j in graph[i]:
        if j in visited:
            continue
        visited.add(j)
        if j not in owner or _augment(owner[j], graph, owner, visited):
            owner[j] = i
            return True
    return False


# Leaving one article out -----------------------------------------------------------------------


def _occurs(label: str, folded_text: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", folded_text) for form in plural_forms(label))


def held_out_lexicon(
    remedies: Sequence[RemedyData],
    claimed_in: dict[str, set[str]],
    texts: dict[str, str],
    held_out: str,
    brands: Iterable[Brand] = (),
    *,
    strict: bool = False,
) -> tuple[list[RemedyData], list[Brand]]:
    """The remedies (and brands) the proposer may know when `held_out` is the article it reads.

    Removed: every remedy claimed in `held_out` and in no other article; every alias that occurs
    in `held_out`'s text and in no other article's. `strict` also removes the brand rows that name
    a removed remedy or alias, for a figure that owes nothing to the brand table either.
    """
    folded = {name: fold(text) for name, text in texts.items()}
    others = [text for name, text in folded.items() if name != held_out]
    kept, removed_keys = [], set()
    for remedy in remedies:
        if claimed_in.get(remedy.name) == {held_out}:
            removed_keys |= {name_key(label) for label in (remedy.name, *remedy.aliases)}
            continue
        aliases = []
        for alias in remedy.aliases:
            own = held_out in folded and _occurs(alias, folded[held_out]) and not any(_occurs(alias, t) for t in others)
            if own:
                removed_keys.add(name_key(alias))
            else:
                aliases.append(alias)
        kept.append(RemedyData(remedy.name, remedy.category, tuple(aliases), remedy.atc_code))
    kept_brands = [
        brand
        for brand in brands
        if not strict or not ({name_key(brand.brand), name_key(brand.ingredient)} & removed_keys)
    ]
    return kept, kept_brands


def _removed_labels(remedies: Sequence[RemedyData], kept: Sequence[RemedyData]) -> list[str]:
    """The names and aliases `held_out_lexicon` left out of `kept`."""
    left = {name_key(label) for remedy in kept for label in (remedy.name, *remedy.aliases)}
    return [label for remedy in remedies for label in (remedy.name, *remedy.aliases) if name_key(label) not in left]


def held_out_phrasings(phrasings: Iterable, remedies: Sequence[RemedyData], kept: Sequence[RemedyData]) -> list:
    """The phrasing rows (claims.ingest.phrasings) a held-out run may keep: none that names a remedy
    or alias `held_out_lexicon` removed (the table would bring back what only the held-out article
    claims) and none that would find such an alias ("proper|correct diet|nutrition" finds "proper
    nutrition")."""
    from claims.ingest.phrasings import holds

    removed = _removed_labels(remedies, kept)
    removed_keys = {name_key(label) for label in removed}
    return [
        phrasing
        for phrasing in phrasings
        if not any(holds(phrasing, label) for label in removed) and name_key(phrasing.remedy) not in removed_keys
    ]


def held_out_everyday(rows: Iterable, remedies: Sequence[RemedyData], kept: Sequence[RemedyData]) -> list:
    """The everyday remedies (claims.ingest.everyday) a held-out run may keep: none that names a
    remedy or alias `held_out_lexicon` removed, or holds one ("pickle juice shot" would find
    "pickle juice"): the table would bring back what only the held-out article claims."""
    removed = {name_key(label) for label in _removed_labels(remedies, kept)}
    return [
        row
        for row in rows
        if not any(f" {gone} " in f" {name_key(label)} " for label in row.labels for gone in removed)
    ]


# The five catalogued articles -------------------------------------------------------------------


@dataclass
class ArticleResult:
    article: str
    score: Score
    seconds: float  # proposing only: segmenting, matching and deciding, not building the lexicon
    proposals: list = field(default_factory=list)
    gold: list = field(default_factory=list)


def catalogue_gold(catalogue, source) -> list[GoldAppearance]:
    """The catalogue's appearances in one article (a SourceEntry), as gold."""
    remedies = {remedy.name: remedy for remedy in remedies_from_catalogue(catalogue)}
    return [gold_appearance(remedies[c.remedy], c.kind, c.start, c.end) for c in source.claims]


def evaluate(
    catalogue, texts: dict[str, str], *, held_out: bool = True, strict: bool = False, phrasings: bool = True
) -> list[ArticleResult]:
    """Propose on each article whose text is at hand and score against its appearances: with a
    lexicon and cue words that never saw that article (`held_out`), or with everything (`held_out`
    False: how well the proposer finds what it knows, an upper bound). `strict` also leaves out the
    brand rows that name what only the held-out article has (the phrasing and everyday rows that do
    are always left out); without `phrasings`, the curated phrasing table is left out altogether."""
    import time

    from claims.ingest.brands import brand_table
    from claims.ingest.catalogue_lexicon import catalogue_examples, lexicon_from_parts
    from claims.ingest.everyday import everyday_table
    from claims.ingest.phrasings import phrasing_table
    from claims.ingest.propose import propose

    remedies = remedies_from_catalogue(catalogue)
    claimed_in: dict[str, set[str]] = {}
    for source in catalogue.sources:
        for claim in source.claims:
            claimed_in.setdefault(claim.remedy, set()).add(source.file_name)
    results = []
    for source in catalogue.sources:
        if source.file_name not in texts:
            continue
        if held_out:
            kept, brands = held_out_lexicon(remedies, claimed_in, texts, source.file_name, brand_table(), strict=strict)
            said = held_out_phrasings(phrasing_table() if phrasings else (), remedies, kept)
            examples = catalogue_examples(catalogue, leave_out=source.file_name)
            learning_texts = {name: text for name, text in texts.items() if name != source.file_name}
            everyday = held_out_everyday(everyday_table(), remedies, kept)
            lexicon = lexicon_from_parts(kept, examples, learning_texts, brands, phrasings=said, everyday=everyday)
        else:
            lexicon = lexicon_from_parts(
                remedies, catalogue_examples(catalogue), texts, phrasings=None if phrasings else ()
            )
        started = time.perf_counter()
        proposals = propose(texts[source.file_name], lexicon, source.condition)
        seconds = time.perf_counter() - started
        gold = catalogue_gold(catalogue, source)
        results.append(ArticleResult(source.file_name, score(proposals, gold), seconds, proposals, gold))
    return results


REACH = (
    "written, known from another article",
    "written, this article's alone",
    "in other words, known from another article",
    "in other words, this article's alone",
)


def misses_by_reach(results: Sequence[ArticleResult], texts: dict[str, str]) -> dict[str, int]:
    """What a leave-one-out run missed, by what a proposer could have found it from: whether the
    quote writes the remedy's name or an alias, and whether another article claims the remedy (so
    the held-out lexicon still knows it). A remedy only its own article has, said in other words,
    leaves no name to find, neither in the text nor in the lexicon."""
    articles_of: dict[str, set[str]] = {}
    for result in results:
        for gold in result.gold:
            articles_of.setdefault(gold.remedy, set()).add(result.article)
    counts = dict.fromkeys(REACH, 0)
    for result in results:
        matched = {index for _, index in result.score.pairs}
        for index, gold in enumerate(result.gold):
            if index in matched:
                continue
            quote = fold(texts[result.article][gold.start : gold.end])
            written = any(_occurs(name, quote) for name in gold.names)
            known = bool(articles_of[gold.remedy] - {result.article})
            counts[REACH[(0 if written else 2) + (0 if known else 1)]] += 1
    return counts
