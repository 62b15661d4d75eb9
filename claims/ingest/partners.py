"""A remedy named as a party to an interaction: the medicine another makes less effective, raises the
levels of or is to be kept hours apart from ("Omeprazole can make clopidogrel less effective",
"Take magnesium 2 hours apart from iron tablets", "St John's wort reduces the effectiveness of the
pill", "Fluvoxamine increases melatonin levels"), and the remedy that does it. Neither is advised
for the condition there: each is a caution (claims.ingest.overrule)."""

from __future__ import annotations

import re

_FILLER = r"(?:(?:your|any|other|the|many|some|all|a|an|certain|blood)\s+)*(?:[\w'-]+\s+)?"
# What the partner is named after: "2 hours apart from iron", "reduces the effectiveness of the pill".
_NAMED_AFTER = re.compile(
    r"\b(?:hours?\s+(?:apart|away)\s+from|hours?\s+before\s+or\s+after|separately\s+from|at the same time as|"
    r"interacts?\s+with|"
    r"interferes?\s+with|(?:effects?|effectiveness|absorption|action|(?:blood\s+)?levels?)\s+of)\s+" + _FILLER + "$",
    re.IGNORECASE,
)
# ... or around: "can make clopidogrel less effective", "increases melatonin levels".
_MADE = re.compile(r"\bmake?s?\s+" + _FILLER + "$", re.IGNORECASE)
_LESS = re.compile(r"\s*(?:[\w-]+\s+)?(?:less|more)\s+(?:effective|potent|active)\b|\s+(?:stop|not)\s+work", re.I)
_RAISES = re.compile(r"\b(?:raises?|increases?|boosts?|doubles?|lowers?|reduces?)\s+(?:the\s+)?(?:blood\s+)?$", re.I)
_LEVELS = re.compile(r"\s+(?:blood\s+)?levels?\b", re.IGNORECASE)
# The remedy that acts on it, named before: "Omeprazole can make ...", "Grapefruit juice raises ...".
_ACTS = re.compile(
    r"[\w'-]*\s+(?:(?:can|may|might|will|could|also|often)\s+)*(?:make|reduce|lower|raise|increase|boost|double|"
    r"weaken|block|interact|interfere)s?\b[^.;:]*$",
    re.IGNORECASE,
)


def partner(text: str, start: int, end: int) -> str:
    """The words that name the remedy at `start`..`end` as what another acts on, or ""."""
    before, after = text[:start], text[end:]
    found = _NAMED_AFTER.search(before)
    if found:
        return found.group(0).strip().lower()
    if _MADE.search(before) and (less := _LESS.match(after)):
        return f"made {less.group(0).strip().lower()}"
    if (raised := _RAISES.search(before)) and _LEVELS.match(after):
        return f"{raised.group(0).strip().lower()} its levels"
    return ""


def interaction(text: str, start: int, end: int, others: tuple[tuple[int, int], ...]) -> str:
    """Why the remedy at `start`..`end` is a party to an interaction in `text` (its segment), "" when
    it is not: as what another acts on, or as what acts on another named after it in its clause."""
    said = partner(text, start, end)
    if said:
        return said
    for a, b in others:
        if a >= end and _ACTS.match(text, end, a) and partner(text, a, b):
            return f"acts on {text[a:b].lower()}"
    return ""
