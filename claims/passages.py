"""A passage a reviewer selects in an article's stored text: the span of a claim the proposer
missed, or of a proposal edited before it is accepted (claims.decisions)."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError

from claims.models import Source


def passage(source: Source, start, end) -> tuple[int, int, str]:
    """The passage [start, end) of the article, trimmed of surrounding white space: whole words,
    at least one of them, within the stored text; (start, end, quote)."""
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise ValidationError({"start": "The passage's start and end must be whole numbers."}) from None
    text = source.text
    if not text:
        raise ValidationError({"start": f"Source #{source.pk} has no stored text to quote from."})
    if not 0 <= start < end <= len(text):
        raise ValidationError({"start": f"The passage [{start}:{end}] is not within the text (0 to {len(text)})."})
    quote = text[start:end]
    start, end = start + len(quote) - len(quote.lstrip()), end - len(quote) + len(quote.rstrip())
    if start >= end:
        raise ValidationError({"start": "The selected passage is only white space."})
    if not any(character.isalnum() for character in text[start:end]):
        raise ValidationError({"start": f"The selected passage “{text[start:end]}” has no words: select what it says."})
    for at, edge in ((start, "starts"), (end, "ends")):
        if 0 < at < len(text) and _in_word(text[at - 1]) and _in_word(text[at]):
            word = _word_at(text, at)
            raise ValidationError({"start": f"The passage {edge} inside the word “{word}”: select whole words."})
    return start, end, text[start:end]


def _in_word(char: str) -> bool:
    """A character of a word written between spaces: letters of scripts without spaces between
    words (Chinese, Japanese, Thai: Unicode's "other letters") may start or end a passage anywhere."""
    return char.isalnum() and unicodedata.category(char) != "Lo"


def _word_at(text: str, at: int) -> str:
    first, last = at, at
    while first > 0 and text[first - 1].isalnum():
        first -= 1
    while last < len(text) and text[last].isalnum():
        last += 1
    return text[first:last][:40]
