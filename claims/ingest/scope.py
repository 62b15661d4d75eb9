"""Whose claim a part of a sentence is: what a relative clause says of another noun ("the stress
that may keep you awake"), and a benefit the article denies in the remedy's own part of the
sentence ("Vitamin E does not help"). Read by the proposer (claims.ingest.propose) beside the
cues (claims.ingest.cues)."""

from __future__ import annotations

import re

from claims.ingest.cues import CONTRAST, cause_free, cue_table

# "... the stress that may keep you awake": what a relative clause says of another noun.
_RELATIVE = re.compile(r"\b([\w-]+)\s*,?\s+(?:that|which|who)\s+[^,.;:!?]*", re.IGNORECASE)


def of_the_remedy(text: str, end: int, names: set[str], condition: str | None = None) -> str:
    """`text` as it speaks of the remedy named just before `end`: a relative clause after it about
    another noun loses its cause words ("Breathing exercises help the body process the stress that
    may keep you awake"); one about the remedy keeps them ("coffee, which keeps you awake")."""
    table = cue_table(condition)
    pieces, last = [], 0
    for found in _RELATIVE.finditer(text, end):
        if found.group(1).lower() in names:
            continue
        pieces += [text[last : found.start()], cause_free(found.group(0), table)]
        last = found.end()
    return "".join(pieces) + text[last:]


# A benefit the article denies: "is no longer recommended", "does not help", "no evidence that".
_DENIED = re.compile(
    r"\b(?:(?:is|are|was|were|has been|have been)\s+(?:not|no longer|never)\s+(?:\w+\s+)?"
    r"(?:recommended|effective|helpful|useful|proven|shown|advised|approved)"
    r"|(?:does|do|did|will|can)\s*(?:n['’]t|\s+not)\s+(?:\w+\s+)?(?:help|work|relieve|prevent|treat|cure|reduce|stop)"
    r"|no (?:\w+ )?evidence|ineffective|useless|of no use|not worth"
    r"|too (?:little|small|weak|low)\b[^.;]*\bto (?:help|work|matter)"
    r"|warns? against|advises? against|banned|withdrawn)",
    re.IGNORECASE,
)
_PARTS = re.compile(r";|" + CONTRAST.pattern, re.IGNORECASE)  # where another remedy's part may begin
_CONDITIONAL = re.compile(r"\b(?:if|when|unless)\b[^,;]*,", re.IGNORECASE)


def denied_benefit(text: str, offset: int) -> str:
    """What denies the benefit of the remedy named at `offset` in `text`, in the remedy's own part
    of the sentence ("Vitamin E does not help", "the FDA warns against quinine"), or "". A denial
    in a condition ("If these measures do not help, prick the muscle") or after a contrast about
    something else ("Magnesium helps, but quinine is not recommended") is not the remedy's."""
    starts = [0] + [m.end() for m in _PARTS.finditer(text, 0, offset)]
    following = _PARTS.search(text, offset)
    part = _CONDITIONAL.sub(" ", text[starts[-1] : following.start() if following else len(text)])
    found = _DENIED.search(part)
    return found.group(0).lower() if found else ""
