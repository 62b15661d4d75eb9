"""The curated table of everyday remedies (everyday.csv): the foods, herbs, exercises, physical
measures, devices, therapies and habits that health articles advise or warn of for every kind of
condition ("ginger", "tai chi", "a cold compress", "oral rehydration solution"), which neither the
catalogue nor the drug-name lexicon names. Each row gives a remedy's plain name, the other ways
articles write it, its category and, for what articles nearly always warn of (spicy food, high
heels, ear candling), the harm proposed when the words around it say nothing. A row that shares a
name with a catalogue remedy gives it its other names ("cigarettes" is the catalogue's tobacco);
any other is proposed as a new remedy, which a reviewer confirms. Read once; a broken row is an
error naming its line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claims.ingest.brands import CATEGORIES
from claims.ingest.curated import curated_rows
from claims.ingest.norm import name_key

EVERYDAY_FILE = Path(__file__).with_name("everyday.csv")
HEADER = ["name", "aliases", "category", "usually"]
USUALLY = frozenset(("", "cause", "caution"))


class EverydayTableError(ValueError):
    """everyday.csv has a row the proposer cannot use; the message names the line."""


@dataclass(frozen=True)
class EverydayRemedy:
    name: str
    aliases: tuple[str, ...]
    category: str
    usually: str = ""  # "cause" or "caution": what articles nearly always say of it

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def read_everyday(path: Path = EVERYDAY_FILE) -> tuple[EverydayRemedy, ...]:
    rows = []
    seen: dict[str, int] = {}
    for where, number, (name, aliases, category, usually) in curated_rows(path, HEADER, EverydayTableError):
        if not name:
            raise EverydayTableError(f"{where}: the name is required")
        if category not in CATEGORIES:
            raise EverydayTableError(f"{where}: unknown category {category!r}")
        if usually not in USUALLY:
            raise EverydayTableError(f"{where}: usually is 'cause', 'caution' or empty, not {usually!r}")
        remedy = EverydayRemedy(name, tuple(a.strip() for a in aliases.split("|") if a.strip()), category, usually)
        for label in remedy.labels:
            key = name_key(label)
            if not key:
                raise EverydayTableError(f"{where}: {label!r} has no word to match")
            if seen.setdefault(key, number) != number:  # a plural beside its singular in one row is no harm
                raise EverydayTableError(f"{where}: {label!r} is already on line {seen[key]}")
        rows.append(remedy)
    return tuple(rows)


@cache
def everyday_table() -> tuple[EverydayRemedy, ...]:
    """The repository's table of everyday remedies, read once per process."""
    return read_everyday()
