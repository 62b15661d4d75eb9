"""A preparation the catalogue names by its ingredients ("turpentine, egg yolk and vinegar rub",
"vinegar and vodka compress") is said by naming them together: "a mixture of egg yolk, a spoonful
of turpentine and a spoonful of apple cider vinegar", "an ointment made from turpentine, apple
cider vinegar and egg yolk". Where one segment names every ingredient close together, in one
stretch (no "; " nor ", or" between them) beside a word that says they are prepared ("a compress
of", "mixed with", "an ointment made from"), the preparation is the remedy, and the ingredients'
own names give way to it: the article recommends the mixture, not turpentine on its own. Named
for other reasons ("Avoid vodka; vinegar rubbed in helps", "Vinegar, vodka and other household
liquids"), each stays itself."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claims.ingest.learned import stem
from claims.ingest.norm import fold

# The forms ingredients are made into: what a preparation's name ends with.
_FORMS = (
    r"(?:rub|compress|mixture|ointment|tincture|infusion|decoction|poultice|paste|balm|salve|liniment|lotion"
    r"|wrap|gargle)"
)
_FORM = re.compile(rf"\s+{_FORMS}(?:e?s)?$")
_INGREDIENTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+with\s+")
# Words that say ingredients are prepared together, and how far from them they may stand.
_PREPARED = re.compile(rf"\b(?:mix|mixed|mixing|combined?|blend(?:ed)?|rubbing|{_FORMS}(?:e?s)?)\b", re.IGNORECASE)
_APART = re.compile(r";|,\s*or\b|\bor\b|[.!?]\s")  # the ingredients of one stretch, not alternatives
_SPREAD = 12  # words from the first ingredient to the last
_NEAR = 40  # characters between the preparation word and the nearest ingredient
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")


@dataclass(frozen=True)
class Recipe:
    heads: frozenset[str]  # the stem of each ingredient's last word: "yolk" of "egg yolk"
    term: object  # the lexicon's Term of the preparation


def ingredient_heads(name: str) -> frozenset[str]:
    """The stems of a preparation's ingredients' head words, or empty when `name` names no
    preparation of two or more ingredients."""
    folded = fold(name).strip()
    bare = _FORM.sub("", folded)
    if bare == folded:
        return frozenset()
    heads = [stem(words[-1]) for part in _INGREDIENTS.split(bare) if (words := _WORD.findall(part))]
    return frozenset(heads) if len(heads) >= 2 and len(set(heads)) == len(heads) else frozenset()


def recipes(named: Iterable[tuple[str, object]]) -> tuple[Recipe, ...]:
    """The preparations among (name, term) pairs."""
    return tuple(Recipe(heads, term) for name, term in named if (heads := ingredient_heads(name)))


def with_recipes(seg_start: int, seg_text: str, mentions: list, known: set[str], found: Iterable[Recipe], make) -> list:
    """The segment's mentions with each preparation whose ingredients it names, prepared together
    (and that is not named already), in place of the ingredients' own mentions; `make(start, end,
    term)` builds the preparation's mention, from the preparation word before the ingredients (or
    the first of them) to the last ingredient (or the word after them). The occurrences nearest
    each other are read, each word for one preparation only."""
    found = tuple(found)
    if not found or not _PREPARED.search(seg_text) or seg_text.rstrip().endswith("?"):  # a question claims nothing
        return mentions
    folded = fold(seg_text)
    where: dict[str, list[tuple[int, int]]] = {}
    for match in _WORD.finditer(folded):
        where.setdefault(stem(match.group(0)), []).append(match.span())
    for recipe in found:
        free = {head: where.get(head, []) for head in recipe.heads}
        if recipe.term.remedy in known or not all(free.values()):
            continue
        anchor = min(recipe.heads, key=lambda head: len(free[head]))
        picks = min(
            ([min(free[head], key=lambda span: abs(span[0] - at[0])) for head in recipe.heads] for at in free[anchor]),
            key=lambda spans: max(spans)[1] - min(spans)[0],
        )
        first, last = min(picks)[0], max(picks)[1]
        if len(_WORD.findall(folded, first, last)) > _SPREAD or _APART.search(folded, first, last):
            continue
        # the word before the ingredients ("a compress of"), among them ("turpentine mixed with"), or
        # after them in their part ("vinegar and vodka compresses", "..., can be used for compresses"),
        # not another preparation's after a semicolon
        before = [m.start() for m in _PREPARED.finditer(folded, max(0, first - _NEAR), last)]
        part = re.split(r"[;:.!?]", folded[last : last + _NEAR])[0]
        after = _PREPARED.search(part)
        if not before and not after:
            continue
        for head, span in zip(recipe.heads, picks, strict=True):
            where[head] = [other for other in where[head] if other != span]  # read once
        places = [seg_start + start for start, _ in picks]
        mentions = [m for m in mentions if not any(m.start <= place < m.end for place in places)]
        start, end = min([first, *before]), last + after.end() if after and after.start() <= 1 else last
        mentions.append(make(seg_start + start, seg_start + end, recipe.term))
        known.add(recipe.term.remedy)
    return mentions
