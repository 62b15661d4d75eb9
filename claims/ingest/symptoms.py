"""What names a symptom or a circumstance, not a remedy: "symptoms include poor sleep",
"unexplained weight loss", "sensitive to bright lights", "a dislike of loud noise". Read by
claims.ingest.overrule for the everyday table's names."""

from __future__ import annotations

import re

_SYMPTOMS = re.compile(
    r"\b(?:(?:symptoms?|signs?) (?:include|includes|such as|like|are|is)|unexplained|unintentional|unintended)"
    r"\s+(?:[\w-]+,?\s+){0,6}$",
    re.IGNORECASE,
)
_SENSITIVE = re.compile(
    r"\b(?:sensitiv(?:e|ity) to|dislike of|can(?:no|['’])t (?:stand|bear|tolerate)|intoleran(?:t|ce) (?:of|to))"
    r"\s+(?:[\w-]+,?\s+){0,4}$",
    re.IGNORECASE,
)
_WITHOUT_TRYING = re.compile(r"\s+without (?:trying|meaning to|dieting)\b", re.IGNORECASE)


def a_symptom(text: str, offset: int, end: int, category: str) -> bool:
    """Whether the name at `offset`..`end` in `text` is a symptom (or, for an activity, a circumstance)."""
    before = re.split(r"[.;:!?]", text[max(0, offset - 80) : offset])[-1]
    return bool(
        _SYMPTOMS.search(before)
        or _WITHOUT_TRYING.match(text, end)
        or (category == "lifestyle" and _SENSITIVE.search(before))
    )
