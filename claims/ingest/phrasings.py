"""The curated phrasing table (phrasings.csv): everyday words that name a self-care measure without
its name. "Rub your temples" is a massage, "a warm towel on the neck" a warm compress, "eat little
and often" small frequent meals. The catalogue's aliases hold the names articles have used; this
table holds how people say them, for any condition.

A row names a remedy (the catalogue's name where it has one), its category and two or three words
(four when side by side), each with its alternatives ("rub|knead neck|temples"). A segment holds
the phrasing when one of its clauses holds one form of every word (plural, -s, -ed and -ing forms
count) within WINDOW words, in any order, or, for a row written "=eat right", side by side in
that order. Read once; a broken row is an error naming its line, as for the brand table."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claims.ingest.brands import CATEGORIES
from claims.ingest.curated import curated_rows
from claims.ingest.norm import fold

PHRASINGS_FILE = Path(__file__).with_name("phrasings.csv")
WINDOW = 8  # words from the first word of a phrasing to its last, both counted
_WORD = re.compile(r"[a-z][a-z']*[a-z]|[a-z]")  # "hot-water bottle" is three words
_APPLIED = re.compile(
    r"\W+with\b(?!\s+(?:your\s+|the\s+|one\s+|both\s+)?"
    r"(?:hands?|fingers?|fingertips?|thumbs?|palms?|fists?|knuckles?|care)\b)"
)
_PARTS = re.compile(r"[.;:!?()\[\]|\n]|\s[-–—]\s")  # a table cell or a line ends a clause too
_OPENS_A_CLAUSE = frozenset(
    "it they this that which but and then so because as while when if otherwise unless you".split()
)
# The verbs a maneuver shares with applying a substance ("rub in", "press on", "tap on").
_APPLYING = frozenset(
    form
    for verb in "rub knead stroke stroking kneading press push pressing dig squeeze compress tap drum knock".split()
    for form in (verb, verb + "s", verb + "ed", verb + "ing", verb + verb[-1] + "ed", verb + verb[-1] + "ing")
)
SUBSTANCES = frozenset(("food_drink", "drug", "supplement", "herbal_folk", "topical"))


class PhrasingTableError(ValueError):
    """phrasings.csv has a row the proposer cannot use; the message names the line."""


@dataclass(frozen=True)
class Phrasing:
    remedy: str
    category: str
    slots: tuple[frozenset[str], ...]  # the forms that fill each word of the phrasing
    line: int = 0
    together: bool = False  # the words side by side, in this order ("=eat right", not "right after eating")


def forms(word: str) -> frozenset[str]:
    """A word and its inflections: "tap" is also "taps", "tapped", "tapping"; "squeeze" is
    "squeezes", "squeezed", "squeezing"; "worry" is "worries"."""
    found = {word, word + "s"}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        found.add(word + "es")
    if word.endswith("y") and len(word) > 3 and word[-2] not in "aeiou":
        found |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("ie"):
        found |= {word + "d", word[:-2] + "ying"}  # lie, lying
    elif word.endswith("e"):
        found |= {word + "d", word[:-1] + "ing"}
    else:
        found |= {word + "ed", word + "ing"}
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgkmnprt]", word):  # rub, tap, pat: one short vowel
            found |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(found)


def read_phrasings(path: Path = PHRASINGS_FILE) -> tuple[Phrasing, ...]:
    """The rows of a phrasing table; a broken row is a PhrasingTableError naming its line."""
    rows = curated_rows(path, ["remedy", "category", "words"], PhrasingTableError)
    return tuple(_row(where, number, row) for where, number, row in rows)


def _row(where: str, number: int, row: list[str]) -> Phrasing:
    remedy, category, words = row
    together = words.startswith("=")
    if not remedy or category not in CATEGORIES:
        raise PhrasingTableError(f"{where}: a remedy and one of the catalogue's categories are required")
    slots = words.lstrip("=").split()
    if not 2 <= len(slots) <= (4 if together else 3):
        most = "four, side by side" if together else "three"
        raise PhrasingTableError(f"{where}: a phrasing has two to {most} words, not {len(slots)}")
    shortest = 2 if together else 3
    filled = []
    for slot in slots:
        choices = slot.split("|")
        if any(not _WORD.fullmatch(fold(choice)) or len(choice) < shortest for choice in choices):
            least = "two letters or more, side by side" if together else "three letters or more"
            raise PhrasingTableError(f"{where}: {slot!r}: each word is a plain word of {least}")
        filled.append(frozenset(itertools.chain.from_iterable(forms(fold(choice)) for choice in choices)))
    return Phrasing(remedy, category, tuple(filled), number, together)


@cache
def phrasing_table() -> tuple[Phrasing, ...]:
    """The repository's phrasing table, read once per process."""
    return read_phrasings()


class PhrasingIndex:
    """(Phrasing, term) pairs found by the forms of their first word: a segment reads only the
    rows whose first word it holds."""

    def __init__(self, pairs):
        self.pairs = list(pairs)
        self._by_form: dict[str, list[int]] = {}
        for number, (phrasing, _) in enumerate(self.pairs):
            for form in phrasing.slots[0]:
                self._by_form.setdefault(form, []).append(number)

    def __len__(self) -> int:
        return len(self.pairs)

    def candidates(self, present: set[str]):
        numbers = sorted({n for word in present for n in self._by_form.get(word, ())})
        return [self.pairs[n] for n in numbers]


def holds(phrasing: Phrasing, text: str) -> bool:
    """Whether `text` holds the phrasing ("proper nutrition" holds "proper|correct diet|nutrition")."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(fold(text))]
    finder = _side_by_side if phrasing.together else _nearest
    clauses = _clauses(list(enumerate(words)), fold(text))
    return any(finder([word for _, word in clause], phrasing.slots) is not None for clause in clauses)


def phrasing_mentions(seg_start: int, seg_folded: str, phrasings, known: set[str], taken=(), *, substances=()):
    """(start, end, term) for each remedy not already in `known` whose phrasing the segment holds
    outside the names already found there (`taken`, offsets in the text). `seg_folded` is the
    segment's text as claims.ingest.norm.fold gives it; `phrasings` pairs each Phrasing with the
    term it names (Lexicon.phrasings). The span runs from the first of its words to the last.

    A maneuver's words say how something else is applied when their clause names a substance
    (`substances`, the spans of the segment's substance names: "peppermint oil rubbed on the
    temples"; not "Never rub a stiff neck; take paracetamol instead") or when they read so
    (_applied: "rubbing the temples with a balm"): no maneuver."""
    if not phrasings:
        return []
    index = phrasings if isinstance(phrasings, PhrasingIndex) else PhrasingIndex(phrasings)
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(seg_folded)]
    free = {i for i, (at, _, _) in enumerate(words) if not any(s <= seg_start + at < e for s, e in taken)}
    present = {words[i][2] for i in free}
    candidates = [
        (phrasing, term)
        for phrasing, term in index.candidates(present)
        if term.remedy not in known and not any(slot.isdisjoint(present) for slot in phrasing.slots[1:])
    ]
    if not candidates:
        return []
    clauses = []  # each clause's bounds, and its words outside the names already found
    for clause in _clauses(list(enumerate(words)), seg_folded):
        first, last = seg_start + clause[0][1][0], seg_start + clause[-1][1][1]
        clauses.append((first, last, [word for i, word in clause if i in free]))
    found: dict[str, tuple[int, int, object]] = {}
    for phrasing, term in candidates:
        if term.remedy in found:
            continue
        for first, last, own in clauses:  # "avoid heavy lifting; give your legs a rest": two
            span = _side_by_side(own, phrasing.slots) if phrasing.together else _nearest(own, phrasing.slots)
            if span is None:
                continue
            if phrasing.category == "maneuver" and phrasing.slots[0] & _APPLYING:  # how a substance is applied?
                if _applied(seg_folded, *span) or any(first <= start < last for start, _ in substances):
                    continue
            found[term.remedy] = (seg_start + span[0], seg_start + span[1], term)
            break
    return list(found.values())


def _clauses(words: list[tuple[int, tuple[int, int, str]]], text: str) -> list[list[tuple[int, tuple[int, int, str]]]]:
    """The (number, word) pairs in runs that punctuation (a comma only before a new clause's first
    word) or a dash parts: "Avoid coffee, it can cause anxiety" is two, "a dark, quiet room" one."""
    runs: list[list] = [[]]
    for number, word in words:
        if runs[-1]:
            gap = text[runs[-1][-1][1][1] : word[0]]
            if _PARTS.search(gap) or ("," in gap and word[2] in _OPENS_A_CLAUSE):
                runs.append([])
        runs[-1].append((number, word))
    return [run for run in runs if run]


def _nearest(words: list[tuple[int, int, str]], slots: tuple[frozenset[str], ...]) -> tuple[int, int] | None:
    """The narrowest run of at most WINDOW words holding a form of every slot, each slot in a word
    of its own, as offsets: every run that starts at a filling word is tried, each slot taking its
    first word there (linear in the segment's words, however long)."""
    filling = [i for i, (_, _, word) in enumerate(words) if any(word in slot for slot in slots)]
    best = None
    for first in filling:
        used: set[int] = set()
        for slot in slots:
            place = next(
                (i for i in range(first, min(first + WINDOW, len(words))) if i not in used and words[i][2] in slot),
                None,
            )
            if place is None:
                break
            used.add(place)
        else:
            last = max(used)
            if best is None or last - first < best[1] - best[0]:
                best = (first, last)
    return (words[best[0]][0], words[best[1]][1]) if best else None


def _applied(folded: str, start: int, end: int) -> bool:
    """Whether a maneuver's words say how something is applied: "with" right after them (not "with
    your hands"), or "into" among them ("rubbed into the temples"; not "press into the hollow")."""
    return bool(_APPLIED.match(folded, end)) or " into " in folded[start:end]


def _side_by_side(words: list[tuple[int, int, str]], slots: tuple[frozenset[str], ...]) -> tuple[int, int] | None:
    """The first run of words that fills the slots in order, one word each, as offsets."""
    for first in range(len(words) - len(slots) + 1):
        if all(words[first + i][2] in slot for i, slot in enumerate(slots)):
            return words[first][0], words[first + len(slots) - 1][1]
    return None
