"""Names that claim nothing where they stand: a nutrient named as missing or as what a food
holds, a drink as the medium of something else, an activity as the circumstance of something else.
The proposer (claims.ingest.propose) leaves them out before it reads a segment's kinds."""

from __future__ import annotations

import re

from claims.ingest import details, missing, overrule
from claims.ingest.advice import clause_start
from claims.ingest.avoidance import last_match
from claims.ingest.denials import ASK_FIRST, TELL_FIRST
from claims.ingest.match import Mention
from claims.ingest.segments import SENTENCE, Segment
from claims.ingest.takers import taken_spans

_NUTRIENTS = overrule.NUTRIENTS
_ACTIVITIES = overrule.ACTIVITIES
_HOLDERS = frozenset(("food_drink", "drug", "herbal_folk"))  # what can hold a nutrient
# "when walking or running", "if the physical activity is intense": the circumstance of something else.
_CIRCUMSTANCE = re.compile(
    r"\b(?:(?:when|while|whilst|during|if)\s+(?:the\s+|your\s+)?|(?:when|while|whilst)\s+you\s+)$", re.IGNORECASE
)
# "Potassium- apricots, bananas, melon": a nutrient that labels the list of foods holding it.
_LABEL = re.compile(r"\s*[-–—:]\s*[^,.;\d]+(?:,[^,.;\d]+){2,}[.;]?$")
_BREAST = re.compile(r"\b(?:into|in|through)\s+(?:the\s+|your\s+)?breast\s+$", re.IGNORECASE)
# What stands between who takes a medicine and one by name that closes their list, which ends the clause:
# "ACE inhibitors or spironolactone, as", not "If you take warfarin, aspirin or ibuprofen can ...", nor
# "If you take antidepressants, ibuprofen or aspirin, which ..." (a new clause after the comma)
_LISTED_AFTER = re.compile(r"[*_]{0,2}\s+(?:or|and)\s+(?:an?\s+)?[*_]{0,2}")
_CLAUSE_ENDS = re.compile(r"[*_]{0,2}(?:\s*(?:[,.;:)!?]|$)|\s+(?:as|because|since)\b)")
# A list's introduction that says only what its reader takes: "If you take antidepressants:", "While on
# warfarin:", not "If you take sleeping pills, never mix them with alcohol:"
_IF_YOU_TAKE_ONLY = re.compile(
    r"[\W_]*(?:if|when|while) (?:you(?:['’]re| are)? )?(?:already )?(?:take|taking|on)\b"
    r"(?![^:]*\b(?:too (?:much|many)|more than|extra|double|overdose))[^.;:?!,]*:[\W_]*",
    re.IGNORECASE,
)
_WHOM_BEFORE = re.compile(
    r"(?:\b(?:if you(?:['’]re| are)|while|whilst|when|during|or|and|are|for)|\bpregnan\w*,)\s+$", re.IGNORECASE
)
# "breastfeeding women / parents", "Breastfeeding? Ask first"
_WHOM_AFTER = re.compile(r"\s+(?:women|mothers|mums|moms|parents|people)\b|\s*\?", re.IGNORECASE)
_MEDIUM = re.compile(r"\b(?:boiling|hot|warm|cold|icy|clean|plain|diluted)\s+$")
_DRUNK = re.compile(r"\b(?:drink|drinking|sip|sipping|gulp|gargle|gargling)\b", re.IGNORECASE)  # "Drink cold water"
# "mix in a glass of water", "take it with water": water as what something else is taken in.
_VEHICLE = re.compile(
    r"\b(?:in|into|with)(?: (?:a|an|one|half a|some))?(?: (?:glass|cup|mug|litre|liter)s? of)?"
    r"(?: (?:boiling|hot|warm|cold|icy|clean|plain))?\s+$"
)
_SOLUTION = re.compile(r"\b(?:salt|salty|soapy)\s+$")  # "warm salt water": the salt's solution, not a drink
_FLUIDS = frozenset(("water", "fluid", "fluids", "liquid", "liquids"))
_TEMPERATURES = frozenset(("warm", "hot", "cold", "cool", "lukewarm", "tepid", "plain", "boiling"))


def _a_fluid(surface: str) -> bool:
    """ "water", "warm water": what a remedy is taken in, not "soap and water" or "cooled boiled water"."""
    *before, last = surface.lower().split()
    return last in _FLUIDS and len(before) <= 1 and set(before) <= _TEMPERATURES


# "Bananas are rich in potassium", "Epsom salt contains magnesium": the nutrient is what a remedy
# named before it holds, the claim is that remedy's.
_HELD_IN = re.compile(
    r"\b(?:contains?|containing|provides?|rich in|sources? of|high in|full of|loaded with|packed with)\b",
    re.IGNORECASE,
)
# What may stand between "rich in" and a nutrient of its list besides the list's other nutrients.
_LIST_FILLER = re.compile(r"(?:[\s,]|\b(?:and|or|organic|natural|essential|much|needed|the|of)\b)*", re.IGNORECASE)


def taken_by_reader(seg: Segment, mention: Mention) -> bool:
    """Whether `mention` names a medicine the reader takes, said as whom ("Avoid ginkgo if you take
    warfarin", "people on antidepressants")."""
    offset = mention.start - seg.start
    spans = taken_spans(seg.text)
    if any(start <= offset < end for start, end in spans):
        return True
    # a medicine by name closing their list: "if you take ACE inhibitors or spironolactone, as ..."
    return (
        mention.term.category == "drug"
        and any(end <= offset and _LISTED_AFTER.fullmatch(seg.text, end, offset) for _, end in spans)
        and bool(_CLAUSE_ENDS.match(seg.text, offset + len(mention.surface)))
    )


# A sentence that opens with who takes it: "If you take statins regularly, they can ...", "Anyone on
# lithium needs regular blood tests"
_OPENS_WITH_TAKERS = re.compile(
    r"\W*(?:(?:and|but|so|also|however),?\s+)?(?:if|when|while|whilst|anyone|people|those|patients)\b[^,;:]*$",
    re.IGNORECASE,
)


def the_medicine_itself(seg: Segment, mentions: list[Mention]) -> list[Mention]:
    """The medicines a sentence that opens with who takes them names, when it names no other remedy
    and so speaks of them ("If you take statins regularly, they can cause muscle pain", "If you take
    antidepressants, stopping them suddenly can cause withdrawal"): not a question or a list's
    introduction, said of what follows ("Taking warfarin? Avoid these:"), nor a check first, said of
    the remedy before it ("Feverfew may help. Ask your doctor first if you take antidepressants.").
    (Whether the sentence before names a remedy, which "it" may then be, is the proposer's to read.)"""
    if seg.kind != SENTENCE or re.search(r"[?:]", seg.text) or ASK_FIRST.match(seg.text) or TELL_FIRST.match(seg.text):
        return []  # not "Who should not take it:\n- people taking blood thinners"
    taken = [m for m in mentions if taken_by_reader(seg, m)]
    others = [m for m in mentions if m not in taken and not named_only(seg, m)]  # not "B12" of "B12 deficiency"
    opening = all(_OPENS_WITH_TAKERS.match(seg.text, 0, m.start - seg.start) for m in taken)
    return taken if taken and not others and opening else []


def named_only(seg: Segment, mention: Mention) -> bool:
    """A name that claims nothing where it stands: a nutrient named as missing ("low levels of
    magnesium") or as what the body balances ("the water-salt balance"), a nutrient that labels
    a list of foods, a drink as a medium ("boiling water"), whom a claim is for ("if you're
    pregnant or breastfeeding", "if you take warfarin"), an activity as the circumstance of
    something else ("when walking"). Left out before the segment is read further, so that its
    remedy may still be found in other words there ("drink enough fluid")."""
    text, offset = seg.text, mention.start - seg.start
    if taken_by_reader(seg, mention):
        return True  # "Avoid ginkgo if you take warfarin", "... if you take antidepressants": whom
    if _IF_YOU_TAKE_ONLY.fullmatch(text):
        return True  # "If you take antidepressants:\n- avoid St John's wort": what its items are kept from
    category = mention.term.category
    if offset == 0 and category in _NUTRIENTS and _LABEL.match(text, len(mention.surface)):
        return True
    before = text[clause_start(text, offset) : offset]
    if missing.MISSING_BEFORE.search(before) or missing.MISSING_AFTER.search(text[offset + len(mention.surface) :]):
        return True
    if _BREAST.search(before) and mention.surface.lower() == "milk":
        return True  # "codeine can pass into breast milk": where another remedy goes, not milk to drink
    if category == "lifestyle" and details.populations(mention.surface):
        after = text[offset + len(mention.surface) :]
        if _WHOM_BEFORE.search(before) or _WHOM_AFTER.match(after):
            return True
    if category == "lifestyle" and _MEDIUM.search(before.lower()) and not _DRUNK.search(before):
        return True
    if _a_fluid(mention.surface) and (_VEHICLE.search(before.lower()) or _SOLUTION.search(before.lower())):
        return True
    return category in _ACTIVITIES and bool(_CIRCUMSTANCE.search(before))


def held_in_another(mention: Mention, mentions: list[Mention], before: str) -> bool:
    """Whether `mention` (a nutrient) is named as what another remedy, named before it in its
    clause, holds: "Fruits such as dates and bananas are abundant sources of magnesium and
    potassium". Only the list that follows "rich in" is: not "Bananas contain potassium, but
    magnesium supplements work better"."""
    clause_start = mention.start - len(before)
    held = last_match(_HELD_IN.finditer(before))  # the last one before the nutrient
    if held is None:
        return False
    between = before[held.end() :]
    for other in mentions:  # the list's other nutrients, between "rich in" and this one
        if other.term.category in _NUTRIENTS and clause_start + held.end() <= other.start < mention.start:
            a, b = other.start - clause_start - held.end(), other.end - clause_start - held.end()
            between = between[:a] + " " * (b - a) + between[b:]
    if not _LIST_FILLER.fullmatch(between):
        return False
    return any(
        clause_start <= other.start < clause_start + held.start() and other.term.category in _HOLDERS
        for other in mentions
    )


# "Piriton, a sedating antihistamine,", "Chlorphenamine (a sedating antihistamine)", "Gaviscon is an
# alginate", "Night Nurse contains a sedating antihistamine": the class says what the medicine is
_DESCRIBED = re.compile(
    r"\s*\)?\s*(?:\([^()]{0,40}\)\s*)?(?:,|\(|\b(?:is|are|contains?|containing)\b)\s*(?:a|an)\s+(?:(?!of\b|with\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def describes_another(seg: Segment, mention: Mention, others: list[Mention]) -> bool:
    """A class of drugs named to say what the medicine just before it is: its claim is that
    medicine's, never a remedy of its own (a benefit beside that medicine's warning)."""
    if mention.term.category != "drug":
        return False
    before = [m for m in others if m.end <= mention.start and m.term.category == "drug"]
    if not before:
        return False
    last = max(before, key=lambda m: m.end)
    return bool(_DESCRIBED.fullmatch(seg.text[last.end - seg.start : mention.start - seg.start]))
