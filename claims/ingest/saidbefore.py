"""What the words just before a remedy say of it, read before the rest of the sentence: that it
causes something ("attacks provoked by diuretics", "a side effect of taking diuretics"), a harm to
those with another disease ("asthma that is set off by anti-inflammatories", on a sprain), a
reaction to it ("who've reacted to anti-inflammatories") or that another is the better choice
("Paracetamol is a safer choice than ibuprofen"). Read by the cues (claims.ingest.cues)."""

from __future__ import annotations

import re

from claims.ingest import details
from claims.ingest.cuewords import CAUSE, CAUTION

# "asthma that is set off by anti-inflammatories", "made worse by ibuprofen"
_BY = r"(?:caused|provoked|triggered|induced|set off|brought on|made worse|worsened) (?:by|due to)"
# ... up to four words, not the verb after them: "People whose asthma is triggered by aspirin should not take ..."
CAUSED_BY = re.compile(
    rf"\b{_BY}(?: (?!(?:should|must|can|could|may|might|will|do|does|don['’]t|is|are)\b)[\w-]+){{0,4}}", re.IGNORECASE
)
_CAUSED_BY_BEFORE = re.compile(
    rf"\b{_BY}(?: [\w-]+){{0,3}} $"
    # what one is kept from is a harm: "protecting your child from passive smoking"
    r"|\b(?:protect|shield)(?:s|ed|ing)? (?:[\w'’-]+ ){0,3}?(?:from|against) (?:the |too much |excess |exposure to )?$",
    re.IGNORECASE,
)


# A reaction to it before: "People who've reacted to anti-inflammatories", "If you've reacted badly to
# ibuprofen before" (a caution, never a cause of the condition)
_REACTED_TO = re.compile(
    r"\b(?:who|that|you|they)(?:['’]ve| have| has)? (?:ever )?(?:reacted|reacts|react) (?:badly )?to $"
    # "Asthma that flares up after taking ibuprofen", "if you get wheezy (had an attack) after taking aspirin"
    r"|\b(?:flares?|flared|worsens|gets? worse|wheezy|attacks?)(?: up)? (?:after|with) (?:taking |using )?$",
    re.IGNORECASE,
)
_ASKED = re.compile(r"\?[\s*_\"”]*$")
# What another is the better choice than: "Paracetamol is a safer choice than ibuprofen"
_WORSE_THAN = re.compile(
    r"(?<!work )(?<!works )(?<!sleep )(?<!feel )\b(?:better|safer|healthier|wiser|gentler) "
    r"(?:choice |option |bet |alternative |drink |snack )?than (?:[\w'’-]+ ){0,3}$",
    re.IGNORECASE,
)
# "a side effect of taking diuretics", "a side effect of medicines such as steroids (dexamethasone)"
_SIDE_EFFECT_OF = re.compile(
    r"\bside effects? (?:of|from) (?:taking |using )?(?:[\w-]+ ){0,2}?"
    r"(?:(?:such as|like|including) (?:[\w-]+ ){0,2}?\(?)?$",
    re.IGNORECASE,
)


def said_just_before(before: str, segment_text: str, named: re.Pattern) -> tuple[str, str] | None:
    """The kind the words `before` the remedy give it and the cue that decided it, or None; `named`
    finds the article's condition, `segment_text` is the whole segment."""
    if _REACTED_TO.search(before):
        return CAUTION, "a reaction to it"
    if _CAUSED_BY_BEFORE.search(before) and details.diseases(before) and not named.search(before):
        # "have asthma that is set off by anti-inflammatories" (on a sprain): a harm to some, a caution
        return CAUTION, "caused by: " + ", ".join(details.diseases(before))
    if _CAUSED_BY_BEFORE.search(before) or _SIDE_EFFECT_OF.search(before):
        return CAUSE, "caused by"
    if _WORSE_THAN.search(before) and not _ASKED.search(segment_text):  # not "Is wine safer than beer?"
        return CAUTION, "the other is the better choice"
    return None
