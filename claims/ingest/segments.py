"""The article cut into the units a claim is quoted from: sentences, list items (bullets, numbered
steps), table rows and headings, each with its exact offsets (text[start:end] == segment.text).

Each segment also carries its context: the nearest heading above it and, for a list item or a
table row, the sentence that introduces its list ("The main causes are:"), because an article
often states the kind of a claim once for a whole list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

SENTENCE, ITEM, ROW, HEADING = "sentence", "item", "row", "heading"

_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣∙●○■□➢►✓✔*+\-–—]|\d{1,2}[.)](?!\d)|\(\d{1,2}\)|\d{1,2}(?=[ \t]+[A-Z\"“«]))[ \t]+")
_PIPE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*$")
_PIPE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")
# Two table cells glued together by an extractor: "...etc.)Lack of oxygen", "doctor.As prescribed".
_GLUED = re.compile(r"(?<=[a-z\)\.\"”])(?=[A-Z][a-z])")
_WORD = re.compile(r"\w+")
# Where a sentence ends: terminal punctuation (and closing quotes or brackets), then a space and
# something that starts a sentence.
_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=[ \t\n]+[\"“«(\[]?[A-Z0-9А-ЯЁ•])")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc dr mr mrs ms prof vs approx tbsp tsp pcs no fig st min max incl resp cf al ca".split()
)
_HEADING_WORDS = 12
_TITLE_WORDS = 6
_SUBTITLE_WORDS = 8
_ITEM_WORDS = 6
# What a list's label says, never an item: "What is safe", "Instead", "Recommended", "Triggers".
_LABEL_WORDS = re.compile(
    r"\b(?:what|which|how|avoid|instead|safe|unsafe|recommended|triggers?|helps?|try|these|following|fine|"
    r"enjoy|not|never|no|don't|do not)\b",
    re.IGNORECASE,
)
# A line broken before its sentence ends: "Many doctors now advise against\nQuinine at night."
_WRAPPED = re.compile(r"\b(?:and|or|of|to|the|a|an|with|for|against|about|from|by|at|in|on|than)$", re.I)
_LONGEST_WRAPPED = 300  # characters of a sentence that goes on across line breaks: the catalogue's longest has 308
_NEXT_CHARACTER = re.compile(r"[^ \t]")
# ... or after a verb whose object is on the next line ("Doctors no longer prescribe\nQuinine"), unless
# the line is a label ("What not to take\nQuinine.", "Foods to avoid\nCoffee.").
_WRAPPED_VERB = re.compile(r"\b(?:avoid|prescribe|recommend|take|give|use|try|include|eat|drink)$", re.IGNORECASE)
_LABEL = re.compile(
    r"\W*(?:what|which|how|foods?|drinks?|things?|medicines?|medications?|drugs?|remedies|habits?|tips|products?)\b",
    re.IGNORECASE,
)
# A title may name things by what they do: "Drugs that can cause attacks", "Foods that help".
_NAMED_BY_CLAUSE = re.compile(r"[A-Z][\w-]*(?: [\w-]+){0,2} (?:that|which)\b")
# A fragment of a sentence, not a title: "Besides avoiding triggers\nMagnesium ..."
_FRAGMENT = re.compile(
    r"(?:besides|apart from|along with|in addition to|as well as|instead of|rather than|unlike|after|before|while|"
    r"although|though|because|since|when|if|unless|until|so|and|or|but|then)\b",
    re.IGNORECASE,
)
_RUNS_ON = re.compile(r"\b(?:and|or|but|then|so|the|a|an|of|with|to|for|in|on|at|by|from|as|than)$", re.IGNORECASE)
_NUMBERED = re.compile(r"[ \t]*(?:#?\d{1,2}[.)]|\(\d{1,2}\))")
# A line that orders or claims ("Drink water", "Magnesium helps") says something; a title names.
_CLAIM = re.compile(
    r"^(?:take|drink|eat|apply|rub|use|make|do|put|wear|try|avoid|keep|stop|get|go)\b|"
    r"\b(?:helps?|works?|prevents?|relieves?|treats?|reduces?|eases?|stops?|causes?)\b",
    re.IGNORECASE,
)
_VERB = re.compile(r"\b(?:is|are|was|were|will|can|could|should|must|may|has|have|had)\b", re.IGNORECASE)


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


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    body: int  # where the text starts, after any list marker
    kind: str  # blank | item | row | rule | heading | text


def segment(text: str) -> list[Segment]:
    """Every unit of the article in order, headings included."""
    lines = _classify(text)
    segments: list[Segment] = []
    heading = intro = ""
    block = 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind in ("blank", "rule"):
            index += 1
            continue
        if line.kind == "heading":
            piece = _trimmed(text, line.body, line.end)
            if piece:
                block += 1
                segments.append(Segment(*piece, kind=HEADING, block=block, heading=heading))
                heading, intro = piece[2], ""
            index += 1
            continue
        if line.kind in ("item", "row"):
            end = line.end
            # An item's text may wrap onto lines without a marker.
            while index + 1 < len(lines) and lines[index + 1].kind == "text" and _continues(text, lines[index + 1]):
                index += 1
                end = lines[index].end
            block += 1
            kind = ITEM if line.kind == "item" else ROW
            pieces = _sentences(text, line.body, end) if kind == ITEM else [_trimmed(text, line.body, end)]
            for number, piece in enumerate(p for p in pieces if p):
                segments.append(
                    Segment(*piece, kind=kind, block=block, heading=heading, intro=intro, first=number == 0)
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
                piece = _trimmed(text, ln.body, ln.end)
                if piece:
                    block += 1
                    segments.append(Segment(*piece, kind=ROW, block=block, heading=heading, intro=intro))
        else:
            pieces = [p for p in _sentences(text, lines[first].body, lines[index].end) if p]
            titles, title, next_title = _titles_within(text, lines[first : index + 1]), "", 0
            for number, piece in enumerate(pieces):
                while next_title < len(titles) and titles[next_title][0] <= piece[0]:
                    title, next_title = titles[next_title][1], next_title + 1
                segments.append(
                    Segment(*piece, kind=SENTENCE, block=block, heading=heading, first=number == 0, title=title)
                )
            if pieces:
                intro = pieces[-1][2]
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
        piece = _trimmed(text, start, stop)
        if piece:
            yield replace(seg, start=piece[0], end=piece[1], text=piece[2], first=seg.first and number == 0)
            number += 1
        start = stop


def _classify(text: str) -> list[_Line]:
    lines = []
    position = 0
    for raw in text.split("\n"):
        start, end = position, position + len(raw)
        position = end + 1
        if not raw.strip():
            lines.append(_Line(start, end, start, "blank"))
        elif _PIPE_RULE.fullmatch(raw):
            lines.append(_Line(start, end, start, "rule"))
        elif _PIPE_ROW.fullmatch(raw):
            inner = raw.strip()
            body = start + raw.index("|") + 1
            lines.append(_Line(start, start + raw.rindex("|") if len(inner) > 1 else end, body, "row"))
        elif heading := _MD_HEADING.match(raw):
            lines.append(_Line(start, end, start + heading.end(), "heading"))
        elif bullet := _BULLET.match(raw):
            lines.append(_Line(start, end, start + bullet.end(), "item"))
        else:
            lines.append(_Line(start, end, start, "text"))
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
        if alone and _looks_like_heading(text[line.start : line.end]):
            line.kind = "heading"
    for i, line in enumerate(lines):
        if line.kind == "item" and _numbered_title(text, lines, i):
            line.kind = "heading"
    _bare_lists(text, lines)
    return lines


def _bare_lists(text: str, lines: list[_Line]) -> None:
    """Short lines one under another, each a name without a verb, under a line that introduces
    them ("Foods to avoid\nDark chocolate\nOrange juice\nSpicy food"): the items of a list without
    markers, as an extractor leaves a page's list. At least two, right under their label."""
    index = 1
    while index < len(lines):
        label = lines[index - 1]
        run = index
        while run < len(lines) and lines[run].kind == "text" and fragment(text[lines[run].start : lines[run].end]):
            run += 1
        if label.kind == "text" and run - index >= 2 and not fragment(text[label.start : label.end]):
            for item in lines[index:run]:
                item.kind = "item"
        index = max(run, index + 1)


def named_under_title(text: str, seg: Segment) -> bool:
    """Whether `seg` is a line of its own under a title line that only names ("Things to avoid\n
    Alcohol before bed."): an item of the title's list, not a sentence that says something."""
    whole = (seg.start == 0 or text[seg.start - 1] == "\n") and (seg.end == len(text) or text[seg.end] == "\n")
    return bool(seg.title) and whole and fragment(seg.text)


def fragment(line: str) -> bool:
    """A short line without a verb that names rather than says: "Dark chocolate", "Alcohol before
    bed." (not a label: "What is safe", "Instead, try:")."""
    stripped = line.strip()
    return (
        stripped[:1].isupper()
        and len(_WORD.findall(stripped)) <= _ITEM_WORDS
        and stripped[-1] not in ":?!,;"
        and not _CLAIM.search(stripped)
        and not _VERB.search(stripped)
        and not _LABEL_WORDS.search(stripped)
    )


def _numbered_title(text: str, lines: list[_Line], i: int) -> bool:
    """ "1. Baking soda", alone on its line, over the paragraph that says what it does: the title
    of a section, not an item of a list (whose next line would be another item)."""
    line = lines[i]
    if (i > 0 and lines[i - 1].kind != "blank") or i + 1 == len(lines) or lines[i + 1].kind != "blank":
        return False
    following = next((other for other in lines[i + 1 :] if other.kind != "blank"), None)
    preceding = next((other for other in reversed(lines[:i]) if other.kind != "blank"), None)
    introduced = preceding is not None and text[preceding.start : preceding.end].rstrip().endswith(":")
    if preceding is not None and (preceding.kind == "item" or introduced):
        return False  # a list spaced out by blank lines: "1. Oats\n\n2. Milk\n\nBoth help.", "Try to:\n\n1. eat"
    body = text[line.body : line.end].strip()
    if not _NUMBERED.match(text, line.start, line.body) or not body[:1].isupper() or _CLAIM.search(body):
        return False  # a bullet, a line that goes on in lower case, an order or a claim is no title
    words = _WORD.findall(body)
    return (
        following is not None
        and following.kind == "text"
        and 0 < len(words) <= _TITLE_WORDS
        and body[-1] not in ".;,:!?"
        and not _VERB.search(body)
    )


def _titles_within(text: str, lines: list[_Line]) -> list[tuple[int, str]]:
    """The short lines of a paragraph that title what follows them with no blank line between
    ("Triggers\nRed wine and aged cheese ...", "Foods to avoid:\nCoffee ...", "Quinine\nNot
    recommended."), each with where it ends: still a sentence of its own, and the title of the
    sentences under it in its paragraph, beside the heading above. A line that orders or claims,
    ends a sentence, or runs on titles nothing."""
    titles = []
    for previous, line, following in zip([None, *lines], lines, lines[1:], strict=False):
        whole = text[line.start : line.end].strip()
        stripped = whole.removesuffix(":").rstrip()
        after = text[following.start : following.end].lstrip()
        ended = previous is None or text[previous.start : previous.end].rstrip().endswith((".", "!", "?", ":"))
        # "Medicines to avoid\nFor children\nAspirin and codeine.": a title under a title adds to it
        under_title = bool(titles and previous is not None and titles[-1][0] == previous.end)
        if (
            (ended or under_title)
            and stripped[:1].isupper()
            and after[:1].isupper()
            and len(_WORD.findall(stripped)) <= _SUBTITLE_WORDS
            and not stripped.endswith("?")
            and "," not in stripped
            and not _RUNS_ON.search(stripped)
            and not _FRAGMENT.match(stripped)
            and _looks_like_heading(stripped)
            and (_NAMED_BY_CLAUSE.match(stripped) or not (_CLAIM.search(stripped) or _VERB.search(stripped)))
        ):
            titles.append((line.end, f"{titles.pop()[1]} / {whole}" if under_title else whole))
    return titles


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if stripped[-1] in ".;,:!" or len(_WORD.findall(stripped)) > _HEADING_WORDS:
        return False
    # "Most often, the first drugs prescribed are vitamin complexes" is a sentence without its full
    # stop; "About proper nutrition, medications and techniques" is a heading.
    return ", " not in stripped or (len(_WORD.findall(stripped)) <= 8 and not _VERB.search(stripped))


def _continues(text: str, line: _Line) -> bool:
    """A line without a marker that carries on the item above it (starts in lower case)."""
    stripped = text[line.start : line.end].lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped[0] in ",;:)–—-")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, text[start:end]) if end > start else None


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int, str] | None]:
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
        if not _wrapped(line) or newline - last_cut > _LONGEST_WRAPPED:
            cuts.append(newline)
            last_cut = newline
    pieces, position = [], start
    for cut in sorted(set(cuts)):
        if position < cut < end:
            pieces.append(_trimmed(text, position, cut))
            position = cut
    pieces.append(_trimmed(text, position, end))
    return pieces


def _wrapped(line: str) -> bool:
    """Whether a line breaks off its sentence: after a comma, a preposition, or a verb whose object
    is on the next line, unless the line is a label ("What not to take", "Heartburn: what to eat")."""
    if line.endswith((",", ";", "-", "–", "(")):
        return True
    words = len(_WORD.findall(line))
    if words >= 2 and _WRAPPED.search(line):
        return True
    return words >= 3 and ":" not in line and bool(_WRAPPED_VERB.search(line)) and not _LABEL.match(line)


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
