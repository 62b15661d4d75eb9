"""A nutrient named as missing, not advised: "a lack of magnesium", "low levels of potassium",
"calcium, potassium and magnesium deficiencies". Read by the proposer (claims.ingest.propose)."""

from __future__ import annotations

import re

from claims.ingest.labels import REPORTED

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


def lacked(text: str, start: int, end: int, surface: str, named: re.Pattern) -> str:
    """The words that open the clause of the remedy named at `start`..`end` and speak of too little
    of it, when what follows says that lack brings on the article's condition (`named`: its words)
    ("Not getting enough sleep can lead to headaches", "In older adults, too little potassium can
    cause palpitations"), or "": what its lack brings on, it prevents. Not a "not" of something
    else ("I'm not taking ibuprofen because it can cause ...", "Not taking ibuprofen with food can
    cause ulcers"), another harm ("... can lead to low vitamin D"), a doubt ("is unlikely to cause")
    nor what is reported or asked ("Myth: ...", "..., claim some websites", "...?")."""
    found = _LACKED.search(text, 0, start)
    if not found and _ENOUGH.search(surface):  # "getting enough sleep", "(drinking) enough water"
        found = _NOT.search(text, 0, start)
    if not found or _ASKED_OR_MYTH.search(text) or REPORTED.search(text):
        return ""
    after = _CLAUSE_END.split(text[end : end + 120], maxsplit=1)[0]
    brings = _BRINGS_ON.match(after)
    if not brings or _DOUBTED.search(after, 0, brings.end()) or not named.search(after, brings.end()):
        return ""
    return " ".join(found.group(1).lower().split())


_HEAD = r"(?:^|[.;:!?,]\s+|\n)[\W_]*"
_LACKED = re.compile(
    _HEAD + r"((?:not|never)\s+(?:getting|drinking|eating|having|taking|consuming)\s+(?:enough|sufficient|adequate)"
    r"|not\s+enough|too\s+little|insufficient|inadequate)\s+(?:of\s+)?(?:your\s+|the\s+)?$",
    re.IGNORECASE,
)
_NOT = re.compile(_HEAD + r"((?:not|never)(?:\s+(?:getting|drinking|eating|having|taking|consuming))?)\s+$", re.I)
_ENOUGH = re.compile(r"\b(?:enough|sufficient|adequate)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?(]|\b(?:but|and|or|because|as|while|whereas|though)\b", re.IGNORECASE)
_DOUBTED = re.compile(r"\b(?:not|never|no|unlikely|rarely|seldom)\b|n['’]t\b", re.IGNORECASE)
# ... nor what is asked or reported: "Myth: ...", "..., claim some websites", "...?"
_ASKED_OR_MYTH = re.compile(r"\?|\b(?:myths?|(?:some|people) say)\b", re.IGNORECASE)
# ... and what follows says the lack brings something on, straight after the name: "can lead to"
_BRINGS_ON = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:(?:can|may|might|will|could|often|commonly|also|is|are)\s+){0,2}"
    r"(?:cause|lead|trigger|bring|provoke|result|contribute|worsen|make)\w*\b",
    re.IGNORECASE,
)
