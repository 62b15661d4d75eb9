"""How names and text are compared: one fold for both, which keeps every character where it was
(so an offset in the folded text is an offset in the article), keys that ignore plural endings
and punctuation, a spelling key under which transliterations meet ("Midokalm", "Mydocalm"), and
a sentence as the cues read it (on one line, plain quotes, its emphasis moved after the word)."""

from __future__ import annotations

import re
from functools import lru_cache

_CHARS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
}  # fmt: skip
_WORDS = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
# Endings of a word's plural, longest first: "berries" -> "berry", "peaches" -> "peach".
_PLURALS = (("ies", "y"), ("toes", "to"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"), ("xes", "x"))
_IRREGULAR = {
    "leaves": "leaf", "calves": "calf", "halves": "half", "loaves": "loaf", "knives": "knife",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "children": "child", "headaches": "headache",
}  # fmt: skip
_PLURAL_OF = {single: plural for plural, single in _IRREGULAR.items()}
_SPELLING = (
    ("ph", "f"), ("ck", "k"), ("qu", "kw"), ("kh", "h"), ("y", "i"), ("k", "c"), ("z", "s"), ("w", "v"),
)  # fmt: skip


_TABLE = str.maketrans(_CHARS)


def fold(text: str) -> str:
    """Lower case with typographic quotes, dashes and spaces made plain, same length as `text`."""
    folded = text.translate(_TABLE).lower()
    if len(folded) == len(text):
        return folded
    # A few characters lower-case to two ("İ"): keep those as they are, so offsets hold.
    out = []
    for char in text.translate(_TABLE):
        lower = char.lower()
        out.append(lower if len(lower) == 1 else char)
    return "".join(out)


def words(text: str) -> list[str]:
    return _WORDS.findall(fold(text))


def singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics")):
        return word
    for ending, replacement in _PLURALS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    if word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key two names are the same under: folded, punctuation as spaces, each word singular."""
    return " ".join(singular(word) for word in re.split(r"[\s\-'/]+", " ".join(words(name))) if word)


@lru_cache(maxsize=65536)
def spelling_key(name: str) -> str:
    """A coarse key for transliterations: "Midokalm" and "Mydocalm" both give "midocalm"."""
    key = name_key(name).replace(" ", "")
    for old, new in _SPELLING:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def plural_forms(name: str) -> set[str]:
    """The folded name, and its last word in the singular and the plural, for the lexicon."""
    folded = " ".join(fold(name).split())
    head, _, last = folded.rpartition(" ")
    prefix = head + " " if head else ""
    forms = {folded}
    if not last.isalpha() or len(last) < 3:
        return forms
    base = singular(last)
    forms.add(prefix + base)
    if base in _PLURAL_OF:
        forms.add(prefix + _PLURAL_OF[base])
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms.add(prefix + base[:-1] + "ies")
    elif base.endswith(("s", "x", "ch", "sh", "o")):
        forms.add(prefix + base + "es")
    else:
        forms.add(prefix + base + "s")
    return forms


# Emphasis inside a sentence: "Do **not** give aspirin" (the marks move after the word: offsets stand).
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)([\w'’][\w'’ -]*?)\1")


_QUOTES = str.maketrans("’‘“”", "''\"\"")


def readable(text: str) -> str:
    """`text` as the cues read it, as long as it is: across its line breaks ("Try cutting\ndown on
    coffee"), with plain quotes ("Don’t give aspirin"), its emphasis moved after the word ("Do **not**
    give aspirin")."""
    text = text.replace("\n", " ").translate(_QUOTES)
    return _EMPHASIS.sub(lambda m: m.group(2) + " " * (len(m.group(0)) - len(m.group(2))), text)
