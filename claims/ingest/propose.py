"""Claims proposed for an article: each remedy mention in a sentence, list item or table row
becomes one proposal per (remedy, kind, population) of that segment, with the segment as the
quote. Mentions that only explain ("a lack of magnesium causes cramps") propose nothing."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from claims.ingest import cues
from claims.ingest.lexicon import Lexicon
from claims.ingest.match import Mention, find_mentions
from claims.ingest.newterms import with_new_mentions
from claims.ingest.norm import fold
from claims.ingest.segments import HEADING, Segment, segment

_CONFIDENCE = {"lexicon": 0.9, "brand": 0.9, "drug_lexicon": 0.75, "fuzzy": 0.6, "pattern": 0.5}
_NUTRIENTS = frozenset(("supplement",))
_NO_NEW_CAUSES = frozenset(("pattern:title", "pattern:list", "pattern:preparation", "pattern:applied with"))


@dataclass(frozen=True)
class Proposal:
    quote: str
    start: int
    end: int
    remedy: str  # an existing remedy's name, or the name proposed for a new one
    category: str  # the remedy's category (suggested, for a new one)
    surface: str  # the name as the article writes it
    kind: str
    population: str | None
    dose: str
    rule: str  # which rule found the remedy and which cue decided the kind
    confidence: float
    fuzzy: bool
    is_new: bool
    atc_code: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def propose(text: str, lexicon: Lexicon, *, segments: list[Segment] | None = None) -> list[Proposal]:
    """Every claim the proposer sees in `text`, in text order."""
    folded = fold(text)
    segments = segments if segments is not None else segment(text)
    mentions = find_mentions(text, folded, lexicon)
    mentions = with_new_mentions(text, folded, segments, mentions, lexicon)
    proposals: list[Proposal] = []
    position = 0
    for seg in segments:
        own = []
        while position < len(mentions) and mentions[position].start < seg.end:
            if mentions[position].start >= seg.start:
                own.append(mentions[position])
            position += 1
        if seg.kind != HEADING and own:
            proposals.extend(_segment_proposals(seg, own))
    return proposals


def _segment_proposals(seg: Segment, mentions: list[Mention]) -> list[Proposal]:
    text = seg.text
    context = [(seg.intro, 1.5), (seg.heading, 1.0)]
    pops = cues.populations(text) or cues.populations(seg.heading)
    deficiency = cues.DEFICIENCY.search(text) and not cues.BENEFIT.search(text)
    dose = cues.dose_in(text)
    seen: dict[tuple[str, str, str | None], Proposal] = {}
    for mention in mentions:
        if deficiency and mention.term.category in _NUTRIENTS:
            continue
        before = text[_clause_start(text, mention.start - seg.start) : mention.start - seg.start]
        call = cues.kind_of(text, before, context, mention.term.category)
        if call.kind == cues.CAUSE and mention.rule in _NO_NEW_CAUSES:
            continue  # lists of causes are mostly conditions, not substances
        kinds = [call.kind]
        if call.also_caution:
            kinds.append(cues.benefit_of(text, context))
        for kind in kinds:
            for population in pops or [None]:
                key = (mention.term.remedy, kind, population)
                if key in seen:
                    continue
                seen[key] = Proposal(
                    quote=text,
                    start=seg.start,
                    end=seg.end,
                    remedy=mention.term.remedy,
                    category=mention.term.category,
                    surface=mention.surface,
                    kind=kind,
                    population=population,
                    dose=dose,
                    rule=f"{mention.rule}; {call.cue or 'default'}",
                    confidence=_confidence(mention, call),
                    fuzzy=mention.fuzzy,
                    is_new=mention.term.is_new,
                    atc_code=mention.term.atc_code,
                )
    return list(seen.values())


def _clause_start(text: str, offset: int) -> int:
    """Where the clause holding `offset` starts: after the last ; : or full stop before it."""
    return max(text.rfind(mark, 0, offset) for mark in (";", ":", ". ", "(")) + 1


def _confidence(mention: Mention, call: cues.KindCall) -> float:
    base = _CONFIDENCE.get(mention.rule.split(":")[0], 0.5)
    if mention.fuzzy:
        base *= mention.similarity / 100
    if call.cue == "default":
        base *= 0.7
    elif call.cue.startswith("context"):
        base *= 0.85
    return round(base, 2)
