"""How much reading an article asks of the proposer, known before it runs, so that a reviewer's
request never waits on a long one (claims.articles sends it to the background instead).

The proposer reads every cue across a whole segment for each remedy named in it, so its time grows
with each name times the length of the segment the name stands in, not with the article's length
alone: a page of long lists of drug names asks some thirty times the work of prose of the same
length. The estimate is that sum, plus a fixed share for each name's own reading, in characters;
`make bench-ingest` measures how many of them the proposer reads per second, on prose and on such
lists, so that the inline limit (settings.INGEST_INLINE_WORK) can be read in seconds.
"""

from __future__ import annotations

from claims.ingest.lexicon import Lexicon
from claims.ingest.match import find_mentions
from claims.ingest.norm import fold
from claims.ingest.segments import segment

PER_NAME = 200  # characters: a name's own reading (its dose, its neighbours), whatever its segment's length


def workload(text: str, lexicon: Lexicon, condition: str | None = None) -> int:
    """The reading the proposer will do on `text`, in characters read: for each name of the lexicon
    in it, its segment's length and PER_NAME."""
    segments = segment(text)
    mentions = find_mentions(text, fold(text), lexicon, condition=condition)
    work, position = 0, 0
    for seg in segments:
        while position < len(mentions) and mentions[position].start < seg.start:
            position += 1  # a name outside any segment (on a table's rule line) is not read
        named = 0
        while position < len(mentions) and mentions[position].start < seg.end:
            named += 1
            position += 1
        work += named * (seg.end - seg.start + PER_NAME)
    return work
