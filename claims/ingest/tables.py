"""A table flattened to lines, one cell a line, as a page's table often reaches us after its markup
is gone:

    Treatment
    Strength of evidence
    Our verdict
    Paracetamol
    Low
    Not recommended on its own - no better than a dummy pill

Read as rows of as many cells as the header has, it says what a table row in Markdown says
("| Paracetamol | Low | Not recommended ... |"); read line by line, the verdict is two lines away
from the name it judges. Lines are taken for such a table only when their shape leaves little
doubt: three to six columns; a header of short cells; at least three rows, each with a name in its
first cell (no sentence) and a longer last cell (a verdict, a note) in nearly every row, that last
column longer than the names by two words or more on average; no cell that starts in lower case or
ends in a comma (prose wrapped every few words). Names one a line under their label ("Things to
avoid / Coffee / Cola / ...") rarely have that shape. The table ends where a row would start with a
sentence, or with rows whose last cell is short ("A note on juice / Fexofenadine is absorbed less
well ... / Children and pregnancy": a heading, a paragraph and a heading after the table). Two
columns ("Quinine / Not recommended") need no table: the line under a name already speaks of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims.ingest.lines import Line

_WORD = re.compile(r"\w+")
_ENDS = ".!?;:"
_MIN_COLUMNS, _MAX_COLUMNS = 3, 6
_MIN_ROWS = 3  # besides the header: two rows of names may be a list under its label
_HEADER_WORDS = 5
_NAME_WORDS = 12  # "Steroid nasal sprays (beclometasone, e.g. Beconase; fluticasone, e.g. Flixonase)"
_LONG_WORDS = 4  # a cell of a verdict or a note
_LONG_SHARE = 0.8  # of the rows
_STEPS_PER_LINE = 20
_NOTE_WORDS = 5  # on average, in the last column
_VERDICT_HEADER = re.compile(
    r"\W*(?:(?:our|the|final)\s+)?(?:verdict|rating|recommendation|bottom line|worth (?:it|trying)\??)\W*", re.I
)
_ASKS_IF_IT_HELPS = re.compile(r"\b(?:help|helps|work|works|effective|worth|use it|try it|recommended)\b", re.I)


def tables(cells: list[str]) -> list[tuple[int, int, int]]:
    """The flattened tables among the lines `cells` (stripped, none empty), in order: for each, the
    index of its header's first cell, its number of columns and its number of rows, the header's
    included. The search reads each line a bounded number of times (_STEPS_PER_LINE): lines that
    look like rows from every start ("x", "a b c d", ... at random) cannot make it quadratic."""
    words = [len(_WORD.findall(cell)) for cell in cells]
    # a cell that starts in lower case or ends in a comma goes on from, or into, the next line:
    # wrapped prose, never a cell ("Magnesium may help some / people with frequent / headaches, and it")
    ended = [cell[-1] in _ENDS for cell in cells]
    broken = [cell[:1].islower() or cell[-1] == "," for cell in cells]
    # a header may ask whether it helps ("Does it help?", "Use it?"), not of a side effect ("Drowsy?",
    # "Safe in pregnancy?"): a "No" under that is no verdict on the remedy
    asked = [cell[-1] == "?" and bool(_ASKS_IF_IT_HELPS.search(cell)) for cell in cells]
    # a last column headed "Verdict" holds verdicts, however short ("Skip", "Don't bother")
    verdicts = [bool(_VERDICT_HEADER.fullmatch(cell)) for cell in cells]
    budget = [_STEPS_PER_LINE * len(cells)]
    found, index = [], 0
    while index < len(cells) and budget[0] > 0:
        table = _table_at(index, words, (ended, broken, asked, verdicts), budget)
        if table:
            found.append((index, *table))
            index += table[0] * table[1]
        else:
            index += 1
    return found


def _table_at(first: int, words: list[int], marks: tuple[list[bool], ...], budget: list[int]) -> tuple[int, int] | None:
    ended, broken, asked, verdicts = marks

    def short(i: int, limit: int) -> bool:
        return words[i] <= limit and not ended[i]

    def long(i: int) -> bool:
        return words[i] >= _LONG_WORDS or ended[i]

    def verdict_rows(header: int, width: int) -> int:
        """The rows under a header whose last column holds verdicts: each a name first, and cells
        before the verdict that are no sentences."""
        count, start = 0, header + width
        while start + width <= len(words) and short(start, _NAME_WORDS) and budget[0] > 0:
            budget[0] -= 1
            if any(broken[start : start + width]) or not all(
                short(j, _NAME_WORDS) for j in range(start + 1, start + width - 1)
            ):
                break
            count, start = count + 1, start + width
        return count

    for width in range(_MIN_COLUMNS, _MAX_COLUMNS + 1):
        if first + width * (_MIN_ROWS + 1) > len(words):
            break
        header = range(first, first + width)
        if not all(
            (short(j, _HEADER_WORDS) or (asked[j] and words[j] <= _HEADER_WORDS)) and not broken[j] for j in header
        ):
            continue
        if verdicts[first + width - 1]:
            # under a "Verdict" column the verdicts may be short ("Skip"); not a title over the
            # header read as its first cell ("At a glance / Treatment / Evidence / Verdict")
            count = verdict_rows(first, width)
            if count >= _MIN_ROWS and not (width > _MIN_COLUMNS and verdict_rows(first + 1, width - 1) >= count):
                return width, count + 1
        rows: list[bool] = []  # whether each row's last cell is long
        start = first + width
        while start + width <= len(words) and short(start, _NAME_WORDS) and budget[0] > 0:
            budget[0] -= 1
            if any(broken[start : start + width]):
                break
            last_long = long(start + width - 1)
            if not last_long and (len(rows) < _MIN_ROWS or not rows[-1]):
                break  # a table shows its shape from its first rows, and ends at two short notes in a row
            rows.append(last_long)
            start += width
        while len(rows) > _MIN_ROWS and not rows[-1]:
            rows.pop()  # "A note on juice / ... / Children and pregnancy": what follows the table
        if len(rows) >= _MIN_ROWS and sum(rows) >= _LONG_SHARE * len(rows) and _notes_column(first, width, rows, words):
            return width, len(rows) + 1
    return None


def _notes_column(first: int, width: int, rows: list[bool], words: list[int]) -> bool:
    """Whether the last column reads as notes on the names of the first: longer by some words on
    average. Not a list of names under a label ("Things to avoid / Coffee / Cola / Alcohol / ...")
    nor lines of prose, which have no such columns."""
    starts = [first + width * (row + 1) for row in range(len(rows))]
    names = sum(words[start] for start in starts) / len(starts)
    notes = sum(words[start + width - 1] for start in starts) / len(starts)
    return notes >= _NOTE_WORDS and notes >= names + 2


# "Do / Don't" over two columns, each row flattened to its two cells: "Keep your feet warm / Warm
# cold skin quickly with a hot water bottle / ...". Every second line is what not to do.
_DO = re.compile(r"\W*(?:do|dos|do['’]s|do this|what to do|try|try this|instead)\W*", re.IGNORECASE)
_DONT = re.compile(r"\W*(?:don['’]?t|don['’]?ts|do not|avoid|don['’]t do this|what not to do)\W*", re.IGNORECASE)
_MIN_PAIRS = 2


def do_and_dont(cells: list[str]) -> list[tuple[int, int]]:
    """The two-column "Do / Don't" tables flattened among the lines `cells` (either order, or "Avoid
    / Try"): for each, the index of its first header and the number of cells under its two headers
    (the lines up to the run's end, each starting a sentence of its own), the first of each pair
    under the first header, the second under the other."""
    found = []
    for index in range(len(cells) - 1):
        left, right = cells[index : index + 2]
        if not ((_DO.fullmatch(left) and _DONT.fullmatch(right)) or (_DONT.fullmatch(left) and _DO.fullmatch(right))):
            continue  # "Do / Don't", "Don't / Do", "Avoid / Try"
        under = cells[index + 2 :]
        count = next((n for n, cell in enumerate(under) if not cell[:1].isupper()), len(under))
        if count >= 2 * _MIN_PAIRS:
            found.append((index, count))
    return found


def header_of(text: str, lines: list[Line], index: int, header: str) -> str:
    """The header of the table whose row is `lines[index]`: the row itself when it opens the table,
    the cells over it when the table was flattened to one cell a line, else the table's as before."""
    cells = []
    before = index - 1
    while before >= 0 and lines[before].kind == "cell":
        cells.insert(0, text[lines[before].body : lines[before].end].strip())
        before -= 1
    if before >= 0 and lines[before].kind in ("row", "rule"):
        return header  # a row under another (the cells between are that row's)
    return " | ".join(cells) if cells else text[lines[index].body : lines[index].end].strip()


def pipe_rows(text: str, lines: list[Line]) -> None:
    """Runs of text lines whose cells a pipe parts, without the pipes at either end that Markdown
    gives a row ("Food | Effect on gout | Advice" over "Red meat | high in purines | Eat less"): a
    table's rows, under its header when the first is one, when three lines or more have as many
    pipes, two at least, or one under a header and over three rows at least ("Food | Verdict")."""
    index = 0
    while index < len(lines):
        pipes = _pipes(text, lines[index])
        run = index
        while run < len(lines) and pipes >= 1 and _pipes(text, lines[run]) == pipes:
            run += 1
        # two columns ("Food | Verdict") only under a header, with three rows at least: a byline or a
        # breadcrumb with one pipe is no table
        header = run - index >= 3 and _is_header(text[lines[index].start : lines[index].end])
        if run - index >= 3 and (pipes >= 2 or (header and run - index >= 4)):
            for line in lines[index:run]:
                line.kind = "row"
            if header:
                lines[index].kind = "cell"  # the header names the columns, nothing of a remedy
        index = max(run, index + 1)


def _is_header(line: str) -> bool:
    """Short cells that each open with a capital ("Food | Effect on gout | Advice"), not a row."""
    return all(cell[:1].isupper() and len(_WORD.findall(cell)) <= _HEADER_WORDS for cell in cells(line))


def cells(line: str) -> list[str]:
    """The cells of a table's line, with or without pipes at either end."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _pipes(text: str, line: Line) -> int:
    return text.count(" | ", line.start, line.end) if line.kind == "text" else 0
