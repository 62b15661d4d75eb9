"""Remedy names in the text: every lexicon name at once (Aho-Corasick over the folded text), the
longest first, so "apple cider vinegar" is one mention and never also "apple"; then the drug-name
lexicon on what is left; then, on what is still left, misspellings and transliterations whose
spelling is close enough (rapidfuzz), marked as fuzzy."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import ahocorasick
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler

from claims.ingest.condition import condition_words
from claims.ingest.lexicon import BRAND, CATALOGUE, EVERYDAY, Lexicon, Term
from claims.ingest.norm import spelling_key

FUZZY_THRESHOLD = 88  # rapidfuzz ratio of the spelling keys, 0-100: one slip in nine letters
TRANSPOSED_THRESHOLD = 95  # Jaro-Winkler, 0-100, for letters swapped in a word of the same length
_MIN_RATIO = 8  # shorter words match only a spelling key exactly: "brain" is no slip for "bran"
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'-]*[a-z0-9]|[a-z0-9]")
_MAX_DRUG_WORDS = 4
_LONGEST = 200  # characters: no name in the lexicon is longer
_ARTICLES = ("a ", "an ")  # "a pinch of salt": the noun, not the verb of "pinching"
# "muscle relaxant effects", "sedative and hypnotic properties", "codeine and other opioids have
# constipating effects"; not "lithium may interact with omeprazole and cause side effects", where the
# drug does something to what follows
_EFFECT = re.compile(r"\s+(?:and (?:(?!caus)[a-z-]+ ){1,4})?(?:effects?|properties|action|activity)\b")
# "sugar-free gum", "caffeine free coffee": the name says what is not there ("magnesium free of
# fillers" and "vitamin D free of charge" still name it).
# What follows a mineral's name in its salt: "magnesium citrate" is the catalogue's magnesium, not
# citric acid besides ("calcium polycarbophil" names a drug of its own).
_SALTS = frozenset(
    "citrate sulfate sulphate carbonate bicarbonate oxide hydroxide chloride gluconate glycinate bisglycinate "
    "lactate acetate phosphate aspartate orotate malate threonate picolinate fumarate taurate".split()
)
_FREE_OF = re.compile(r"-free\b|\s+free\b(?!\s+(?:of|from)\b)")
_NON = re.compile(r"\bnon[- ]?$")  # "non-alcoholic drinks" are no alcohol
# The second half of a compound joined by a hyphen (not a dash): "magnesium-rich foods" are no "rich
# foods", "sugar-laden drinks" no laden drinks; "fat-rich foods" are
_COMPOUND_TAIL = re.compile(r"(?<=\w[-\u2010])(?<!fat-)(?:rich|laden|packed|filled|dense|based|loaded)\b", re.I)
_DRUG_NOUNS = re.compile(r"(?:drugs?|medications?|medicines?|agents?|preparations?|pills?|tablets?|therapy)$")
# Words too common to be a slip for a remedy's name, whatever their spelling key resembles.
_COMMON = frozenset(
    "about after again against always another around because before being below between could "
    "during every first found further great having local might minutes muscle muscles never night other "
    "people place should since small still their there these thing those three through under until using "
    "water where which while whole would years".split()
)


_RULES = {CATALOGUE: "lexicon", BRAND: "brand", EVERYDAY: "everyday"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str  # the text as written
    term: Term
    rule: str  # lexicon | brand | everyday | drug_lexicon | fuzzy
    fuzzy: bool = False
    similarity: float = 100.0  # of the spelling keys, for fuzzy mentions


def find_mentions(
    text: str, folded: str, lexicon: Lexicon, *, fuzzy: bool = True, condition: str | None = None
) -> list[Mention]:
    """Every remedy name in the text, in text order, none overlapping another; the words of the
    article's `condition` are never a slip for a remedy's name."""
    taken = bytearray(len(text))
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def take(mention: Mention) -> None:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        found.append(mention)

    def shorter_everyday(start: int, end: int) -> list[Mention] | None:
        """The names of the everyday table a longer name over [start, end) takes the place of
        ("zinc oxide" is the drug, not the everyday table's zinc); None when something else is there."""
        if free(start, end):
            return []  # nothing found there (every name found is taken): no need to look through them all
        inside = [m for m in found if m.start < end and start < m.end]
        if all(
            m.rule == "everyday" and start <= m.start and m.end <= end and m.end - m.start < end - start for m in inside
        ):
            return inside
        return None

    def free_of_known(start: int, end: int) -> bool:
        return shorter_everyday(start, end) is not None

    def take_over(mention: Mention) -> None:
        for m in shorter_everyday(mention.start, mention.end) or ():
            found.remove(m)
        take(mention)

    candidates = []
    names = lexicon.automaton.iter(folded) if lexicon.automaton.kind == ahocorasick.AHOCORASICK else ()
    for last, (surface, index, verb) in names:
        start, end = last - len(surface) + 1, last + 1
        if _bounded(folded, start, end) and not (verb and folded.endswith(_ARTICLES, 0, start)):
            candidates.append((start, end, index))
    # the longest first; a name of the everyday table never cuts into a catalogue or brand name it
    # does not hold: "deep breathing" of "deep breathing exercises" stays the catalogue's, not the
    # table's "breathing exercises", while its "warm milk" holds the catalogue's "milk"
    known = sorted((s, e) for s, e, index in candidates if lexicon.terms[index].source != EVERYDAY)
    candidates = [
        (start, end, index)
        for start, end, index in candidates
        if lexicon.terms[index].source != EVERYDAY or not _cuts_into(known, start, end)
    ]
    for start, end, index in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if free(start, end) and (
            _FREE_OF.match(folded, end)
            or _NON.search(folded, max(0, start - 4), start)
            or _COMPOUND_TAIL.match(text, start)
        ):
            taken[start:end] = b"\x01" * (end - start)  # nor a slip for another name
            continue
        if free(start, end):
            term = lexicon.terms[index]
            if term.category == "drug" and _EFFECT.match(folded, end):
                continue  # "muscle relaxant effects": what a drug does, not a drug
            if term.source == EVERYDAY and term.category == "drug" and _adjective_use(folded, end, folded[start:end]):
                continue  # "antispasmodic attacks": a class of drugs named as an adjective
            if _a_person(text, folded, start, end) or (term.source == EVERYDAY and _another_sense(folded, start, end)):
                continue  # "Rosemary, 62,", "my daughter Ginger", "chocolate cysts", "port wine stains"
            take(Mention(start, end, text[start:end], term, _RULES[term.source]))
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    if lexicon.drugs:
        _drug_mentions(text, folded, tokens, lexicon, free_of_known, take_over)
    if fuzzy and lexicon.spellings:
        _fuzzy_mentions(text, folded, tokens, lexicon, free, take, frozenset(condition_words(condition).forms))
    return sorted(found, key=lambda m: m.start)


# Where an everyday name is a colour, a kind of mark or a verb: "cola-coloured urine", "chocolate
# cysts", "orange peel skin", "ginger hair", "port wine stains", "root beer", "Mould the earplug",
# "scratching your head over", "scratching at his ears"
_SENSE_AFTER = re.compile(
    r"[\s-]+(?:colou?red|cysts?|stains?|peel\b|hair(?:ed)?\b|haired|skin(?:ned)? tone|patch(?:es)?\b)", re.IGNORECASE
)
_SENSE_BEFORE = re.compile(r"\b(?:port|root|red|pink|orange|salmon)[\s-]+$", re.IGNORECASE)
_MOULDED = re.compile(r"\s+(?:the|to|it|them|your|around)\b")  # "Mould the earplug", "mold to your ear"
_SCRATCHING = re.compile(r"\s+(?:at\b|(?:your|his|her|their|my) head\b)", re.IGNORECASE)
# A person or a pet: "Rosemary, 62,", "my daughter Ginger", "our cat, Ginger"
_AGE_AFTER = re.compile(r"\s*,\s*\d{1,3}\s*,")
_KIN_BEFORE = re.compile(r"\b(?:daughter|son|cat|dog|wife|husband|friend|named|called)\s*,?\s+$", re.IGNORECASE)


def _a_person(text: str, folded: str, start: int, end: int) -> bool:
    return text[start].isupper() and bool(
        _AGE_AFTER.match(text, end) or _KIN_BEFORE.search(folded, max(0, start - 20), start)
    )


def _another_sense(folded: str, start: int, end: int) -> bool:
    name = folded[start:end]
    if _SENSE_AFTER.match(folded, end) or _SENSE_BEFORE.search(folded, max(0, start - 20), start):
        return True
    if name.startswith(("mould", "mold")):
        return bool(_MOULDED.match(folded, end))
    return name.startswith("scratching") and bool(_SCRATCHING.match(folded, end))


def _cuts_into(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted `spans` without holding it."""
    at = bisect.bisect_left(spans, (end, 0))
    while at > 0:
        at -= 1
        s, e = spans[at]
        if e <= start and s < start - _LONGEST:
            return False  # every span further left ends before `start`: no name is that long
        if s < end and start < e and not (start <= s and e <= end):
            return True
    return False


def _bounded(folded: str, start: int, end: int) -> bool:
    before = folded[start - 1] if start else " "
    after = folded[end] if end < len(folded) else " "
    return not before.isalnum() and not after.isalnum()


def _drug_mentions(text, folded, tokens, lexicon, free, take) -> None:
    words = [folded[s:e] for s, e in tokens]
    for size in range(_MAX_DRUG_WORDS, 0, -1):
        for i in range(len(tokens) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase not in lexicon.drugs:
                continue
            start, end = tokens[i][0], tokens[i + size - 1][1]
            if not free(start, end):
                continue
            if i and phrase in _SALTS and f"{words[i - 1]} {phrase}" in lexicon.drugs and not free(*tokens[i - 1]):
                continue  # "citrate" of "magnesium citrate", whose name the catalogue's magnesium took
            if " ".join(folded[start:end].split()) != phrase:
                continue  # the words are not next to each other (punctuation between them)
            hit = lexicon.drugs.get(phrase)
            if hit is not None and not _adjective_use(folded, end, phrase):
                take(Mention(start, end, text[start:end], lexicon.drug_term(*hit), "drug_lexicon"))


def _adjective_use(folded: str, end: int, phrase: str) -> bool:
    """ "antispasmodic attacks", "diuretic effect": a drug class named as an adjective of
    something else, not as a drug; "antispasmodic drugs" stays a drug."""
    if _EFFECT.match(folded, end):
        return True
    if " " in phrase or not phrase.endswith(("ic", "ive", "al", "ory")):
        return False
    following = _TOKEN.search(folded, end)
    return following is not None and not _DRUG_NOUNS.match(following.group(0))


def _fuzzy_mentions(text, folded, tokens, lexicon, free, take, own=frozenset()) -> None:
    keys = list(lexicon.spellings)
    for start, end in tokens:
        word = folded[start:end]
        if end - start < 5 or not word.isalpha() or word in _COMMON or word in own or not free(start, end):
            continue
        key = spelling_key(word)
        exact = lexicon.spellings.get(key)
        if exact is not None:
            similarity = 100.0
            surface, index = exact
        elif len(word) >= _MIN_RATIO:
            best = _closest(key, keys)
            if best is None:
                continue
            similarity = best[1]
            surface, index = lexicon.spellings[best[0]]
        else:
            continue
        if surface == word:
            continue  # the same name, already found or deliberately left (too short to be exact)
        if _english_ending(word, surface):
            continue
        take(Mention(start, end, text[start:end], lexicon.terms[index], "fuzzy", True, round(similarity, 1)))


# Endings English words are made with: a word that has one the name lacks ("potential" beside
# "potentilla") is an English word, not a slip of the name.
_ENDINGS = tuple("al tion sion ment ness ity ous ive ful less able ible ing ed ate ize ise ify".split())


def _english_ending(word: str, surface: str) -> bool:
    if len(word) == len(surface) and sum(a != b for a, b in zip(word, surface, strict=True)) == 1:
        return False  # one letter slipped: "paracetamal"
    return any(word.endswith(ending) and not surface.endswith(ending) for ending in _ENDINGS)


def _closest(key: str, keys: list[str]) -> tuple[str, float] | None:
    """The lexicon spelling a word is a slip for: close by edits (FUZZY_THRESHOLD), or, with two
    letters swapped ("Venoturon" for "Venoruton"), by Jaro-Winkler (TRANSPOSED_THRESHOLD) at the
    same length. A slip keeps the first letter: "dehydration" is not one for "rehydration"."""
    for scorer, cutoff, same_length in (
        (fuzz.ratio, FUZZY_THRESHOLD, False),
        (JaroWinkler.normalized_similarity, TRANSPOSED_THRESHOLD / 100, True),
    ):
        best = process.extractOne(key, keys, scorer=scorer, score_cutoff=cutoff)
        if best is None or best[0][0] != key[0] or (same_length and abs(len(best[0]) - len(key)) > 1):
            continue
        return best[0], best[1] * (100 if scorer is not fuzz.ratio else 1)
    return None
