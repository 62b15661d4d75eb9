"""A paragraph or a list item cut into its sentences, with exact offsets: a stop that is no
abbreviation's ("etc.", "No. 5"), or a line break before a line that starts a sentence. Read by the
segmenter (claims.ingest.segments)."""

from __future__ import annotations

import bisect
import re

from claims.ingest.lines import wrapped

# Where a sentence ends: terminal punctuation (and closing quotes or brackets), then a space and
# something that starts a sentence.
_END = re.compile(r"[.!?…]+[\"”’»)\]*_]*(?=[ \t\n]+[\"“«(\[*_]*[A-Z0-9А-ЯЁ•])")  # "**Drink water.** Dehydration ..."
_ABBREVIATIONS = frozenset(
    "e.g i.e etc dr mr mrs ms prof vs approx tbsp tsp pcs no fig st min max incl resp cf al ca".split()
)
_LONGEST_WRAPPED = 300  # characters of a sentence that goes on across line breaks: the catalogue's longest has 308
_NEXT_CHARACTER = re.compile(r"[^ \t]")


def trimmed(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, text[start:end]) if end > start else None


def sentences(text: str, start: int, end: int) -> list[tuple[int, int, str] | None]:
    """The sentences of text[start:end]. A line break ends a sentence when the next line starts
    one (a capital, a digit, a quote); a line that starts in lower case continues the sentence."""
    ends = [m.end() for m in _END.finditer(text, start, end) if not _is_abbreviation(text, start, m.start())]
    cuts = list(ends)
    line_start = last_cut = start
    for newline in _newlines(text, start, end):
        line = text[line_start:newline].rstrip()
        line_start = newline + 1
        after = _NEXT_CHARACTER.search(text, newline + 1, end)
        if not line or after is None or after.group(0).islower():
            continue
        ended = bisect.bisect_right(ends, newline)
        last_cut = max(last_cut, ends[ended - 1] if ended else start)
        if not wrapped(line) or newline - last_cut > _LONGEST_WRAPPED:
            cuts.append(newline)
            last_cut = newline
    pieces, position = [], start
    for cut in sorted(set(cuts)):
        if position < cut < end:
            pieces.append(trimmed(text, position, cut))
            position = cut
    pieces.append(trimmed(text, position, end))
    return pieces


def _newlines(text: str, start: int, end: int):
    position = text.find("\n", start, end)
    while position != -1:
        yield position
        position = text.find("\n", position + 1, end)


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    """Is the full stop at `dot` the end of an abbreviation ("etc.", "tbsp.", "e.g.")?"""
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if word == "no":  # "No. 5" is a number; "Does it help? No. It can be dangerous." is an answer
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    return word in _ABBREVIATIONS
