"""Advice in an article's words: an order ("Drink more water"), advice inside a sentence ("you
should eat ..."), the reason given for it, and a new order that ends what a verb before it governed.
Read by the cues (claims.ingest.cues), the proposer (claims.ingest.propose: where a clause
starts, and the order to keep away that leads a colon's list in) and the reading of new names
(claims.ingest.newterms)."""

from __future__ import annotations

import re

# A segment that opens with an order gives advice: "Make a hot compress", "Drink more water".
IMPERATIVE = re.compile(
    # "3. Ginger: drink ginger tea": an item's title before the order
    r"[\s*_]*(?:\d+[.)]\s*)?(?:[^\W\d][\w '-]{0,40}:[\s*_]+)?"  # "**Drink water.**", "**Ginger:** drink ..."
    r"(?:(?:also|then|gently|lightly|first|try to|you can|you should|you need to)\s+)?"
    r"(?:take|drink|eat|apply|rub|use|make|do|put|wear|massage|stretch|lie|sit|stand|keep|walk|pull|press|"
    r"pinch|squeeze|soak|add|include|prepare|mix|try|perform|raise|lift|bend|give|sleep|elevate|have|lay|place|hold|"
    r"wrap|turn|roll|get|stay)\b",
    re.IGNORECASE,
)
# A new order after a dash ends what was said before it: "Don't give aspirin to children – use paracetamol".
ORDER_AFTER_DASH = r"\s[–—-]\s(?=(?:take|use|try|give|choose|opt for|switch to|stick to)\b)"
# "It is necessary to additionally take ...", "you should eat ...": advice inside a sentence.
ADVISED = re.compile(
    r"\b(?:necessary|need|needs|should|must|recommended|advised|advisable|better) to (?:\w+ )?"
    r"(?:take|drink|eat|apply|rub|use|make|do|put|wear|include|add|consume)\b",
    re.IGNORECASE,
)
# Advice, then why: "Drink plenty of fluids because dehydration is the most common cause of a
# headache". What the reason says causes the condition is something else than the advised remedy;
# "... because it provokes headaches" speaks of the remedy itself.
REASON = re.compile(
    r"(?:,\s*|\s)(?:because|since|as(?!\s+(?:a|an|the|much|many|well|soon|long|often|needed|prescribed|directed|"
    r"possible|usual|always|follows?)\b))\s+(?!(?:it|this|they|these|that|such)\b)[^.;!?]*",
    re.IGNORECASE,
)
# A new order after a clause's end: what the avoid-verb before it governed is not the remedy.
ADVICE_AFTER = re.compile(
    r"(?:,|;|\band\b|\bthen\b|\binstead\b)\s*(?:(?:you\s+)?(?:should|must|can|may|need to|have to)\s+)?(?:\w+ly\s+)?"
    r"(?:chew|take|drink|eat|apply|rub|use|try|have|add|include|choose|opt for|switch to|replace \w+ with|ask|"
    r"talk to|check with|consult|more|sip|enjoy|sweeten|keep|say yes to|give|offer|"
    r"(?:end|start|finish) (?:your|the) (?:day|evening|night) with)"
    r"\b(?! of\b| no\b| less\b| fewer\b)",
    re.IGNORECASE,
)
# The same in -ing, after an avoid-verb in -ing: "Avoiding coffee and taking magnesium helps" (but
# "Stop smoking and drinking coffee": both are what is stopped).
ADVICE_AFTER_ING = re.compile(
    r"(?:,|;|\band\b|\bthen\b)\s*(?:taking|drinking|eating|using|applying|trying|having|adding|chewing|sipping)\b",
    re.IGNORECASE,
)


# An order to keep away that a colon's list follows: "Avoid these foods late at night: chocolate, ...".
_BAD_FOR = re.compile(r"\s*bad for\b", re.IGNORECASE)
_AVOID_LEAD = re.compile(
    r"\s*(?:(?:foods?|drinks?|things?|what) to avoid|avoid|bad for|limit|cut (?:down|back) on|stay away from|"
    r"steer clear of|(?:do not|don't) (?:eat|drink|take))\b",
    re.IGNORECASE,
)


def led_in(text: str, offset: int, before: str, named: re.Pattern) -> str:
    """`before`, the clause's text up to the remedy, and the order to keep away that leads its list
    in, when the clause follows a colon after one. Not when what is kept away is the condition
    ("Avoid heartburn with these foods: oatmeal ..."), nor when the list says something of its own
    ("Avoid coffee after noon: chamomile tea works better"); `named` finds the condition."""
    start = offset - len(before)
    if start and text[start - 1] == ":":
        lead = text[clause_start(text, start - 1) : start]
        listed = text[start : _clause_end(text, start)]
        # "Avoid coffee after noon: drink ..." orders after it; after a bare "Avoid:" each item is avoided
        listing = _LISTING.search(lead) and (_BARE_LABEL.match(lead) or not IMPERATIVE.match(listed))
        # not "Avoid: headaches with these tips"; "Bad for heartburn:" names it as what is made worse
        keeps_away = (_BAD_FOR.match(lead) or not named.search(lead)) and not named.match(listed.lstrip())
        if _AVOID_LEAD.match(lead) and listing and keeps_away and not _SAYS.search(listed):
            return lead + before
    return before


# A lead that announces a list: "these foods", "the following".
_BARE_LABEL = re.compile(
    r"\s*(?:(?:foods?|drinks?|things?|what) to avoid|avoid|bad for(?: \w+){1,3})\s*:$", re.IGNORECASE
)
_LISTING = re.compile(r"\b(?:these|those|the following|following|such)\b|^" + _BARE_LABEL.pattern, re.IGNORECASE)
# Words by which a list after a colon says something of its own.
_SAYS = re.compile(
    r"\b(?:helps?|works?|better|good|great|best|substitutes?|alternatives?|options?|gentler|safer|instead|can|may|"
    r"should|will|is|are)\b",
    re.IGNORECASE,
)


def _clause_end(text: str, offset: int) -> int:
    ends = [found for mark in (";", ". ") if (found := text.find(mark, offset)) >= 0]
    return min(ends, default=len(text))


def clause_start(text: str, offset: int) -> int:
    """Where the clause holding `offset` starts: after the last ; : or full stop before it."""
    return max(text.rfind(mark, 0, offset) for mark in (";", ":", ". ", "(")) + 1
