"""The article cut into the units a claim is quoted from: sentences, list items (bullets, numbered
steps), table rows and headings, each with its exact offsets (text[start:end] == segment.text).

Each segment also carries its context: the nearest heading above it and, for a list item or a
table row, the sentence that introduces its list ("The main causes are:"), because an article
often states the kind of a claim once for a whole list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.ingest.lines import (
    YES_NO,
    Line,
    bare_lists,
    continues,
    fragment,
    looks_like_heading,
    numbered_title,
    titles_within,
)
from claims.ingest.sentences import sentences, trimmed
from claims.ingest.tables import do_and_dont, header_of, pipe_rows, tables

SENTENCE, ITEM, ROW, HEADING = "sentence", "item", "row", "heading"

_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣∙●○■□➢►✓✔*+\-–—]|\d{1,2}[.)](?!\d)|\(\d{1,2}\)|\d{1,2}(?=[ \t]+[A-Z\"“«]))[ \t]+")
_PIPE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")
_PIPE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")
# Two table cells glued together by an extractor: "...etc.)Lack of oxygen", "doctor.As prescribed".
_GLUED = re.compile(r"(?<=[a-z\)\.\"”])(?=[A-Z][a-z])")
_ASKED = re.compile(r"[*_]*(?:[\w'’-]+ ){0,5}[\w'’-]+\?[*_]*")
# Characters: the catalogue's longest sentence has 308.
MAX_SEGMENT = 1000


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str
    kind: str  # sentence | item | row | heading
    block: int  # the paragraph, list item or row it belongs to: sentences of one item share it
    heading: str = ""  # the nearest heading above
    intro: str = ""  # the sentence introducing the list or table this item or row is in
    first: bool = True  # the first sentence of its block
    title: str = ""  # a short line over it in its paragraph, with no blank line between ("Triggers")
    title_at: int = -1  # where that line starts (the nearest of chained titles: "Medicines to avoid / For children")
    title_line: bool = False  # it is itself such a line
    header: str = ""  # a table row's: the first row of its table, or the cells over it ("Remedy | Does it work?")
    asked: str = ""  # a short question just before it in its paragraph, which may say whom: "Pregnant? ..."


def segment(text: str) -> list[Segment]:
    """Every unit of the article in order, headings included."""
    lines = _classify(text)
    segments: list[Segment] = []
    heading = intro = header = ""
    block = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind == "row":
            header = header_of(text, lines, index, header)
        if line.kind in ("blank", "rule", "cell"):
            index += 1
            continue
        if line.kind == "heading":
            piece = trimmed(text, line.body, line.end)
            if piece:
                block += 1
                segments.append(Segment(*piece, kind=HEADING, block=block, heading=heading))
                heading, intro = piece[2], ""
            index += 1
            continue
        if line.kind in ("item", "row"):
            end = line.end
            # An item's text may wrap onto lines without a marker.
            while index + 1 < len(lines) and lines[index + 1].kind == "text" and continues(text, lines[index + 1]):
                index += 1
                end = lines[index].end
            block += 1
            kind = ITEM if line.kind == "item" else ROW
            pieces = sentences(text, line.body, end) if kind == ITEM else [trimmed(text, line.body, end)]
            for number, piece in enumerate(p for p in pieces if p):
                segments.append(
                    Segment(
                        *piece,
                        kind=kind,
                        block=block,
                        heading=heading,
                        intro=line.label or intro,
                        first=number == 0,
                        header=header if kind == ROW else "",
                    )
                )
            index += 1
            continue
        # A paragraph: text lines up to a blank line or a line of another kind.
        first = index
        while index + 1 < len(lines) and lines[index + 1].kind == "text":
            index += 1
        rows = [ln for ln in lines[first : index + 1] if _GLUED.search(text, ln.body, ln.end)]
        block += 1
        if len(rows) >= 2 and index > first:
            # Cells glued together line after line: a table flattened by an extractor.
            for ln in lines[first : index + 1]:
                piece = trimmed(text, ln.body, ln.end)
                if piece:
                    block += 1
                    segments.append(Segment(*piece, kind=ROW, block=block, heading=heading, intro=intro))
        else:
            pieces = [p for p in sentences(text, lines[first].body, lines[index].end) if p]
            (titles, title_ends), title, next_title = titles_within(text, lines[first : index + 1]), "", 0
            title_at = previous = -1
            for number, piece in enumerate(pieces):
                while next_title < len(titles) and titles[next_title][0] <= piece[0]:
                    title, title_at, next_title = titles[next_title][1], previous, next_title + 1
                # a title line starts a section of its own: the title before it is not its title
                own = next_title == len(titles) or titles[next_title][0] != piece[1]
                segments.append(
                    Segment(
                        *piece,
                        kind=SENTENCE,
                        block=block,
                        heading=heading,
                        first=number == 0,
                        title=title if own else "",
                        title_at=title_at if own else -1,
                        title_line=piece[1] in title_ends,
                        asked=pieces[number - 1][2] if number and _ASKED.fullmatch(pieces[number - 1][2]) else "",
                    )
                )
                previous = piece[0]
            if pieces:  # "Pregnant? Avoid these:": a short question before it says whom
                asked = len(pieces) > 1 and _ASKED.fullmatch(pieces[-2][2])
                intro = f"{pieces[-2][2]} {pieces[-1][2]}" if asked else pieces[-1][2]
        index += 1
    return [piece for seg in segments for piece in _bounded(text, seg)]


def _bounded(text: str, seg: Segment):
    """`seg`, or when longer than MAX_SEGMENT its pieces, cut after a comma or semicolon (else a
    space) in the second half of each stretch: a run of thousands of characters without a full
    stop is no sentence, and every cue is read across a whole segment for each remedy in it."""
    if seg.end - seg.start <= MAX_SEGMENT:
        yield seg
        return
    start, number = seg.start, 0
    while start < seg.end:
        stop = min(seg.end, start + MAX_SEGMENT)
        if stop < seg.end:
            half = start + MAX_SEGMENT // 2
            cut = max(text.rfind(", ", half, stop), text.rfind("; ", half, stop))
            cut = cut + 1 if cut != -1 else text.rfind(" ", half, stop)
            stop = cut if cut > start else stop
        piece = trimmed(text, start, stop)
        if piece:
            yield replace(seg, start=piece[0], end=piece[1], text=piece[2], first=seg.first and number == 0)
            number += 1
        start = stop


def _asked_and_answered(text: str, lines: list[Line], index: int) -> bool:
    """A question a reader asks of a remedy, answered by the paragraph under it ("Do ear candles
    work?", "Can I use cotton buds?"), not "What causes heartburn?", which heads what follows."""
    if not YES_NO.fullmatch(text[lines[index].start : lines[index].end]):
        return False
    after = next((line for line in lines[index + 1 :] if line.kind != "blank"), None)
    return after is not None and after.kind == "text"


def _classify(text: str) -> list[Line]:
    lines = []
    position = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        if not raw.strip():
            lines.append(Line(start, end, start, "blank"))
        elif _PIPE_RULE.fullmatch(raw):
            lines.append(Line(start, end, start, "rule"))
        elif _PIPE_ROW.fullmatch(raw):
            inner = raw.strip()
            body = start + raw.index("|") + 1
            lines.append(Line(start, start + raw.rindex("|") if len(inner) > 1 else end, body, "row"))
        elif heading := _MD_HEADING.match(raw):
            lines.append(Line(start, end, start + heading.end(), "heading"))
        elif bullet := _BULLET.match(raw):
            lines.append(Line(start, end, start + bullet.end(), "item"))
        else:
            lines.append(Line(start, end, start, "text"))
    # A short line standing alone, without a sentence's ending, is a heading; so is the first line.
    first = next((i for i, line in enumerate(lines) if line.kind != "blank"), None)
    if (
        first is not None
        and lines[first].kind == "text"
        and (first + 1 == len(lines) or lines[first + 1].kind == "blank")
        and text[lines[first].start : lines[first].end].rstrip()[-1] not in ".!?;:,"
    ):
        lines[first].kind = "heading"  # a title, however long, whatever its commas
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        alone = (i == 0 or lines[i - 1].kind == "blank") and (i + 1 == len(lines) or lines[i + 1].kind == "blank")
        if alone and looks_like_heading(text[line.start : line.end]) and not _asked_and_answered(text, lines, i):
            line.kind = "heading"
    for i, line in enumerate(lines):
        if line.kind == "item" and numbered_title(text, lines, i):
            line.kind = "heading"
    pipe_rows(text, lines)
    _flattened_tables(text, lines)
    bare_lists(text, lines)
    return lines


def _flattened_tables(text: str, lines: list[Line]) -> None:
    """Runs of text lines that hold a table flattened to one cell a line (claims.ingest.tables):
    each row becomes one "row" line over its cells, the cells after its first "cell" lines."""
    index = 0
    while index < len(lines):
        run = index
        while run < len(lines) and lines[run].kind == "text":
            run += 1
        cells = [text[line.start : line.end].strip() for line in lines[index:run]]
        for first, width, rows in tables(cells):
            for cell in lines[index + first : index + first + width]:
                cell.kind = "cell"  # the header names the columns, nothing of a remedy
            for row in range(index + first + width, index + first + width * rows, width):
                lines[row].kind, lines[row].end = "row", lines[row + width - 1].end
                for cell in lines[row + 1 : row + width]:
                    cell.kind = "cell"
        for first, count in do_and_dont(cells):
            left, right = cells[first], cells[first + 1]  # "Do / Don't", or "Don't / Do"
            for number, line in enumerate(lines[index + first + 2 : index + first + 2 + count]):
                line.kind, line.label = "item", right if number % 2 else left
        index = run + 1


def named_under_title(text: str, seg: Segment) -> bool:
    """Whether `seg` is a line of its own under a title line that only names ("Things to avoid\n
    Alcohol before bed."): an item of the title's list, not a sentence that says something."""
    whole = (seg.start == 0 or text[seg.start - 1] == "\n") and (seg.end == len(text) or text[seg.end] == "\n")
    return bool(seg.title) and whole and fragment(seg.text)
