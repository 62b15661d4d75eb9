"""Lists of remedies, read for the members the lexicon does not know: "rich in magnesium: almonds,
walnuts and dates", where one known remedy vouches for its neighbours or a preparation governs the
list, and the examples "such as" opens after a known remedy. Each member is yielded as (start, end,
name, category, rule) for claims.ingest.newterms, with the word helpers it shares."""

from __future__ import annotations

import re
from collections import Counter

from claims.ingest.match import Mention
from claims.ingest.vocabulary import FUNCTION, describes_portion

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
_SEPARATOR = re.compile(r",\s*(?:and|or)\s+|,\s*|\s+(?:and|or|as well as)\s+")
_CLAUSE = re.compile(r"[.;:!?()\[\]|\n]|\s[-–—]\s|- ")  # a table cell or a line ends it too
_LIST_TRIGGER = re.compile(
    r"\b(?:rich in|sources? of|decoctions? of|infusions? of|herbs?|mixture of|tea with|plants?)\b"
)
# "cereals, such as oatmeal": the examples a known remedy introduces are of its kind.
_EXAMPLES = re.compile(r"\b(?:such as|for example|for instance|including)\s+")


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text, start, len(text) if end is None else end)]


def is_content(word: str) -> bool:
    return (
        word not in FUNCTION
        and word.split("'")[0] not in FUNCTION  # "that's", "it's": a contraction
        and len(word) > 2
        and not (word.endswith("ly") and len(word) > 5)
    )


def list_members(text: str, base: int, own: list[Mention]):
    """The unknown members of a list that a known remedy, or a preparation, vouches for. A list is
    a run of short noun phrases between commas and "and"/"or"; the first member is the tail of the
    words that introduce it, the last the head of the words that follow it."""
    position = 0
    for clause in _CLAUSE.split(text):
        start = text.index(clause, position)
        position = start + len(clause)
        pieces = _SEPARATOR.split(clause)
        if len(pieces) < 2:
            continue
        members, offset, pieces_at = [], start, []
        for number, piece in enumerate(pieces):
            at = text.index(piece, offset)
            offset = at + len(piece)
            pieces_at.append((at, piece))
            members.append(_member(text, word_spans(text, at, at + len(piece)), number, len(pieces)))
        for run in _runs(members):
            # what the catalogue or a brand names vouches; the everyday table's broad names do not
            anchors = [m for m in own if any(s <= m.start - base < e for s, e in run) and m.rule != "everyday"]
            categories = Counter(m.term.category for m in anchors if m.term.category not in ("lifestyle", "maneuver"))
            before = text[max(0, run[0][0] - 40) : run[0][0]]
            triggered = _LIST_TRIGGER.search(before) or _LIST_TRIGGER.search(clause)
            if len(run) < 2 or not (categories or (triggered and len(run) >= 3)):
                continue
            category = categories.most_common(1)[0][0] if categories else "herbal_folk"
            for s, e in run:
                if not any(s <= m.start - base < e for m in own) and not _verb_form(text, s, e):
                    yield base + s, base + e, text[s:e], category, "list"
        for at, piece in pieces_at:
            compound = _compound([m for m in own if at <= m.start - base < at + len(piece)], text, base)
            # the whole member, not "fat milk" of "low fat milk products"
            if compound and text[at : at + len(piece)].strip() == text[compound[0] : compound[1]]:
                yield base + compound[0], base + compound[1], text[compound[0] : compound[1]], "food_drink", "compound"


def example_members(text: str, base: int, own: list[Mention]):
    """The members of the list that "such as", "for example" or "including" opens after a known
    remedy of the same clause: each takes that remedy's category."""
    for hit in _EXAMPLES.finditer(text):
        clause_start = max(text.rfind(mark, 0, hit.start()) for mark in ".;:!?(") + 1
        anchors = [m for m in own if clause_start <= m.start - base < hit.start()]
        if not anchors:
            continue
        category = anchors[-1].term.category
        end = _CLAUSE.search(text, hit.end())
        clause = text[hit.end() : end.start() if end else len(text)]
        pieces = _SEPARATOR.split(clause)
        offset = hit.end()
        for number, piece in enumerate(pieces):
            at = text.index(piece, offset)
            offset = at + len(piece)
            last = number == len(pieces) - 1  # its head only: "oatmeal, to prevent attacks"
            words = word_spans(text, at, at + len(piece))
            # "such as cetirizine or loratadine ease sneezing and itching": the list ends at the verb
            does = next((i for i, (_, _, word) in enumerate(words) if i and word in _DOES), None)
            span = _member(text, words[:does], 1, 2 if last or does else 3)
            if span is not None and not _known_with_head(text, base, span, own):
                yield base + span[0], base + span[1], text[span[0] : span[1]], category, "example"
            if does:
                break


def _compound(inside: list[Mention], text: str, base: int) -> tuple[int, int] | None:
    """Two or more foods named side by side in a list member, the first saying which of the
    second ("green vegetables", "whole grain pasta"): one food, not two. Its span, or None."""
    spans = sorted((m.start - base, m.end - base) for m in inside if m.term.category == "food_drink")
    if len(spans) < 2 or len(spans) < len(inside):
        return None
    if any(text[a_end:b_start] != " " for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False)):
        return None
    return spans[0][0], spans[-1][1]


# The head of a member after its name's words: "soy products", "lactic acid products".
_NAME_HEADS = frozenset(("products", "product", "foods"))


# What a remedy does, after its name: "such as Beconase eases a blocked nose", "cetirizine or
# loratadine ease sneezing" (the name is "Beconase", "loratadine").
_DOES = frozenset(
    "ease eases help helps relieve relieves soothe soothes calm calms work works clear clears reduce reduces "
    "treat treats prevent prevents stop stops cause causes make makes keep keeps contain contains soften softens kill "
    "kills unblock unblocks shorten shortens replace replaces protect protects numb numbs shrink shrinks lower lowers "
    "settle settles neutralise neutralises neutralize neutralizes speed speeds".split()
)


def _named(words: list, index: int) -> bool:
    """Whether the word at `index` of a member's words belongs to its name: a content word, or a
    head such as "products" after one, last; not a verb of what it does after the name."""
    word = words[index][2]
    if index > 0 and word in _DOES:
        return False
    return is_content(word) or (
        word in _NAME_HEADS and index == len(words) - 1 and index > 0 and is_content(words[index - 1][2])
    )


def _known_with_head(text: str, base: int, span: tuple[int, int], own: list[Mention]) -> bool:
    """Whether a member is a known name and a head ("alginate products"): the name stands."""
    words = word_spans(text, *span)
    if len(words) < 2 or words[-1][2] not in _NAME_HEADS:
        return False
    return any((m.start - base, m.end - base) == (span[0], words[-2][1]) for m in own)


def _member(text: str, words: list, number: int, count: int) -> tuple[int, int] | None:
    """A list member's span: up to three words of its name, or None when the piece is not one."""
    if number == 0:  # the tail of what introduces the list
        first = len(words)
        while first > 0 and _named(words, first - 1):
            first -= 1
        words = words[first:][-3:]
        if words and not is_content(words[0][2]):
            words = []  # "products" alone
    elif number == count - 1:  # the head of what follows the list
        last = 0
        while last < len(words) and _named(words[: last + 1], last):
            last += 1
            if words[last - 1][2] in _NAME_HEADS:
                break  # "tofu products twice a week": the head ends the name
        words = words[:last][:3]
    else:
        while words and not is_content(words[0][2]):
            words = words[1:]  # "all kinds of dried fruits", "various greens"
        if not words or len(words) > 3 or not all(_named(words, i) for i in range(len(words))):
            return None
    while words and describes_portion(words[0][2], words[-1][2]):
        words = words[1:]
    return (words[0][0], words[-1][1]) if words else None


def _verb_form(text: str, start: int, end: int) -> bool:
    """ "an antacid, neutralizing the acid", "brewed as a tea and consumed": a lone participle
    among substances is what is done, not one more substance. A word in -ing is one only with its
    object after it ("herring", "pudding" are foods); "dried fruits" has its noun."""
    member = text[start:end]
    if member.lower() in _WHAT_TO_DO:
        return True  # "Stop diphenhydramine and seek help if ...": what to do next
    if " " in member or len(member) <= 5:
        return False
    if re.search(r"[^e]ed$", member):
        return True
    return member.endswith("ing") and _OBJECT.match(text, end) is not None


_WHAT_TO_DO = frozenset(("seek", "see", "call", "phone", "ask", "tell", "talk", "speak", "contact", "consult", "visit"))
_OBJECT = re.compile(r"\s+(?:the|a|an|your|their|its|it|them|of|in|on|to|with|from|into)\b")


def _runs(members: list) -> list[list[tuple[int, int]]]:
    runs, current = [], []
    for member in members:
        if member is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(member)
    if current:
        runs.append(current)
    return runs
