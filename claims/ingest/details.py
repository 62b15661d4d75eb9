"""Whom a segment's claims are said of (pregnancy, children, varicose veins ...), whom it keeps a
remedy from, and who has a disease it names. Nothing here decides a kind (claims.ingest.cues does);
the dose as stated is claims.ingest.dose's."""

from __future__ import annotations

import re

from claims.ingest.avoidance import last_match
from claims.ingest.negated import NEGATED_PARENTHESIS
from claims.ingest.takers import TAKES_A_BLOOD_THINNER, TAKES_ANOTHER_MEDICINE

_PEOPLE = r"anyone|anybody|people|those|patients|someone|you['’]re|you are"
_NOT_A_MEASURE = (
    r"(?!\s*(?:stone|st\b|kg|kilos?|lbs?|pounds|feet|foot|ft\b|inches|cm|minutes?|mins?|hours?|days?|weeks?|months?|%"
    r"|degrees|°))"
)
_YOUNG = rf"(?:1[0-8]|[1-9])\b{_NOT_A_MEASURE}"
_POPULATIONS = (
    (
        "pregnancy",
        r"pregnan|gestat|expectant mothers?|trimester|expecting (?:a|your(?: first)?) baby|trying for a baby"
        r"|baby on the way"
        r"|trying to conceive",
    ),
    # "under-16s", "anyone under 12", "those aged 12 and under", "if you're under 18" (not "under 8 stone")
    (
        "children",
        r"child|kids?\b|(?<!expecting a )(?<!expecting your )(?<!your first )(?<!trying for a )"
        r"bab(?:y|ies)(?! on the way)"
        r"|infant|pediatric|paediatric"
        r"|teen(?:s|agers?)?\b|adolescen|toddlers?\b|newborn"
        r"|youngsters?|little ones|young people(?= (?:aged|under)\b)"
        rf"|under[- ]?(?:1[0-8]|[1-9])s\b|(?:{_PEOPLE}|^\W*|\baged)\s*under\s+(?:the\s+age\s+of\s+)?{_YOUNG}"
        rf"|aged\s+{_YOUNG}\s+(?:and|or)\s+(?:under|younger)",
    ),
    (
        "elderly",
        r"elderly|old age|older (?:people|adults|patients)|aged patients|seniors?|pensioners?"
        rf"|over[- ]?(?:[6-8][0-9])s\b|(?:{_PEOPLE}|adults)\s+(?:aged\s+)?over\s+(?:6[0-9]|7[0-9])\b{_NOT_A_MEASURE}"
        r"|(?:you['’]re|you are|aged)\s+(?:6[0-9]|7[0-9])\s+(?:or|and)\s+(?:over|older|above)"
        r"|^\W*(?:are you\s+)?(?:aged\s+)?over\s+(?:6[0-9]|7[0-9])\?",  # "Over 65? Best not to take:"
    ),
    ("athletes", r"athlet(?!e['’]?s['’]?[- ]foot)|sportsm|runners?\b|cyclists?|weightlifters?"),  # not athlete's foot
    ("varicose_veins", r"varicose|phlebeurysm|venous insufficiency"),
    ("thrombophlebitis", r"thrombophlebitis|thrombosis"),
    ("diabetes", r"diabet"),
    ("hypotension", r"hypotension|low blood pressure"),
    ("heart_disease", r"heart (?:disease|failure|conditions?|problems?)|cardiac|arrhythmi|atrial fibrillation"),
    # not the organ: "less reaches the kidneys", "liver and kidneys" (red meat); nor its working, checked
    # ("your GP will check your kidney function"), unless it is poor
    (
        "kidney_disease",
        r"kidney(?!s\b)(?! function)|(?:poor|reduced|impaired|low|weak|bad|abnormal) kidney function|renal"
        r"|kidneys (?:don['’]t|do not|aren['’]t|are not) work|(?:weak|damaged|failing"
        r"|poor|diseased) kidneys|kidneys (?:are|were|have been) (?:damaged|weak|failing)",
    ),
    ("liver_disease", r"liver disease|cirrhosis|hepati"),
    ("gastrointestinal", r"stomach ulcer|gastritis|ulcers? of the|intestin|gastro(?!cnemius)"),
    ("flat_feet", r"flat feet|flatfoot|flat-foot"),
    ("sedentary", r"sedentary|office workers|physical inactivity"),
    ("asthma", r"asthmatic|asthma"),
    # "while breastfeeding", "nursing mothers" (not "a nursing home")
    (
        "breastfeeding",
        r"breast-?feed|breast feed|lactat|nursing (?:mothers?|mums?|moms?|women)"
        # not "nursing a cold / a sick relative / someone with flu", "a nursing home"
        r"|(?:while|when|if you(?:['’]re| are)|are|or) nursing\b"
        r"(?! (?:homes?|care|staff|team|a|an|the|your|my|his|her|their|someone|somebody|him|them)\b)",
    ),
    ("hypertension", r"hypertensi|high blood pressure|raised blood pressure|blood pressure (?:is )?(?:high|raised)"),
    # who takes a blood thinner ("if you take warfarin", "people on anticoagulants", "Taking
    # clopidogrel?"), not the medicine named as a remedy ("Warfarin can cause bleeding")
    ("anticoagulants", TAKES_A_BLOOD_THINNER),
    # ... or another medicine, taken for something else: "if you take antidepressants", "people on
    # blood pressure medication", "if you're on any other medicines"
    ("other_medicines", TAKES_ANOTHER_MEDICINE),
)
# Those who take a medicine, named by it ("if you take warfarin"): whom a caution is for
TAKERS = frozenset(("anticoagulants", "other_medicines"))
# The populations that are groups of people, not diseases: "diabetes ... leads to attacks" is a cause
PEOPLE = frozenset(("pregnancy", "children", "elderly", "athletes", "sedentary", "breastfeeding")) | TAKERS
POPULATIONS = tuple((name, re.compile(r"\b(?:" + pattern + ")", re.IGNORECASE)) for name, pattern in _POPULATIONS)
_ANY_POPULATION = re.compile(r"\b(?:" + "|".join(f"(?:{pattern})" for _, pattern in _POPULATIONS) + ")", re.IGNORECASE)
# Where a remedy is kept says nothing of whom it is for: "keep out of the reach of children"; nor
# does a group that takes in adults too: "Adults and children over 6".
_STORAGE = re.compile(
    r"\bout of (?:the )?reach of (?:small |young )?children\b"
    r"|\b(?:adults and (?:older )?(?:children|kids)|(?:children|kids) and adults)\b",
    re.IGNORECASE,
)


def populations(text: str) -> list[str]:
    text = _STORAGE.sub(" ", text)
    if not _ANY_POPULATION.search(text):
        return []  # most sentences name no one: one search, not one for each population
    return [name for name, pattern in POPULATIONS if pattern.search(text)]


def diseases(text: str) -> list[str]:
    """The populations `text` names that are diseases, not groups of people: "asthma", not "children"."""
    return [name for name in populations(text) if name not in PEOPLE]


# Who has a disease: "if you have asthma", "people with high blood pressure", "asthmatics"
_HAVING = re.compile(
    r"(?:\bif you(?:['’]ve| have)(?: (?:ever )?had)?|\bif your|\b(?:people|anyone|those|patients|women|men|children)"
    r" (?:with|who have|whose)|\bwho (?:have|has)|\bsufferers of)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


_SUFFERERS = re.compile(r"\w*\s+(?:sufferers|patients)\b", re.IGNORECASE)  # "hypertension sufferers"


def ill_with(text: str) -> list[str]:
    """The diseases `text` names as what some people have ("Avoid it if you have asthma", "Asthmatics
    should avoid it"), not in passing ("absorbed in the intestines", "liver and kidneys")."""
    return [
        name
        for name, pattern in POPULATIONS
        if name not in PEOPLE
        and any(
            _HAVING.search(text, max(0, found.start() - 60), found.start())
            or found.group(0).lower() == "asthmatic"
            or _SUFFERERS.match(text, found.end())
            for found in pattern.finditer(text)
        )
    ]


# "Unless you have asthma, ...", "Anyone without asthma can ...", "the exception is anyone with asthma"
# ... or is risky for them: "good for pain, but risky if you have asthma", "keep it away from children"
_EXCLUSION = (
    r"unless|without|no history of|(?:the )?exceptions?(?: is| are| being)?|risky|keep (?:it|them) away from"
    r"|sparingly"
)
# ... or in an aside after the good: "(not for asthmatics)", "(avoid if ...)", "– just not if ..."
_EXCLUDED = re.compile(
    rf"(?:\b(?:{_EXCLUSION})\b|\(\s*(?:not|avoid|never)\b|[–—]\s*(?:but\s+|just\s+)?not\b)"
    r"(?!.*\b(?:but|however|although|though|yet)\b)",
    re.IGNORECASE,
)


def excluded(text: str, others: tuple[int, ...] = ()) -> list[str]:
    """The populations `text` excludes where it says good: "Ibuprofen is fine unless you have asthma",
    "Anyone without asthma can take it", "asthmatics excepted" (a caution for them); an aside only
    when no other remedy is named (at `others`) before it: "Drink fluids, suck lozenges (not for
    young children)" excludes children from the lozenges only."""

    def excludes(match: re.Match) -> bool:
        found = _EXCLUDED.search(text, max(0, match.start() - 80), match.start())
        if found and found.group(0)[0] in "(–—" and any(at < found.start() for at in others):
            return False
        return bool(found or _EXCEPTED.match(text, match.end()))

    return [name for name, pattern in POPULATIONS if any(map(excludes, pattern.finditer(text)))]


# What keeps a remedy from whom it names, before them in the sentence: "it shouldn't be used in
# pregnancy", "Not on babies", "but skip ibuprofen if you have asthma", "if you can't take ibuprofen,
# for instance if you ... are pregnant"; not "not only adults but children too", "never hesitate to
# give it to babies".
_RESTRICTION = re.compile(
    r"(?:\b(?:not|never|avoid\w*|skip|unsuitable|cannot|must not|should not|except|apart from|other than|excluding"
    rf"|{_EXCLUSION}"
    r"|with the exception of|off-limits|a no-no)\b|\w(?:n['’]t)\b)"
    r"(?!\s+(?:only|just|hesitate|be afraid)\b)",
    re.IGNORECASE,
)
# ... unless good is said of it for them after that word, itself not denied: "It does not cause
# drowsiness, so it's fine for children", "Avoid caffeine, and try chamomile tea, which is safe for children"
_SAID_FOR_THEM = re.compile(
    r"(?<!not )(?<!n't )(?<!n’t )(?<!never )(?<!always )\b(?:safe|fine|suitable|suited|best|ok|okay|good|allowed|"
    r"recommended|can (?:use|take|have)|helps?|eases?|soothes?|relieves?|works?)\b",
    re.IGNORECASE,
)


# ... the good right after that word is what it denies: "isn't the best choice", "not always safe"
_DENIED_GOOD = re.compile(
    r"\s+(?:(?:the|a|an|be|been|very|really|always|so|as|particularly|necessarily|considered)\s+)*"
    r"(?:safe|fine|suitable|suited|best|ok|okay|good|allowed|recommended)\b",
    re.IGNORECASE,
)


# ... not a condition the sentence opens with: "If these don't help, your GP may prescribe omeprazole,
# which is considered safe in pregnancy"
_LEADING_CONDITION = re.compile(r"^\W*(?:if|when)\b[^,.;]*,", re.IGNORECASE)
# ... or after them: "asthmatics excepted"
_EXCEPTED = re.compile(r"\w*\s+(?:excepted|excluded|aside)\b", re.IGNORECASE)


# ... or anywhere in the sentence, whoever is named first: "In pregnancy valerian may help you sleep,
# yet it is better avoided", "Melatonin helps jet lag; children are advised against it", "but only
# paracetamol is safe in pregnancy" (not "to avoid dehydration, give children ...")
# "but only paracetamol is safe", "; only chamomile tea is considered safe" (not "Ginger not only eases
# nausea but is safe", "The only drug that is safe")
_ONLY = r"(?:^|[,;:]\s*|\bbut\s+)only ((?:[\w-]+ ){1,3}?)"
_KEPT_AWAY_ANYWHERE = re.compile(
    r"\b(?:(?:best|better|be|is|are) avoided|(?<!to )(?<!helps )(?<!help )avoid(?! (?:dehydration|getting|being)\b)"
    r"|stay away from|advised against|advise against|inappropriate|prescription[- ]only"
    r"|(?:give|given) (?:it |them )?a miss"
    r"|(?:not|n['’]t) (?:the |a )?(?:best|right|ideal|wisest|first) (?:choice|option)|not advisable"
    r"|not all (?:of (?:them|these|those) )?(?:[\w-]+ ){0,3}?(?:is|are) (?:suitable|safe)"
    rf"|{_ONLY}(?:is|are) (?:considered |thought (?:to be )?)?(?:safe|suitable)"
    rf"|{_ONLY}should be (?:used|taken|given))\b",
    re.IGNORECASE,
)
_ONLY_SAFE = re.compile(
    rf"{_ONLY}(?:is|are) (?:considered |thought (?:to be )?)?(?:safe|suitable)[^.;]*", re.IGNORECASE
)


def only_another_for(text: str, name: str) -> list[str]:
    """Whom `text` says another remedy only is good for ("both ease pain, but only paracetamol is
    safe in pregnancy"), when the remedy `name` (as written) is not that other: whom it is kept from."""
    found = _ONLY_SAFE.search(text)
    if not found or set(found.group(1).lower().split()) & set(name.lower().split()):
        return []
    return populations(found.group(0))


# ... unless it is said good for them where they are named: "safe in pregnancy", "fine for children",
# "Pregnant women can use ginger but should avoid peppermint oil"
_THEY_CAN = re.compile(r"[\w-]*\s+(?:[\w-]+\s+)?(?:can|may) (?:safely )?(?:use|take|have)\b", re.IGNORECASE)
_GOOD_FOR_THEM = re.compile(
    r"\b(?:safe|fine|suitable|recommended|okay|ok|good|licensed|used|given)\s+(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE
)


# What keeps the remedy itself from everyone a heading names: "## Pregnancy / Valerian helps, but is
# best avoided" (not "Sit up straight and don't lie down after a meal")
_KEPT_AWAY = re.compile(
    r"\b(?:(?:best|be|is|are|been) avoided|unsuitable|(?:not|n['’]t) (?:suitable|safe|recommended|advised|advisable)"
    r"|(?:should|must)(?: not|n['’]t) be (?:used|taken|given))\b",
    re.IGNORECASE,
)


def restricted(text: str, name: str = "") -> set[str]:
    """The populations `text` names after a word that keeps a remedy from them (in the same sentence
    and within 160 characters), or anywhere when it keeps the remedy away and says no good for them
    where it names them: whom a benefit of the remedy `name` (as written) is not said of. Good said
    of another only is not said of it: "both ease pain, but only paracetamol is safe in pregnancy"."""
    text = _LEADING_CONDITION.sub(lambda m: " " * len(m.group(0)), _STORAGE.sub(" ", text))
    kept_away = _KEPT_AWAY_ANYWHERE.search(text)
    only = kept_away.group(1) or kept_away.group(2) if kept_away else None
    if only and set(only.lower().split()) & set(name.lower().split()):
        kept_away = None  # "Only paracetamol is safe to take in pregnancy": not kept from paracetamol
    another_only = bool(only)
    found = set()
    for population, pattern in POPULATIONS:
        for match in pattern.finditer(text):
            window = re.split(r"[.!?;]\s", text[max(0, match.start() - 160) : match.start()])[-1]
            said_good = _good_before(text, match.start()) or _THEY_CAN.match(text, match.end())
            if (
                _restricts(window)
                or _EXCEPTED.match(text, match.end())
                or (kept_away and (another_only or not said_good))
            ):
                found.add(population)
    return found


_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never)|n['’]t)(?:\s+[\w-]+){0,2}\s+$", re.IGNORECASE)


def _good_before(text: str, end: int) -> bool:
    """Whether good is said for whom `text` names at `end`, right before them ("safe in pregnancy"),
    not denied ("not all are suitable for young children")."""
    good = _GOOD_FOR_THEM.search(text, 0, end)
    return good is not None and not _NEGATED_BEFORE.search(text, 0, good.start())


def benefit_for(whom: list[str], own: str, named_in_text: list[str], name: str = "") -> list[str]:
    """Whom, of `whom`, a benefit may be said of, the remedy's own part of the sentence being `own`:
    not those it keeps the remedy `name` from ("it shouldn't be used in pregnancy"), nor those named only in
    another remedy's part, nor those of the heading above when the remedy is to be kept away ("##
    Pregnancy / Valerian helps, but is best avoided")."""
    kept_from, said_of = restricted(own, name), populations(own)
    return [
        p
        for p in whom
        if p not in kept_from and (p in said_of or (p not in named_in_text and not _KEPT_AWAY.search(own)))
    ]


def _restricts(text: str) -> bool:
    """Whether `text` keeps a remedy from someone: a word that does, with no good said after it
    other than the good it denies ("it isn't the best choice in pregnancy")."""
    last = last_match(_RESTRICTION.finditer(text))
    if last is None:
        return False
    denied = _DENIED_GOOD.match(text, last.end())
    return not _SAID_FOR_THEM.search(text, denied.end() if denied else last.end())


def aside_for_some(text: str, end: int, denied: str) -> bool:
    """Whether the denial `denied` is an aside that keeps the remedy named before `end` from some only,
    after something said of it: the caution beside the good said of it (not "Aspirin (not for anyone
    under 16)", which says nothing else)."""
    aside = NEGATED_PARENTHESIS.search(text, end)  # "(avoid them if you have high blood pressure)"
    said = aside and re.search(r"\w{3,}", text[end : aside.start()])
    return bool(said and denied in aside.group(0).lower() and populations(aside.group(0)))
