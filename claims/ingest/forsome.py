"""Good said of a remedy, then denied after "but" to some people or some use only: "Ibuprofen eases
pain but is not recommended in pregnancy", "Quinine works, but isn't for children", "..., but do not
take it if you have a stomach ulcer". The benefit goes beside the caution for them (read by
claims.ingest.overrule), as the catalogue codes "The use of vitamin B12 will help, but only if it is
not enough in the body"; denied to all, or for the article's own condition, it stays a caution."""

from __future__ import annotations

import re

from claims.ingest import cues, details, followup

# Good said of a remedy right after its name, at the head of the sentence, before "but" takes some
# from it: "Ibuprofen eases pain but ...", "Valerian may help you sleep, but ..." (not "Whether
# quinine helps is unclear", "Quinine was once thought to help", "Alcohol reduces your inhibitions").
_HEAD = re.compile(r"\W*(?:(?:a|an|the|taking|using|creams? containing)\s+)?$", re.IGNORECASE)
_SAID_GOOD = re.compile(
    # "**Hydrocortisone** (in Anusol Plus HC) reduces inflammation", "Ibuprofen tablets such as Nurofen can help"
    r"\**(?:\s*\([^)]{0,60}\))?(?:\s+(?:tablets?|gels?|creams?|capsules?|sprays?|such as [\w-]+))*,?"
    r"\s+(?:(?:may|might|can|could|often|usually|also|really|does|do)\s+)*"
    rf"(?:{followup.GOOD_VERBS}|(?:is|are) (?:also )?(?:effective|useful)"
    r"|reduces? (?:the )?(?:pain|inflammation|swelling|itch\w*|symptoms|fever)"
    # "Statins are the main medicine", "Trimethoprim is an alternative", "Loperamide can slow diarrhoea"
    r"|(?:is|are) (?:usually |often |still |also )?(?:the |an? )?(?:main|first|usual|standard|first-line|mainstay"
    r"|alternative|good option)|(?:is|are) (?:fine|safe|suitable)(?= for (?:most|many) (?:people|adults)\b)"
    r"|(?:treats?|prevents?|lowers?|slows?|shortens?|controls?|stops?)(?= (?:the |your |an? )?[\w-]+))\b"
    r"(?!\s+(?:nothing|nobody|no))",
    re.IGNORECASE,
)
# "but", a semicolon or a dash before the rest: "Ibuprofen may work better — take it with food, and
# don't take it if ...", "Valerian helps sleep in adults; in pregnancy it is best avoided"
_BUT = re.compile(
    r",?\s*\b(?:but|although|though|except|apart from|other than|excluding|with the exception of)\b|\s[—–]\s|;",
    re.IGNORECASE,
)
_EXCEPT = re.compile(r",?\s*(?:except|apart|other|excluding|with)\b", re.IGNORECASE)
# ... and the part after "but" names whom it is not for, and no more: not "for anyone, including
# children", "for children or adults", "especially for older people", "not recommended for most people"
_NOT_ONLY_SOME = re.compile(
    # ("anyone under 16", "adults over 65" are some)
    r"\b(?:any|anyone|anybody|adults?)\b(?!\s+(?:under|over|aged|with|who|taking|on)\b)"
    r"|\b(?:everyone|everybody|all|most|especially|particularly|including|least of all|or for|in general|generally)\b",
    re.IGNORECASE,
)


_NOT_FOR_EVERYONE = re.compile(
    r"\bnot (?:suitable |safe |right |recommended |appropriate )?for (?:everyone|everybody)\b"
    r"(?!\W*(?:including|especially))|\bnot all\b",
    re.IGNORECASE,
)


_SIDE_EFFECT = re.compile(r"\b(?:drows|sleepy|dizz|constipat|side effects?|upset (?:your |the )?stomach)", re.I)


def good_but_not_for(text: str, offset: int, end: int, cue: str, condition: str | None) -> bool:
    """Whether the sentence opens with the remedy named at `offset`..`end` saying good of it, then,
    after "but", the caution `cue` denies it to some only ("... but is not recommended in pregnancy",
    "but isn't for children", "but pregnant women should not take it"), as the catalogue codes "will
    help, but only if ...": the benefit goes beside the caution."""
    but = _BUT.search(text, end)
    # "**Ibuprofen** may ...": read with its emphasis moved after it, the name starts before `offset`
    while offset and (text[offset - 1].isalnum() or text[offset - 1] == "-"):
        offset -= 1
    if not but or not _HEAD.fullmatch(text, 0, offset) or not _SAID_GOOD.match(text, end):
        return False
    rest, words = text[but.end() :], cue.removeprefix("benefit denied: ")
    if _EXCEPT.match(but.group(0)):
        return bool(details.populations(rest))  # "Ibuprofen can ease pain, except in pregnancy"
    if not words or words not in rest.lower():
        return False
    if _NOT_FOR_EVERYONE.search(rest) or _SIDE_EFFECT.search(words):
        # "... but they're not suitable for everyone": for some; "Chlorphenamine works, but it makes
        # many people drowsy": a side effect beside the good
        return True
    if _NOT_ONLY_SOME.search(rest):
        return False
    for_some = details.populations(rest) and not (condition and cues.cue_table(condition).named.search(rest))
    return bool(for_some) or followup.leaves_room(rest, words, condition)
