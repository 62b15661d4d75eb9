"""The words of the condition an article is about ("heartburn", "restless legs"): the cues read
them as the episode a remedy eases ("during a headache", "relieve heartburn"), the learned cue
words and the new-name rules never take them for a remedy. Only the name's own words count, each
in the singular and the plural; general words of time ("night") are left to the cues' own."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claims.ingest.norm import plural_forms, singular, words
from claims.ingest.vocabulary import FUNCTION


@dataclass(frozen=True)
class ConditionWords:
    forms: tuple[str, ...] = ()  # every content word of the name, singular and plural
    head: tuple[str, ...] = ()  # the last content word (what the condition is), both forms
    single: str = ""  # the head in the singular: "a headache", "heartburn"
    states: tuple[str, ...] = ()  # how one who has it is said to be: "constipated", "dehydrated", "bloated"


NONE = ConditionWords()


def clean(condition: str | None) -> str:
    """The name as the cache key: folded, single spaces."""
    return " ".join(words(condition or ""))


@lru_cache(maxsize=256)
def _condition_words(name: str) -> ConditionWords:
    content = [w for w in name.split() if w.isalpha() and len(w) >= 3 and w not in FUNCTION]
    if not content:
        return NONE
    forms = sorted({form for word in content for form in plural_forms(word)}, key=lambda w: (-len(w), w))
    head = sorted(plural_forms(content[-1]), key=lambda w: (-len(w), w))
    return ConditionWords(tuple(forms), tuple(head), singular(content[-1]), _states(singular(content[-1])))


def _states(head: str) -> tuple[str, ...]:
    """The adjective a name of the state it is has: constipation, constipated; bloating, bloated."""
    if head.endswith("ation") and len(head) > 7:
        return (head.removesuffix("ion") + "ed",)
    if head.endswith("ing") and len(head) > 6:
        return (head.removesuffix("ing") + "ed",)
    return ()


def condition_words(condition: str | None) -> ConditionWords:
    return _condition_words(clean(condition))
