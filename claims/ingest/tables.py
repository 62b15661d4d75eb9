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
from the name it judges. A run of lines is taken for such a table only when its shape leaves little
doubt: three to six columns, a header and at least two rows, short header cells, a short name in
each row's first cell, and a column of longer cells (a verdict, a note) in nearly every row. Two
columns ("Quinine / Not recommended") need no table: the line under a name already speaks of it.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_ENDS = ".!?;:"
_MIN_COLUMNS, _MAX_COLUMNS = 3, 6
_MIN_ROWS = 2  # besides the header
_HEADER_WORDS = 5
_NAME_WORDS = 8
_LONG_WORDS = 4  # a cell of a verdict or a note
_LONG_SHARE = 0.8  # of the rows


def columns(cells: list[str]) -> int:
    """How many columns the lines `cells` (stripped, none empty) make as a flattened table with a
    header row, or 0 when they do not read as one."""
    for width in range(_MIN_COLUMNS, _MAX_COLUMNS + 1):
        if len(cells) % width or len(cells) // width - 1 < _MIN_ROWS:
            continue
        header, body = cells[:width], cells[width:]
        rows = [body[i : i + width] for i in range(0, len(body), width)]
        if not all(_short(cell, _HEADER_WORDS) for cell in header):
            continue
        if not all(_short(row[0], _NAME_WORDS) for row in rows):
            continue
        if any(_mostly_long([row[j] for row in rows]) for j in range(1, width)):
            return width
    return 0


def _short(cell: str, words: int) -> bool:
    return len(_WORD.findall(cell)) <= words and cell[-1] not in _ENDS


def _mostly_long(cells: list[str]) -> bool:
    long = sum(1 for cell in cells if len(_WORD.findall(cell)) >= _LONG_WORDS or cell[-1] in _ENDS)
    return long >= _LONG_SHARE * len(cells)
