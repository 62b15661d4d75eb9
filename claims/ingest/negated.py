"""What a sentence says with a negation that is no warning of the remedy it names: a cause denied
("does not trigger hives"), a negation inside a condition or an aside ("If antacids don't work, ...",
"(never a plastic bag)"), a habit denied ("isn't habit-forming") and what one need not do ("You
don't need to avoid paracetamol"). The cues (claims.ingest.cues, claims.ingest.cuewords) and the
denials (claims.ingest.denials) read them out before they read the warnings."""

from __future__ import annotations

import re

# What one is told one need not do, after "don't need to", "no need to": "You don't need to avoid
# paracetamol in pregnancy", "no need to cut out coffee" (no caution, no denial).
NO_NEED_TO = r"(?:avoid|stop|cut|give up|skip|limit|worry)"

# A negation inside a condition or an aside is not said of the remedy: "If antacids don't work, your
# doctor may prescribe famotidine", "even when you do not have a headache", "(never a plastic bag)".
# A cause denied: "because it does not trigger hives" (read out before the causes are).
NOT_CAUSING = re.compile(
    r"(?:\b(?:does|do|did|will|can|should|would)\s*(?:not|n['’]t)|\bnever|\bwon['’]t)\s+(?:\w+\s+)?"
    r"(?:cause|trigger|provoke|lead to|bring on|set off)\w*(?:\s+(?!and\b|but\b|or\b)[\w-]+){0,3}"
    r"|\b(?:no|few|fewer|without|minimal|less)\s+(?:[\w-]+\s+)?side effects?",  # "no serious side effects"
    re.IGNORECASE,
)
NEGATED_CONDITION = re.compile(
    # at the start, closed by its comma (not "If you are pregnant do not take ibuprofen"); after the
    # main clause, to its end ("Paracetamol is a good option if you can't take anti-inflammatories")
    r"(?:(?:^|(?<=[.;:!?]\s))\W*(?:if|when|unless|whenever)\b[^,;.]*?(?:\b(?:do not|does not|cannot)|n['’]t)\b[^,;.]*,"
    r"|(?<=\w\s)(?:if|when|unless|whenever)\b[^,;.]*?(?:\b(?:do not|does not|cannot)|n['’]t)\b[^,;.]*"
    # a purpose: "Drink plenty of fluids, so you don't get dehydrated"
    r"|\bso (?:that )?(?:you|they|he|she|it|your [\w-]+) (?:do not|will not|don['’]t|won['’]t) "
    r"(?:get|become|feel|go|end up) [\w-]+)",
    re.IGNORECASE,
)
NEGATED_PARENTHESIS = re.compile(r"\((?:never|not|no|avoid)\b[^)]*\)", re.IGNORECASE)


# A habit-forming remedy denied: "Melatonin isn't habit-forming", "unlikely to be addictive", "no known
# dependence risk" (read out before the cautions are).
NOT_HABIT_FORMING = re.compile(
    r"(?:\b(?:not|never|no|unlikely to be|without)|n['’]t)\b(?:\s+[\w-]+){0,3}?\s+(?:habit[- ]forming|"
    r"addictive|dependen(?:ce|cy)(?: risk)?)"
    r"|\b(?:low|little|minimal|small)\s+(?:risk\s+of\s+)?(?:dependen(?:ce|cy)|addiction)\b"
    r"|\bneither\b[^.;]{0,80}?\bnor\b[^.;]{0,40}?\b(?:habit[- ]forming|addictive)",
    re.IGNORECASE,
)
