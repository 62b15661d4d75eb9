"""Names of several words said in other words' order: "leg elevation" is "with your legs
elevated", "comfortable sleeping position" is "the sleeping position that is most comfortable",
"pressing the lower lip" is "press firmly in the middle of the lower lip". A name of two or more
content words is found when the stems of all of them occur close together in one segment; a word
and its synonym (vocabulary.SYNONYMS: "raise" for "elevation", "limbs" for "legs") count as one."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from claims.ingest.learned import stem
from claims.ingest.norm import fold
from claims.ingest.vocabulary import BODY, FUNCTION, SYNONYMS

WINDOW = 6  # words from the first of the name's stems to the last
BODY_WINDOW = 3  # ... when one is a part of the body: "legs elevated", not "rest ... with their legs"
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
_BREAK = re.compile(r"[:;()\[\]]")  # a name is never read across these
# Grammar words, left out of a name's stems: "the sleeping position" is "sleeping position".
_GRAMMAR = frozenset(
    """the and for from with into onto that this these those which who have has had are was were
    your you their its our his her them they some any all more enough plenty""".split()
    # Verbs that only carry another word: "giving up bad habits" is said "rejection of bad habits".
    + "give giving take taking make making do doing keep keeping get getting put putting".split()
)
_SAME = {stem(word): stem(group.split()[0]) for group in SYNONYMS for word in group.split()}
_SKIPPED = frozenset(("drug",))  # drugs are named by their names, never in other words


def concept(word: str) -> str:
    """A word's stem, or its synonym group's: "raised" and "elevation" are one."""
    stemmed = stem(word)
    return _SAME.get(stemmed, stemmed)


_BODY = frozenset(concept(word) for word in BODY)


def _named(word: str) -> bool:
    """A word that says something of a name: three letters or more, or two that are no grammar
    ("TV" of "limiting TV before bed", which is not "before bed" alone)."""
    return len(word) >= 3 or (len(word) == 2 and word not in FUNCTION)


def name_bag(label: str) -> frozenset[str]:
    """The concepts of a name's words (grammar words aside): empty when fewer than two."""
    bag = frozenset(concept(w) for w in _WORD.findall(fold(label)) if w not in _GRAMMAR and _named(w))
    return bag if len(bag) >= 2 else frozenset()


@dataclass(frozen=True)
class NameBags:
    """The bags of a lexicon's names, the longest first, and each bag's number under one of its
    stems: a segment need only look at the bags filed under the stems it holds."""

    items: tuple[tuple[frozenset[str], object], ...] = ()
    index: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def present(self, stems) -> list[tuple[frozenset[str], object]]:
        """The bags whose stems are all among `stems`, longest first."""
        numbers = sorted({n for word in stems for n in self.index.get(word, ())})
        return [self.items[n] for n in numbers if self.items[n][0] <= stems]


def name_bags(labelled: Iterable[tuple[str, object]]) -> NameBags:
    """The bag of every name that has one, one per distinct bag."""
    seen: dict[frozenset[str], object] = {}
    for label, term in labelled:
        bag = name_bag(label) if term.category not in _SKIPPED else frozenset()
        if bag:
            seen.setdefault(bag, term)
    items = tuple(sorted(seen.items(), key=lambda item: -len(item[0])))
    index: dict[str, list[int]] = {}
    for number, (bag, _) in enumerate(items):
        index.setdefault(min(bag), []).append(number)
    return NameBags(items, {word: tuple(numbers) for word, numbers in index.items()})


def scattered_mentions(
    seg_start: int, seg_text: str, bags, known: set[str], taken: list[tuple[int, int]] = ()
) -> list[tuple[int, int, object]]:
    """(start, end, term) for each remedy not in `known` whose name's stems all occur within
    WINDOW words of each other in the segment, outside the spans already `taken` (offsets in the
    article) and with no colon, semicolon or bracket between them; the span runs from the first
    stem to the last. A word is read as part of one name only."""
    if not bags.items:
        return []
    folded = fold(seg_text)
    words = [
        (m.start(), m.end(), concept(m.group(0)))
        for m in _WORD.finditer(folded)
        if not any(s <= seg_start + m.start() < e for s, e in taken)
    ]
    where: dict[str, list[int]] = {}
    for index, (_, _, word) in enumerate(words):
        where.setdefault(word, []).append(index)
    found: dict[str, tuple[int, int, object]] = {}
    used: set[int] = set()
    for bag, term in bags.present(where.keys()):
        if term.remedy in known or term.remedy in found:
            continue
        free = {s: [i for i in where[s] if i not in used] for s in bag}
        if not all(free.values()):
            continue
        span = _closest(bag, free, BODY_WINDOW if bag & _BODY else WINDOW)
        if span is None:
            continue
        first, last = span
        start, end = words[first][0], words[last][1]
        if _BREAK.search(folded, start, end):
            continue
        used.update(i for i in range(first, last + 1) if words[i][2] in bag)
        found[term.remedy] = (seg_start + start, seg_start + end, term)
    return list(found.values())


def _closest(bag: frozenset[str], where: dict[str, list[int]], window: int) -> tuple[int, int] | None:
    """The first and last word of the shortest window holding every stem of `bag`."""
    best = None
    anchor = min(bag, key=lambda s: len(where[s]))
    for position in where[anchor]:
        picks = [min(where[s], key=lambda i: abs(i - position)) for s in bag]
        first, last = min(picks), max(picks)
        if last - first < window and (best is None or last - first < best[1] - best[0]):
            best = (first, last)
    return best


_COORDINATED = re.compile(r"([a-z]{3,})(?:-|\s+and\s+|\s+or\s+|,\s*)$")
_COORDINATED_AFTER = re.compile(r"(?:\s+and|\s+or|,)\s+(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?([a-z]{3,})\b")


def coordinated_mentions(folded: str, mentions, known_name) -> list[tuple[int, int, object]]:
    """(start, end, term) for the word that shares the rest of a name found beside it:
    "vitamin-mineral complexes" and "vitamin and mineral complexes" also name the vitamin
    complexes, "a warm shower or a relaxing bath" a warm bath, when the lexicon knows that name
    (`known_name(name)` gives its term or None)."""
    found = []
    for mention in mentions:
        words = folded[mention.start : mention.end].split()
        if len(words) < 2:
            continue
        before = _COORDINATED.search(folded, max(0, mention.start - 30), mention.start)
        after = _COORDINATED_AFTER.match(folded, mention.end)
        for hit, name in (
            (before, [before.group(1), *words[1:]] if before else None),
            (after, [*words[:-1], after.group(1)] if after else None),
        ):
            term = known_name(" ".join(name)) if hit else None
            if term is not None and term.remedy != mention.term.remedy:
                found.append((hit.start(1), hit.end(1), term))
    return found
