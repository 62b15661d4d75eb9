"""Claims proposed for an article: each remedy mention in a sentence, list item or table row
becomes one proposal per (remedy, kind, population) of that segment, with the segment as the
quote. Mentions that only explain ("a lack of magnesium causes attacks") propose nothing. The
article's condition, when known, lends its words to the cues (claims.ingest.condition)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import partial

from claims.ingest import cues, details, followup, missing, overrule, parts, questions, rows, scope, whom
from claims.ingest.advice import ADVICE_AFTER, IMPERATIVE, clause_start, led_in
from claims.ingest.bystanders import describes_another, held_in_another, named_only, the_medicine_itself
from claims.ingest.caveats import caveats
from claims.ingest.confidence import confidence
from claims.ingest.denied import keeps_from_some
from claims.ingest.deniedafter import denied_after
from claims.ingest.dose import dose_for
from claims.ingest.learned import trigger_mentions
from claims.ingest.lexicon import Lexicon
from claims.ingest.likewise import like_the_one_before, likewise
from claims.ingest.match import Mention
from claims.ingest.myths import answered_myths
from claims.ingest.norm import readable
from claims.ingest.phrasings import SUBSTANCES, phrasing_mentions
from claims.ingest.recipes import with_recipes
from claims.ingest.scattered import coordinated_mentions, scattered_mentions
from claims.ingest.segments import HEADING, ITEM, ROW, Segment, named_under_title
from claims.ingest.spread import group_cautions, is_title, merge_titles
from claims.ingest.vocabulary import FUNCTION
from claims.ingest.workload import Names, find_names

_NUTRIENTS = overrule.NUTRIENTS


def _gives_way(mention: Mention) -> bool:
    """A mention a phrasing of the catalogue's measures replaces: a name read from a pattern, or a
    new remedy of the everyday table (one the catalogue has stays)."""
    return mention.rule.startswith("pattern") or (mention.rule == "everyday" and mention.term.is_new)


# A step of a recipe ("Pour vodka into a jar", "boil for 5 minutes") names ingredients, not claims.
_ALSO_CALLED = re.compile(r"\s*[(,]\s*(?:(?:also|or|aka)\s+(?:called|known as)\s+)?")  # "X (bicarb)", "X, or Y"
_RECIPE_STEP = re.compile(
    r"\b(?:pour\w*|mix\w*|brew\w*|boil\w*|infuse\w*|insist\w*|strain\w*|filter\w*|grind|ground|chop\w*|peel\w*|"
    r"dissolv\w*|stir\w*|shak\w*|cook\w*|soak\w*|fill\w*|store\w*|squeez\w*|grat\w*|leave for|left for)\b",
    re.IGNORECASE,
)
# Advice at the start of a clause: "Take ...", "For best results, eat foods filled with ...".
_ADVICE_START = re.compile(r"(?:^|[,;:]\s+)(?:take|drink|eat|apply|rub|use)\b", re.IGNORECASE)
_CLAIMS = re.compile(r"\b(?:help|relie|treat|prevent|eliminat|cure|effective|cause|provok|get rid|cope)", re.IGNORECASE)
_AFTER_A_PART = re.compile(r"[,;]\s*$")


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


def propose(
    text: str,
    lexicon: Lexicon,
    condition: str | None = None,
    *,
    names: Names | None = None,
    heartbeat: Callable[[int], None] | None = None,
) -> list[Proposal]:
    """Every claim the proposer sees in `text`, an article about `condition` (its name), in text
    order. `names`: its names found already (find_names, for the estimate of its workload);
    `heartbeat(read)` after each segment read (`read`: the characters read so far), for a caller
    that must show it is alive, and how far it is."""
    names = names if names is not None else find_names(text, lexicon, condition)
    folded, segments, mentions = names.folded, names.segments, names.mentions
    proposals: list[Proposal] = []
    position = 0
    for index, seg in enumerate(segments):
        if heartbeat is not None:
            heartbeat(seg.start)
        own = []
        while position < len(mentions) and mentions[position].start < seg.end:
            if mentions[position].start >= seg.start:
                own.append(mentions[position])
            position += 1
        if seg.kind == HEADING:
            continue
        taken = [(m.start, m.end) for m in own]  # a name left out is still not read as another
        # "If you take statins regularly, they can cause muscle pain": of statins, unless "they" may be
        # a remedy the sentence before names
        itself = [] if _named_before(segments, index, mentions) else the_medicine_itself(seg, own)
        own = [m for m in own if m in itself or not named_only(seg, m) and not describes_another(seg, m, own)]
        known = {m.term.remedy for m in own}
        for start, end, term, precision in trigger_mentions(seg.start, seg.text, lexicon.triggers, known, taken):
            own.append(Mention(start, end, text[start:end], term, "learned", similarity=precision * 100))
            known.add(term.remedy)
        applied = [(m.start, m.end) for m in own if m.term.category in SUBSTANCES]
        # a name kept is not read again; a new one read from a pattern ("gum" of "chew gum", "lose
        # excess weight") or the everyday table ("cool room" of "sleep in a cool room") gives way to
        # the measure a phrasing names; a name left out ("hot water") is free
        kept = [(m.start, m.end) for m in own if not _gives_way(m)]
        for start, end, term in phrasing_mentions(
            seg.start, folded[seg.start : seg.end], lexicon.phrasings, known, kept, substances=applied
        ):
            said = Mention(start, end, text[start:end], term, "phrasing")
            if named_only(seg, said):
                continue  # "when you straighten your leg": the circumstance of something else
            own = [m for m in own if not (_gives_way(m) and m.start < end and start < m.end)]
            own.append(said)
            known.add(term.remedy)
        for start, end, term in coordinated_mentions(folded, list(own), lexicon.known):
            if term.remedy not in known:
                own.append(Mention(start, end, text[start:end], term, "scattered"))
                known.add(term.remedy)
        taken += [(m.start, m.end) for m in own]
        for start, end, term in scattered_mentions(seg.start, seg.text, lexicon.bags, known, taken):
            own.append(Mention(start, end, text[start:end], term, "scattered"))
        own = with_recipes(seg.start, seg.text, own, known, lexicon.recipes, partial(_made, text))
        if own:
            following = segments[index + 1] if index + 1 < len(segments) else None
            same_block = following is not None and following.block == seg.block
            described_by = following.text if same_block and is_title(seg) else ""
            # "Quinine\nNot recommended.": the line under a title line may deny it, even a line that
            # titles in turn ("Magnesium\nProbably not\nCan cause diarrhoea", a flattened table)
            titled = same_block and (followup.titles(following, seg) or seg.title_line)
            under = followup.line_under(segments, index) if titled else described_by
            named = named_under_title(text, seg)  # "Things to avoid\nAlcohol before bed.": the label decides
            made = _segment_proposals(seg, own, described_by, condition, lexicon.harms, under, named)
            proposals.extend(whom.not_its_takers(made) if itself else made)
    proposals = questions.answered(merge_titles(proposals, segments, text), segments, text)
    proposals = questions.asked_only(followup.denied_next(proposals, segments, text, condition), segments, text)
    proposals = answered_myths(likewise(group_cautions(proposals, segments), segments), segments)
    return caveats(denied_after(proposals, segments), segments, condition)


def _named_before(segments: list[Segment], index: int, mentions: list[Mention]) -> bool:
    """Whether the segment before `segments[index]` (a sentence, a title line or a heading) names a
    remedy, which "it" or "they" may then be."""
    before = segments[index - 1] if index else None
    return before is not None and any(before.start <= m.start < before.end for m in mentions)


def _segment_proposals(
    seg: Segment,
    mentions: list[Mention],
    described_by: str = "",
    condition: str | None = None,
    harms: dict[str, str] | None = None,
    under: str = "",
    named: bool = False,
) -> list[Proposal]:
    """The proposals of one segment; `described_by` is the sentence that follows a title ("Smoking
    and alcohol. They negatively affect ..."), whose words decide the title's kind; `harms` what
    the catalogue mostly calls a remedy when that is a harm (Lexicon.harms); `under` the line
    under the segment when it is a title, which may deny it; `named` whether it is a name under a
    title line, an item of its list."""
    text = readable(seg.text)  # quoted as written
    context = [(described_by, 2.0), (seg.intro, 2.5), (seg.heading, 1.0), (seg.title, 1.0)]
    pops, pops_in_text = whom.said(text, seg, condition), details.populations(text)
    asked = [] if pops else whom.asked(seg, condition)  # a caution's only
    deficiency = missing.DEFICIENCY.search(text) and not missing.BENEFIT.search(text)
    spans = [(m.start - seg.start, m.end - seg.start) for m in mentions]
    labels = (seg.intro, seg.heading, seg.title)
    seen: dict[tuple[str, str, str | None], Proposal] = {}
    recipe_step = (
        _RECIPE_STEP.search(text) and not seg.first and not _CLAIMS.search(text) and not _ADVICE_START.search(text)
    )
    first_cell = rows.first_cell_end(seg.text) if seg.kind == ROW else len(text)
    row_names = {m.term.remedy for m in mentions if m.start - seg.start < first_cell}
    denied: set[str] = set()
    for mention in mentions:
        if recipe_step or (deficiency and mention.term.category in _NUTRIENTS):
            continue
        if mention.start - seg.start >= first_cell and mention.term.remedy in row_names:
            continue  # "Ibuprofen | Nurofen | ...": the row's own remedy again, in another cell
        if any(
            m.term.remedy == mention.term.remedy
            and _ALSO_CALLED.fullmatch(seg.text, m.end - seg.start, mention.start - seg.start)
            for m in mentions
        ):
            continue  # "Avoid sodium bicarbonate (bicarb) ...": its other name, said of nothing
        offset = mention.start - seg.start
        before = text[clause_start(text, offset) : offset]
        if mention.term.category in _NUTRIENTS and held_in_another(mention, mentions, before):
            continue
        names = {w for w in f"{mention.surface} {mention.term.remedy}".lower().split() if _content_word(w)}
        end = offset + len(mention.surface)
        named_at = [(m.start - seg.start, m.term.remedy == mention.term.remedy) for m in mentions]
        own = parts.own_part(scope.of_the_remedy(text, end, names, condition), offset, named_at)
        # "Heat helps, but ibuprofen should not be taken in pregnancy": whom another's part names;
        # "Do not take aspirin if you are pregnant, and avoid ibuprofen": nor whom an earlier one's
        # "if" does (not "Give children paracetamol; never aspirin": whom it leaves unsaid)
        apart = parts.another_follows(text, offset, named_at) or parts.if_before(text, own, offset)
        whom_here = whom.said(own, seg, condition) if apart else pops
        spoken = scope.without_negated_asides(own, offset)
        lead = led_in(text, offset, before, cues.cue_table(condition).named)
        order = mention.surface.split()[0]
        if mention.rule == "phrasing" and _AFTER_A_PART.search(lead) and ADVICE_AFTER.fullmatch(f", {order}"):
            lead += order  # "To reduce tooth decay, chew gum": an order after the comma
        harm = (harms or {}).get(mention.term.remedy)
        listed = seg.kind in (ITEM, ROW) or named
        call = cues.kind_of(
            spoken,
            lead,
            context,
            mention.term.category,
            condition,
            labels=labels,
            listed=listed,
            harmful=harm is not None,
        )
        around = overrule.Around(
            text, offset, end, spoken, condition, labels, whom_here or asked, harm, tuple(spans), listed
        )
        call = overrule.overrule(call, mention, around, under)
        if call is None:
            continue
        prior = [(m.term.remedy, m.end - seg.start) for m in mentions if m.end - seg.start <= offset]
        said_before = [(p.remedy, p.kind) for p in seen.values()]
        call = like_the_one_before(call, said_before, text[:offset], prior[-1] if prior else None)
        if offset < first_cell < len(text):
            call = rows.row_call(call, seg.text[first_cell:], condition, seg.header)
        elif seg.kind == ROW:  # "Asthma | Ibuprofen | Paracetamol" under "If you have | Avoid | Try instead"
            call = rows.column_call(call, seg.text, offset, seg.header)
        if call.cue.startswith("benefit denied") and not call.also_caution and not keeps_from_some(text, call.cue):
            denied.add(mention.term.remedy)
        kinds = [call.kind]
        if call.also_caution:
            kinds.append(cues.benefit_of(text, context, condition))
        for kind in kinds:
            # "Melatonin can help, but talk to your doctor first if you are pregnant": whom the
            # caution names is not whom the advice is for; never "Melatonin treats insomnia (pregnancy)"
            qualified = call.also_caution and kind != cues.CAUTION
            # "Valerian\nNot for children.": whom the line under it restricts is whom the caution is for
            who = whom_here or (details.populations(under) if kind == cues.CAUTION and under else [])
            who = who or (asked if kind == cues.CAUTION else [])
            if kind == cues.CAUTION and seg.kind == ROW:  # "| Aspirin | Avoid |" under "| Medicine | Pregnancy |"
                who = rows.kept_from_columns(seg.text, seg.header) or who
            kept: list[str] = []
            if kind in cues.BENEFITS and who:
                # "Feverfew may help, but it shouldn't be used in pregnancy": never a benefit for them,
                # and "Ibuprofen is fine unless you have asthma": a caution for them
                allowed = details.benefit_for(who, own, pops_in_text, mention.surface)
                others = tuple(s for s, _ in spans if s > end)  # named after it
                kept = [p for p in who if p not in allowed and p in details.excluded(own, others)]
                if seg.kind == ROW:  # "| Pseudoephedrine | Blocked nose | High blood pressure |" under "Not for"
                    kept += [p for p in rows.kept_from_columns(seg.text, seg.header) if p not in kept]
                who = [p for p in allowed if p not in kept]
            readings = [
                (kind, p)
                for p in (
                    [None] if qualified else whom.populations_for(kind, who, whom.in_their_place(text, offset, end))
                )
            ]
            for said, population in readings + [(cues.CAUTION, p) for p in kept]:
                key = (mention.term.remedy, said, population)
                dose = dose_for(text, spans, (offset, end))
                if key in seen:
                    if dose and not seen[key].dose:  # "Stretching ...; hold each stretch for 30 seconds"
                        seen[key] = replace(seen[key], dose=dose)
                    continue
                seen[key] = Proposal(
                    quote=seg.text,
                    start=seg.start,
                    end=seg.end,
                    remedy=mention.term.remedy,
                    category=mention.term.category,
                    surface=mention.surface,
                    kind=said,
                    population=population,
                    dose=dose,
                    # the benefit beside a caution was not proposed for what the caution says
                    rule=f"{mention.rule}; {_rule_of(said, population, kept, qualified, call)}",
                    confidence=confidence(mention, call),
                    fuzzy=mention.fuzzy,
                    is_new=mention.term.is_new,
                    atc_code=mention.term.atc_code,
                )
    # "Vitamin C is popular, but there's no evidence that high doses of vitamin C prevent colds":
    # the benefit one naming reads is the one another naming denies
    return [p for p in seen.values() if not (p.remedy in denied and p.kind in cues.BENEFITS)]


_BESIDE = "good said of it, with a caution beside it"


def _rule_of(kind: str, population: str | None, kept: list[str], beside: bool, call: cues.KindCall) -> str:
    """The cue that decided a proposal, for its rule."""
    if kind == cues.CAUTION and population in kept:
        return f"the benefit kept from them: {population}"
    return _BESIDE if beside else call.cue or "default"


def _made(text: str, start: int, end: int, term) -> Mention:
    """A preparation named by its ingredients (claims.ingest.recipes)."""
    return Mention(start, end, text[start:end], term, "recipe")


def _content_word(word: str) -> bool:
    return len(word) > 2 and word not in FUNCTION and not IMPERATIVE.fullmatch(word)
