"""A row's id as a request sends it (a query parameter, a form field, a URL part)."""

from __future__ import annotations

BIGINT_MAX = 2**63 - 1


def row_id(value) -> int | None:
    """The id `value` spells in ASCII digits, or None: "²" and "١١" are digits to str.isdigit()
    but not ids, and a number past a bigint names no row."""
    if not isinstance(value, str) or not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None
    number = int(value)
    return number if number <= BIGINT_MAX else None
