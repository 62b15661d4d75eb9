"""What one sentence says about others: a list item titled by its remedy ("Lemon juice. Take a
spoonful ...") is one quote with the sentence that follows, and a caution said of a whole group
("Most drugs used for seizures have many contraindications", "Some recipes have contraindications,
discuss them with your doctor") is a caution for each remedy of the list it introduces or of the
section it closes."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest import cues
from claims.ingest.lines import says
from claims.ingest.segments import HEADING, ITEM, Segment

_TITLE_WORDS = 5
_DRUGS = re.compile(r"\b(?:drugs|medications|medicines|pills|tablets|preparations|ointments)\b", re.IGNORECASE)
_RECIPES = re.compile(r"\b(?:recipes|folk remedies|remedies|methods|means|procedures)\b", re.IGNORECASE)
_GROUP_CATEGORIES = {
    "drugs": frozenset(("drug", "topical")),
    "recipes": frozenset(("herbal_folk", "topical", "food_drink")),
}


def merge_titles(proposals: list, segments: list[Segment], text: str) -> list:
    """A remedy named by a short title, or by a title line ("Quinine\nQuinine sulfate is no longer
    recommended"), and again in the next sentence of the same item is one proposal, quoted from the
    title on."""
    at: dict[int, list[int]] = {}  # a segment's start: the indexes of its proposals
    for index, proposal in enumerate(proposals):
        at.setdefault(proposal.start, []).append(index)
    following = {a.start: b for a, b in zip(segments, segments[1:], strict=False) if a.block == b.block}
    dropped, widened = set(), {}
    for seg in segments:
        nxt = following.get(seg.start)
        if nxt is None or seg.start not in at or not (is_title(seg) or nxt.title_at == seg.start):
            continue
        later = {proposals[i].remedy for i in at[nxt.start]} if nxt.start in at else set()
        titled = {proposals[i].remedy for i in at[seg.start] if proposals[i].remedy in later}
        dropped.update(i for i in at[seg.start] if proposals[i].remedy in titled)
        widened.update((i, seg.start) for i in at.get(nxt.start, ()) if proposals[i].remedy in titled)
    merged = []
    for index, proposal in enumerate(proposals):
        if index in dropped:
            continue
        if index in widened:
            start = widened[index]
            proposal = replace(proposal, start=start, quote=text[start : proposal.end])
        merged.append(proposal)
    return merged


def caution_in(seg: Segment, proposal, rule: str):
    """A caution of `proposal`'s remedy that another sentence, `seg`, says: quoting that sentence."""
    return replace(
        proposal,
        quote=seg.text,
        start=seg.start,
        end=seg.end,
        kind=cues.CAUTION,
        population=None,
        dose="",
        rule=rule,
        confidence=0.4,
    )


def group_cautions(proposals: list, segments: list[Segment]) -> list:
    """Caution proposals for the remedies a group caution speaks of ("most drugs ..."), each
    quoting the caution's segment."""
    claimed = {p.start for p in proposals}
    added = []
    for index, seg in enumerate(segments):
        if seg.kind == HEADING or seg.start in claimed or not _group_caution(seg.text):
            continue
        group = "drugs" if _DRUGS.search(seg.text) else "recipes" if _RECIPES.search(seg.text) else None
        if group is None:
            continue
        # Said inside a list item, it speaks of that item; otherwise of the list it introduces, or
        # of the section it closes.
        categories = _GROUP_CATEGORIES[group]
        own_item = [s for s in segments if seg.kind == ITEM and s.block == seg.block and s is not seg]
        scope = own_item or _following_list(segments, index) or _section_before(segments, index)
        starts = {s.start for s in scope}
        seen = set()
        for proposal in proposals:
            in_scope = proposal.start in starts and proposal.category in categories
            if in_scope and proposal.kind != cues.CAUSE and proposal.remedy not in seen:
                seen.add(proposal.remedy)
                added.append(caution_in(seg, proposal, f"group caution: {group}"))
    return sorted(proposals + added, key=lambda p: (p.start, p.remedy))


_GROUP_CAUTION = re.compile(
    r"\b(?:contraindicat|consult|discuss(?:ed)? with|prescribed by a doctor|unsafe|not safe|side effects?|"
    r"self-medication|under (?:medical )?supervision)",
    re.IGNORECASE,
)


# "If nothing helps, consult a doctor", "If you have consulted a doctor, ...": a referral, no caution.
_REFERRAL = re.compile(r"\bconsult\w*|\bdiscuss(?:ed)? with", re.IGNORECASE)


def _group_caution(text: str) -> bool:
    if text.lower().startswith("if "):
        return bool(_GROUP_CAUTION.search(_REFERRAL.sub(" ", text)))
    return bool(_GROUP_CAUTION.search(text))


def is_title(seg: Segment) -> bool:
    """A short first sentence that names and says nothing ("Smoking and alcohol."): what the sentence
    after it says is said of it. Not "Aspirin eases headaches. It can cause stomach bleeding."."""
    text = seg.text.rstrip()
    return seg.first and len(text.split()) <= _TITLE_WORDS and text.endswith((".", ":")) and not says(text)


def _following_list(segments: list[Segment], index: int) -> list[Segment]:
    """The list items that follow the caution, at most two sentences further on."""
    position, skipped = index + 1, 0
    while position < len(segments) and segments[position].kind != ITEM and skipped < 2:
        if segments[position].kind == HEADING:
            return []
        position, skipped = position + 1, skipped + 1
    items = []
    while position < len(segments) and segments[position].kind == ITEM:
        items.append(segments[position])
        position += 1
    return items if len(items) >= 2 else []


def _section_before(segments: list[Segment], index: int) -> list[Segment]:
    """The segments from the heading above the caution down to it."""
    scope = []
    for seg in reversed(segments[:index]):
        if seg.kind == HEADING:
            break
        scope.append(seg)
    return scope
