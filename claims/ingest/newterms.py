"""Remedies the lexicon does not know, read from how articles advise them:

- lists: "rich in magnesium: almonds, walnuts and dates", where one known remedy vouches for its
  neighbours, or a preparation governs the list ("a decoction of yarrow, knotweed and nettle"),
  read by claims.ingest.lists;
- preparations: "celandine ointment", "apple cider vinegar" (a known "apple" becomes the whole),
  "a decoction of goose cinquefoil", "ointments based on horse chestnut";
- intake and application: "drink orange juice", "rub the spot with mustard oil";
- list items titled by their remedy: "Wormwood tincture. Pour vodka into ...";
- drug groups: "antibacterial therapy", "drugs with sedative effect";
- named acupressure points: "the Wei-zhong point".

Each is proposed as new, with a category suggested from its head word or its neighbours.
"""

from __future__ import annotations

import re
from collections import deque

from claims.ingest.advice import IMPERATIVE
from claims.ingest.condition import condition_words
from claims.ingest.lexicon import PATTERN, Lexicon, Term
from claims.ingest.lists import example_members, is_content, list_members, word_spans
from claims.ingest.match import Mention
from claims.ingest.namedkinds import proper_kinds, vitamin_letters
from claims.ingest.segments import HEADING, ROW, Segment
from claims.ingest.vocabulary import DOSAGE_FORMS, FUNCTION, HEADS, category_for, describes_portion, not_a_remedy

_INTAKE = re.compile(
    r"\b(?:eat|eating|drink|drinking|take|taking|consume|consuming|use|using|apply|applying|chew|brew|switch to|"
    r"try|wear|wearing|put|add|include|prefer)\s+"
    r"(?:(?:a|an|the|some|more|a little|plenty of|little|regularly|also|only|various|different|certain|any)\s+)*"
)
_SAID_OF_SYMPTOMS = re.compile(r"\b(?:symptoms?|signs?)\s+(?:\w+\s+){0,2}$")
# A part of the text named by its number: "Paragraph 2.", "Fig. 3:", "Table 1.", "Stage II."
_NUMBERED_PART = re.compile(r"\W*[^\W\d_]+\.?\s+(?:\d+[a-z]?|[ivxlc]+)[.:)]?\W*", re.IGNORECASE)
_WITH = re.compile(
    r"\b(?:rub\w*|lubricat\w*|smear\w*|wip\w*|wrap\w*|treat\w*|massag\w*|compress\w*)\b[^.;:]{0,40}?\bwith\s+"
)
_OF_FORM = re.compile(
    r"\b(decoctions?|infusions?|tinctures?|extracts?|teas?|juice|oil|oils)\s+(?:of|from|with)\s+(?::\s*)?"
)
_BASED_ON = re.compile(
    r"\b(ointments?|gels?|creams?|balms?|compress(?:es)?|baths?)\s+(?:based on|containing|with|of|made from)\s+"
)
_DRUG_GROUP = re.compile(
    r"\b(?:(?:anti-?[a-z]+|(?!physical)[a-z]+(?:ic|al|ory|ive|ant))\s+(?:drugs|therapy|medications|medicines|agents|pills)"
    r"|(?:drugs|medications|medicines|preparations|pills) with (?:a )?[a-z]+ effect)\b"
)
_DRUG_THAT = re.compile(
    r"\b(?:drugs|medications|medicines|preparations|pills) (?:that|which) "
    r"(?!are\b|is\b|have\b|has\b|can\b|will\b|may\b)[a-z]+ "
)
# "a pinch of salt", "a glass of kvass", "pieces of ice": the measure of a remedy.
_MEASURE = re.compile(
    r"\b(?:a |one |two )?(?:pinch|spoonful|teaspoon|tablespoon|glass|cup|piece|pieces|handful|sprig|slice|drops?) of\s+"
)
# "they advise sleeping in a cool room": an action recommended by its gerund.
_ADVISED_ACTION = re.compile(
    r"\b(?:advise|advises|recommend|recommends|suggest|suggests|try|start|prefer)\s+"
    r"((?!doing|making|taking|using)[a-z]+ing(?: (?!and\b|or\b|but\b)[a-z]+){0,4}?)(?=[,.;:]| and | or |$)"
)
# "A humidifier in the bedroom can help", "Wet wraps can help during a flare": a sentence that opens
# with what helps.
_SUBJECT_HELPS = re.compile(
    r"\W*(?:(?:a|an|the|some|regular|daily)\s+)?([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}?)"
    r"(?:\s+(?:in|on|at|before|around)\s+(?:the\s+|your\s+|a\s+)?[a-z-]+)?"
    r"\s+(?:(?:can|may|might|often|usually|really|also|will)\s+(?:help|ease|relieve|soothe|work)"
    r"|(?:helps|eases|relieves|soothes|works)|(?<=s )(?:help|ease|relieve|soothe|work))\b"
)  # a verb: "Zinc lozenges help", not "Urgent help"
_THERAPY = re.compile(r"\b[a-z]{3,}therapy\b|\bacupuncture\b|\bhydrotherapy\b")
# rules whose name may contain a known one
_SWALLOWS = frozenset(("preparation", "based on", "example", "proper name", "compound"))
_POINT = re.compile(r"\b((?!The\b|This\b|That\b|Each\b|Every\b)[A-Z][a-z]+(?:[- ][A-Za-z][a-z]+){0,2}) point\b")


_FORMS = HEADS | frozenset(
    "lozenge lozenges capsule capsules tablet tablets supplement supplements spray sprays drops patch patches "
    "gummies biscuits sweets paste rinse rinses wash pack packs".split()
)


def _qualifies(folded: str, mention: Mention, end: int) -> bool:
    """Whether a name read around `mention` and ending at `end` is the same remedy said more
    precisely: words before it ("bitter chocolate"), or the form it takes after it ("ginger tea")."""
    after = folded[mention.end : end].split()
    return len(after) <= 2 and all(word in _FORMS for word in after)


def with_new_mentions(
    text: str,
    folded: str,
    segments: list[Segment],
    mentions: list[Mention],
    lexicon: Lexicon,
    condition: str | None = None,
) -> list[Mention]:
    """`mentions` plus the new remedies read from patterns; a compound that swallows a known name
    ("apple" in "apple cider vinegar") replaces it."""
    named, head = condition_words(condition).forms, set(condition_words(condition).head)
    # A candidate lies inside its segment: only the mentions that overlap the segment can meet it.
    # Segments come in order, so a mention that ends before one starts is settled for good, and
    # the work per segment stays with its own few mentions however long the article.
    pending = deque(sorted(mentions, key=lambda m: m.start))
    settled: list[Mention] = []
    found: list[Mention] = []  # the mentions that may still overlap this segment or a later one
    for seg in sorted(segments, key=lambda s: s.start):
        while pending and pending[0].start < seg.end:
            found.append(pending.popleft())
        settled.extend(m for m in found if m.end <= seg.start)
        found = [m for m in found if m.end > seg.start]
        if seg.kind == HEADING or (seg.kind == ROW and seg.header == seg.text):
            continue  # nor a table's header row: "Supplement | Daily dose | Evidence" names its columns
        own = [m for m in found if seg.start <= m.start < seg.end]
        for start, end, name, category, rule in _candidates(text, folded, seg, own):
            if not_a_remedy(name, named) or head & set(name.split()):
                continue  # "makes headaches worse" in an article on headaches says what the condition does
            inside = [m for m in found if start <= m.start and m.end <= end]
            if any(start < m.end and m.start < end for m in found if m not in inside):
                continue
            # a name of the everyday table gives way to a name that qualifies it ("bitter chocolate") or
            # says its form ("zinc lozenges"), never to words run on after it ("tai chi eases")
            blocking = [m for m in inside if m.rule != "everyday" or not _qualifies(folded, m, end)]
            if any((m.start, m.end) == (start, end) for m in inside) or (blocking and rule not in _SWALLOWS):
                continue
            if any(m.rule == "brand" or (m.rule in ("lexicon", "everyday") and _medicine(m.term)) for m in inside):
                continue  # "troxevasin gel" stays the brand Troxevasin: a drug is named by its name
            known = lexicon.known(name)
            term = known or Term(name, category, PATTERN, True)
            found = [m for m in found if m not in inside]
            found.append(Mention(start, end, text[start:end], term, f"pattern:{rule}"))
    return sorted([*settled, *found, *pending], key=lambda m: m.start)


def _medicine(term: Term) -> bool:
    """A drug, or a topical the catalogue gives an ATC code (troxerutin gel): named by its name."""
    return term.category == "drug" or (term.category == "topical" and bool(term.atc_code))


def _candidates(text: str, folded: str, seg: Segment, own: list[Mention]):
    base = seg.start
    lowered = folded[seg.start : seg.end]
    yield from _compounds(lowered, base)
    yield from proper_kinds(text, seg.start, seg.end, own)
    for pattern, rule in ((_OF_FORM, "preparation of"), (_BASED_ON, "based on")):
        for hit in pattern.finditer(lowered):
            phrase = _phrase_after(lowered, hit.end())
            if phrase:
                start, end, name = phrase
                head = hit.group(1)
                yield base + hit.start(), base + end, name, category_for(head), rule
    for pattern, rule in ((_INTAKE, "intake"), (_WITH, "applied with")):
        for hit in pattern.finditer(lowered):
            if _SAID_OF_SYMPTOMS.search(lowered, 0, hit.start()):
                continue  # "the symptoms can include visual changes": what the condition brings
            phrase = _phrase_after(lowered, hit.end())
            # "try pricking the muscle": an action, which the lexicon's verb forms know, not a new thing
            if phrase and not phrase[2].split()[0].endswith("ing"):
                start, end, name = phrase
                yield base + start, base + end, name, category_for(name, hit.group(0)), rule
    for hit in _DRUG_GROUP.finditer(lowered):
        if hit.group(0).split()[0] in FUNCTION:
            continue  # "several medications" ("sever-al"): no group of drugs
        yield base + hit.start(), base + hit.end(), hit.group(0), "drug", "drug group"
    for hit in _DRUG_THAT.finditer(lowered):
        phrase = _phrase_after(lowered, hit.end())
        if phrase:
            yield base + hit.start(), base + phrase[1], lowered[hit.start() : phrase[1]], "drug", "drug group"
    for hit in _MEASURE.finditer(lowered):
        phrase = _phrase_after(lowered, hit.end())
        if phrase:
            start, end, name = phrase
            yield base + start, base + end, name, category_for(name), "measure of"
    for hit in _ADVISED_ACTION.finditer(lowered):
        yield base + hit.start(1), base + hit.end(1), hit.group(1), "lifestyle", "advised action"
    if hit := _SUBJECT_HELPS.match(lowered):
        phrase = _phrase_after(lowered, hit.start(1))
        # "Senna tablets can help": the remedy, in the form it is taken in
        if phrase and (phrase[1] == hit.end(1) or lowered[phrase[1] : hit.end(1)].strip() in _FORMS):
            start, end, name = phrase
            yield base + start, base + end, name, category_for(name), "helps"
    for hit in _THERAPY.finditer(lowered):
        yield base + hit.start(), base + hit.end(), hit.group(0), "procedure", "therapy"
    yield from vitamin_letters(text, seg.start, seg.end)
    for hit in _POINT.finditer(text, seg.start, seg.end):
        yield hit.start(), hit.end(), hit.group(1), "maneuver", "point"
    if seg.first and seg.kind in ("item", "sentence", "row"):
        yield from _title(lowered, base, seg)
    yield from list_members(lowered, base, own)
    yield from example_members(lowered, base, own)


def _phrase_after(text: str, position: int, limit: int = 3) -> tuple[int, int, str] | None:
    """The noun phrase that starts at `position`: up to `limit` content words, leading modifiers
    ("freshly squeezed", "plain") dropped, stopping at the first function word or punctuation."""
    words = []
    for start, end, word in word_spans(text, position):
        gap = text[words[-1][1] : start] if words else text[position:start]
        if gap.strip() or not is_content(word) or len(words) == limit:
            break
        words.append((start, end, word))
    while words and describes_portion(words[0][2], words[-1][2]):
        words.pop(0)
    if not words:
        return None
    return words[0][0], words[-1][1], " ".join(w for _, _, w in words)


def _compounds(text: str, base: int):
    """A preparation and the one or two words naming what it is made of: "celandine ointment",
    "apple cider vinegar", "viburnum bark"."""
    words = word_spans(text)
    order = IMPERATIVE.match(text)  # "Massage peppermint oil onto ...": the order is no part of the name
    for i, (_, end, word) in enumerate(words):
        if word not in HEADS or i == 0:
            continue
        start = None
        for j in (i - 1, i - 2):
            if (
                j < 0
                or (order is not None and words[j][1] == order.end())
                or not is_content(words[j][2])
                or describes_portion(words[j][2], word)
                or text[words[j][1] : words[j + 1][0]] != " "
            ):
                break
            start = words[j][0]
        if start is not None:
            yield base + start, base + end, text[start:end], category_for(word), "preparation"


def _title(text: str, base: int, seg: Segment):
    """A list item or paragraph that opens with its remedy's name: "Wormwood tincture. Pour ..."."""
    if seg.kind == "row":  # "Wet combing | Bug Buster kit | ...": the first cell names the row's remedy
        text = re.split(r"\s*[|\n]", text, maxsplit=1)[0]
    if _NUMBERED_PART.fullmatch(text):
        return
    words = word_spans(text)
    named = seg.kind in ("item", "row") and len(words) <= 4 and text.rstrip()[-1:].isalpha()  # "- Spicy curries"
    if not 1 <= len(words) <= 5 or not (named or text.rstrip().endswith((".", ":"))):
        return
    if not all(is_content(w) or w in ("with", "and") for _, _, w in words):
        return
    for part in re.split(r"\s+(?:with|and)\s+", text.rstrip(".: ")):
        phrase = _phrase_after(part, 0)
        if phrase:
            offset = text.index(part)
            start, end, name = phrase
            yield base + offset + start, base + offset + end, name, category_for(name), "title"


def _singular_head(head: str) -> str:
    return next((form for form in DOSAGE_FORMS if head.startswith(form)), head)
