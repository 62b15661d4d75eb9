"""A remedy named as a party to an interaction: the medicine another makes less effective, raises the
levels of or is to be kept hours apart from ("Omeprazole can make clopidogrel less effective",
"Take magnesium 2 hours apart from iron tablets", "St John's wort reduces the effectiveness of the
pill", "Fluvoxamine increases melatonin levels"), and the remedy that does it; and what the reader
already takes, named as the condition of advice ("If you take warfarin, avoid ginkgo"), or a
habit so named ("If you drink alcohol, ..."). None is advised for the condition there: each is a
caution (claims.ingest.overrule)."""

from __future__ import annotations

import re

_FILLER = r"(?:(?:your|any|other|the|many|some|all|a|an|certain|blood)\s+)*(?:[\w'-]+\s+)?"
# Examples of what was named, up to the one at hand: "medicines, such as diazepam and " (a word an item).
_EXAMPLES = r"(?:(?:[\w'-]+)?,?\s*(?:such as|like|including)\s+(?:[\w'-]+(?:,\s+|\s+(?:and|or)\s+))*)?"
# What the partner is named after: "2 hours apart from iron", "reduces the effectiveness of the pill".
_NAMED_AFTER = re.compile(
    # anywhere in the list that follows: "two hours apart from iron tablets and antibiotics such as ciprofloxacin"
    r"\b(?:(?:hours?\s+(?:apart|away)\s+from|hours?\s+before\s+or\s+after|"
    r"separately\s+from|at the same time as|"
    r"interacts?\s+with|interferes?\s+with|(?:don['’]t|do not|never|shouldn['’]t|should not)\s+"
    r"(?:combine|mix|take|use)\s+(?:[\w'-]+\s+){1,3}?with)\s+[^.;:()]{0,80}"
    # "leave two hours between an antacid and iron tablets", "absorbed less well if you take it with grapefruit",
    # "if taken alongside medicines such as spironolactone": the list that follows, up to a new clause
    # ("..., so drink orange juice instead", "..., and take an antacid")
    r"|(?:hours?\s+between\s+(?:[\w'-]+\s+){1,3}?and|(?:if|when)\s+(?:taken|used|combined)\s+(?:alongside|together\s+"
    r"with)|(?:absorbed|works?)\s+less\s+(?:well\s+)?(?:if|when)\s+(?:you\s+)?(?:take|swallow)\s+(?:it|them)\s+with)\s+"
    r"(?:(?!(?:so|then|instead|take|taking|eat|drink|have|try|lying|sit|use)\b)[\w'-]+[\s,]+){0,12}"
    # right after: "reduces the effectiveness of the pill", "raises the blood levels of simvastatin"
    r"|(?:reduces?|lowers?|weakens?|blocks?|cancels?|raises?|increases?|doubles?|changes?|adds?\s+to)\s+(?:the\s+)?"
    r"(?:effects?|effectiveness|absorption|action|(?:blood\s+)?levels?|drowsiness|sedation)\s+(?:of|from)\s+"
    + _FILLER
    + _EXAMPLES
    # "can reduce how well clopidogrel works"
    + r"|(?:reduces?|lowers?|weakens?|affects?|changes?)\s+how\s+well\s+"
    + _FILLER
    # "within two hours of levothyroxine", right after (not "within an hour of bedtime, and take magnesium")
    + r"|within\s+(?:[\w-]+\s+)?hours?\s+of\s+"
    + _FILLER
    + _EXAMPLES
    + ")$",
    re.IGNORECASE,
)
# ... or around: "can make clopidogrel less effective", "increases melatonin levels".
_MADE = re.compile(r"\bmake?s?\s+" + _FILLER + "$", re.IGNORECASE)
_LESS = re.compile(r"\s*(?:[\w-]+\s+)?(?:less|more)\s+(?:effective|potent|active)\b|\s+(?:stop|not)\s+work", re.I)
_RAISES = re.compile(r"\b(?:raises?|increases?|boosts?|doubles?|lowers?|reduces?)\s+(?:the\s+)?(?:blood\s+)?$", re.I)
_LEVELS = re.compile(r"\s+(?:blood\s+)?levels?\b", re.IGNORECASE)
# The remedy that acts on it, named before: "Omeprazole can make ...", "Grapefruit juice raises ...".
_ACTS = re.compile(
    # one of a list that does it: "Medicines such as warfarin, sertraline and lithium may interact with omeprazole"
    # (not said not to: "Valerian root improves sleep and won't interfere with warfarin")
    r"[\w'-]*(?:,?\s+(?:(?:and|or)\s+)?(?!(?:not|never|no|cannot|\w+n['’]t)\b)[\w'-]+){0,6}?\s+"
    r"(?:(?:can|may|might|will|could|also|often)\s+)*(?:make|reduce|lower|raise|increase|boost|double|"
    r"weaken|block|interact|interfere|add)s?\b[^.;:]*$",
    re.IGNORECASE,
)


def partner(text: str, start: int, end: int) -> str:
    """The words that name the remedy at `start`..`end` as what another acts on, or ""."""
    before, after = text[:start], text[end:]
    found = _NAMED_AFTER.search(before)
    if found:
        return found.group(0).strip().lower()
    if _MADE.search(before) and (less := _LESS.match(after)):
        return f"made {less.group(0).strip().lower()}"
    if (raised := _RAISES.search(before)) and _LEVELS.match(after):
        return f"{raised.group(0).strip().lower()} its levels"
    return ""


_NOT_COMBINED = re.compile(
    r"\b(?:don['’]t|do not|never|shouldn['’]t|should not|avoid)\s+(?:combin|mix)\w*\s+(?:[\w'-]+\s+){0,2}$", re.I
)


def kept_apart(text: str, end: int, others: tuple[tuple[int, int], ...]) -> bool:
    """Whether the remedy ending at `end` is what is to be kept hours apart from another of `others`
    named right after it ("Do not take antacids within two hours of levothyroxine")."""
    for a, _ in others:
        found = _NAMED_AFTER.search(text, 0, a) if a >= end else None
        if found and found.start() >= end and not text[end : found.start()].strip(" ,"):
            return "hours" in found.group(0).lower()
    return False


_NOT_TAKEN = re.compile(
    r"\b(?:don['’]t|do not|never|shouldn['’]t|should not)\s+(?:take|use)\s+(?:[\w'-]+\s+){0,2}$", re.IGNORECASE
)
_WITH = re.compile(r"\s+(?:together\s+)?with\b", re.IGNORECASE)


def combined(text: str, start: int, end: int) -> bool:
    """Whether the remedy at `start`..`end` is one not to be combined with another ("Don't combine
    valerian with alcohol", "Do not take ibuprofen with warfarin"), or the other."""
    if _NOT_COMBINED.search(text, 0, start) or (_NOT_TAKEN.search(text, 0, start) and _WITH.match(text, end)):
        return True
    return partner(text, start, end).startswith(("don", "do not", "never"))


# Two taken together, and what one does to the other: "Taking warfarin with omeprazole may raise its
# levels", "Combining St John's wort and the pill can reduce its effectiveness".
_TAKEN_TOGETHER = re.compile(
    r"\b(?:taking|combining|mixing|using)\s+(?:[\w'-]+\s+){1,4}?(?:with|and|alongside|together\s+with)\s+"
    r"(?:[\w'-]+,?\s+){1,8}?(?:(?:can|may|might|could|will|often)\s+)+(?P<effect>(?:raise|increase|lower|reduce|change"
    # what one does to the other ("its levels", "how well"), not to the condition ("reduce its severity"), nor
    # the good of taking them together ("Taking iron with orange juice may increase its absorption")
    r"|affect|boost|double|weaken|block)\s+(?:(?:its|their)\s+(?:blood\s+)?(?:levels?|effects?|effectiveness)"
    r"|the other['’]s|how\s+well))\b[^.;:]*",
    re.IGNORECASE,
)


def interaction(text: str, start: int, end: int, others: tuple[tuple[int, int], ...]) -> str:
    """Why the remedy at `start`..`end` is a party to an interaction in `text` (its segment), "" when
    it is not: as what another acts on, as what acts on another named after it in its clause, or as
    one of two taken together, one acting on the other."""
    said = partner(text, start, end)
    if said:
        return said
    for together in _TAKEN_TOGETHER.finditer(text):
        inside = [(a, b) for a, b in others if together.start() <= a and b <= together.end() and (a, b) != (start, end)]
        if together.start() <= start and end <= together.end() and inside:  # two named: one acts on the other
            return "taken together: " + " ".join(together.group("effect").lower().split())
    for a, b in others:
        if a >= end and _ACTS.match(text, end, a) and partner(text, a, b):
            return f"acts on {text[a:b].lower()}"
    return ""


# What a reader already takes, named as the condition of advice: "If you take warfarin, avoid
# ginkgo", "People on warfarin should avoid aspirin": an interaction, a caution, no benefit.
_IF_TAKING = r"(?:if|when|while) (?:you|they)(?:['’]re| are)? (?:already )?(?:take|taking|use|using|on)"
_WHO_TAKE = r"(?:who (?:takes?|uses?|(?:are|is) on)|taking|using|on)"  # "people on warfarin", "those taking statins"
_THOSE_WHO = rf"(?:people|those|patients|anyone|someone) {_WHO_TAKE} |(?:or|and) who (?:take|use|are on) "
# the name after up to three words, or one of a list of them: "if you take phenytoin, ketoconazole and "
_NAMED_NEXT = r"\s*(?:[\w-]+\s+){0,3}(?:(?:such as|like|including)\s+)?(?:[\w'-]+(?:,\s+|\s+(?:and|or)\s+))*$"
_OR_TAKING = r"(?:if|when) you\b[^.;:,]*?\b(?:or|and) (?:take|use|are on)"  # "if you have an ulcer or take"
# "If you take blood thinners such as warfarin", "if you have an ulcer or take warfarin"
_ALREADY = re.compile(rf"\b(?:{_IF_TAKING}|{_THOSE_WHO}|{_OR_TAKING} ){_NAMED_NEXT}", re.IGNORECASE)
# ... and the advice keeps something away from it: "avoid ginkgo", "should not take aspirin".
_KEPT_AWAY = re.compile(
    r"\b(?:avoid|do not|don't|should not|shouldn't|must not|never|check with|talk to|tell|ask|consult|interacts?"
    r"|not (?:suitable|safe)|unsuitable)\b|n['’]t (?:suitable|safe)\b",
    re.IGNORECASE,
)
# ... or, said of those who take it ("People who take warfarin should stick with paracetamol"), points
# to another remedy in its place; said to whoever takes it ("If you take ibuprofen, take it with food
# rather than ...", "If you take antihistamines, opt for loratadine"), only as the safer one ("If you
# are on warfarin, paracetamol is the safer choice").
_IN_ITS_PLACE = re.compile(r"\b(?:stick (?:with|to)|instead|rather than|switch to|opt for|safer|better)\b", re.I)
_SAFER = re.compile(r"\bsafer\b", re.IGNORECASE)
_THOSE_WHO_TAKE = re.compile(rf"\b(?:{_THOSE_WHO}){_NAMED_NEXT}", re.IGNORECASE)
_SAID_AGAIN = re.compile(r"\b(?:it|them|one|ones|its|their)\b", re.IGNORECASE)
# A habit named as the condition of advice: "If you drink alcohol, do so early", "If you smoke, stop".
_HABIT = re.compile(r"\b(?:if|when) you (?:drink|smoke)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_IF_YOU = re.compile(r"\b(?:if|when) you\s+$", re.IGNORECASE)


def taken_already(text: str, start: int, end: int, others: tuple[tuple[int, int], ...] = ()) -> bool:
    """Whether the remedy named at `start`..`end` is what the reader already takes, as the condition
    of advice that keeps something away from it: an interaction, a caution ("If you take
    warfarin, avoid ginkgo", "Ibuprofen is not suitable if you take blood thinners such as
    warfarin"; not "If you take magnesium, take it at night"), or that points to another of
    `others` (where the segment names remedies) in its place ("People who take warfarin should stick
    with paracetamol", "If you are on warfarin, paracetamol is the safer choice"; not "If you take
    melatonin, take it an hour before bed rather than at bedtime")."""
    if not taken(text, start):
        return False
    if _KEPT_AWAY.search(text):  # before it too: "Ibuprofen is not suitable if ..."
        return True
    if _SAFER.search(text, 0, start):  # "Paracetamol may be a safer option if you take phenytoin"
        return True
    after = text[end:]
    if not any(a >= end for a, _ in others) or _SAID_AGAIN.search(after) or text[start:end].lower() in after.lower():
        return False  # no other remedy, or the advice speaks of it again: "add ibuprofen rather than more paracetamol"
    return bool(_SAFER.search(after) or (_THOSE_WHO_TAKE.search(text, 0, start) and _IN_ITS_PLACE.search(after)))


def taken(text: str, start: int) -> bool:
    """Whether the remedy named at `start` is named as what the reader already takes ("If you take
    statins, ..."): for a remedy usually harmful, a caution whatever the advice."""
    return bool(_ALREADY.search(text, 0, start))


_AFTER_TAKING = re.compile(
    rf"\b(?:{_IF_TAKING}|{_OR_TAKING}|(?:people|those|patients|anyone) {_WHO_TAKE})\b[^,.;]*,", re.IGNORECASE
)


def after_taking(text: str, start: int) -> bool:
    """Whether the remedy named at `start` is kept away from what the reader takes, named in a
    clause before it ("If you take sleeping pills, avoid alcohol")."""
    return bool(_AFTER_TAKING.search(text, 0, start))


def introduced_by_taking(intro: str) -> bool:
    """Whether a list's introduction opens with what the reader takes ("Taking antidepressants? Avoid
    these:", "If you take sleeping pills:"): what its items keep away is kept from that medicine."""
    return bool(_TAKING_FIRST.match(intro))


_TAKING_FIRST = re.compile(
    rf"[\W_]*(?:(?:are you |already )?(?:taking|on|using)\b[^?:.]*\?|(?:{_IF_TAKING}|(?:when|while) (?:taking|on))\b"
    r"[^,:.;]*[,:])",
    re.IGNORECASE,
)


def a_habit(text: str, start: int, end: int) -> bool:
    """Whether the remedy named at `start`..`end` is a habit named as the condition of advice ("If
    you drink alcohol, ...", "If you smoke, ..."): for a remedy usually harmful, a caution."""
    said = text[start:end].lower()
    return bool(
        _HABIT.search(text, 0, start) or (_IF_YOU.search(text, 0, start) and said.startswith(("smok", "drink")))
    )
