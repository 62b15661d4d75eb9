"""Remedies named by a kind of a known one: the vitamins of a list of letters ("vitamins D and
B6" are vitamin D and vitamin B6) and a proper name before a known substance ("Epsom salt",
"Ceylon cinnamon"). Each yields (start, end, name, category, rule) for claims.ingest.newterms."""

from __future__ import annotations

import re

from claims.ingest.vocabulary import FUNCTION, category_for

_VITAMINS = re.compile(r"\b[Vv]itamins?\s+([A-K]\d{0,2})((?:(?:\s*,\s*|\s+and\s+|\s+or\s+)[A-K]\d{0,2}\b)+)")
_VITAMIN_LETTER = re.compile(r"\b[A-K]\d{0,2}\b")
_SUBSTANCES = frozenset(("food_drink", "supplement", "herbal_folk"))
_PROPER = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Za-z][a-z]+)\b")


def vitamin_letters(text: str, start: int, end: int):
    """One vitamin per letter of "vitamins D, E and B6", the first with its "vitamins"."""
    for hit in _VITAMINS.finditer(text, start, end):
        yield hit.start(), hit.end(1), f"vitamin {hit.group(1)}", "supplement", "vitamin list"
        for letter in _VITAMIN_LETTER.finditer(text, hit.start(2), hit.end(2)):
            yield letter.start(), letter.end(), f"vitamin {letter.group(0)}", "supplement", "vitamin list"


def proper_kinds(text: str, start: int, end: int, mentions):
    """A capitalised word before a known substance's name: "add Epsom salt", "Epsom Salt is".
    At the start of a sentence (or glued to what precedes it) the name must be capitalised too,
    so that "Add salt" stays salt."""
    spans = {(m.start, m.end) for m in mentions if m.rule == "lexicon" and m.term.category in _SUBSTANCES}
    for hit in _PROPER.finditer(text, start, end):
        before = text[start : hit.start()]
        initial = not before or before[-1] != " " or before.rstrip().endswith((".", ":", "!", "?"))
        if (hit.start(2), hit.end(2)) not in spans or (initial and not hit.group(2)[0].isupper()):
            continue
        if hit.group(1).lower() not in FUNCTION:
            yield (
                hit.start(),
                hit.end(),
                f"{hit.group(1)} {hit.group(2).lower()}",
                category_for(hit.group(2)),
                "proper name",
            )
