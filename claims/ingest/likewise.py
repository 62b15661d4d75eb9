"""A sentence that says its remedies do what the sentence before says of its own: "Alcohol makes
snoring worse. Sleeping pills and other sedatives do the same.", or hold it: "... saturated fat is
the main cause. It's found in butter and cakes." Read alone it says nothing of them,
and they came out as the default benefit. Each of its benefits takes the kind the sentence before
gives its remedies, when that is one harm: a cause or a caution."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest.cues import BENEFITS, CAUSE, CAUTION, KindCall
from claims.ingest.followup import by_start, recast_all
from claims.ingest.segments import HEADING, Segment

_LIKEWISE = re.compile(
    r"\b(?:do|does|did|can|may|will|have|has)\s+(?:(?:exactly|much|just)\s+)?the same(?:\s+(?:thing|effect))?\b"
    r"|\b(?:have|has) (?:a |the )?(?:similar|same) effect\b|\b(?:are|is) (?:just |every bit )?as (?:bad|risky)\b"
    r"|\b(?:is|are) (?:another|other) (?:common |well-known |frequent |big )?(?:ones?|culprits?|triggers?|causes?)\b"
    r"|\b(?:is|are) (?:another|no different|no better)(?=\W*$)",
    re.IGNORECASE,
)


# ... or opens with it, the remedies named after: "The same goes for diet sweets and mints", "So can
# antihistamines"; or says it in "too" after them: "Some medicines can too, including antihistamines".
_OPENS = re.compile(
    r"\W*(?:(?:and|but)\s+)?(?:(?:the\s+)?same\s+(?:goes|is\s+true|applies)\s+(?:for|of|to)|so\s+(?:can|do|does|will|may)"
    r"|ditto(?:\s+for)?)\b",
    re.IGNORECASE,
)
# ... or names where the harm the sentence before speaks of is found: "Eating a lot of saturated fat
# is the main cause. It's found in fatty meat, butter and cakes."
_FOUND_IN = re.compile(
    r"\W*(?:it|they|these|this)(?:\s+(?:is|are|can|may)|['’](?:s|re))\s+(?:(?:also|mainly|mostly|often|naturally|be)\s+)*"
    r"(?:found|present|hidden)\s+in\b",
    re.IGNORECASE,
)
# ... unless what "it" is may be a nutrient the sentence before names: "Alcohol can lower your
# magnesium. It's found in nuts." (the nuts are the magnesium's)
_NUTRIENT = re.compile(
    r"\b(?:magnesium|calcium|potassium|iron|zinc|iodine|vitamins?|folate|folic acid|fibre|fiber|protein|omega-3"
    r"|minerals?|nutrients?|electrolytes?|melatonin|probiotics?|antioxidants?)\b",
    re.IGNORECASE,
)


def _holds_a_cause(text: str, before: str) -> re.Match | None:
    found = _FOUND_IN.match(text)
    if found and not _OWN_SAY.search(text, found.end()) and not _NUTRIENT.search(before):
        return found
    return None


_TOO = re.compile(r"\b(?:can|do|does|will|may|might|could)\s+too\b", re.IGNORECASE)
_TOO_ENDS = re.compile(r"\W*(?:(?:,\s*)?(?:including|such as|especially|like|for example)\b[^;:]*)?", re.IGNORECASE)
# ... with nothing of their own said: no contrast, no verb of another claim, no order after them
_OWN_SAY = re.compile(
    r"\b(?:but|except|unless|although|though|however|not|never|no|so|then|which|while|whereas)\b|n['’]t\b|;"
    r"|\b(?:is|are|was|were|help|helps|can|will|try|eat|drink|take|keep|use|read|settles?|eases?|works?|soothes?)\b",
    re.IGNORECASE,
)


def _same(text: str) -> re.Match | None:
    """The words by which a sentence says its remedies do what the sentence before says, or None."""
    same = _LIKEWISE.search(text)
    if same and not _NOT_ONLY_THAT.search(text, 0, same.start()) and _ENDS.fullmatch(text, same.end()):
        return same  # not "Valerian won't do the same", "Try to do the same routine", "do the same job as ..."
    opens = _OPENS.match(text)
    if opens and not _OWN_SAY.search(text, opens.end()):
        return opens
    too = _TOO.search(text)
    if too and _TOO_ENDS.fullmatch(text, too.end()) and not _OWN_SAY.search(text, 0, too.start()):
        return too
    return None


# Before "do the same": a negation, an order or an infinitive, or nothing (the sentence opens with it).
_NOT_ONLY_THAT = re.compile(r"(?:^|\bnot\s+|n['’]t\s+|\bto\s+|\bnever\s+)\W*$", re.IGNORECASE)
# After it: nothing but "too" or "as well", to the sentence's end.
_ENDS = re.compile(r"\W*(?:(?:too|as well|also)\W*)?", re.IGNORECASE)


# A remedy said to do what the one before it in the sentence does: "Smoking makes hay fever worse,
# and so does drinking alcohol", "..., as does alcohol"
_SO_DOES = re.compile(
    r"(?:,\s*|\band\s+)(?:so|as)\s+(?:does|do|can|will|is|are)\s+(?:(?:drinking|eating|taking|using|too much)\s+)?$",
    re.IGNORECASE,
)


_TURN = re.compile(r"[;.:]|\b(?:but|however|whereas|yet)\b", re.IGNORECASE)


def like_the_one_before(
    call: KindCall, said_before: list[tuple[str, str]], before: str, nearest: tuple[str, int] | None
) -> KindCall:
    """`call` for the remedy named after `before`, `said_before` the (remedy, kind) proposed for the
    remedies before it in the sentence, `nearest` the nearest of them named and where its name
    ends: the harm that one is said to do, when the sentence says this one does the same in the
    same breath ("Smoking makes hay fever worse, and so does drinking alcohol": a cause; not "Avoid
    alcohol; water keeps you hydrated, and so does herbal tea", whose water is no remedy here). A
    harm is never made a benefit this way: "Acidic drinks such as orange juice make ulcers more
    painful, and so can salty foods" (the juice may be misread as advice)."""
    so = _SO_DOES.search(before)
    if not so or nearest is None or _TURN.search(before, nearest[1], so.start()):
        return call
    kinds = [kind for remedy, kind in said_before if remedy == nearest[0]]
    if not kinds:
        return call
    harms = [kind for kind in kinds if kind in (CAUSE, CAUTION)]
    if len(harms) == len(kinds) and call.kind in BENEFITS:
        return KindCall(harms[-1], False, "likewise: so does")
    return call


def _elliptic(text: str, names: list[str]) -> re.Match | None:
    """The words of a sentence that is only its remedies' names and a "too" or "nor": "Aspirin
    too.", "Nor is aspirin.", "And ibuprofen as well.", or None."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return _ELLIPTIC.fullmatch(text)


_WORD = re.compile(r"[\w'’]+")
_ELLIPTIC = re.compile(
    r"[\W_]*(?:(?:and|or)\s+)?(?:also\b|(?:nor|neither)\s+(?:is|are|does|do|can|should|will)\b"
    r"(?:\s+(?:they|you|he|she|children|kids)\s+(?:take|use|have|give|be given)\b)?|"
    r"(?:[\W_]*(?:and|or)\s+)?[\W_]*(?:too|as well|also)\b)(?:[\W_]*(?:and|or)\b)*[\W_]*",
    re.IGNORECASE,
)


def likewise(proposals: list, segments: list[Segment]) -> list:
    """`proposals`, the benefits of a "do the same" sentence recast as the harm the sentence before
    it says of its remedies, and of the people it says it of ("Pregnant? Feverfew is not for you.
    Aspirin too.")."""
    at = by_start(proposals)
    harm_of: dict[int, tuple[str, str | None, str]] = {}  # a "do the same" sentence's start -> (kind, whom, words)
    for before, seg in zip(segments, segments[1:], strict=False):
        if seg.kind == HEADING or before.kind == HEADING or seg.start not in at:
            continue
        names = [p.surface for p in at[seg.start]]
        same = _same(seg.text) or _holds_a_cause(seg.text, before.text) or _elliptic(seg.text, names)
        said = at.get(before.start, ())
        kinds, whom = {p.kind for p in said}, {p.population for p in said}
        if same and len(kinds) == 1 and kinds <= {CAUSE, CAUTION}:
            words = " ".join(_WORD.findall(same.group(0).lower()))
            harm_of[seg.start] = (kinds.pop(), whom.pop() if len(whom) == 1 else None, words)

    def recast(proposal):
        if proposal.start not in harm_of or proposal.kind not in BENEFITS:
            return [proposal]
        kind, whom, words = harm_of[proposal.start]
        return [replace(proposal, kind=kind, population=whom, rule=f"{proposal.rule}; likewise: {words}")]

    return recast_all(proposals, recast)
