"""Whose claim a part of a sentence is. Cue words speak of the remedy only where the sentence speaks
of it: not in the reason given for advising it ("Drink fluids because dehydration causes
headaches"), not in a clause about another noun ("the stress that may keep you awake"; "eases
stress, which disrupts sleep"), not after "unlike" another thing (nor in a part of the sentence
that speaks of another remedy only: claims.ingest.parts); what makes the condition worse is the
remedy's only when the remedy does it ("Coffee makes insomnia worse", not "Take ibuprofen
if the headache worsens"), and a harm to something else is a caution ("eases headaches but
aggravates stomach ulcers"); where the parts of a sentence end (whose denial is the remedy's:
claims.ingest.denied). Read by the proposer (claims.ingest.propose) beside the cues
(claims.ingest.cues)."""

from __future__ import annotations

import re

from claims.ingest.advice import ADVISED, IMPERATIVE, REASON
from claims.ingest.cues import CAUSE, CONTRAST, cause_free, cue_table
from claims.ingest.missing import DEFICIENCY
from claims.ingest.negated import NEGATED_PARENTHESIS
from claims.ingest.parts import SAID_AGAIN

# A clause about the noun before it: "the stress that may keep you awake". Not the remedy itself
# ("is a drink that ...", "is a depressant which ...").
_RELATIVE = re.compile(
    r"\s(?:(?:a|an|the|one of the)\s+)?([\w-]+)(,?)\s+(?:that|which|who)\s+[^,.;:!?]*", re.IGNORECASE
)
_ITSELF = re.compile(r"\b(?:is|are|was|were)\s+(?:a|an|one of the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "eases stress, which disrupts sleep", "reduces anxiety, a problem that keeps you awake": what
# follows a comma is about what the remedy relieves. Without such a verb it is about the remedy
# ("relaxes the sphincter, which causes heartburn").
_RELIEVES = re.compile(
    r"\b(?:eases?|reduces?|reducing|relieves?|relieving|calms?|soothes?|fights?|combats?|helps?|"
    r"treats?|prevents?|against)\b",
    re.IGNORECASE,
)
_UNLIKE = re.compile(r"\b(?:unlike|instead of|rather than|compared (?:with|to)|alternative to)\b[^;]*", re.IGNORECASE)
# Where another remedy's part of a sentence may begin: "Quinine is banned, so try stretching".
PARTS = re.compile(r";|,?\s*\bso\b|\binstead\b|" + CONTRAST.pattern, re.IGNORECASE)
# "if the headache worsens", "before it worsens" (not "before bed": a time, no clause)
CONDITIONAL = re.compile(
    r"\b(?:if|when|unless|whenever|as soon as|(?:before|until|once|after)(?=\s+(?:it|they|the|you|your|a|an|this)\b))"
    r"\b[^,;]*,?",
    re.IGNORECASE,
)
# The remedy named as missing in a reason: "because low magnesium levels can trigger migraines".
_NOT_ENOUGH = re.compile(
    r"\bnot\b[^.;]{0,40}\benough\b|\btoo little\b|\blow (?:[\w-]+ ){0,2}(?:levels?|intake)\b", re.IGNORECASE
)


def of_the_remedy(text: str, end: int, names: set[str], condition: str | None = None) -> str:
    """`text` as it speaks of the remedy whose name ends at `end`: the cause words of what it says of
    other things removed (all after the name: its offsets stand)."""
    table = cue_table(condition)
    spans = []
    advice = IMPERATIVE.match(text) or ADVISED.search(text)
    if advice:
        reason = REASON.search(text, max(advice.end(), end))
        if reason and (not _names(reason.group(0), names) or _missing(reason.group(0))):
            spans.append(reason.span())  # why it is advised; "because low magnesium ..." too
        if IMPERATIVE.match(text):  # "Drink water regularly; dehydration can trigger a headache": why, again
            spans += [
                m.span()
                for m in _AFTER_ORDER.finditer(text, end)
                if not _names(m.group(0), names) and not SAID_AGAIN.search(m.group(0))  # not "; it can cause ..."
            ]
    for found in _RELATIVE.finditer(text, end):
        noun, after_comma = found.group(1).lower(), bool(found.group(2))
        if noun in names or _ITSELF.search(text, 0, found.start(1)):
            continue
        if after_comma and not _RELIEVES.search(text, end, found.start()):
            continue  # ", which causes heartburn": what the remedy does
        spans.append(found.span())
    spans += [m.span() for m in _UNLIKE.finditer(text, end)]
    for a, b in sorted(spans, reverse=True):
        text = text[:a] + _WORSENS.sub(" ", cause_free(text[a:b], table)) + text[b:]
    for found in _SET_AGAINST.finditer(text, end):  # "paracetamol, never aspirin": the refusal is aspirin's
        text = text[: found.start()] + " " * len(found.group(0)) + text[found.end() :]
    # "Dehydration can cause headaches, so drink water": the reason before it; "Soap can trigger
    # flares, but emollients help": what another does, before good said of this one
    before = _SO_ADVISED.match(text) or _BUT_GOOD.match(text)
    good_after = before and _GOOD_NOT_DENIED.search(text, before.end(), part_end(text, end))
    if before and before.end() < end and (before.re is _SO_ADVISED or good_after):
        if not _names(before.group(1), names):
            reason = before.group(1)
            for kind, _, pattern in table.cues:
                if kind == CAUSE:
                    reason = pattern.sub(lambda m: " " * len(m.group(0)), reason)
            text = reason + text[len(reason) :]
    return text


_BUT_GOOD = re.compile(r"([^.;]*?),?\s*\b(?:but|whereas|while)\s+", re.IGNORECASE)
# ... not denied: "but emollients help", "but a cool bath can really help" (not "won't help")
_GOOD_NOT_DENIED = re.compile(
    r"(?<!not )(?<!n't )(?<!n’t )(?<!never )\b(?:(?:can|may|often|usually|really|do|does)\s+)*"
    r"(?:helps?|works?|eases?|relieves?|soothes?|calms?|reduces?)\b",
    re.IGNORECASE,
)
_AFTER_ORDER = re.compile(r"(?:;|\s[-–—]\s)[^;]*")
# A reason, then advice: "Dehydration can cause headaches, so drink water".
_SO_ADVISED = re.compile(
    r"([^.;]*?),?\s*\bso\s+(?:(?:try|be sure)\s+to\s+)?"
    # "..., so you may be given colchicine alongside it"
    r"(?=(?:take|eat|drink|try|use|apply|add|have|include)\b"
    r"|(?:you|your doctor|a doctor|your gp)\s+(?:may|might|will|can)\s+"
    r"(?:be\s+)?(?:give|given|prescribe|prescribed|offer|offered|suggest|recommend)\w*\b)",
    re.IGNORECASE,
)


def without_negated_asides(text: str, offset: int) -> str:
    """`text` without the negations in parentheses that do not hold the remedy named at `offset`
    ("Breathe into a paper bag (never a plastic bag)"; not "Give paracetamol (never aspirin)" for
    aspirin), blanked so that offsets stand."""
    for found in NEGATED_PARENTHESIS.finditer(text):
        if not found.start() <= offset < found.end():
            text = text[: found.start()] + " " * len(found.group(0)) + text[found.end() :]
    return text


# What another remedy after this one is set against: "Give paracetamol, never aspirin, to children".
_SET_AGAINST = re.compile(
    r"(?:,\s*|\b(?:and|but)\s+)(?:not|never)\s+(?:a|an|the|any)?\s*[\w-]+(?=\s*(?:[,.;]|$))", re.IGNORECASE
)


def _names(text: str, names: set[str]) -> bool:
    return any(re.search(rf"\b{re.escape(name)}", text, re.IGNORECASE) for name in names)


def _missing(text: str) -> bool:
    return bool(DEFICIENCY.search(text) or _NOT_ENOUGH.search(text))


_TIME_WORD = re.compile(r"\b(?:before|until|once|after|when|if)\b", re.IGNORECASE)
# What makes things worse: "Coffee makes insomnia worse", "... but it disrupts sleep".
_WORSENS = re.compile(
    r"\b(?:mak(?:es?|ing) (?:it|them|the pain|your \w+) (?:ache|hurt|itch|sting|throb|swell)(?: even)? more"
    r"|mak(?:es?|ing) (?:[\w-]+ ){1,3}(?:worse|louder|itchier"
    r"|more (?:frequent|severe|common|painful|likely|numerous|intense|noticeable|intrusive))"
    r"|(?:are|is) more likely to (?:have|get|develop|suffer from)"
    r"|worsens?|aggravates?"
    r"|slows? (?:down )?(?:your |the )?(?:recovery|healing)|delays? (?:your |the )?(?:recovery|healing)"
    r"|exacerbates?|disrupts?|keeps? you (?:awake|up)|(?:sleep|feel)s? worse"
    r"|ruins?|spoils?|dehydrates?|(?:is|are|be) (?:\w+ )?dehydrating"  # not "after a dehydrating bout"
    r"|strips? (?:away )?(?:the |your )?(?:skin['’]s )?natural oils)\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"(?:\b(?:not|never|no|cannot)|(?<=\w)n['’]t)\b", re.IGNORECASE)
# What makes the condition worse is another's than the remedy's: the subject of a reason ("Try
# relaxation, because stress makes tinnitus worse", ", as anxiety makes ..."), unless the remedy's own
# words warn ("Spicy food can be a problem because capsaicin ..."); what a relative clause says of
# another ("block the histamine that makes ..."; not "is a drink that makes ..."); a new clause after
# a colon ("Use a fan at night: silence makes tinnitus louder").
_BECAUSE_OTHER = re.compile(
    r"(?:\b(?:because|since|given that)|,\s*as)\s+"
    r"(?!(?:it|they|this|these|that|its|their|both|well|such|much|many|long|soon|far|if|though|a result)\b)\w",
    re.IGNORECASE,
)
_WARNS_FIRST = re.compile(r"\b(?:problem|bad|avoid\w*|trigger\w*|culprit|harm\w*|irritat\w*|worse|risk\w*)\b", re.I)
_WHICH_OF_ANOTHER = re.compile(
    r"^(?!\W*(?:is|are|was|were|can be|remains?)\b).*(?:\b[a-z]+\s+(?:that|which)\s+(?:[\w-]+\s+){0,3}"
    r"|\b(?:where|whereas|while)\s+.*|\s[–—-]\s.*)$",
    re.IGNORECASE,
)
_NEW_SUBJECT = re.compile(r":\s*(?!(?:it|they|makes?|can|may|will|often)\b)[a-z]", re.IGNORECASE)
# ... nor is having too little of the remedy: "People low in vitamin D are more likely to have back pain"
_SHORT_OF = re.compile(
    r"\b(?:low in|lack(?:ing)?|deficien\w*|short of|rarely|seldom|never|not given|without|too little|whose|"
    r"come off|coming off|stop\w*|miss\w*|skip\w*|forg[eo]t\w*|"
    r"don['’]t (?:get|eat|take)|do not (?:get|eat|take))\b[^.;]*$",
    re.IGNORECASE,
)


def _said_of_another(between: str) -> bool:
    """Whether what comes between a remedy and the words that make something worse hands the sentence
    to another subject."""
    if _BECAUSE_OTHER.search(between) and not _WARNS_FIRST.search(between):
        return True
    return bool(_WHICH_OF_ANOTHER.match(between) or _NEW_SUBJECT.search(between))


# The next part speaks of the remedy again: "but it ...", "; later it ...", "but worsens ...".
_CARRIED = re.compile(
    # possessive (\s*+): the parts before it are blanked to runs of spaces, which three plain \s* would
    # split every way before failing (cubic: 600 characters took 13 s)
    r"\s*+(?:(?:but|and|yet|though)\b)?\s*+,?\s*+(?:(?:like|as with|unlike|just like) [^,;]{1,40}?,?\s*+)?"
    r"(?:(?:\w+ly|later|then|also)\s++)?"
    r"(?:(?:it|they|this|these|you(?:['’]ll| will)?)\b|(?:(?:can|may|often|also)\s+)?"
    r"(?:mak|worsen|aggravat|exacerbat|disrupt|keep|ruin|spoil))",
    re.IGNORECASE,
)


_THINGS = re.compile(r"\b(?:matters|things) worse\b")


def worsens(text: str, end: int, condition: str | None = None) -> tuple[str, bool]:
    """The words by which the remedy whose name ends at `end` makes something worse, and whether that
    is the condition (a cause) or something else (a harm: a caution); ("", False) when it does
    not. Read in the remedy's own part after its name, or in the next part when that speaks of it
    again, with no condition ("if the headache worsens", "before it worsens") or negation between."""
    table = cue_table(condition)
    limit = part_end(text, end)
    following = PARTS.search(text, end)
    carried = _CARRIED.match(text, following.end()) if following else None
    if carried:  # "; but, like sleeping pills, it ruins deep sleep": to the end of that part
        limit = part_end(text, carried.end())
    for found in _WORSENS.finditer(text, end, limit):
        between = text[end : found.start()]
        if CONDITIONAL.search(between) or (_TIME_WORD.search(between) and table.named.search(between)):
            # "before heartburn ruins your evening": what the condition does
            return "", False
        if _NEGATED.search(between) or _said_of_another(between):
            return "", False  # "Try relaxation, because stress makes tinnitus worse": what the reason's subject does
        said = found.group(0).lower()
        if said.endswith("more likely") and not table.named.search(said):
            continue  # "makes you more likely to sleep soundly": only the condition made more likely harms
        if said.startswith(("are more", "is more")) and (
            not table.named.match(text, found.end() + 1)
            or _SHORT_OF.search(text, max(0, end - 60), end)
            or _SHORT_OF.search(between)
        ):
            continue  # "are more likely to have colic"; not "... healthy teeth", "People low in vitamin D ..."
        of_condition = bool(
            table.named.search(said)
            or _THINGS.search(said)  # "can make matters worse"
            or table.named.search(text, found.end(), min(limit, found.end() + 40))
        )
        return said, of_condition
    return "", False


def part_end(text: str, offset: int) -> int:
    following = PARTS.search(text, offset)
    return following.start() if following else len(text)
