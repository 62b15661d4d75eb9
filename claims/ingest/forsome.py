"""Good said of a remedy, then denied after "but" to some people or some use only: "Ibuprofen eases
pain but is not recommended in pregnancy", "Quinine works, but isn't for children", "..., but do not
take it if you have a stomach ulcer". The benefit goes beside the caution for them (read by
claims.ingest.overrule), as the catalogue codes "The use of vitamin B12 will help, but only if it is
not enough in the body"; denied to all, or for the article's own condition, it stays a caution."""

from __future__ import annotations

import re

from claims.ingest import cues, details, followup
from claims.ingest.match import Mention

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


def taken_back(text: str, end: int, mention: Mention, condition: str | None) -> str:
    """Good said of a remedy mostly warned of, then taken back: the turn ("but", "yet", "- the
    trouble is") after which the sentence says a harm of the remedy named before `end`, or "": not
    when it says none ("Caffeine can ease a migraine, but it works best taken early") nor when it
    names the remedy again in other words, one use set against another ("A coffee in the morning
    helps, but caffeine after mid-afternoon will stop you sleeping")."""
    turn = _TURN.search(text, end)
    if not turn:
        return ""
    rest = text[turn.end() :]
    if mention.surface.lower() not in rest.lower() and re.search(
        rf"\b{re.escape(mention.term.remedy)}", rest, re.IGNORECASE
    ):
        return ""
    harmful = _HARM_WORDS.search(rest) or any(
        kind in (cues.CAUSE, cues.CAUTION) and pattern.search(rest)
        for kind, _, pattern in cues.cue_table(condition).cues
    )
    return turn.group(0).strip(" ,").lower() if harmful else ""  # ";" and "-" stay: never empty


_TURN = re.compile(
    r"[,;]?\s*\b(?:but|yet|however|although|though|whereas|while in fact|only to|the (?:trouble|problem) is)\b|;"
    r"|\s[-–—]\s",
    re.IGNORECASE,
)
# What a turn says a remedy mostly warned of does: "leaves you waking", "wrecks it", "feeds the bacteria"
_HARM_WORDS = re.compile(
    r"\b(?:wak(?:e|es|ing)|worse\w*|wreck\w*|disrupt\w*|ruin\w*|keeps? you (?:awake|up)|stops? you sleep\w*"
    r"|leaves? you|delays?|damag\w*|harm\w*|bad for|dehydrat\w*|crash\w*|tired\w*|raises?|feeds?|rot\w*"
    r"|strain\w*|irritat\w*|relax\w* the (?:\w+ )?(?:valve|sphincter)|rebound|withdrawal|no reason|suffers?|poor\w*"
    r"|increas\w* (?:\w+ )?(?:anxiety|pressure|stress|the risk))\b",
    re.IGNORECASE,
)
