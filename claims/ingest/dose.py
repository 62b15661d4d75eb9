"""The dose or regimen a segment states ("2 tablets; 3 times a day"), as written, and which remedy
of the segment it belongs to."""

from __future__ import annotations

import re

from claims.ingest.cuewords import NEGATION

_UNIT = (
    r"(?:mg|g|kg|ml|l|mcg|µg|iu|grams?|milligrams?|drops?|tablets?|pills?|capsules?|sachets?|spoons?|spoonfuls?|teaspoons?|tsp|"
    r"tablespoons?|tbsp|glass(?:es)?|cups?|liters?|litres?|parts?|pcs|times|minutes?|seconds?|hours?|days?|weeks?|months?)"
)
# A limit is part of the dose: "no more than 4 g" stated as "4 g" reads as a dose to take.
_LIMIT = (
    rf"(?:(?:{NEGATION}\s+(?:\w+\s+){{0,3}}?)?(?:more|less|higher) than|no more than|up to|at most|at least|below"
    r"|under|over|above|in excess of"
    rf"|(?:{NEGATION}\s+)?exceed|maximum(?:\s+\w+){{0,2}}?\s+(?:is|of)|maximum|max\.?)\s+"
)
# "7 Tums tablets": a name between the number and the form.
_FORM_NAMED = r"\b\d+\s+[\w-]+\s+(?:tablets?|pills?|capsules?|sachets?|lozenges?)\b"
DOSE = re.compile(
    rf"(?:\b{_LIMIT})?(?:{_FORM_NAMED}|(?:\b\d+(?:[.,]\d+)?(?:\s*[-–/]\s*\d+(?:[.,]\d+)?)?\s*"
    rf"|\b(?:one|two|three|four|five|six|half an?|a)\s+){_UNIT}\b)"
    rf"(?:\s+(?:a|per|each|of)\s+(?:day|week|dose|meal))?|(?:once|twice|three times) a (?:day|week)|"
    r"\d+\s*%|in large quantities|before (?:meals|bed|bedtime)|after meals",
    re.IGNORECASE,
)


def _stated(found) -> str:
    return "; ".join(dict.fromkeys(m.group(0).strip() for m in found))[:500]


def dose_in(text: str) -> str:
    """The dose or regimen as the segment states it: its quantities and frequencies, in order."""
    return _stated(DOSE.finditer(text))


def dose_for(text: str, names: list[tuple[int, int]], name: tuple[int, int]) -> str:
    """The dose of the remedy named at `name`, one of the spans `names` of the remedies the segment
    names: each quantity belongs to the nearest of them ("Ditch the alcohol and end your day with
    a cup of chamomile tea": the cup is the tea's)."""

    def gap(span: tuple[int, int], found: re.Match) -> int:
        return max(span[0] - found.end(), found.start() - span[1], 0)

    return _stated(found for found in DOSE.finditer(text) if min(names, key=lambda s: (gap(s, found), s[0])) == name)
