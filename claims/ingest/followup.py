"""What the next sentence says of a remedy the sentence before names: the answer to a question
("Can children take aspirin? No. Aspirin is linked to Reye's syndrome.") and the line under a
title ("Quinine\nNot recommended. It can cause serious side effects.")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.ingest.cues import BENEFITS, CAUTION
from claims.ingest.scope import SUBJECTLESS, denied_benefit
from claims.ingest.segments import HEADING, Segment

# "No.", "A: No, the FDA warns against it", "Not really.", "Unfortunately, no." (a word after "no"
# makes no answer: "No one knows", "No harm in trying", "No more than 2 cups").
_NO = re.compile(
    r"\W*(?:(?:a|answer)\s*[:.)]\s*)?"
    r"(?:(?:unfortunately|sadly|in short|absolutely|definitely|certainly|probably|generally|usually|"
    r"the short answer is|the evidence says)\s*,?\s*)?"
    r"(?:no|nope|not really|not at all|not)\s*(?:[.,!;:–—-]|$)",
    re.IGNORECASE,
)
# A question whether the remedy is good to take: "Does quinine help?", "Is it safe?", "Should I take
# it?". Not whether it harms ("Is valerian addictive?"), when or how ("Is it too late to take it?"),
# for whom only, or which is better: a no to those is no warning.
_ASKS_GOOD = re.compile(
    r"\b(?:helps?|work|works|good|safe|effective|cures?|relieve|ease|treat|stop|prevent|fix|take|taken|use|used|"
    r"give|given|try|recommended|worth|ok|okay|fine|calm|relax|reduce|improve|answer|solution)\b",
    re.IGNORECASE,
)
_ASKS_OTHER = re.compile(
    r"\b(?:only|too late|wait|prescription|addictive|habit[- ]forming|risks?|side effects?|upset|harm\w*|"
    r"dangerous|than|instead|interact\w*|ha(?:ve|s) to|need to|matter|silly|same|stop working|with food|how|why|"
    r"which|what|where|wrong)\b",
    re.IGNORECASE,
)
_ANSWER_LABEL = re.compile(r"\W*(?:(?:a|answer)\s*[:.)]?|[\w' ]{0,30}\banswers?\s*:?)\s*", re.IGNORECASE)
_BACK = re.compile(r"\b(?:it|they|them)\b", re.IGNORECASE)
# The next sentence speaks of the remedy again: "However, it is no longer recommended."
_NEXT_ABOUT_IT = re.compile(
    r"\W*(?:(?:however|but|yet|still|unfortunately|sadly|today|now|nowadays)\b,?\s*)?(?:it|they|this)\b", re.I
)
_ABOUT_IT = re.compile(r"\s*(?:it|they|this|these)\b", re.IGNORECASE)
# The line under a title that denies it on its own, without a subject: "No longer recommended.",
# "Banned in 1994.", "Avoid.", "Once prescribed, but withdrawn."
_DENIES = re.compile(
    r"\s*(?:(?:no longer|never|rarely) (?:\w+ )?(?:recommended|prescribed|advised|used|sold)"
    r"|(?:banned|withdrawn|avoid|dangerous|unsafe|risky|harmful)\b|not worth|not a (?:long-term|safe)\b"
    r"|only (?:short[- ]term|on (?:a )?(?:doctor|prescription)|under|with (?:a )?(?:doctor|prescription))|not without)",
    re.IGNORECASE,
)
_ONCE = re.compile(r"\s*(?:once|still|formerly|previously|sometimes|often|widely)\b", re.IGNORECASE)
# A denial that leaves room for the advice: "Not for everyone", "Not above 4 g a day", or a benefit
# said after it: "Not recommended if you are allergic; otherwise a cup helps you relax".
_LIMITED = re.compile(r"\s*not (?:\w+ )?(?:for everyone|in large (?:doses|amounts)|above|over|when|if|while)\b", re.I)
_GOOD_AFTER = re.compile(r"\b(?:helps?|works?|eases?|relieves?|effective|useful|tolerate\w*|soothes?|calms?)\b", re.I)


@dataclass(frozen=True)
class Denied:
    words: str
    qualified: bool  # the line leaves room for the advice: the caution goes beside the benefit


def answered_no(question: str, answer: str) -> bool:
    """Whether `question` asks if something is good to take and `answer`, the sentence after it,
    says no."""
    return (
        question.rstrip().endswith("?")
        and bool(_ASKS_GOOD.search(question))
        and not _ASKS_OTHER.search(question)
        and bool(_NO.match(answer))
    )


def answered(proposals: list, segments: list[Segment]) -> list:
    """`proposals` with what a question asks about made a caution when the answer is no, in the
    question and in its answer ("Does quinine help? No. Quinine carries serious risks.")."""
    denied: dict[int, set[str]] = {}  # segment start: the remedies the answer denies there
    for index, seg in enumerate(segments[:-1]):
        answer = index + 1
        if _ANSWER_LABEL.fullmatch(segments[answer].text) and answer + 1 < len(segments):
            answer += 1  # "A." or "Doctor's answer" on its own line
        if seg.kind == HEADING or not answered_no(seg.text, segments[answer].text):
            continue
        asked = {p.remedy for p in proposals if p.start == seg.start}
        if not asked and index and _BACK.search(seg.text) and segments[index - 1].block == seg.block:
            # "Many readers ask about quinine. Does it help? No."
            asked = {p.remedy for p in proposals if p.start == segments[index - 1].start}
            seg = segments[index - 1]
        for said in [seg, *segments[answer : answer + 2]]:
            if said.kind == HEADING:
                break
            denied.setdefault(said.start, set()).update(asked)

    def recast(proposal):
        if proposal.remedy in denied.get(proposal.start, ()) and proposal.kind != CAUTION:
            return [replace(proposal, kind=CAUTION, rule=f"{proposal.rule}; the question's answer: no")]
        return [proposal]

    return _recast(proposals, recast) if denied else proposals


def denied_next(proposals: list, segments: list[Segment]) -> list:
    """`proposals` with the benefit of the one remedy a sentence names made a caution when the next
    sentence denies it as "it" ("Quinine eases the pain. However, it is no longer recommended."), or
    with a caution beside it when the denial leaves room for the advice ("It doesn't work for
    everyone, but it helps many people")."""
    changed: dict[int, Denied] = {}  # segment start: the denial its next sentence makes
    for seg, following in zip(segments, segments[1:], strict=False):
        if seg.kind == HEADING or following.block != seg.block or not _NEXT_ABOUT_IT.match(following.text):
            continue
        named = {p.remedy for p in proposals if p.start == seg.start}
        words = denied_benefit(following.text, 0) if len(named) == 1 else ""
        if words:
            changed[seg.start] = Denied(words, _qualified(following.text, words))

    def recast(proposal):
        denied = changed.get(proposal.start)
        if not denied or proposal.kind not in BENEFITS:
            return [proposal]
        caution = replace(proposal, kind=CAUTION, rule=f"{proposal.rule}; denied next: {denied.words}")
        return [proposal, caution] if denied.qualified else [caution]

    return _recast(proposals, recast) if changed else proposals


def _recast(proposals: list, recast) -> list:
    """What `recast` makes of each proposal (a list), without two of one segment, remedy, kind and
    population."""
    kept, seen = [], set()
    for proposal in proposals:
        for one in recast(proposal):
            key = (one.start, one.remedy, one.kind, one.population)
            if key not in seen:
                seen.add(key)
                kept.append(one)
    return kept


def titles(segment: Segment, title: Segment) -> bool:
    """Whether `title`, a line of its own, titles `segment`, the line under it."""
    return segment.title == title.text or segment.title.endswith(f" / {title.text}")


def title_denied(under: str) -> Denied | None:
    """The denial in the line under a title, when that line speaks of the title's remedy: without a
    subject ("Not recommended.", "No longer recommended.", "Banned in 1994.") or as "it" ("It is no
    longer recommended.", "The FDA warns against using it")."""
    found = SUBJECTLESS.match(under) or _DENIES.match(under)
    words = found.group(0).strip().lower() if found else ""
    first_part = re.split(r"[;,]|\bbut\b", under, maxsplit=1)[0]
    if not words and (_ABOUT_IT.match(under) or _ONCE.match(under) or re.search(r"\b(?:it|them)\b", first_part)):
        words = denied_benefit(under, 0)
    return Denied(words, _qualified(under, words)) if words else None


def _qualified(line: str, words: str) -> bool:
    return bool(_LIMITED.match(line) or _GOOD_AFTER.search(line, line.lower().find(words) + len(words)))
