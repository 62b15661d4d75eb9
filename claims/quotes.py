"""The catalogue's quotes against their article: the checksum, each quote found exactly once at
its stored offsets, or, without the article, offsets that at least fit their quotes."""

from __future__ import annotations

import hashlib

from claims.catalogue import CatalogueError, SourceEntry


def locate_quotes(source: SourceEntry, text_bytes: bytes) -> SourceEntry:
    """Check the article's checksum and find every quote exactly once in its text.

    Returns the source with offsets computed from the text; stored offsets that disagree are an
    error, because they are what a machine without the corpus loads.
    """
    digest = hashlib.sha256(text_bytes).hexdigest()
    if digest != source.sha256:
        raise CatalogueError(
            f"sources/{source.file_name}: sha256 of the article is {digest}, the catalogue expects {source.sha256}"
        )
    try:
        text = text_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(
            f"sources/{source.file_name}: the article is not valid UTF-8 (byte offset {exc.start})"
        ) from None
    located = []
    for claim in source.claims:
        count = text.count(claim.quote)
        if count != 1:
            found = "not found" if count == 0 else f"found {count} times"
            raise CatalogueError(
                f"{claim.where}: quote {found} in {source.file_name} (it must occur exactly once): {claim.quote[:80]!r}"
            )
        start = text.index(claim.quote)
        end = start + len(claim.quote)
        if (claim.start, claim.end) != (start, end):
            raise CatalogueError(
                f"{claim.where}: stored offsets {claim.start}:{claim.end} disagree with the "
                f"article, where the quote is at {start}:{end}"
            )
        located.append(claim)
    source.claims = located
    return source


def check_offsets(source: SourceEntry) -> None:
    """Without the article, the stored offsets must at least fit their quotes."""
    for claim in source.claims:
        if not isinstance(claim.start, int) or claim.start < 0 or claim.end != claim.start + len(claim.quote):
            raise CatalogueError(
                f"{claim.where}: offsets {claim.start}:{claim.end} do not fit the quote ({len(claim.quote)} characters)"
            )
