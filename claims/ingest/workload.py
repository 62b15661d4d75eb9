"""The names in an article, found once before the proposer reads it, and how much reading they ask
of it: known in advance, so that a reviewer's request never waits on a long one (claims.articles
sends it to the background instead).

The proposer reads every cue across a whole segment for each remedy named in it, so its time grows
with each name times the length of the segment the name stands in, not with the article's length
alone: a page of long lists of drug names asks some thirty times the work of prose of the same
length. The estimate is that sum, plus a fixed share for each name's own reading, in characters;
`make bench-ingest` measures how many of them the proposer reads per second, on prose and on such
lists, so that the inline limit (settings.INGEST_INLINE_WORK) can be read in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.ingest.lexicon import Lexicon
from claims.ingest.match import Mention, find_mentions
from claims.ingest.newterms import with_new_mentions
from claims.ingest.norm import fold
from claims.ingest.segments import Segment, segment

PER_NAME = 200  # characters: a name's own reading (its dose, its neighbours), whatever its segment's length


@dataclass(frozen=True)
class Names:
    """An article's segments and every name in them: the lexicon's, and the new remedies its
    patterns propose ("foods rich in A, B and C"), in text order."""

    folded: str
    segments: list[Segment]
    mentions: list[Mention]


def find_names(text: str, lexicon: Lexicon, condition: str | None = None) -> Names:
    folded = fold(text)
    segments = segment(text)
    mentions = find_mentions(text, folded, lexicon, condition=condition)
    return Names(folded, segments, with_new_mentions(text, folded, segments, mentions, lexicon, condition))


def workload(names: Names) -> int:
    """The reading the proposer will do, in characters read: for each name, its segment's length
    and PER_NAME."""
    work, position, mentions = 0, 0, names.mentions
    for seg in names.segments:
        while position < len(mentions) and mentions[position].start < seg.start:
            position += 1  # a name outside any segment (on a table's rule line) is not read
        named = 0
        while position < len(mentions) and mentions[position].start < seg.end:
            named += 1
            position += 1
        work += named * (seg.end - seg.start + PER_NAME)
    return work
