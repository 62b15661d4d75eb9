"""Whom a segment's claims are said of (pregnancy, children, varicose veins ...) and the dose or
regimen it states ("2 tablets; 3 times a day"), as written. Nothing here decides a kind
(claims.ingest.cues does)."""

from __future__ import annotations

import re

_POPULATIONS = (
    ("pregnancy", r"pregnan|gestat|expectant mothers?|trimester"),
    ("children", r"child|kids?\b|bab(?:y|ies)|infant|pediatric|paediatric|teenager|adolescen"),
    ("elderly", r"elderly|old age|older (?:people|adults|patients)|aged patients|seniors?|pensioners?"),
    ("athletes", r"athlet|sportsm|runners?\b|cyclists?|weightlifters?"),
    ("varicose_veins", r"varicose|phlebeurysm|venous insufficiency"),
    ("thrombophlebitis", r"thrombophlebitis|thrombosis"),
    ("diabetes", r"diabet"),
    ("hypotension", r"hypotension|low blood pressure"),
    ("heart_disease", r"heart (?:disease|failure)|cardiac|arrhythmi|atrial fibrillation"),
    ("kidney_disease", r"kidney|renal"),
    ("liver_disease", r"liver disease|cirrhosis|hepati"),
    ("gastrointestinal", r"stomach ulcer|gastritis|ulcers? of the|intestin|gastro"),
    ("flat_feet", r"flat feet|flatfoot|flat-foot"),
    ("sedentary", r"sedentary|office workers|physical inactivity"),
)
POPULATIONS = tuple((name, re.compile(r"\b(?:" + pattern + ")", re.IGNORECASE)) for name, pattern in _POPULATIONS)
_UNIT = (
    r"(?:mg|g|kg|ml|l|mcg|µg|iu|grams?|milligrams?|drops?|tablets?|pills?|capsules?|sachets?|spoons?|spoonfuls?|teaspoons?|tsp|"
    r"tablespoons?|tbsp|glass(?:es)?|cups?|liters?|litres?|parts?|pcs|times|minutes?|seconds?|hours?|days?|weeks?|months?)"
)
# A limit is part of the dose: "no more than 4 g" stated as "4 g" reads as a dose to take.
_NEGATION = r"(?:do not|don't|never|not to|shouldn't|should not|must not|mustn't|not)"
_LIMIT = (
    rf"(?:(?:{_NEGATION}\s+(?:\w+\s+){{0,3}}?)?(?:more|less) than|no more than|up to|at most|at least|below"
    rf"|(?:{_NEGATION}\s+)?exceed|maximum(?:\s+\w+){{0,2}}?\s+(?:is|of)|maximum|max\.?)\s+"
)
DOSE = re.compile(
    rf"(?:\b{_LIMIT})?"
    rf"(?:\b\d+(?:[.,]\d+)?(?:\s*[-–/]\s*\d+(?:[.,]\d+)?)?\s*|\b(?:one|two|three|four|five|six|half an?|a)\s+){_UNIT}\b"
    rf"(?:\s+(?:a|per|each|of)\s+(?:day|week|dose|meal))?|(?:once|twice|three times) a (?:day|week)|"
    r"\d+\s*%|in large quantities|before (?:meals|bed|bedtime)|after meals",
    re.IGNORECASE,
)


# Where a remedy is kept says nothing of whom it is for: "keep out of the reach of children".
_STORAGE = re.compile(r"\bout of (?:the )?reach of (?:small |young )?children\b", re.IGNORECASE)


def populations(text: str) -> list[str]:
    text = _STORAGE.sub(" ", text)
    return [name for name, pattern in POPULATIONS if pattern.search(text)]


def dose_in(text: str) -> str:
    """The dose or regimen as the segment states it: its quantities and frequencies, in order."""
    return "; ".join(dict.fromkeys(m.group(0).strip() for m in DOSE.finditer(text)))[:500]
