"""What the labels over a segment say of it: a list's introduction, the heading above, a title line
("Foods to avoid", "Don't", "Myths", "What helps"). A label that warns ("Foods to avoid: - coffee",
"Don't\nDrink coffee after 2 p.m.") decides the kind of the items of its list and of a sentence
under it that says nothing good of its own; a label that also says something good ("what to eat and
what to avoid") decides nothing. Read by claims.ingest.cues."""

from __future__ import annotations

import re
from functools import lru_cache

from claims.ingest.advice import IMPERATIVE
from claims.ingest.cuewords import CAUSE, CAUTION
from claims.ingest.labelwords import (
    CAUSING_LEAD_IN,
    IN_PLACE_OF_THESE,
    INTRODUCED_CAUTION,
    MIXED_LABEL,
    WARNING_LABELS,
)
from claims.ingest.lines import BARE_REFUSAL, YES_NO

LONGEST_LABEL = 300  # characters of a label read; a page's runaway heading is no label


def heeds_labels(
    segment_text: str, labels: tuple[str, ...], listed: bool, says_itself: bool, named: re.Pattern
) -> bool:
    """Whether the warnings of the labels above a segment speak of it: no label says something good
    ("For short-term relief, try:"), and it is an item of their list, or a sentence that says
    nothing good of its own (`says_itself`: an order or a benefit read) or only what people believe
    (not "Foods to avoid ... Instead, eat oatmeal."). Under a bare refusal ("Don't", "Never"), an
    order is what is not to be done, unless it is an omission or names the condition (`named`):
    "Never\nMiss your evening stretches", "Avoid\nAttacks by stretching"."""
    if labels_say_good(labels) or _LACKING.match(segment_text):
        return False  # "Things that raise your risk: - Not taking your statins": the statins are good
    if any(BARE_REFUSAL.fullmatch(label) for label in labels if label):
        order, condition = IMPERATIVE.match(segment_text), named.search(segment_text)
        if order and ":" in order.group(0):  # "Avoid\nDehydration: drink water": what is avoided is before the colon
            return False
        if _OMISSION.match(segment_text) or (condition and (not order or condition.start() < order.end())):
            return False  # "Avoid\nHeadaches by resting"; not "Never\nGive aspirin for a headache"
        if order:
            return True  # "Don't\nDrink coffee after 2 p.m.": the order under it is what is not to be done
    if _STATED.fullmatch(segment_text) and any(_MYTHS.search(label) for label in labels if label):
        return True  # "## Myths\n**"A glass of milk soothes heartburn."**": the myth, stated to be debunked
    bare = not says_itself and not MIXED_LABEL.search(segment_text)
    return listed or bare or bool(REPORTED.search(segment_text))


# An item that names a remedy by its lack: "Not enough potassium", "Not taking your statins", "Lack of exercise"
_LACKING = re.compile(
    r"[\W_]*(?:not (?:taking|using|getting|having|eating|drinking|doing)|not enough|lack of|too little|"
    r"(?:a )?shortage of|low (?:levels? of|intake of))\b",
    re.IGNORECASE,
)
_MYTHS = re.compile(r"\b(?:myths?|misconceptions?|old wives)\b", re.IGNORECASE)
_STATED = re.compile(r"[\s*_]*(?:\*\*|__|[\"“])[^*_\"“”]+(?:\*\*|__|[\"”])[\s*_\"”]*")  # all in bold or in quotes


_OMISSION = re.compile(
    r"\W*(?:miss|skip|forget|neglect|ignore|lie|stay up|wait|hesitate|put off|delay|underestimate|suffer|let|give up|"
    r"go (?:\w+ ){0,3}without)\b",
    re.IGNORECASE,
)
_ASKED_BEFORE = re.compile(r"\?[*_]*\s+")  # "Pregnant? Avoid these:", "**Pregnant?** Avoid these:"
# "Many people believe quinine cures headaches": what is reported, not said.
REPORTED = re.compile(r"\b(?:believe[sd]?|claim(?:s|ed)?|swear by|thought to|is said to|are said to)\b", re.IGNORECASE)


def _last_part(label: str) -> str:
    """What a label says last, which is what it says of its items: after its last colon and the
    question it opens with, and in a list's introduction after a "but" ("Pregnant? Most antacids are
    safe, but best not to take:") and after the condition it opens with ("If you take warfarin,
    avoid:", whose "take" is the reader's medicine, not an order)."""
    part = after_question(label.rstrip(" :\n").rsplit(":", 1)[-1])
    if not label.rstrip().endswith(":"):
        return part
    part = _BUT.split(part)[-1]
    condition = _CONDITION_FIRST.match(part)
    if not condition:
        return part
    main = part[condition.end() :]
    # a condition that warns decides when what follows does not: "For foods that make reflux worse,
    # see the list below:", not "For headaches caused by tension, consider:"
    return main if not _warns(condition.group(0)) or _warns(main) or MIXED_LABEL.search(main) else part


def _warns(text: str) -> bool:
    return any(pattern.search(text) for pattern in WARNING_LABELS.values()) or bool(INTRODUCED_CAUTION.search(text))


_BUT = re.compile(r"[,;]\s+but\s+", re.IGNORECASE)
# ... or when: "Two weeks before surgery, stop:"
_CONDITION_FIRST = re.compile(
    r"^\W*(?:(?:if|when|while|whilst|unless|during|for)\b|(?:[\w-]+\s+){0,3}(?:before|after|ahead of)\b)"
    r"[^,;:]*,\s+(?=\w)",
    re.IGNORECASE,
)


def after_question(label: str) -> str:
    """What follows the question a label opens with, which answers it ("Pregnant? Avoid these:")."""
    return _ASKED_BEFORE.split(label)[-1]


def labels_say_good(labels: tuple[str, ...]) -> bool:
    """Whether the labels over a segment (its list's intro, the heading above, its title line) say
    something good of it. The heading is the farthest: a page's "Sleep better" says nothing of the
    items under a nearer "Foods to avoid" or "Don't"."""
    intro, heading, title = (labels + ("", "", ""))[:3]
    near = [label for label in (intro, title) if label]
    if any(says_good(label) for label in near):
        return True
    return bool(heading) and says_good(heading) and not any(warning(label) for label in near)


@lru_cache(maxsize=4096)
def says_good(label: str) -> bool:
    """Whether a label or intro says something good of what follows ("For short-term relief, try:");
    an order it negates says nothing good ("Not safe to take", "Do not use"). Read in its last
    LONGEST_LABEL characters: a label longer than that is a runaway line, not a label."""
    label = _last_part(label[-LONGEST_LABEL:])
    if _asks(label) or IN_PLACE_OF_THESE.search(label):
        return False  # "Do ear candles work?" asks; the answer under it says; "use paracetamol rather than:"
    return any(
        not (found.group(0).lower() in _ORDERS and _NEGATES.search(label, 0, found.start()))
        for found in MIXED_LABEL.finditer(label)
    )


def _asks(label: str) -> bool:
    """A yes/no question ("Is magnesium harmful?", "Do ear candles work?"), not "What causes it?"."""
    return bool(YES_NO.fullmatch(label))


_ORDERS = frozenset(("eat", "drink", "try", "take", "use"))
_NEGATES = re.compile(r"(?:\b(?:not|never|avoid|unsafe)|(?<=\w)n['’]t)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def warning(text: str) -> dict[str, re.Match]:
    """What a label warns of its items, read in its last part ("Preventing headaches: common
    triggers"), unless that part says something good as well."""
    if says_good(text) or _DOS_AND_DONTS.fullmatch(text) or _asks(text):
        return {}  # "Do's and don'ts" alone over a table, or a question: what is under it decides
    text = text[-LONGEST_LABEL:]
    part = _MARKUP.sub("", _last_part(text))  # "**Don't**", "✗ Don't"
    warned = {kind: found for kind, pattern in WARNING_LABELS.items() if (found := pattern.search(part))}
    introduced = INTRODUCED_CAUTION.search(part) if not warned and text.rstrip().endswith(":") else None
    if introduced and not _NEGATES.search(part, max(0, introduced.start() - 12), introduced.start()):
        warned[CAUTION] = introduced  # "If you take warfarin, these may interact:", not "these don't interact:"
    if CAUSE not in warned and (lead_in := CAUSING_LEAD_IN.search(text.rstrip())):
        warned[CAUSE] = lead_in  # "Some medicines can trigger or worsen restless legs:"
    return warned


_DOS_AND_DONTS = re.compile(r"\W*do['’]?s\s+(?:and|&)\s+don['’]?ts\W*", re.IGNORECASE)
_MARKUP = re.compile(r"^[^\w'’]+|[^\w'’]+$")
