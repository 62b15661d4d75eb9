"""Whom a segment's claims are for: the populations its words name, or its heading's or title's, or
its list's introduction's when that warns of its items; whom the words just before it name when they
say nothing else (a short question, "Pregnant? ...", or a list's introduction, "If you take
warfarin:"), which only a caution is said of. Read by claims.ingest.propose."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest import cues, details
from claims.ingest.labels import warning
from claims.ingest.segments import Segment


def said(text: str, seg: Segment, condition: str | None) -> list[str]:
    """The populations `text` names, or else its segment's title or heading, or the introduction of
    its list when that warns of its items ("Avoid these if you have high blood pressure:"). A
    heading's disease that is the article's own ("Kidney stones: what helps") is whom it is about,
    not a group apart: none."""
    ours = _ours(condition)
    headed = [p for p in details.populations(seg.title) or details.populations(seg.heading) if p not in ours]
    found = details.populations(text) or headed
    return found or ([p for p in details.populations(seg.intro) if p not in ours] if warning(seg.intro) else [])


def asked(seg: Segment, condition: str | None) -> list[str]:
    """Whom the words before a segment name when they say nothing else: a short question before it
    ("Pregnant? Feverfew is not for you.", "Taking warfarin? ...") or its list's introduction ("If you
    take warfarin:\n- avoid ginkgo"). Only a caution is said of them: the question may be answered
    either way ("Pregnant? Feverfew may help." is no claim for pregnancy), and a benefit read where
    a warning was missed must never be theirs."""
    asked = seg.asked if not _DOING.search(seg.asked) else ""  # not "Kids keeping you up?"
    said = asked or (seg.intro if _WHOM_FIRST.fullmatch(seg.intro) else "")
    if not said or _NOT_THEM.search(said):
        return []
    return [p for p in details.populations(said) if p not in _ours(condition)]


def _ours(condition: str | None) -> list[str]:
    return [p for p in details.populations(condition or "") if p not in details.PEOPLE]


# A list's introduction that says only whom its items are for: "If you take warfarin:", "When pregnant:"
_WHOM_FIRST = re.compile(r"[\W_]*(?:if|when|while|whilst|for|during)\b[^.;:!?,]*:[\W_]*", re.IGNORECASE)
# A question that does something besides asking whom: "Kids keeping you up?", not "Taking warfarin?"
_DOING = re.compile(r"\b(?!(?:taking|using|breastfeeding|expecting|teething)\b)\w+ing\b", re.IGNORECASE)
# "Not pregnant?", "For adults only", "No longer pregnant?", "For everyone but children:", "Baby arrived?"
_NOT_THEM = re.compile(
    r"\b(?:not|no longer|except|only|but|other than|without|besides|apart from|stopped|finished|arrived|born)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)


# A remedy advised in the place of the medicine taken, in its own clause: "paracetamol is the safer
# choice", "use paracetamol instead (of ...)", "rather than", "stick with paracetamol", "a good first
# choice", "is usually preferred"; not "it's better not to take ibuprofen", "melatonin may help you sleep
# better", "is better tolerated", "switch to", nor a choice said to be bad, reported, or harmful ("the
# wrong choice", "a popular alternative", "some websites claim", "instead of paracetamol raises your
# bleeding risk"), nor the one replaced ("rather than anti-inflammatories such as ibuprofen")
_IN_THEIR_PLACE = re.compile(
    r"\b(?:instead|rather than|safer|safest|stick (?:with|to)|(?:is|are) (?:usually |often |generally )?preferred"
    r"|(?:a|an|the|your) "
    r"(?:(?:safer|safest|safe|better|best|good|sensible|preferred|gentle|gentler|usual|first)\s+){1,2}"
    r"(?:choice|option|bet|alternative))\b",
    re.IGNORECASE,
)
_NOT_IN_THEIR_PLACE = re.compile(
    r"\b(?:not|no|never|hardly|rarely|far from|worse|worst|wrong|bad|risky|poor|unwise|terrible|last|popular"
    r"|marketed|claim\w*|some people|often taken|no longer|risks?|danger\w*|harm\w*|caus\w*|bleed\w*"
    r"|interact\w*|thins?)\b|n['’]t\b",
    re.IGNORECASE,
)
_REPLACED = re.compile(r"\b(?:instead of|rather than|than|over)\b[^,;.:!?]*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:.!?]|\b(?:so|but|and|although|though|while)\b", re.IGNORECASE)


def in_their_place(text: str, start: int, end: int) -> bool:
    """Whether the remedy named at `start`..`end` of `text` is advised in the place of the medicine
    the reader takes: the words that say so in its own clause, and it is not the one replaced
    ("use paracetamol rather than ibuprofen": paracetamol)."""
    before = [m.end() for m in _CLAUSE.finditer(text, 0, start)]
    after = _CLAUSE.search(text, end)
    clause = text[before[-1] if before else 0 : after.start() if after else len(text)]
    return bool(
        _IN_THEIR_PLACE.search(clause)
        and not _NOT_IN_THEIR_PLACE.search(clause)
        and not _REPLACED.search(text, 0, start)
    )


def not_its_takers(proposals: list) -> list:
    """The proposals of a sentence that speaks of the medicine its reader takes ("If you take statins
    regularly, they can cause muscle pain"): for everyone who takes it, not for those who take a
    medicine (`anticoagulants`, `other_medicines`)."""
    kept, seen = [], set()
    for proposal in proposals:
        if proposal.population in details.TAKERS:
            proposal = replace(proposal, population=None)
        if (key := (proposal.remedy, proposal.kind, proposal.population)) not in seen:
            seen.add(key)
            kept.append(proposal)
    return kept


def populations_for(kind: str, populations: list[str], in_their_place: bool = False) -> list[str | None]:
    """The populations a claim of `kind` is said of. A disease named beside a cause ("diabetes,
    alcoholism and cirrhosis lead to attacks") is another cause, not whom the cause concerns. Of
    those who take a medicine a benefit is said only of a remedy `in_their_place` (in_their_place()):
    "Ginger is safe if you take warfarin" and "If you take antidepressants, St John's wort may help"
    are no benefit for them (a reviewer reads the quote); a benefit read where a warning of an
    interaction was missed must never be theirs."""
    if kind == cues.CAUSE:
        populations = [p for p in populations if p in details.PEOPLE]
    elif kind in cues.BENEFITS and not in_their_place:
        populations = [p for p in populations if p not in details.TAKERS]
    return populations or [None]
