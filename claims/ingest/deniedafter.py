"""A benefit proposed only by default, nothing said of the remedy ("Vitamin C is popular."), when
the next sentence of its paragraph names the remedy again to deny its benefit ("However, there's no
evidence that high doses of vitamin C prevent colds."): the denial is all the article claims of it,
so the default benefit is dropped and the caution stands. A denial that leaves a benefit beside it
in its own sentence drops nothing, nor one that keeps it from some only ("Zinc isn't suitable for
children") a benefit for everyone. Read by the proposer after the sentences' proposals
(claims.ingest.propose)."""

from __future__ import annotations

from claims.ingest import cues
from claims.ingest.followup import by_start
from claims.ingest.segments import HEADING, Segment

_DENIED = "benefit denied"
_DEFAULT = "; default"


def denied_after(proposals: list, segments: list[Segment]) -> list:
    """`proposals` without the default benefits the next sentence denies by name."""
    at = by_start(proposals)
    dropped: set[int] = set()
    for seg, following in zip(segments, segments[1:], strict=False):
        if seg.kind == HEADING or following.block != seg.block:
            continue
        after = at.get(following.start, ())
        kept = {p.remedy for p in after if p.kind in cues.BENEFITS}
        denied = {(p.remedy, p.population) for p in after if p.kind == cues.CAUTION and _DENIED in p.rule}
        dropped |= {
            id(p)
            for p in at.get(seg.start, ())
            if p.kind in cues.BENEFITS
            and p.rule.endswith(_DEFAULT)
            and p.remedy not in kept
            and ((p.remedy, None) in denied or (p.population and (p.remedy, p.population) in denied))
        }
    return [p for p in proposals if id(p) not in dropped]
