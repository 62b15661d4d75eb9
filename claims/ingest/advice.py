"""Advice in an article's words: an order ("Drink more water"), advice inside a sentence ("you
should eat ..."), the reason given for it, and a new order that ends what a verb before it governed.
Read by the cues (claims.ingest.cues) and by the reading of new names (claims.ingest.newterms)."""

from __future__ import annotations

import re

# A segment that opens with an order gives advice: "Make a hot compress", "Drink more water".
IMPERATIVE = re.compile(
    # "3. Ginger: drink ginger tea": an item's title before the order
    r"\s*(?:\d+[.)]\s*)?(?:[^\W\d][\w '-]{0,40}:\s+)?"
    r"(?:(?:also|then|gently|lightly|first|try to|you can|you should|you need to)\s+)?"
    r"(?:take|drink|eat|apply|rub|use|make|do|put|wear|massage|stretch|lie|sit|stand|keep|walk|pull|press|"
    r"pinch|squeeze|soak|add|include|prepare|mix|try|perform|raise|lift|bend|give|sleep)\b",
    re.IGNORECASE,
)
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
    r"talk to|check with|consult|more|sip|enjoy|sweeten|(?:end|start|finish) (?:your|the) (?:day|evening|night) with)"
    r"\b(?! of\b| no\b| less\b| fewer\b)|\bwith the help of\b",
    re.IGNORECASE,
)
