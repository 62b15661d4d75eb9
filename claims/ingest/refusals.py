"""What a sentence refuses a remedy by, or sets it against another with: "Not coffee: chamomile tea
helps", "No to quinine: stretch", "paracetamol, never aspirin", "Mistake No. 4: drinking alcohol",
"Instead of alcohol, try valerian", "Unlike magnesium, quinine can damage blood cells". Read by
claims.ingest.overrule: a refused remedy is a caution, one set against another gets no benefit."""

from __future__ import annotations

import re

# What a remedy is set against: "unlike coffee", "paracetamol, not aspirin", "safer than aspirin".
_CONTRASTED = re.compile(
    r"(?:\b(?:unlike|instead of|rather than|alternative to|compared (?:with|to)|(?:better|safer|gentler|milder|"
    r"preferable|more effective) than|(?:prefer|choose)\w*\b[^.;]{0,40}?\bover(?! the counter))"
    r"|(?:,\s*|\b(?:and|but)\s+)(?:not|never)(?!\s+(?:to mention|only|just|least|all|always)\b))\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# A remedy refused at the start of a clause: "Not coffee: chamomile tea helps", "No to quinine: stretch";
# ... or after another: "Give children paracetamol, never aspirin", "Magnesium helps, not quinine",
# "No hot water bottles, no heat packs and no massage"; "Drink no alcohol".
_REFUSED = re.compile(
    # "Paracetamol is safe in pregnancy. Not so ibuprofen.", "..., but not so ibuprofen"
    r"(?:(?:^|[.;:!?]\s*)\W*(?:not(?:\s+so)?|no to|(?:(?:drink|eat|take|have|use|add)\s+)?no|never)"
    r"|(?:,\s*|\s*[–—]\s*|\s-\s*|\b(?:and|but|or)\s+)(?:not(?:\s+so)?|never|no to|no))\s+$",
    re.IGNORECASE,
)


# ... or named as a mistake or a myth: "Mistake No. 4: drinking alcohol to help you sleep" (not
# "Mistake: skipping magnesium").
_MISTAKE = re.compile(
    r"\W*(?:[\w-]+\s+)?(?:mistake|myth)s?(?:\s+(?:no\.?|#)\s*\d+)?\s*[:–—-]\s*"
    r"(?:(?!\b(?:not|never|no|skip\w*|forget\w*|stop\w*|avoid\w*|without|\w+n't)\b)[^.;])*",
    re.IGNORECASE,
)


_NO_AFTER = re.compile(r"\s*:?\s*(?:no|never)\s*(?:[.!;,]|$)", re.IGNORECASE)
_ALONE = re.compile(r"\s+(?:alone|only|by itself|on its own)\b", re.IGNORECASE)  # "Not melatonin alone: ..."


def refused(text: str, start: int, end: int) -> str:
    """The words that refuse the remedy named at `start`..`end` at the start of its clause ("Not
    coffee: ...", "No aspirin for under-16s") or after another ("paracetamol, not aspirin"; not "a
    sedative": what it is), or that name it as a mistake ("Mistake No. 4: drinking alcohol"), or ""."""
    found = _REFUSED.search(text, 0, start)
    if found and not _ALONE.match(text, end):
        return found.group(0).strip(" ,.;:!?–—-").lower()
    said_no = _NO_AFTER.match(text, end)  # "Children: paracetamol yes, aspirin no."
    if said_no:
        return said_no.group(0).strip(" ,.;:!?").lower()
    mistake = _MISTAKE.fullmatch(text, 0, start)
    return mistake.group(0).split(":")[0].strip(" -–—").lower() if mistake else ""


# ... or "compared with stretching, it is far riskier": what is compared with is not what is said of
_UNLIKE_BEFORE = re.compile(r"\b(?:unlike|compared (?:with|to))\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def unlike(text: str, start: int, end: int) -> bool:
    """Whether the remedy named at `start`..`end` is what the sentence sets another against:
    "Unlike magnesium, quinine can damage blood cells" says nothing of magnesium; "unlike sleeping
    pills, which should be used only short-term" does."""
    return bool(_UNLIKE_BEFORE.search(text, 0, start)) and not _WHICH.match(text, end)


_WHICH = re.compile(r"\s*,?\s*(?:which|that|who)\b", re.IGNORECASE)


def contrasted(text: str, start: int) -> bool:
    """Whether the remedy named at `start` is what another is set against: "Instead of alcohol,
    try valerian", "Chamomile tea, unlike coffee, helps you sleep" (no benefit of alcohol or
    coffee is said)."""
    return bool(_CONTRASTED.search(text, 0, start))
