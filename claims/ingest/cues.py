"""The kind of a claim from the words around a remedy. Nothing here is written for one
condition: the cues speak of "an attack", "an episode", "symptoms", "prevent", "causes", "consult a
doctor", and of the article's own condition by the words of its name (claims.ingest.condition),
compiled once per condition: "during a headache", "relieve heartburn".

A kind is weighed, not picked by the first rule that fires: the sentence's own words count most,
the sentence that introduces its list next, the heading above it least. An avoid-verb governing
a substance ("stop drinking coffee") makes it a cause; a caution that qualifies advice ("take
magnesium moderately", "only as a last resort") is a caution besides the advice itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.ingest import avoidance
from claims.ingest.advice import ADVISED, IMPERATIVE
from claims.ingest.condition import clean, condition_words
from claims.ingest.cuewords import (
    CAUSE,
    CAUTION,
    EPISODE,
    LIMIT_IT,
    PREVENTION,
    PRIORS,
    QUALIFIERS,
    RELIEF,
    TREATMENT,
    alternatives,
    any_of,
    sentence_cues,
)
from claims.ingest.details import diseases
from claims.ingest.headingcues import context_cues
from claims.ingest.labels import heeds_labels, says_good, warning
from claims.ingest.negated import NEGATED_CONDITION, NOT_CAUSING, NOT_HABIT_FORMING
from claims.ingest.saidbefore import CAUSED_BY, said_just_before
from claims.ingest.sideeffects import another_disease_read, side_effect
from claims.ingest.takers import TAKES_A_MEDICINE

_ORDER = (CAUTION, CAUSE, RELIEF, PREVENTION, TREATMENT)  # ties go to the first
_SUBSTANCES = frozenset(("drug", "supplement", "food_drink", "herbal_folk"))
BENEFITS = (RELIEF, PREVENTION, TREATMENT)


_MONITOR = re.compile(r"\bmonitor\w*", re.IGNORECASE)
# A harm that may come, and what it brings about up to the clause's end: "can cause dangerous
# bleeding", "may lead to stomach ulcers" (a plain "causes" explains: "low magnesium causes ...").
_CAUSAL = re.compile(
    r"\b(?:can|may|might|could)\s+(?:also\s+|sometimes\s+|even\s+)?"
    r"(?:cause|provoke|trigger|lead to|result in)\b([^.;:!?]*)",
    re.IGNORECASE,
)
# How a drug is not to be taken, after "do not take X": a caution about its use, not a cause.
_USE_QUALIFIER = re.compile(
    r"\b(?:on an empty stomach|with alcohol|for (?:more|longer) than|more than|longer than|without (?:consulting|"
    r"asking|a doctor|medical|your doctor)|at the same time as|together with|if you (?:are|have|take)|while "
    r"(?:pregnant|breastfeeding|driving)|during pregnancy|exceed)",
    re.IGNORECASE,
)
_FOR_WHOM = re.compile(
    r"\b(?:if you (?:are|have|'re|’re)|while (?:pregnant|breastfeeding)|(?:during|in) pregnancy|when pregnant)\b"
    rf"|{TAKES_A_MEDICINE}",  # "Avoid ginkgo if you take warfarin", "... if you take antidepressants"
    re.IGNORECASE,
)
_LIMITED_USE = re.compile(LIMIT_IT, re.IGNORECASE)
_IF_FIRST = re.compile(r"\W*if\b[^,;:.]+,", re.IGNORECASE)
CONTRAST = re.compile(r"\b(?:but|however|whereas|although|though|yet|while)\b", re.IGNORECASE)
_BECAUSE = re.compile(r"\b(?:because|since|as)\b", re.IGNORECASE)
_NEGATED_USE = re.compile(r"\b(?:do not|don't|never) (?:take|use|drink|give|exceed)\b", re.IGNORECASE)
# "Limit melatonin to 5 mg a night": how much, a caution, not a cause.
_LIMIT_TO = re.compile(
    r"\blimit\s+(?:[\w-]+\s+){1,4}?to (?:no more than |under |at most )?(?:\d+(?:[.,]\d+)?|one|two|three)\s*"
    r"(?:mg|g|ml|mcg|µg|iu|cups?|glass(?:es)?|tablets?|capsules?|drinks?|units?|servings?|doses?)\b",
    re.IGNORECASE,
)
_SEMICOLON = re.compile(r";")


@dataclass(frozen=True)
class CueTable:
    cues: list[tuple[str, float, re.Pattern]]
    context: dict[str, re.Pattern]
    avoid: re.Pattern
    episode: re.Pattern  # the condition or an episode of it, named or as "it"
    named: re.Pattern  # the condition or an episode of it, named


@lru_cache(maxsize=64)
def _table(name: str) -> CueTable:
    words = condition_words(name)
    episode = any_of(alternatives(EPISODE + r"|it\b|this\b|them\b", words.forms))
    named = any_of(alternatives(EPISODE, words.forms))
    return CueTable(sentence_cues(words), context_cues(words), avoidance.avoid_verbs(words), episode, named)


def cue_table(condition: str | None = None) -> CueTable:
    """The cues for an article about `condition` (a name; None: the generic words alone)."""
    return _table(clean(condition))


CUES = cue_table().cues  # without a condition


@dataclass(frozen=True)
class KindCall:
    kind: str
    also_caution: bool  # a caution qualifying the advice: propose both
    cue: str  # what decided it, for the proposal's rule
    evidence: bool = True  # the words said something; False when only the category's habit decided
    label: str = ""  # the words of the label above that decided it ("foods to avoid"), when one did


def kind_of(
    segment_text: str,
    before: str,
    context: list[tuple[str, float]],
    category: str,
    condition: str | None = None,
    *,
    labels: tuple[str, ...] = (),
    listed: bool = False,
    harmful: bool = False,
) -> KindCall:
    """The kind of a claim about a remedy of `category` in `segment_text`; `before` is the text of
    the segment's clause that precedes the remedy, `context` the intro and headings with weights,
    `condition` the name of what the article is about; `labels`, the intro and heading above the
    segment, whose warnings ("Foods to avoid", "What not to do") speak of it when it is an item
    of their list (`listed`), or a sentence that says nothing good of its own. A remedy the
    catalogue mostly calls a harm (`harmful`: smoking) is kept away as a substance is ("Stop
    smoking": a cause), whatever its category."""
    table = cue_table(condition)
    scores = dict.fromkeys(_ORDER, 0.0)
    fired: dict[str, str] = {}
    labelled: dict[str, str] = {}  # the label that decided a kind, when one did
    if said := said_just_before(before, segment_text, table.named):
        scores[said[0]] += 3.0  # "attacks provoked by diuretics", "a safer choice than ibuprofen"
        fired[said[0]] = said[1]
    else:  # "for convulsions provoked by varicose veins, drugs that ...": the cause is something else
        segment_text = CAUSED_BY.sub(" ", segment_text)
    advice = IMPERATIVE.match(segment_text) or ADVISED.search(segment_text)
    # "Melatonin isn't habit-forming", "because it does not trigger hives": no caution, no cause
    segment_text = NOT_HABIT_FORMING.sub(" ", NOT_CAUSING.sub(" ", segment_text))
    segment_text, before = (NEGATED_CONDITION.sub(blank, part) for part in (segment_text, before))
    if not _MONITOR.search(before.rsplit(",", 1)[-1]):
        # "spend time in the fresh air, and monitor the intake of diuretics": what is watched is
        # the object of "monitor", not every remedy of the sentence
        segment_text = _MONITOR.sub(" ", segment_text)
    for kind, weight, pattern in table.cues:
        hits = pattern.findall(segment_text)
        if hits:
            scores[kind] += weight + 0.25 * (len(hits) - 1)
            fired.setdefault(kind, hits[0].lower())
    harm, of_benefit = _side_effect(segment_text, table)
    if harm:
        # "Ibuprofen eases a headache but can cause stomach bleeding": a harm of the remedy, a
        # caution beside the benefit. A benefit for something else ("treats gout but can
        # cause bleeding", in an article on headaches) is no benefit here: the caution alone,
        # never "can provoke a headache" nor "treats a headache". With no benefit read at all, the
        # caution alone: what the remedy may cause is still not the condition.
        benefit = any(scores[k] for k in BENEFITS)
        return KindCall(CAUTION, of_benefit and benefit, "side effect: " + harm)
    substance = category in _SUBSTANCES or harmful
    avoided = avoidance.avoided(before, segment_text, table) if substance else None
    if not substance and (done := avoidance.avoided(before, segment_text, table)):
        if avoidance.keeps_away(
            done, before, table, segment_text[len(before) :] if segment_text.startswith(before) else ""
        ):
            # "Avoid carotid massage at home", "Avoid stretching after a meal": something done that
            # is kept away is a caution (not "Avoid attacks by stretching": the condition is the object)
            return KindCall(CAUTION, False, "avoid: " + done.group(0).lower())
    if avoided and avoidance.kept_on(before, avoided):
        return KindCall(CAUTION, False, "not to be stopped: " + avoided.group(0).lower())
    qualifier = _USE_QUALIFIER.search(segment_text) if avoided and _NEGATED_USE.search(before) else None
    if avoided and not qualifier:
        # "Avoid ibuprofen if you have asthma": kept from some, a caution ("Avoid coffee if you get heartburn": a cause)
        qualifier = _FOR_WHOM.search(segment_text, len(before)) or _if_another_disease(before)
    if avoided and avoided.group(0).lower() == "limit" and _LIMIT_TO.search(segment_text):
        return KindCall(CAUTION, False, "dose limit: " + _LIMIT_TO.search(segment_text).group(0).lower()[:60])
    if qualifier and not table.named.search(another_disease_read(segment_text)):
        # "Do not take ibuprofen on an empty stomach": how to take it. "Do not drink alcohol more
        # than twice a week, it provokes attacks" names the condition: a cause.
        return KindCall(CAUTION, False, "use qualified: " + qualifier.group(0).lower())
    if avoided:
        scores[CAUSE] += 3.0
        fired[CAUSE] = "avoid: " + avoided.group(0).lower()
    heeded = heeds_labels(segment_text, labels, listed, advice or any(scores[k] for k in BENEFITS), table.named)
    for text, weight in context:
        warned = warning(text) if heeded and text and text in labels else {}
        for kind, found in warned.items():
            scores[kind] += 2 * weight  # "Foods to avoid: - coffee": the label decides the bare item
            if kind not in fired:
                fired[kind], labelled[kind] = "label: " + found.group(0).lower().strip(), found.group(0).lower()
        for kind, pattern in table.context.items():
            if warned and kind in BENEFITS:
                continue  # "Preventing headaches: common triggers": what follows is kept away
            if kind == CAUSE and (advice or says_good(text)):
                # "Why do attacks occur? ... Make a hot compress": advice, whatever the heading; and
                # "Causes and cures" names the good as well: it decides nothing
                continue
            found = pattern.search(text)
            if found:
                # a caution above the item decides it, as a caution in its own words does
                scores[kind] += 2 * weight if kind == CAUTION else weight
                fired.setdefault(kind, "context: " + found.group(0).lower())
    evidence = any(scores.values()) or bool(advice)  # an order is advice, whatever it is for
    if category in PRIORS:
        kind, weight = PRIORS[category]
        scores[kind] += weight
        fired.setdefault(kind, f"usual for {category}")
    benefit = max(BENEFITS, key=lambda k: (scores[k], -_ORDER.index(k)))
    adverse = side_effect(segment_text, table.named) if scores[CAUSE] >= 2.0 and not avoided else None
    if adverse:
        # "Piriton causes drowsiness" in an article on hay fever: a side effect, not a cause of hay
        # fever; beside the benefit when that is for the condition ("Piriton eases hay fever but ...")
        of_benefit = scores[benefit] > 0 and bool(table.named.search(segment_text, 0, adverse.start()))
        return KindCall(CAUTION, of_benefit, "side effect: " + adverse.group(0).lower()[:60])
    if scores[CAUSE] >= 2.0 and scores[CAUSE] >= scores[benefit]:
        return KindCall(CAUSE, False, fired[CAUSE], label=labelled.get(CAUSE, ""))
    if scores[CAUTION] >= 2.0:
        # "Take paracetamol, but limit it to 8 tablets in 24 hours": the order is the benefit
        advised = scores[benefit] > 0 or bool(advice and _LIMITED_USE.search(segment_text))
        qualifies = advised and bool(QUALIFIERS.search(segment_text))
        return KindCall(CAUTION, qualifies, fired[CAUTION])
    if scores[benefit] == 0 and scores[CAUSE] > 0:
        return KindCall(CAUSE, False, fired[CAUSE], label=labelled.get(CAUSE, ""))
    if scores[benefit] == 0:
        return KindCall(TREATMENT, False, "default", False)
    return KindCall(benefit, False, fired[benefit], evidence)


def blank(found: re.Match) -> str:
    """What a match is replaced by so that offsets stand: as many spaces."""
    return " " * len(found.group(0))


def cause_free(text: str, table: CueTable) -> str:
    """`text` without its cause words: what it says causes the condition is not the remedy."""
    for kind, _, pattern in table.cues:
        if kind == CAUSE:
            text = pattern.sub(" ", text)
    return text


def _if_another_disease(before: str) -> re.Match | None:
    """Whom "If aspirin has ever brought on an asthma attack, avoid ibuprofen" keeps it from."""
    condition = _IF_FIRST.match(before)
    return condition if condition and diseases(condition.group(0)) else None


def _side_effect(segment_text: str, table: CueTable) -> tuple[str, bool]:
    """The harm in "<a benefit> but <can cause something else>", and whether the benefit is for the
    condition: "Ibuprofen eases a headache but can cause stomach bleeding". No harm ("") when what
    it may cause is the condition or an episode ("may cause an attack"), or when no contrast comes
    before it ("Aspirin taken daily can lead to acid reflux": a cause in other words). The reason
    for advice counts as a contrast: "Take ibuprofen with food, since it can cause bleeding"."""
    found = list(_CAUSAL.finditer(segment_text))
    if not found or any(table.episode.search(m.group(1)) for m in found):
        return "", False
    # "Take ibuprofen; it can cause stomach bleeding": a semicolon sets the harm apart as "but" does
    contrast = CONTRAST.search(segment_text, 0, found[0].start()) or _SEMICOLON.search(
        segment_text, 0, found[0].start()
    )
    advice = IMPERATIVE.match(segment_text) or ADVISED.search(segment_text)
    if contrast is None and advice is not None:
        reason = _BECAUSE.search(segment_text, advice.end(), found[0].start())
        # the advice may be another remedy's ("Take paracetamol, as ibuprofen can cause ..."):
        # the caution alone
        return (found[0].group(0).strip().lower()[:60], False) if reason else ("", False)
    if contrast is None:
        return "", False
    return found[0].group(0).strip().lower()[:60], bool(table.named.search(segment_text, 0, contrast.start()))


def benefit_of(segment_text: str, context: list[tuple[str, float]], condition: str | None = None) -> str:
    """The advice a caution qualifies: relief, prevention or treatment."""
    caution = next(pattern for kind, _, pattern in CUES if kind == CAUTION)
    call = kind_of(_CAUSAL.sub(" ", caution.sub(" ", segment_text)), "", context, "", condition)
    return call.kind if call.kind in (RELIEF, PREVENTION, TREATMENT) else TREATMENT
