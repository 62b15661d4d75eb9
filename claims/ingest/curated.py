"""Reading the curated tables (brands.csv, everyday.csv, phrasings.csv): UTF-8 (a byte-order mark is
no header), blank lines and lines starting with "#" skipped, the header checked, and each row one
CSV line of the header's width, given with the words that name its line in an error."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


def curated_rows(path: Path, header: list[str], error: type[ValueError]) -> Iterator[tuple[str, int, list[str]]]:
    """(where, line number, stripped values) of each row; `error` names the file and line of the first
    broken one."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = [(number, line) for number, line in enumerate(handle, 1) if line.strip() and line.lstrip()[0] != "#"]
    found = next(csv.reader([lines[0][1]])) if lines else None
    if found != header:
        raise error(f"{path.name}: the header must be {','.join(header)}, not {found}")
    for number, line in lines[1:]:
        where = f"{path.name} line {number}"
        try:
            (row,) = csv.reader([line], strict=True)
        except (csv.Error, ValueError) as caught:  # an open quote: each row is one line
            raise error(f"{where}: not one CSV row ({caught})") from None
        if len(row) != len(header):
            raise error(f"{where}: expected {len(header)} columns, found {len(row)}")
        yield where, number, [value.strip() for value in row]
