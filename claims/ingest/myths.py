"""The fact that answers a myth: "MYTH: Gaviscon will settle a bloated stomach. FACT: Gaviscon is an
alginate designed to stop acid reflux." The myth's benefit is denied (a caution); the fact, read
alone, says nothing good of the remedy for the condition, and it came out as the default benefit.
A benefit the fact line gives a remedy its myth denied, by default only, is a caution too; one it
says in words of its own stays ("FACT: Peppermint oil capsules ease bloating in trials").

A myth may claim a harm instead: "MYTH: Chocolate causes acne. FACT: There is little evidence that
chocolate causes acne." The article claims no harm, and no good: the myth's cause is dropped, and
so are the fact line's cause that it denies and its default benefit."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest.cues import BENEFITS, CAUSE, CAUTION
from claims.ingest.denials import FACT_DENIES, HARM_KEPT
from claims.ingest.followup import by_start, recast_all
from claims.ingest.segments import Segment

_MYTH = re.compile(
    r"\W*(?:myths?(?: busted)?|misconceptions?|old wives['’]? tales?)(?:\s*(?:#\s*)?\d+)?\s*[:–—-]", re.IGNORECASE
)
_FACT = re.compile(
    r"\W*(?:facts?|the truth|truth|reality(?: check)?|the evidence|actually)(?:\s*(?:#\s*)?\d+)?\s*[:–—-]", re.I
)
_CLAIMS_A_BENEFIT = re.compile(
    r"\b(?:helps?|cures?|works?|settles?|eases?|relieves?|fix(?:es)?|stops?|prevents?|treats?|soothes?|clears?"
    r"|shortens?|gets? rid of|boosts?|speeds? up)\b",
    re.IGNORECASE,
)
_DENIED_AS_MYTH = re.compile(r"denied: (?:myth|misconception|old wives)")
_ONLY = re.compile(r"\b(?:only|just)\b", re.IGNORECASE)
_A_HARM = re.compile(r"\b(?:caus|trigger|worse|provok|bring on|brings on|lead to|leads to|risk)", re.IGNORECASE)
_OF_IT = re.compile(r"\b(?:it|they|this|these|true)\b", re.IGNORECASE)
_BY_DEFAULT = re.compile(r"; (?:default|usual for [\w -]+)$")


def answered_myths(proposals: list, segments: list[Segment]) -> list:
    """`proposals`, the default benefits of a fact line made cautions for the remedies the myth
    right before it denied; without the harms a myth claims and its fact denies."""
    at = by_start(proposals)
    debunked: dict[int, set[str]] = {}  # a fact line's start -> the remedies its myth denied
    unharmed: dict[int, set[str]] = {}  # a myth's start, and its fact's -> the remedies the myth wrongly warns of
    for myth, fact in zip(segments, segments[1:], strict=False):
        # a myth that claims a benefit ("will settle a bloated stomach"), not one that narrows a use
        # ("Emollients only matter in winter") nor warns wrongly
        if (
            _MYTH.match(myth.text)
            and _FACT.match(fact.text)
            and _CLAIMS_A_BENEFIT.search(myth.text)
            and not _ONLY.search(myth.text)
        ):
            # a benefit the myth claims, denied ("benefit denied: myth"), not a warning it makes
            denied = {p.remedy for p in at.get(myth.start, ()) if p.kind == CAUTION and _DENIED_AS_MYTH.search(p.rule)}
            if denied:
                debunked[fact.start] = denied
        elif _MYTH.match(myth.text) and _FACT.match(fact.text) and not _ONLY.search(myth.text):
            # a harm the myth claims in words ("causes acne"), not one its remedy is usually proposed as
            warned = [p for p in at.get(myth.start, ()) if p.kind == CAUSE and not _BY_DEFAULT.search(p.rule)]
            if FACT_DENIES.search(fact.text) and not HARM_KEPT.search(fact.text):
                unharmed[myth.start] = unharmed[fact.start] = {p.remedy for p in warned}
            else:  # unless the fact says the harm again of it ("It can trigger migraines in some people")
                again = _A_HARM.search(fact.text)
                unharmed[myth.start] = {
                    p.remedy
                    for p in warned
                    if not (again and (_OF_IT.search(fact.text) or p.surface.lower() in fact.text.lower()))
                }

    def recast(proposal):
        if proposal.remedy in unharmed.get(proposal.start, ()) and (
            proposal.kind == CAUSE or (proposal.kind in BENEFITS and _BY_DEFAULT.search(proposal.rule))
        ):
            return []  # the harm the myth claims, or the fact denies; nothing good said in words
        if (
            proposal.kind in BENEFITS
            and proposal.remedy in debunked.get(proposal.start, ())
            and _BY_DEFAULT.search(proposal.rule)
        ):
            return [replace(proposal, kind=CAUTION, population=None, rule=f"{proposal.rule}; the fact after its myth")]
        return [proposal]

    return recast_all(proposals, recast)
