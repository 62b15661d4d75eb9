"""Whose claim a part of a sentence is. Cue words speak of the remedy only where the sentence speaks
of it: not in the reason given for advising it ("Drink fluids because dehydration causes
headaches"), not in a restrictive relative clause about another noun ("the stress that may keep
you awake"), not after "unlike" another thing; a harm the condition suffers is the remedy's only
when the remedy does it ("Coffee makes insomnia worse", not "Take ibuprofen if the headache
worsens"); a denial is the remedy's only in its own part of the sentence. Read by the proposer
(claims.ingest.propose) beside the cues (claims.ingest.cues)."""

from __future__ import annotations

import re

from claims.ingest.advice import ADVISED, IMPERATIVE, REASON
from claims.ingest.cues import CONTRAST, cause_free, cue_table

# "... the stress that may keep you awake": a restrictive clause about the noun before it. Not
# ", which ..." (it comments on the whole clause), not "is a drink that ..." (the remedy itself),
# not ", a substance that ..." (an apposition).
_RELATIVE = re.compile(r"\s(?:(?:a|an|the|one of the)\s+)?([\w-]+)\s+(?:that|which|who)\s+[^,.;:!?]*", re.IGNORECASE)
_ITSELF = re.compile(r"(?:\b(?:is|are|was|were|as)|,)\s+(?:(?:a|an|one of the|the)\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_UNLIKE = re.compile(r"\b(?:unlike|instead of|rather than|compared (?:with|to))\b[^;]*", re.IGNORECASE)
# Where another remedy's part of a sentence may begin: "Quinine is banned, so try stretching".
_PARTS = re.compile(r";|,?\s*\bso\b|\binstead\b|" + CONTRAST.pattern, re.IGNORECASE)  # "banned, so try ..."
_CONDITIONAL = re.compile(r"\b(?:if|when|unless|whenever)\b[^,;]*,?", re.IGNORECASE)


def of_the_remedy(text: str, start: int, end: int, names: set[str], condition: str | None = None) -> str:
    """`text` as it speaks of the remedy named at [start, end): the cause words of what it says of
    other things removed (all after the name: its offsets stand)."""
    table = cue_table(condition)
    spans = []
    advice = IMPERATIVE.match(text) or ADVISED.search(text)
    if advice:
        reason = REASON.search(text, max(advice.end(), end))
        if reason and not _names(reason.group(0), names):
            spans.append(reason.span())  # the reason advice is given, unless it speaks of the remedy
    for found in _RELATIVE.finditer(text, end):
        if found.group(1).lower() not in names and not _ITSELF.search(text, 0, found.start(1)):
            spans.append(found.span())
    spans += [m.span() for m in _UNLIKE.finditer(text, end)]
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + _WORSENS.sub(" ", cause_free(text[a:b], table)) + text[b:]
    return text


def _names(text: str, names: set[str]) -> bool:
    return any(re.search(rf"\b{re.escape(name)}", text, re.IGNORECASE) for name in names)


# What makes the condition worse, said of the remedy: "Coffee makes insomnia worse", "alcohol ...,
# but it disrupts sleep", "can keep you awake".
_WORSENS = re.compile(
    r"\b(?:mak(?:es?|ing) (?:[\w-]+ ){1,3}worse|worsens?|aggravates?|exacerbates?|disrupts?|keeps? you (?:awake|up))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|no|n['’]t|won['’]t|doesn['’]t|don['’]t)\b", re.IGNORECASE)
_CARRIED = re.compile(r"\s*(?:it|they|this|these)\b", re.IGNORECASE)


def worsens(text: str, start: int, end: int) -> str:
    """The words by which the remedy named at [start, end) makes the condition worse, or "": in the
    remedy's own part of the sentence after its name (or in the next part, said of "it"), with no
    condition ("if the headache worsens", "when stress makes it worse") or negation between."""
    limit = _part_end(text, end)
    following = _PARTS.search(text, end)
    if following and _CARRIED.match(text, following.end()):
        limit = _part_end(text, following.end())
    for found in _WORSENS.finditer(text, end, limit):
        between = text[end : found.start()]
        if not _CONDITIONAL.search(between) and not re.search(r"\b(?:if|when|unless|whenever)\b", between, re.I):
            return "" if _NEGATED.search(between) else found.group(0).lower()
    return ""


# A benefit the article denies: "is no longer recommended", "does not help", "no evidence that".
_DENIED = re.compile(
    r"\b(?:(?:is|are|was|were|has been|have been)(?:n['’]t|\s+not|\s+no longer|\s+never)\s+(?:\w+\s+)?"
    r"(?:recommended|effective|helpful|useful|proven|shown|advised|approved|prescribed|used)"
    r"|(?:has|have)(?:n['’]t|\s+not) been (?:proven|shown)"
    r"|(?:does|do|did|will|can|wo)(?:n['’]t|\s+not)\s+(?!just\b|only\b)(?:\w+\s+)?"
    r"(?:help|work|relieve|prevent|treat|cure|reduce|stop)"
    r"|should no longer be (?:used|taken|given)|no longer (?:prescribed|recommended|sold)"
    r"|no (?:\w+ )?evidence|ineffective|useless|of no use|not worth|little (?:or no )?benefit|no more effective"
    r"|too (?:little|small|weak|low)\b[^.;]{0,60}?\bto (?:help|work|matter)"
    r"|warn(?:s|ed)? against|advises? against|banned|withdrawn|neither\b[^.;]{0,80}?\bnor)",
    re.IGNORECASE,
)
_NOT_ONLY = re.compile(r"\bnot (?:only|just)\b|\bnot as \w+ as\b", re.IGNORECASE)


def denied_benefit(text: str, offset: int) -> str:
    """What denies the benefit of the remedy named at `offset` in `text`, in the remedy's own part
    of the sentence ("Vitamin E does not help", "the FDA warns against quinine"), or "". A denial
    in a condition ("If these measures do not help, prick the muscle") or in another remedy's part
    ("Magnesium helps, but quinine is not recommended"; "Quinine is banned, so try stretching")
    is not the remedy's; "not only effective but also safe" denies nothing."""
    starts = [0] + [m.end() for m in _PARTS.finditer(text, 0, offset)]
    part = _CONDITIONAL.sub(" ", text[starts[-1] : _part_end(text, offset)])
    if _NOT_ONLY.search(part):
        return ""
    found = _DENIED.search(part)
    return found.group(0).lower() if found else ""


def _part_end(text: str, offset: int) -> int:
    following = _PARTS.search(text, offset)
    return following.start() if following else len(text)
