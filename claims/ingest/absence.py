"""A remedy named as what another is free of, or what one is better without: "Gaviscon doesn't
contain aspirin, so it's safe in pregnancy", "Many people feel better without onions". Never a
benefit of it. Read by claims.ingest.overrule."""

from __future__ import annotations

import re

from claims.ingest.lines import BARE_REFUSAL

_ABSENT = re.compile(
    r"\b(?:(?:does|do)(?:n['’]t|\s+not)\s+contain|contains?\s+no|(?:has|have)\s+no|free\s+(?:of|from)|without)"
    r"(?:\s+(?:any|added))?\s+(?:[\w-]+(?:\s*,\s*|\s+(?:or|and|nor)\s+)){0,3}$",
    re.IGNORECASE,
)
_NEGATED_CLAUSE = re.compile(r"(?:\b(?:not|never|no)|n['’]t)\b[^,;.]*$", re.IGNORECASE)
# ... said to make the other safe, or safe for some: "Choose a remedy that doesn't contain
# pseudoephedrine if you have high blood pressure"
_SO_SAFE = re.compile(
    r"[^.;]*?(?:(?<!not )(?<!n't )(?<!n’t )\b(?:safe|suitable|fine|okay|ok)\b|\bif you (?:have|are|['’]re)\b)",
    re.IGNORECASE,
)

HARM, NOTHING = "harm", "nothing"


def free_of(text: str, offset: int, end: int, labels: tuple[str, ...], harmful: bool) -> str:
    """How the remedy named at `offset`..`end` reads when `text` names it as what another is free
    of or one is better without: HARM when said to make the other safe or better, or when the
    catalogue mostly calls it harmful (`harmful`); NOTHING when it claims nothing ("If your
    multivitamin contains no vitamin D, take ..."); "" when it reads as it would otherwise: not named
    so, or "without" after a negation or a refusing label ("Don't exercise without warming up",
    "Never / Go to bed without stretching first") or at the head of the sentence ("Without ice or
    ibuprofen, a sprain takes longer to settle")."""
    absent = _ABSENT.search(text, 0, offset)
    if absent is None:
        return ""
    without = absent.group(0).lower().startswith("without")
    as_it_was = (
        _NEGATED_CLAUSE.search(text, 0, absent.start())
        or any(BARE_REFUSAL.fullmatch(label.strip()) for label in labels if label)
        or not text[: absent.start()].strip(" *_-\t\n")
    )
    if without and as_it_was:
        return ""
    return HARM if harmful or without or _SO_SAFE.match(text, end) else NOTHING
