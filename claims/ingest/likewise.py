"""A sentence that says its remedies do what the sentence before says of its own: "Alcohol makes
snoring worse. Sleeping pills and other sedatives do the same." Read alone it says nothing of them,
and they came out as the default benefit. Each of its benefits takes the kind the sentence before
gives its remedies, when that is one harm: a cause or a caution."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest.cues import BENEFITS, CAUSE, CAUTION
from claims.ingest.followup import by_start, recast_all
from claims.ingest.segments import HEADING, Segment

_LIKEWISE = re.compile(
    r"\b(?:do|does|did|can|may|will|have|has)\s+(?:(?:exactly|much|just)\s+)?the same(?:\s+(?:thing|effect))?\b"
    r"|\b(?:have|has) (?:a |the )?(?:similar|same) effect\b|\b(?:are|is) (?:just |every bit )?as (?:bad|risky)\b"
    r"|\b(?:is|are) (?:another|other) (?:common |well-known |frequent |big )?(?:ones?|culprits?|triggers?|causes?)\b",
    re.IGNORECASE,
)


# Before "do the same": a negation, an order or an infinitive, or nothing (the sentence opens with it).
_NOT_ONLY_THAT = re.compile(r"(?:^|\bnot\s+|n['’]t\s+|\bto\s+|\bnever\s+)\W*$", re.IGNORECASE)
# After it: nothing but "too" or "as well", to the sentence's end.
_ENDS = re.compile(r"\W*(?:(?:too|as well|also)\W*)?", re.IGNORECASE)


def likewise(proposals: list, segments: list[Segment]) -> list:
    """`proposals`, the benefits of a "do the same" sentence recast as the harm the sentence before
    it says of its remedies."""
    at = by_start(proposals)
    harm_of: dict[int, tuple[str, str]] = {}  # a "do the same" sentence's start -> (kind, words)
    for before, seg in zip(segments, segments[1:], strict=False):
        same = _LIKEWISE.search(seg.text)
        if not same or seg.kind == HEADING or before.kind == HEADING or seg.start not in at:
            continue
        if _NOT_ONLY_THAT.search(seg.text, 0, same.start()) or not _ENDS.fullmatch(seg.text, same.end()):
            continue  # "Valerian won't do the same", "Try to do the same routine", "do the same job as ..."
        kinds = {p.kind for p in at.get(before.start, ())}
        if len(kinds) == 1 and kinds <= {CAUSE, CAUTION}:
            harm_of[seg.start] = (kinds.pop(), same.group(0).lower())

    def recast(proposal):
        if proposal.start not in harm_of or proposal.kind not in BENEFITS:
            return [proposal]
        kind, words = harm_of[proposal.start]
        return [replace(proposal, kind=kind, population=None, rule=f"{proposal.rule}; likewise: {words}")]

    return recast_all(proposals, recast)
