"""Whom a segment's claims are for: the populations its words name, or its heading's or title's, or
its list's introduction's when that warns of its items; whom the words just before it name when they
say nothing else (a short question, "Pregnant? ...", or a list's introduction, "If you take
warfarin:"), or a heading that names a topic besides them ("Medicines and older people"), which only
a caution is said of; and of those who take a medicine, whether a remedy is
advised in its place (a benefit for them) or doubted. Read by claims.ingest.propose and overrule."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from claims.ingest import cues, details
from claims.ingest.followup import recast_all
from claims.ingest.labels import warning
from claims.ingest.segments import Segment


def said(text: str, seg: Segment, condition: str | None) -> list[str]:
    """The populations `text` names, or else its segment's title or heading, or the introduction of
    its list when that warns of its items ("Avoid these if you have high blood pressure:"). A
    heading's disease that is the article's own ("Kidney stones: what helps") is whom it is about,
    not a group apart: none."""
    ours = _ours(condition)
    headed = _headed(seg, ours) if not _mixed(_heading_of(seg), condition) else []
    found = details.populations(text) or headed
    return found or ([p for p in details.populations(seg.intro) if p not in ours] if warning(seg.intro) else [])


def _heading_of(seg: Segment) -> str:
    return seg.title if _named_in(seg.title) else seg.heading


def _headed(seg: Segment, ours: list[str]) -> list[str]:
    return [p for p in _named_in(_heading_of(seg)) if p not in ours]


@lru_cache(maxsize=256)  # a heading or title is read for every segment under it
def _named_in(heading: str) -> tuple[str, ...]:
    return tuple(details.populations(heading))


# A heading that names a topic besides whom ("Medicines and older people", "Older people and other
# medicines"): what its section advises may be for anyone, so whom it names is only a caution's
_JOINED = re.compile(r",|&|/|\b(?:and|or|plus|vs)\b", re.IGNORECASE)


@lru_cache(maxsize=256)  # asked of every segment under the same heading
def _mixed(heading: str, condition: str | None) -> bool:
    """Whether `heading` joins whom it names with a topic that is neither whom nor the condition
    ("Heartburn and indigestion in pregnancy" is all about pregnancy)."""
    parts = [part for part in _JOINED.split(heading) if re.search(r"\w", part)]
    named = cues.cue_table(condition).named if condition else None
    # a part that is the condition alone is no topic ("Heartburn"), one with more is ("heartburn medicines")
    return len(parts) > 1 and any(
        not details.populations(part) and not (named and not re.search(r"\w", named.sub(" ", part))) for part in parts
    )


def asked(seg: Segment, condition: str | None) -> list[str]:
    """Whom the words before a segment name when they say nothing else: a short question before it
    ("Pregnant? Feverfew is not for you.", "Taking warfarin? ...") or its list's introduction ("If you
    take warfarin:\n- avoid ginkgo"). Only a caution is said of them: the question may be answered
    either way ("Pregnant? Feverfew may help." is no claim for pregnancy), and a benefit read where
    a warning was missed must never be theirs."""
    asked = seg.asked if not _DOING.search(seg.asked) else ""  # not "Kids keeping you up?"
    said = asked or (seg.intro if _WHOM_FIRST.fullmatch(seg.intro) else "")
    if not said or _NOT_THEM.search(said):
        # a heading that names a topic besides whom: "Medicines and older people"
        return _headed(seg, _ours(condition)) if _mixed(_heading_of(seg), condition) else []
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


# A remedy advised in the place of the medicine taken: said to be the good choice right after its name
# ("paracetamol is the safer choice", "is usually preferred", "may be a better choice", "paracetamol
# instead"), or the one to use ("use paracetamol instead of triptans", "stick with paracetamol"); not
# "swap St John's wort for a safer option", "it's better not to take ibuprofen", "sleep better", nor
# where the remedy's clause, or what follows it, doubts, reports or warns ("the wrong choice", "may seem
# a safer option", "a popular alternative", "is a mistake", "?", "but it still raises your bleeding risk")
_GOOD = r"(?:safer|safest|safe|better|best|good|sensible|preferred|gentle|gentler|usual|first)"
_CALLED_GOOD = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:(?:is|are|(?:may|might|can|could|would) be)\s+(?:(?:usually|often|generally|probably"
    rf"|the|a|an|your)\s+)*(?:{_GOOD}\s+(?:[\w-]+\s+)?(?:choice|option|bet|alternative|painkiller)\b"
    r"|(?:safer|safest|preferred)\b(?!\s+(?:\w+ed|known|taken)\b)|(?:safe|fine|suitable) to (?:use|take)\b"
    r"|better than\b)|instead\b)",
    re.IGNORECASE,
)
_TO_USE = re.compile(
    r"\b(?:(?:use|take|try|choose|opt for|go for)\s+(?:(?:a|an|the|some|plain)\s+)?(?=\S+(?:\s+\S+)?\s+(?:instead"
    r"|rather than)\b)|stick (?:with|to)\s+(?:(?:a|an|the|some|plain)\s+)?)",
    re.IGNORECASE,
)
_NOT_IN_THEIR_PLACE = re.compile(
    r"\b(?:not|no|never|hardly|rarely|scarcely|unlikely|far from|worse|worst|wrong|bad|risky|poor|unwise|terrible"
    r"|last|popular|marketed|claim\w*|some people|often taken|no longer|risks?|danger\w*|harm\w*|caus\w*|bleed\w*"
    r"|interact\w*|thins?|seems?|looks?|described|thought|believed|sold|touted|advertised|promoted|billed"
    r"|mistake|inadvisable|even so"
    r"|though|although|still|swap\w*|replac\w*|trade|drop|switch\w*|avoid\w*"
    # taken beside it, not in its place: "safe to take with antidepressants", "alongside warfarin"
    r"|alongside|together with|on top of|combin\w*|(?:take|taken|taking|use|used|using)\s+(?:it\s+|them\s+)?with)\b"
    r"|n['’]t\b|\?",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[,;:.!?]|\b(?:so|but|and|although|though|while)\b", re.IGNORECASE)


def _clause_start(text: str, start: int) -> int:
    return max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)


def doubted(text: str, start: int, end: int) -> bool:
    """Whether the clause that names a remedy at `start`..`end` doubts, reports or warns ("aspirin is
    unlikely to be a safe choice", "a decongestant is the usual first choice?")."""
    after = _CLAUSE.search(text, end)
    return bool(_NOT_IN_THEIR_PLACE.search(text[_clause_start(text, start) : after.end() if after else len(text)]))


def in_their_place(text: str, start: int, end: int) -> bool:
    """Whether the remedy named at `start`..`end` of `text` is advised in the place of the medicine
    the reader takes: called the good choice right after its name, or the one to use instead, with
    nothing from its clause on that doubts, reports or warns."""
    if _NOT_IN_THEIR_PLACE.search(text, _clause_start(text, start)):
        return False
    return bool(
        _CALLED_GOOD.match(text, end) or any(m.end() == start for m in _TO_USE.finditer(text, max(0, start - 30)))
    )


def not_its_takers(proposals: list) -> list:
    """The proposals of a sentence that speaks of the medicine its reader takes ("If you take statins
    regularly, they can cause muscle pain"): for everyone who takes it, not for those who take a
    medicine (`anticoagulants`, `other_medicines`)."""
    return recast_all(proposals, lambda p: [replace(p, population=None) if p.population in details.TAKERS else p])


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
