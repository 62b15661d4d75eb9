"""Which other condition a benefit is said of: "Zinc shortens a common cold" in an article on
heartburn is a claim about the common cold, not heartburn. The known conditions' names are given
(claims.articles reads them from the catalogue); nothing here is written for one condition."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claims.ingest.condition import clean, condition_words
from claims.ingest.norm import plural_forms

BENEFITS = frozenset(("relief", "treatment", "prevention"))


def said_of_another(quote: str, kind: str, condition: str | None, others: Iterable[str]) -> str | None:
    """The other known condition a benefit's quote names when it does not name the article's own
    (`condition`): its name, or None. The longest name first ("acid reflux disease", then "reflux")."""
    own = clean(condition)
    if kind not in BENEFITS or _names(own).search(quote):
        return None
    for name in sorted(others, key=len, reverse=True):
        if clean(name) != own and _phrase(clean(name)).search(quote):
            return name
    return None


@lru_cache(maxsize=256)
def _names(condition: str) -> re.Pattern:
    """Any word of the article's own condition ("heartburn"; "sore", "throat")."""
    forms = condition_words(condition).forms
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b", re.IGNORECASE) if forms else re.compile("(?!)")


@lru_cache(maxsize=256)
def _phrase(name: str) -> re.Pattern:
    """Another condition's name as a phrase, its last word in either number, and without its first
    words while two remain ("chronic sore throat", "sore throat"): never one word of it alone ("cold")."""
    words = name.split()
    last = "|".join(map(re.escape, sorted(plural_forms(words[-1]), key=len, reverse=True)))
    phrases = [
        r"\s+".join([*map(re.escape, words[first:-1]), f"(?:{last})"]) for first in range(max(1, len(words) - 1))
    ]
    return re.compile(rf"\b(?:{'|'.join(phrases)})\b", re.IGNORECASE)
