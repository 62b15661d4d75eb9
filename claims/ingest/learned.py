"""Cue words learned from the catalogue's own quotes: articles rarely name a maneuver the way the
catalogue does ("stretching" is "pull your toes towards you", "needle pricking" is "prick the
muscle"), but they say it in the same few words from one article to the next.

From (remedy, quote, article) examples, a word or a pair of words (by stem) becomes a trigger for
a remedy when it occurs in quotes of that remedy in at least two articles and, among all the
quotes it occurs in, mostly in that remedy's. A benchmark that leaves an article out learns
without that article's quotes.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from claims.ingest.condition import condition_words
from claims.ingest.norm import fold, singular
from claims.ingest.vocabulary import FUNCTION

MIN_SUPPORT = 2  # sentences claiming the remedy that hold a pair of words, from as many articles
MIN_SUPPORT_WORD = 3  # ... that hold a single word: one word needs more evidence than two
MIN_PRECISION = 0.75  # of the sentences holding the trigger, the share that claim the remedy
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
PAIR_WINDOW = 5  # words from a pair's first word to its second, both counted
_SUFFIXES = ("ings", "ing", "edly", "ed", "ly", "ions", "ion", "es", "e", "s")
# Words any article's quotes share, never a remedy's trigger: the body and the limbs where any
# complaint is felt, episodes of any condition; an article's condition adds its own words.
_GENERIC_WORDS = "muscle calf foot feet seizure convulsion pain night attack episode symptom body blood"


@dataclass(frozen=True)
class Example:
    remedy: str
    article: str
    quote: str
    start: int = -1  # offsets in the article's text, when the text is at hand
    end: int = -1
    condition: str = ""  # the name of what the article is about, whose words are no trigger
    kind: str = ""  # the claim's kind, when known


@dataclass(frozen=True)
class Trigger:
    stems: tuple[str, ...]  # one stem, or two in alphabetical order
    remedy: str
    precision: float
    support: int


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem that lets "prick", "pricking" and "pricked" meet."""
    word = singular(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "ls":
        word = word[:-1]
    return word


_GENERIC = frozenset(stem(word) for word in _GENERIC_WORDS.split())


def stems(text: str, skip: Iterable[tuple[int, int]] = ()) -> dict[str, tuple[int, int]]:
    """The content stems of a text, each with the span of its first occurrence (outside `skip`)."""
    found: dict[str, tuple[int, int]] = {}
    skip = list(skip)
    for match in _WORD.finditer(fold(text)):
        word = match.group(0)
        if word in FUNCTION or len(word) < 3 or any(s <= match.start() < e for s, e in skip):
            continue
        found.setdefault(stem(word), match.span())
    return found


def learn_triggers(
    examples: Iterable[Example], texts: dict[str, str] | None = None, names: set[str] | None = None
) -> list[Trigger]:
    """Triggers from the examples. With an article's text, precision counts every sentence of it
    (a word common outside claims is no trigger); without, only the quotes. `names` are the stems
    of every remedy name and alias: a name is matched as a name, never as another's trigger."""
    from claims.ingest.segments import HEADING, segment

    texts = texts or {}
    units: list[tuple[frozenset[str], set[str], str]] = []  # (stems, remedies claimed there, article)
    by_article: dict[str, list[Example]] = defaultdict(list)
    for example in examples:
        by_article[example.article].append(example)
    for article, claimed in by_article.items():
        text = texts.get(article)
        own = _condition_stems(claimed[0].condition)
        if text is None:
            quotes: dict[str, set[str]] = defaultdict(set)
            for example in claimed:
                quotes[example.quote].add(example.remedy)
            units += [(frozenset(stems(q)) - own, remedies, article) for q, remedies in quotes.items()]
            continue
        for seg in segment(text):
            if seg.kind != HEADING:
                remedies = {e.remedy for e in claimed if e.start < seg.end and seg.start < e.end}
                units.append((frozenset(stems(seg.text)) - own, remedies, article))
    blocked = _GENERIC | (names or set())
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    hits: dict[tuple[tuple[str, ...], str], set[int]] = defaultdict(set)
    for number, (words, remedies, _) in enumerate(units):
        words = sorted(words - blocked)
        for key in itertools.chain(((w,) for w in words), itertools.combinations(words, 2)):
            seen[key] += 1
            for remedy in remedies:
                hits[key, remedy].add(number)
    triggers = []
    for (key, remedy), holding in hits.items():
        support = len(holding)
        precision = support / seen[key]
        needed = MIN_SUPPORT_WORD if len(key) == 1 else MIN_SUPPORT
        if support < needed or precision < MIN_PRECISION or len({units[i][2] for i in holding}) < 2:
            continue
        triggers.append(Trigger(key, remedy, round(precision, 2), support))
    return _most_specific(triggers)


@lru_cache(maxsize=256)
def _condition_stems(condition: str) -> frozenset[str]:
    return frozenset(stem(word) for word in condition_words(condition).forms)


def name_stems(labels: Iterable[str]) -> set[str]:
    """The stems of the one-word remedy names and aliases ("banana", "coffee")."""
    return {stem(fold(label)) for label in labels if _WORD.fullmatch(fold(label))}


def _most_specific(triggers: list[Trigger]) -> list[Trigger]:
    """A pair is kept only when it says more than either of its words alone."""
    single = {(t.stems[0], t.remedy): t.precision for t in triggers if len(t.stems) == 1}
    kept = []
    for trigger in triggers:
        if len(trigger.stems) == 2 and any(
            single.get((s, trigger.remedy), 0) >= trigger.precision for s in trigger.stems
        ):
            continue
        kept.append(trigger)
    return sorted(kept, key=lambda t: (t.remedy, t.stems))


def trigger_mentions(seg_start: int, seg_text: str, triggers, known: set[str], taken=()):
    """Mentions of remedies (not already in `known`) whose learned triggers the segment holds:
    (start, end, term, precision), the span running from the first trigger word to the last.
    A trigger word inside a name already found ("dried" of "dried apricots") is that name's, and
    a pair's two words must stand within PAIR_WINDOW words of each other."""
    if not triggers:
        return []
    present = stems(seg_text, [(s - seg_start, e - seg_start) for s, e in taken])
    folded = fold(seg_text)
    best: dict[str, tuple[int, int, object, float]] = {}
    for words, term, precision in triggers:
        if term.remedy in known or not words <= present.keys():
            continue
        spans = [present[w] for w in words]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        if len(words) > 1 and len(_WORD.findall(folded, start, end)) > PAIR_WINDOW:
            continue
        if term.remedy not in best or best[term.remedy][3] < precision:
            best[term.remedy] = (seg_start + start, seg_start + end, term, precision)
    return list(best.values())
