"""A nutrient named as missing, not advised: "a lack of magnesium", "low levels of potassium",
"calcium, potassium and magnesium deficiencies". Read by the proposer (claims.ingest.propose)."""

from __future__ import annotations

import re

# "A lack of magnesium", "low levels of potassium": a nutrient named to explain, not advised.
DEFICIENCY = re.compile(
    r"(?:lack(?:s|ing)? of|lacks\b|deficien|shortage|low (?:serum |blood )?(?:levels?|content)|loses?\b|lost\b|"
    r"imbalance|insufficien|hypo\w+|leach|excret|removes?|absorption|metabolism)",
    re.IGNORECASE,
)
# "a lack of sugar in the blood", "magnesium deficiency": the remedy named is the one missing.
MISSING_BEFORE = re.compile(
    r"(?:lack|deficiency|shortage|loss|levels?|content) of (?:[\w-]+ ){0,2}$|low (?:blood )?$", re.IGNORECASE
)
MISSING_AFTER = re.compile(
    # "magnesium deficiency", "calcium, potassium and magnesium deficiencies"
    r"^(?:\s*,\s*(?:and\s+|or\s+)?[\w-]+|\s+(?:and|or)\s+[\w-]+)*"
    r"[\s-]*(?:deficienc(?:y|ies)|deficits?|levels?\b|imbalance)"
    # "the water-salt balance", "calcium channels", "melatonin production": a name that qualifies
    # what the body has or does
    r"|^(?:-[a-z]+)?\s(?:balance|channels?|metabolism|exchange|production|secretion|synthesis|receptors?)\b",
    re.IGNORECASE,
)
# Words that advise a nutrient, whatever else the sentence says of it being missing.
BENEFIT = re.compile(
    r"\b(?:replenish|compensate|take\b|taking|eat\b|include|sources? of|rich in|supplement|preparations?|"
    r"intake of|prescrib|recommend|consume|drink)",
    re.IGNORECASE,
)


def lacked(text: str, start: int, surface: str) -> str:
    """The words before the remedy named at `start` by which the sentence speaks of its lack ("Not
    getting enough sleep", "Too little potassium", "Not eating breakfast"), or "": what its lack
    brings on, it prevents."""
    before = text[max(0, start - 60) : start]
    found = _LACKED.search(before) or (_GERUND.match(surface) and _NOT.search(before))
    return " ".join(found.group(0).lower().split()) if found else ""


_LACKED = re.compile(
    r"\b(?:(?:not|never)\s+(?:getting|drinking|eating|having|taking|doing|consuming)(?:\s+(?:enough|sufficient|adequate))?"
    r"|not\s+enough|too\s+little|insufficient|inadequate)\s+(?:of\s+)?(?:your\s+|the\s+)?$",
    re.IGNORECASE,
)
_GERUND = re.compile(r"\w+ing\b", re.IGNORECASE)  # "getting enough sleep", "drinking enough water"
_NOT = re.compile(r"\b(?:not|never)\s+$", re.IGNORECASE)
