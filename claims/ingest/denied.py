"""Whether a sentence denies a remedy's benefit, and with which words: in the remedy's own part of
the sentence ("Vitamin E does not help", "the FDA warns against quinine"), or in the next part said
of "it" ("..., but it is no longer recommended"); not in a condition ("If these measures do not
help, ..."), nor in another remedy's part, nor "not only effective but also safe". Where the parts
of a sentence end is claims.ingest.scope's."""

from __future__ import annotations

import re

from claims.ingest.cues import blank
from claims.ingest.denials import DENIED, SUBJECTLESS, WARNED
from claims.ingest.details import populations
from claims.ingest.scope import CONDITIONAL, PARTS, part_end

# "Quinine, while once popular, is no longer recommended": an aside does not end the part.
# ... nor does an example: "Products containing bismuth, such as Pepto-Bismol, are best avoided".
_ASIDE = re.compile(r",\s*(?:while|though|although|however|such as|like|including|e\.g\.)\b[^,;.]*,", re.IGNORECASE)
_FASTER = re.compile(r"\b(?:faster|quicker|sooner)\b", re.IGNORECASE)
_GOOD_SAID = re.compile(r"\b(?:helps?|works?|eases?|relieves?|soothes?|calms?|reduces?)\b", re.IGNORECASE)
_OBJECT_PREFERRED = re.compile(r"\bno substitute for$", re.IGNORECASE)

# A denial of a cure only, or of a use, which a benefit may follow: "Melatonin isn't a cure, but it can
# help", "Trials of melatonin were disappointing for insomnia, but it works for jet lag".
A_CURE = re.compile(
    r"\b(?:cure|fix|heal|solve|ease|disappointing|nothing|needed|necessary|shrink|dissolve|straighten|correct)\b"
)
# "and" hands the sentence on, not "and other": "Ibuprofen and other painkillers should be avoided"
# (nor "and is best avoided": the same subject goes on)
_HANDED_ON = re.compile(
    r"[,;.:]|\band\b(?!\s+(?:other|similar|related|all|is|are|should|must|can|may)\b)|\bbecause\b|\bsince\b", re.I
)
_APPOSITION = re.compile(r",\s*(?:a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+,", re.IGNORECASE)  # what the name is
_NOT_ONLY = re.compile(r"\bnot (?:only|just)\b|\bnot as \w+ as\b|\bdoes(?:n['’]t| not) (?:just|only)\b", re.I)
_THAN = re.compile(r"\b(?:than|like|unlike|as with|compared (?:with|to))\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_BACK = re.compile(
    # "..., but studies haven't shown a clear benefit" (not "but research on cough syrups shows ...")
    r"\b(?:it|they|them|this|its|either|both|the evidence|(?:long-term|regular|daily|prolonged) use)\b"
    r"|\b(?:studies|trials|research)(?= (?:have|has)(?:n['’]t| not) (?:shown|found|proved|proven)\b)",
    re.IGNORECASE,
)


def denial(text: str) -> str:
    """The first words of `text` that deny a benefit, outside a condition, or ""."""
    found = DENIED.search(_NOT_ONLY.sub(blank, CONDITIONAL.sub(blank, text)))
    return found.group(0).lower() if found else ""


def denied_benefit(text: str, offset: int, named: tuple[tuple[int, int], ...] = ()) -> str:
    """What denies the benefit of the remedy named at `offset` in `text`, or "": in the remedy's
    own part of the sentence ("Vitamin E does not help", "the FDA warns against quinine"), or in
    the next part said of "it" ("..., but it is no longer recommended"). A denial in a condition
    ("If these measures do not help, prick the muscle") or in another remedy's part ("Magnesium
    helps, but quinine is not recommended"; "Quinine is banned, so try stretching") is not the
    remedy's; "not only effective but also safe" denies nothing. Every later part said of "it" in
    turn is read, up to another remedy named as a clause's subject (`named`: every name's span)."""
    apart = _named_apart(text, offset, named)
    text = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)  # offsets stand
    starts = [0] + [m.end() for m in PARTS.finditer(text, 0, offset)]
    end = part_end(text, offset)
    parts = [text[starts[-1] : end]]
    following = PARTS.search(text, offset)
    # "..., but isn't recommended in pregnancy", "but not in children"; not what "it" is compared with
    # ("Ibuprofen eases pain better than paracetamol, but it should be avoided")
    said_of_it = (
        following
        and not _THAN.search(text, 0, offset)
        and (
            _BACK.search(text, following.end(), part_end(text, following.end()))
            or SUBJECTLESS.match(text, following.end())
        )
    )
    subjectless = following and SUBJECTLESS.match(text, following.end())
    if subjectless:
        return subjectless.group(0).strip().lower()  # "..., but must be avoided in kidney disease"
    while said_of_it and not any(offset < other < following.start() for other in apart):
        # "..., but they can dry the lips further, so avoid them": every part said of it in turn, until
        # another remedy is named ("Emollients soothe, and aqueous cream is cheap, but it can irritate")
        parts.append(text[following.end() : part_end(text, following.end())])
        following = PARTS.search(text, following.end() + 1)
        said_of_it = following and _BACK.search(text, following.end(), part_end(text, following.end()))
    for number, part in enumerate(parts):
        part = _NOT_ONLY.sub(blank, CONDITIONAL.sub(blank, part))  # offsets stand
        # "..., but it should be avoided in pregnancy": a warning said of it again is its own
        found = DENIED.search(part) or (WARNED.search(part) if number else None)
        if found and number == 0 and _OBJECT_PREFERRED.search(found.group(0)) and found.end() <= offset - starts[-1]:
            continue  # "Sports drinks are no substitute for oral rehydration salts": the salts are the better
        if found and _FASTER.search(found.group(0)) and _GOOD_SAID.search(text, 0, text.find(part) + found.start()):
            continue  # "Ibuprofen eases the pain but won't make it heal any faster": the relief stands
        if found:
            return found.group(0).lower()
    handed_on = _HANDED_ON.search(text, offset)
    while handed_on and (apposition := _APPOSITION.match(text, handed_on.start())):
        handed_on = _HANDED_ON.search(text, apposition.end())  # "Piriton, a sedating antihistamine, is not suitable"
    said = _NOT_ONLY.sub(blank, text[offset : handed_on.start() if handed_on else len(text)])
    found = WARNED.search(said)
    return found.group(0).lower() if found else ""


def _named_apart(text: str, offset: int, named: tuple[tuple[int, int], ...]) -> list[int]:
    """Where the segment names other remedies after the one at `offset` (`named`: every name's
    span) as the subject of a clause of their own."""
    end = next((e for s, e in named if s == offset), offset)
    return [s for s, _ in named if s > end and _SUBJECT_AFTER.search(text, max(end, s - 30), s)]


# ... the subject of a clause of its own: ", and aqueous cream is cheap", ", while antihistamine tablets"
# (not "camphor or menthol", "magnesium, vitamin B1 and fish oil", nor "but they're mostly sugar")
_SUBJECT_AFTER = re.compile(r"(?:,\s*(?:and|but|while|whereas|yet|so)|;|\b(?:while|whereas))\s+(?:(?:the|a|an)\s+)?$")


def keeps_from_some(text: str, cue: str) -> bool:
    """Whether the words that deny the benefit keep it from some only ("Imodium isn't suitable for
    children under 12") or limit it ("not recommended for more than a few days"), not from all ("no
    evidence that high doses of vitamin C prevent colds", "isn't advised for adults or children"),
    nor for them ("no evidence probiotics prevent eczema in children")."""
    words = cue.removeprefix("benefit denied: ")
    at = text.lower().find(words)
    if at < 0:
        return False
    after = text[at : at + 80]
    if _LIMITED.match(text, at + len(words)):
        return True  # "not recommended for more than a few days at a time": a limit, the benefit stands
    return bool(_KEEPS_FROM.search(words) and populations(after) and not _EVERYONE.search(after))


_LIMITED = re.compile(r"\s+(?:to be used |to be taken |to use |to take )?(?:for )?(?:more|longer) than\b", re.I)
_EVERYONE = re.compile(r"\b(?:adults?|anyone|everyone|all)\b", re.IGNORECASE)  # "for adults or children"
_KEEPS_FROM = re.compile(r"suitab|safe|recommend|advis|licen[cs]ed|\bfor\b|\buse|avoid|skip|\bgive\b", re.IGNORECASE)
