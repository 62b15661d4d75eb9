"""What the sentence around a remedy overrules in the kind its cue words called (claims.ingest.cues):
the harm the catalogue mostly calls it, what makes the condition worse, a denied benefit, whom it
is to be avoided by, an interaction, a habit usually harmful and the line under a title. Each turns
a call towards a caution or a cause, never towards a benefit, or drops a mention that claims nothing
where it stands. (What the next sentences say, an answer or a denial, is read after: followup.)"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claims.ingest import (
    absence,
    cues,
    denials,
    details,
    followup,
    forsome,
    labels,
    missing,
    partners,
    refusals,
    scope,
    whom,
)
from claims.ingest.advice import ADVISED, IMPERATIVE
from claims.ingest.cuewords import WHEN_HAD
from claims.ingest.denied import denied_benefit
from claims.ingest.labelwords import NAMES_CAUSES
from claims.ingest.lines import BARE_REFUSAL
from claims.ingest.match import Mention
from claims.ingest.sideeffects import disease_after
from claims.ingest.symptoms import a_symptom
from claims.ingest.takers import TAKEN_WITH, taken_spans

NUTRIENTS = frozenset(("supplement",))
ACTIVITIES = frozenset(("lifestyle", "maneuver", "procedure"))
_PRIOR_ONLY = frozenset(("lifestyle",))
_HARMFUL_TO = re.compile(
    r"(?<!not )(?<!n't )(?<!n’t )(?<!never )\b(?:harmful|dangerous|unsafe|toxic) (?:to|for)\b", re.IGNORECASE
)
# What a heading or label over a list of causes fired: "Causes of ...", "What causes ...?" (not
# "Triggers", nor "Medicines that can cause ...", which say their items bring the condition on).
_UNDER_CAUSES = re.compile(rf"context|label: \W*{NAMES_CAUSES}\b", re.IGNORECASE)
_EXPLAINED = ACTIVITIES | NUTRIENTS
# "Sushi is safe in pregnancy if it was frozen first", "Pasteurised soft cheeses are fine"
_SAID_SAFE = re.compile(r"\b(?:is|are) (?:generally |usually |perfectly |still )?(?:safe|fine|ok|okay)\b", re.I)
# Said to suit everyone, those who take a medicine too: "Most people can take paracetamol, including
# people on blood thinners", "fine for most people", "suitable if you take other medicines"
_FINE_FOR_THEM = re.compile(
    r"(?<!not )(?<!n't )(?<!n’t )(?<!less )(?<!least )(?<!very )"
    r"\b(?:fine|suitable|safe (?:if|for|when|while|with)|can (?:take|use|have)|widely used|including"
    r"|even (?:if|for|those|in)"
    r"|(?:a|an|the) (?:[\w-]+ )?(?:good|safe|sensible|usual|gentle|best) (?:[\w-]+ )?(?:choice|option|bet))\b",
    re.IGNORECASE,
)
_TAKEN_WITH = re.compile(TAKEN_WITH, re.IGNORECASE)
# Cues that say when, not whether: "Sugary drinks ... especially at bedtime" is no prevention.
_WHEN = re.compile("|".join((*WHEN_HAD, r"at night", r"in the evening")))
_DONE_OR_TAKEN = frozenset(("maneuver", "procedure")) | NUTRIENTS  # done or taken for health, not habits
_NO_NEW_CAUSES = frozenset(
    (
        "pattern:title",
        "pattern:list",
        "pattern:preparation",
        "pattern:applied with",
        "pattern:therapy",
        "pattern:advised action",
    )
)


# A line that names the remedy and then says what it is: "Aspirin: not for anyone under 16".
_LEAD = re.compile(r"\W*(?:\d{1,2}[.)]\s*)?")
_NAMED_LINE = re.compile(r"\s*(?::\s+|\s-\s+|\s*[–—]\s*)")


def _refusal(label: str) -> bool:
    return bool(label and BARE_REFUSAL.fullmatch(labels.after_question(label)))  # "Taking warfarin? Avoid these:"


_FOODS = re.compile(r"\b(?:foods?|drinks?|beverages?)\b")
# The rest of a list of names that "should be avoided" after it: the names are its subject.
_AVOIDED_AFTER = re.compile(
    r"(?:\s+(?:packs?|cubes?|bottles?|compress(?:es)?|baths?|pads?|bags?|tablets?|drinks?))?"  # "ice packs, ..."
    # each name of the list one way only: "and" and "or" open a name, never continue one (a chain
    # of "and rest and rest …" could be cut in exponentially many ways, each tried in turn)
    r"(?:,?\s+(?:and|or)\s+[\w'-]+(?: (?!(?:and|or)\b)[\w'-]+){0,2}"
    r"|,\s*(?!(?:and|or)\b)[\w'-]+(?: (?!(?:and|or)\b)[\w'-]+){0,2})*"
    r"\s+((?:should|must|is best|are best|are to|is to) (?:all |also |always |usually )?be avoided"
    r"|(?:is|are) best (?:kept away|avoided|left alone))",
    re.IGNORECASE,
)
_KEEP = re.compile(r"\bkeep(?:ing)?\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)  # "keep naps to 20 minutes"
_TO_A_MINIMUM = re.compile(r"\s*(?:to (?:a|the) minimum|to (?:under )?\d+\s*(?:minutes?|mins?|hours?))\b", re.I)
_LIMITED = re.compile(
    r"\bkeep\b[^,;.]*?\b(?:to a minimum|short|brief|down|low|to \d)|\b(?:limit|cut down|reduce)",
    re.I,
)
# nothing before it in its clause but a list's marks and an article: "- A wind-down routine"
_OPENS = re.compile(r"[\s*_•·\-–—\d.)]*(?:(?:a|an|the|some|your)\s+)?", re.IGNORECASE).fullmatch


def _clause_before(text: str, offset: int) -> str:
    return text[max(text.rfind(mark, 0, offset) for mark in ",;:") + 1 : offset]


def _advised(text: str, offset: int) -> bool:
    """Whether the name opens its clause or the clause is an order ("After meals, raise your legs"),
    not one that limits it ("During the day, keep napping to a minimum")."""
    before = _clause_before(text, offset)
    order = IMPERATIVE.match(text, offset - len(before)) and not _LIMITED.search(text, offset - len(before))
    return bool(_OPENS(before) or order)


@dataclass(frozen=True)
class Around:
    """A remedy's mention in its segment, as the overruling rules read it."""

    text: str  # the segment
    offset: int  # where the name starts in it
    end: int  # where it ends
    spoken: str  # the segment as it speaks of the remedy (scope.of_the_remedy)
    condition: str | None
    labels: tuple[str, ...]  # the intro, heading and title line above the segment
    populations: list[str]
    harm: str | None  # what the catalogue mostly calls the remedy, when a harm (Lexicon.harms)
    others: tuple[tuple[int, int], ...] = ()  # where the segment names remedies, this one too
    listed: bool = False  # an item of a list or table, or a name under a title line


def _cure_only(denied: str, at: Around) -> bool:
    """Whether `denied` denies only a cure and the sentence then says the remedy helps: "Melatonin
    won't cure insomnia, but it can help" is advice (not "..., but chamomile helps")."""
    alone = not any(start > at.end for start, _ in at.others)
    return alone and followup.cure_only(at.text, denied, at.offset)


_KEPT_AWAY_LABEL = re.compile(r"label: .*\b(?:avoid|not|never|don['’]t|unsuitable|steer clear|skip)", re.IGNORECASE)
_EVERYONE = re.compile(r"\b(?:anyone|everyone|everybody|all)\b(?!\s+(?:under|aged)\b)", re.IGNORECASE)


def _kept_from(cue: str, at: Around) -> set[str]:
    """Whom a warning keeps the remedy from: people, or those with a disease that is not the article's
    condition ("Asthmatics should avoid ibuprofen", "harmful to children", "Avoid these if you have
    high blood pressure:" over a list, a label that names them); empty when it warns no one."""
    labelled = " ".join(at.labels)
    named = set(details.populations(labelled)) - set(details.populations(at.condition or ""))
    if not (cue.startswith("avoid") or _HARMFUL_TO.search(at.text) or (_KEPT_AWAY_LABEL.match(cue) and named)):
        return set()
    having = details.PEOPLE | set(details.ill_with(at.spoken)) | set(details.diseases(labelled))
    return set(at.populations) & having - set(details.diseases(at.condition or ""))


_LACK = "its lack a cause: "


def overrule(call: cues.KindCall, mention: Mention, at: Around, under: str = "") -> cues.KindCall | None:
    """`call` as the words around the remedy leave it; None when the mention claims nothing.
    `under` is the line under the segment when the segment is a title."""
    text, offset, end = at.text, at.offset, at.end
    rule, category = mention.rule, mention.term.category
    if rule == "everyday" and a_symptom(text, offset, end, category):
        return None  # "sensitive to bright lights", "unexplained weight loss": what the condition does
    said_good = IMPERATIVE.match(at.spoken) or ADVISED.search(at.spoken) or _SAID_SAFE.search(at.spoken)
    # a label that says good advises the items of its list, not each sentence under it: "Many people
    # drink alcohol at summer parties" under "Hay fever: what actually helps" is no advice
    advised = said_good or (at.listed and labels.labels_say_good(at.labels))
    # nothing but the category's habit, or when it is had, decided it (a tie with a benefit's cue goes
    # to the harm: "E-cigarettes are less harmful than smoking and can help you quit")
    weak = call.cue in ("default", f"usual for {category}") or bool(_WHEN.fullmatch(call.cue))
    if at.harm and ((weak and not advised) or (call.cue.startswith("context:") and not said_good)):
        # nothing is said of it, nor is it advised: what the catalogue mostly calls it, never a default
        # benefit nor its category's ("Smoking and second-hand smoke." is no prevention), nor when it
        # is had, nor what a heading says of the others ("Salty food makes you pass more calcium"
        # under "Preventing stones")
        call = cues.KindCall(at.harm, False, f"usual for {mention.term.remedy}", call.cue != "default")
    if call.kind in cues.BENEFITS and (free := absence.free_of(text, offset, end, at.labels, at.harm is not None)):
        # "Gaviscon doesn't contain aspirin, so it's safe in pregnancy": never aspirin's benefit
        if free == absence.NOTHING:
            return None
        call = cues.KindCall(at.harm or cues.CAUTION, False, "what another is free of")
    worse, of_condition = scope.worsens(at.spoken, end, at.condition)
    if (call.kind != cues.CAUSE or call.cue.startswith("usual for")) and worse and of_condition:
        call = cues.KindCall(cues.CAUSE, False, worse)  # "Coffee makes insomnia worse"
    elif call.kind not in (cues.CAUSE, cues.CAUTION) and worse:
        # "Aspirin eases headaches but aggravates stomach ulcers": a harm; "but it disrupts sleep"
        # may be the condition in other words: the caution alone, never a benefit
        call = cues.KindCall(cues.CAUTION, False, f"harm: {worse}")
    elif call.kind != cues.CAUSE and (denied := denied_benefit(text, offset, at.others)) and not _cure_only(denied, at):
        # "Vitamin E does not help headaches": never "Vitamin E treats headache"; an order kept from
        # some ("Suck menthol lozenges (not for young children)") stays beside the caution for them
        restriction = at.spoken[max(at.spoken.lower().find(denied), 0) :]
        for_some = (
            denied.startswith("not ")  # not "Keep quinine away from children"
            and IMPERATIVE.match(at.spoken)
            and details.populations(restriction)
            and not _EVERYONE.search(restriction)
        ) or details.aside_for_some(text, end, denied)
        call = cues.KindCall(cues.CAUTION, bool(for_some), f"benefit denied: {denied}")
    by_habit = call.cue == "default" or call.cue.startswith("usual for")  # nothing said of it decided it
    if (call.kind == cues.CAUSE or (call.kind in cues.BENEFITS and by_habit)) and not said_good:
        denied = denials.harm_denied(text, offset, end)
        if denied == denials.NO_HARM:
            return None  # "There is no link between chocolate and acne", "Chocolate is not to blame"
        if denied == denials.HARM_FOR_SOME and call.kind in cues.BENEFITS:
            # "Cheese doesn't trigger migraines in most people": a harm for some, never a default benefit
            call = cues.KindCall(cues.CAUSE, False, "a harm denied for some only")
    if mention.term.is_new and denials.LINKED_TO.search(text, 0, offset):
        return None  # "no link between cheese and nightmares": what it is linked to, no remedy
    if _KEEP.search(text, max(0, offset - 30), offset) and _TO_A_MINIMUM.match(text, end):
        call = cues.KindCall(cues.CAUTION, False, "kept to a minimum")  # "During the day, keep napping to a minimum"
    if (brought := disease_after(text, end)) and call.kind != cues.CAUTION and not text.rstrip().endswith("?"):
        # "If aspirin has ever brought on an asthma attack": a harm to them, or a cause in an article on asthma
        ours = brought in (at.condition or "").lower()
        call = cues.KindCall(cues.CAUSE if ours else cues.CAUTION, False, f"brought on: {brought}")
    if call.kind == cues.CAUSE and _kept_from(call.cue, at):
        # "Avoid aspirin in children under 16", "can be harmful to children", "Avoid these if you have
        # high blood pressure:" over a list: whom it is not for, a caution, not "can provoke"
        call = cues.KindCall(cues.CAUTION, False, call.cue)
    if call.kind == cues.CAUSE and category == "drug" and not at.harm and any(map(_refusal, at.labels)):
        # "Don't\nTake quinine.": a medicine kept away is a caution, it does not bring the condition on
        call = cues.KindCall(cues.CAUTION, False, call.cue)
    if (
        call.kind == cues.CAUSE
        and rule in _NO_NEW_CAUSES
        and not (rule == "pattern:title" and _FOODS.search(call.label))
    ):
        return None  # lists of causes are mostly conditions, not substances; not the items of "Foods to avoid"
    if call.kind == cues.CAUSE and _UNDER_CAUSES.match(call.cue) and category in _EXPLAINED and not at.harm:
        return None  # under "Causes": an activity is a circumstance, a nutrient explains, neither harms
    if (
        call.kind == cues.CAUSE
        and not at.harm
        and category != "drug"
        and (lack := missing.lacked(text, offset, end, mention.surface, cues.cue_table(at.condition).named))
    ):
        # "Not getting enough sleep can lead to headaches", "Too little potassium can cause palpitations": what
        # its lack brings on, it prevents; neither a cause nor a caution
        call = cues.KindCall(cues.PREVENTION, False, f"{_LACK}{lack}")
    if call.kind == cues.CAUSE and category in _DONE_OR_TAKEN:
        # "Stretching too hard can bring on an attack", "Excess calcium can cause constipation": a harm of
        # something done or taken for health is a caution, never what brings the condition on
        call = cues.KindCall(cues.CAUTION, False, f"harm: {call.cue}")
    if (
        not call.evidence
        and category in _PRIOR_ONLY
        and not (rule in ("phrasing", "everyday") and _advised(text, offset))
    ):
        # "when walking, running": an activity named, nothing said of it; a phrasing or an everyday name
        # that opens its clause or an order ("Gentle yoga can ease back pain", "you need to raise your legs")
        return None
    if call.kind in cues.BENEFITS and (kept_away := _AVOIDED_AFTER.match(text, end)):
        # "Massage, ice packs and heat packs should all be avoided if there is a clot"
        call = cues.KindCall(cues.CAUTION, False, kept_away.group(1).lower())
    if call.kind in cues.BENEFITS and details.only_another_for(text, mention.surface):
        # "Both ease pain, but only paracetamol is safe in pregnancy": ibuprofen's caution for them
        call = cues.KindCall(cues.CAUTION, True, "only another is safe")
    lacking = call.cue.startswith(_LACK)  # "Not getting enough sleep ...": no refusal ("Not coffee:")
    if call.kind in cues.BENEFITS and not lacking and (refused := refusals.refused(text, offset, end)):
        call = cues.KindCall(cues.CAUTION, False, f"refused: {refused}")  # "Not coffee: chamomile tea helps"
    if refusals.unlike(text, offset, end):
        return None  # "Unlike magnesium, quinine can damage blood cells": what is said is of the other
    if call.kind in cues.BENEFITS and refusals.contrasted(text, offset):
        return None  # "Instead of alcohol, try valerian": nothing good is said of alcohol
    if call.kind == cues.CAUSE and call.cue.startswith("avoid") and partners.combined(text, offset, end):
        # "Don't combine valerian with alcohol": neither brings the condition on; an interaction
        call = cues.KindCall(cues.CAUTION, False, "not to be combined: an interaction")
    kept_away = call.kind == cues.CAUSE and call.cue.startswith(("avoid", "label"))
    if kept_away and (
        partners.after_taking(text, offset)
        or (at.listed and partners.introduced_by_taking(at.labels[0]))
        or partners.kept_apart(text, end, at.others)  # "Do not take antacids within two hours of levothyroxine"
    ):
        # "If you take sleeping pills, avoid alcohol", "Taking antidepressants? Avoid these:\n- St John's
        # wort": an interaction, not "alcohol provokes insomnia"
        call = cues.KindCall(cues.CAUTION, False, "kept away from what is taken: an interaction")
    # a caution that qualifies advice ("..., check with your pharmacist") brings a benefit with it: not of a
    # party; nor does a harm of the interaction ("A, B and C may interact with omeprazole and cause side effects")
    if (call.kind in cues.BENEFITS or call.kind == cues.CAUSE or call.also_caution) and (
        party := partners.interaction(text, offset, end, at.others)
    ):
        call = cues.KindCall(cues.CAUTION, False, f"interaction: {party}")  # "can make clopidogrel less effective"
    if (call.kind in cues.BENEFITS or call.also_caution) and (
        partners.taken_already(text, offset, end, at.others) or (at.harm and partners.taken(text, offset))
    ):
        call = cues.KindCall(cues.CAUTION, False, "taken already: an interaction")
    elif call.kind in cues.BENEFITS and set(at.populations) & details.TAKERS and _TAKEN_WITH.search(text):
        # "It is fine to take ginkgo with warfarin", "you can take it alongside your antidepressants":
        # the good said for everyone, and the combination a caution for them, for a reviewer to check
        call = cues.KindCall(cues.CAUTION, True, "taken with what is taken: an interaction")
    elif (
        call.kind in cues.BENEFITS
        and (call.cue == "default" or call.cue.startswith("context:"))  # nothing said of it, or by a heading
        and not said_good
        and set(at.populations) & details.TAKERS
        # not the medicine taken itself: "If you take a beta-blocker such as propranolol, ..."
        and not any(start <= offset < stop for start, stop in taken_spans(text))
        and not whom.in_their_place(text, offset, end)
        and not (_FINE_FOR_THEM.search(at.spoken) and not whom.doubted(text, offset, end))
    ):
        # "If you take an SSRI, triptans may raise your serotonin levels": nothing good said of it beside
        # the medicine the reader takes, nor that it is to be taken in its place ("paracetamol is the
        # safer choice"): an interaction, never a default benefit
        call = cues.KindCall(cues.CAUTION, False, "said beside what is taken: an interaction")
    elif call.kind in cues.BENEFITS and at.harm and partners.a_habit(text, offset, end):
        call = cues.KindCall(cues.CAUTION, False, "a habit usually harmful")
    elif (
        call.kind in cues.BENEFITS
        and at.harm
        and not said_good
        and (turn := forsome.taken_back(text, end, mention, at.condition))
    ):
        # "Alcohol can help you drop off, yet it leaves you waking at 3am": what is mostly warned of,
        # good said of it and then a harm
        call = cues.KindCall(at.harm, False, f"usual for {mention.term.remedy}: {turn}")
    named_line = _NAMED_LINE.match(text, end) if _LEAD.fullmatch(text, 0, offset) else None
    under = text[named_line.end() :] if named_line else under  # "Aspirin: not for anyone under 16"
    if call.kind in cues.BENEFITS and under and (denied := followup.title_denied(under, at.condition)):
        # "Quinine\nNot recommended.": a caution; "Magnesium\nNot for everyone, but it helps many": beside the benefit
        call = cues.KindCall(cues.CAUTION, denied.qualified, f"benefit denied: {denied.words}")
    if (
        call.kind == cues.CAUTION
        and not call.also_caution
        and forsome.good_but_not_for(text, offset, end, call.cue, at.condition)
    ):
        call = replace(call, also_caution=True)  # "Ibuprofen eases pain but is not recommended in pregnancy"
    return call
