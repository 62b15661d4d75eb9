"""How sure a proposal is: by the rule that found the remedy (the catalogue's own names most, a
name read from a pattern least), lowered for a fuzzy or learned match by its similarity, and when
no cue decided the kind (the default) or only the context did."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.ingest import cues
    from claims.ingest.match import Mention

_CONFIDENCE = {
    "lexicon": 0.9,
    "brand": 0.9,
    "everyday": 0.75,
    "drug_lexicon": 0.75,
    "fuzzy": 0.6,
    "pattern": 0.5,
    "learned": 0.5,
    "scattered": 0.6,
    "recipe": 0.6,
    "phrasing": 0.6,
}


def confidence(mention: Mention, call: cues.KindCall) -> float:
    base = _CONFIDENCE.get(mention.rule.split(":")[0], 0.5)
    if mention.fuzzy or mention.rule == "learned":
        base *= mention.similarity / 100
    if call.cue == "default":
        base *= 0.7
    elif call.cue.startswith("context"):
        base *= 0.85
    return round(base, 2)
