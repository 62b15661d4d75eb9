"""What the next sentence says of a remedy the sentence before names ("Codeine eases the pain.
However, it is no longer recommended.") and the line under a title ("Quinine\nNot recommended. It
can cause serious side effects."). Questions and their answers are claims.ingest.questions'."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from claims.ingest.cues import BENEFITS, CAUTION, cue_table
from claims.ingest.denials import ASK_FIRST, IF_THEN, SUBJECTLESS, TELL_FIRST, warned_next
from claims.ingest.denied import A_CURE, denied_benefit
from claims.ingest.details import populations
from claims.ingest.scope import worsens
from claims.ingest.segments import HEADING, Segment

# The next sentence speaks of the remedy again: "However, it is no longer recommended."; of all the
# remedies named before it: "Quinine and tonic water were once popular. They are no longer recommended."
_THEN = r"\W*(?:(?:however|but|yet|still|unfortunately|sadly|today|now|nowadays|even so)\b,?\s*)?"
# ... or of its risks: "Even so, the risks are too high."
# "For older adults they are on the list of medicines to avoid", "If you take antidepressants, it may ..."
_FOR_WHOM = (
    r"(?:(?:for|in) [\w -]{1,30},?\s+|(?:if|when|while) you(?:['’]re| are)? (?:take|taking|on) [^,.;:?!]{1,50},\s+)?"
)
_NEXT_ABOUT_IT = re.compile(
    _THEN
    + _FOR_WHOM
    + r"((?:this|that|these|the) (?:measures?|methods?|techniques?|tricks?|remed(?:y|ies))|it|they|this|that"
    r"|(?:its|their|the) (?:risks?|side effects|dangers))\b",
    re.I,
)
# A sentence that takes back the one before: "Or so people thought.", "That is a myth.", "Not so."
_DISOWNS = re.compile(
    r"\W*(?:or so (?:\w+ ){0,2}(?:thought|believed|claimed)|(?:that|this)(?:'s| is| was) (?:a myth|not true|wrong)"
    r"|not so|wrong|not true)\b[\s.!]*$"
    r"|\W*there(?:['’]s| is) (?:(?:very )?(?:no|little)|hardly any|not much|scant|next to no) "
    r"(?:good |real |reliable |strong )?evidence"
    # for it, or that it works: "There is very little evidence for it.", not of a harm or of something
    # else: "... evidence against it", "... for it being harmful", "... it affects the baby", "... that
    # expensive brands work better than cheap ones"
    r"(?!(?:\s+[\w'’-]+){0,6}?\s+(?:against|harm\w*|risk\w*|side effects?|danger\w*|problems?|habit[- ]forming"
    r"|addictive|unsafe|toxic|interact\w*|affects?|drowsy|better than)\b)",
    re.IGNORECASE,
)
# Said of it by anyone: "Today doctors advise against them", "Availability does not make it safe".
_AGAINST_IT = re.compile(
    r"\b(?:advise|warn|recommend|caution)s?\s+against\s+(it|them)\b|\bno longer\s+(?:prescribe|recommend|use)s?\s+"
    r"(it|them)\b|\bstopped\s+(?:prescribing|recommending|using)\s+(it|them)\b"
    r"|\b(?:does|do)(?:n['’]t|\s+not)\s+make\s+(it|them)\s+(?:an?\s+|any\s+)?(?:safe|safer|good|effective|useful)\b"
    r"|(?:\b(?:should|must|to|better|would)|['’]d)\s+avoid\s+(it|them)\b"  # "Pregnant women should avoid it"
    rf"|{IF_THEN}avoid\s+(it|them)\b"  # "If you want good sleep, avoid it"
    # "Most dermatologists advise skipping it", not "... skipping them only on infected patches"
    r"|\b(?:advise|recommend|suggest)s?\s+(?:skipping|avoiding|not using)\s+(it|them)\b(?!\s+only\b)"
    r"|\b(?:do not|don['’]t|never)\s+(?:use|take|give)\s+(it|them)(?=\s+for\s+(?:more|longer)\s+than\b)",
    re.IGNORECASE,
)
# "If ..., avoid it." keeps it from those the "if" names ("If you are allergic to ragweed", "If it makes
# things worse"): beside the benefit; not from those who want what it was said to do ("If you want good
# sleep, avoid it."), a denial
_ONLY_IF = re.compile(
    r"\W*(?:if|when|while)\b"
    r"(?!\s+you(?:['’]re|\s+are)?\s+(?:want|wish|need|hope|trying|would like|['’]d like|prefer)\b)",
    re.IGNORECASE,
)
# A harm it may do: "It can cause Reye's syndrome"; a benefit only reported ("You may have heard that ...").
_HARM = re.compile(
    r"\b(?:(?:can|may|might|could)\s+(?:also\s+|even\s+)?(?:cause|lead to|trigger|result in)"
    r"|(?:sometimes|often|occasionally)\s+(?:causes|leads to|triggers|results in)"
    r"|(?:can|may|might|could)\s+(?:raise|increase|push up)\s+(?:your\s+)?blood pressure"
    # what it does to the medicine the reader takes: "If you take antidepressants, it may make you drowsy"
    r"|(?:can|may|might|could)\s+(?:also\s+)?(?:interact|stop (?:it|them) working|make (?:you )?(?:very |too )?"
    r"(?:drowsy|sleepy)|increase (?:(?:your|the) )?(?:risk of )?bleeding|raise (?:the )?(?:level|risk)))\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:you may have heard|some (?:people )?say|many (?:people )?believe|people (?:think|believe|say)|it is said)\b",
    re.IGNORECASE,
)
# ... of every remedy it names: "They are no longer recommended", "This measure can help, but ..."
_PLURAL = re.compile(
    _THEN + _FOR_WHOM + r"(?:they|these|(?:this|that|the) (?:measure|method|technique|trick|remedy))\b", re.IGNORECASE
)
_SAID_OF_IT = ("it", "they")  # a subject a harm or a worsening is said of
_ABOUT_IT = re.compile(r"\s*(?:it|they|this|these)\b", re.IGNORECASE)
# The line under a title that denies it on its own, without a subject: "No longer recommended.",
# "Banned in 1994.", "Avoid.", "Once prescribed, but withdrawn."
_DENIES = re.compile(
    r"\s*(?:(?:no longer|never|rarely) (?:\w+ )?(?:recommended|prescribed|advised|used|sold)"
    r"|(?:banned|withdrawn|dangerous|unsafe|risky|harmful)\b|not worth|not a (?:long-term|safe)\b|never for\b"
    # "Avoid.", "Avoid if ...", "Avoid it" (not "Avoid large meals"); "No." ("Stretching: yes. Quinine: no.")
    r"|avoid\b(?!\s+(?!(?:it|them|if|when|in|during|with|while|unless|for|on|after|before|at|altogether)\b)\w)"
    r"|no\b(?=\W*$)|not (?:really )?an? (?:good |safe |real )?(?:option|idea)|(?:best|should be) avoided"
    r"|skip (?:it|them)\b|no (?:good |real |reliable )?(?:evidence|proof)|not recommended|little (?:good )?evidence"
    r"|not (?:really )?an? (?:good |safe |real )?(?:solution|answer|cure|treatment)(?![\w-])"
    r"|(?:probably|likely|usually) not\b|unproven\b"  # a flattened table's verdict: "Magnesium\nProbably not"
    r"|only (?:short[- ]term|on (?:a )?(?:doctor|prescription)|under|with (?:a )?(?:doctor|prescription))|not without)",
    re.IGNORECASE,
)
_ONCE = re.compile(r"\s*(?:once|still|formerly|previously|sometimes|often|widely)\b", re.IGNORECASE)
# A denial that leaves room for the advice: a restriction ("Not for everyone", "Not above 4 g a
# day", "Only on prescription", "It should not be taken on an empty stomach", "... in pregnancy"),
# or a benefit said after "but" or "otherwise" ("Not recommended if you are allergic; otherwise a
# cup helps you relax"). Not "no longer recommended, as stretching works better".
RESTRICTED = re.compile(
    r"\s*(?:only\b|never for\b|not (?:\w+ )?(?:for everyone|in large (?:doses|amounts)|above|over|when|if|while|with|"
    r"during|more than|without|for (?:long|regular|daily|children|kids|babies)))",
    re.IGNORECASE,
)
_RESTRICTS = re.compile(
    r"\W*(?:(?:combined|mixed|if|unless|when|while)\b|(?:\w+\s+){0,2}?(?:on|with|in|during|by|for|if|when|while|unless|without|above|over|"
    r"more than|longer than|after|before|at)\s+(?:an?\s+|the\s+|your\s+)?(?:\w+\s+){0,3}?(?:empty stomach|children|"
    r"kids|babies|infants|pregnan\w*|women|men|people|anyone|those|patients|elderly|older|adults|alcohol|aspirin|"
    r"driving|kidney|liver|heart|asthma|ulcers?|bleeding|minutes?|hours?|days?|weeks?|months?|years?|long|regular|daily|doses?|mg|"
    r"g|other|combination|everyone)\b)",
    re.IGNORECASE,
)
_STRONG = re.compile(r"\b(?:dangerous|unsafe|banned|withdrawn|harmful|risky|no longer|never recommended)\b", re.I)
# ... or names whom before it: "Pregnant women should avoid it", "Children must not take it".
_WHOM = re.compile(
    r"\b(?:children|kids|babies|infants|pregnan\w*|women|men|elderly|older|people with|those with|anyone with|"
    r"patients)\b",
    re.IGNORECASE,
)
# What says good of a remedy, as a verb (read by claims.ingest.forsome too).
GOOD_VERBS = r"helps?|works?|eases?|relieves?|soothes?|calms?"
_GOOD_AFTER = re.compile(
    rf"\b(?:but|otherwise)\b[^.]*?\b(?:{GOOD_VERBS}|effective|useful|fine|good|safe|harmless|tolerate\w*"
    r"|can (?:take|use))\b",
    re.IGNORECASE,
)
# ... and after a denial of a cure only: "won't heal a slipped disc, but it reduces the pain", not what
# people only think ("but many people think they help")
_BENEFIT_AFTER = re.compile(
    r"(?:\b(?:but|otherwise|yet|although|though)\b|;)"
    r"(?:(?!\b(?:think|thinks|believe|believes|claim|claims|swear|say|says)\b)[^.])*?"
    r"\b(?:helps?|works?|eases?|relieves?|relief|reduces?|stops?|prevents?|improves?|effective|useful|soothes?|calms?)\b",
    re.IGNORECASE,
)


# "If you take statins, they ...": "they" may be what the reader takes, not the remedy before
_THEIRS = re.compile(r"\b(?:take|taking|on) [^,.;:?!]*?\w{3,}s\b[^,.;:?!]*,\s+they\b", re.IGNORECASE)
_TAKERS_FIRST = re.compile(r"\W*(?:if|when|while) you", re.IGNORECASE)
_PART = re.compile(r"[.;:,]|\b(?:but|otherwise)\b", re.IGNORECASE)


_NOT_FOR = re.compile(r"\s*not for\b(?!\s+(?:everyone|everybody|all|long)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Denied:
    words: str
    qualified: bool  # the line leaves room for the advice: the caution goes beside the benefit
    whom: list[str] = field(default_factory=list)  # the populations the denial names


def denied_next(proposals: list, segments: list[Segment], text: str, condition: str | None = None) -> list:
    """`proposals` with the benefit of the one remedy a sentence names made a caution when the next
    sentence denies it as "it" ("Quinine eases the pain. However, it is no longer recommended."),
    says it makes things worse ("It may dull the pain, but it often makes headaches more frequent")
    or disowns the sentence ("Aspirin cures hangovers. Or so people thought."), or with a caution beside
    it when the denial leaves room for the advice ("It doesn't work for everyone, but it helps many
    people")."""
    changed: dict[int, Denied] = {}  # segment start: the denial its next sentence makes
    quoted_to: dict[int, int] = {}
    at = by_start(proposals)
    for seg, following in zip(segments, segments[1:], strict=False):
        if seg.kind == HEADING or following.block != seg.block:
            continue
        disowned, about = _DISOWNS.match(following.text), _NEXT_ABOUT_IT.match(following.text)
        if about and _THEIRS.search(about.group(0)):
            about = None  # "If you take statins, they can cause muscle pain": "they" are the statins
        against = _AGAINST_IT.search(following.text)  # "Today doctors advise against them."
        bare = warned_next(following.text)  # "Ibuprofen eases pain. Not suitable in pregnancy."
        if bare and _NOT_FOR.match(bare.group(0)) and not populations(following.text):
            bare = None  # "Not for the faint-hearted, though." ("Not for everyone" leaves room)
        if not (disowned or about or against or bare):
            continue
        named = {p.remedy for p in at.get(seg.start, ())}
        plural = _PLURAL.match(following.text) or (against and "them" in against.group(0).lower().split())
        words, qualified = "", False
        if disowned and named:  # of every remedy the sentence names
            words = disowned.group(0).strip(" .!").lower()
        elif bare and named and not at.get(following.start):
            # "A steroid spray such as Beconase eases a blocked nose. Not suitable for ...", not
            # "Not safe in pregnancy: ibuprofen, aspirin", a line of its own remedies
            words = bare.group(0).strip().lower()
            qualified = leaves_room(following.text, words) or bool(populations(following.text))
            # a check first is no denial ("Ask your pharmacist first if ...", "Tell your doctor if ...")
            qualified = qualified or bool(ASK_FIRST.match(following.text) or TELL_FIRST.match(following.text))
        elif against and (len(named) == 1 or (plural and named)):
            words = against.group(0).lower()
            qualified = leaves_room(following.text, words)  # "Pregnant women should avoid it": beside the benefit
            qualified = qualified or bool(_ONLY_IF.match(following.text))  # "If it makes things worse, avoid it."
        elif about and (len(named) == 1 or (plural and named)):
            subject = about.start(1)  # "Even so, the risks are too high": read from "the risks"
            words = denied_benefit(following.text, subject)
            words = "" if cure_only(following.text, words) else words
            qualified = bool(words) and leaves_room(following.text, words)
            qualified = qualified or bool(_TAKERS_FIRST.match(about.group(0)))  # "If you take clopidogrel, it is not."
            of_it = about.group(1).lower() in _SAID_OF_IT or bool(plural)  # not "This is why bright light ..."
            if not words and of_it:
                words = worsens(following.text, subject, condition)[0]
            if not words and of_it and (harm := _HARM.search(following.text)):
                # "It can cause Reye's syndrome": a caution beside the benefit, unless the benefit was only reported
                words, qualified = harm.group(0).lower(), not _REPORTED.search(seg.text)
        if words:
            changed[seg.start] = Denied(words, qualified, populations(following.text))
            quoted_to[seg.start] = following.end

    def recast(proposal):
        denied = changed.get(proposal.start)
        if not denied or proposal.kind not in BENEFITS:
            return [proposal]
        end = max(proposal.end, quoted_to[proposal.start])  # quoted with the sentence that denies it
        rule = f"{proposal.rule}; denied next: {denied.words}"
        caution = replace(proposal, kind=CAUTION, end=end, quote=text[proposal.start : end], rule=rule)
        # "It should not be used by pregnant women": the caution is for them
        cautions = [replace(caution, population=whom) for whom in denied.whom] if denied.whom else [caution]
        return [proposal, *cautions] if denied.qualified else cautions

    return recast_all(proposals, recast) if changed else proposals


def by_start(proposals: list) -> dict[int, list]:
    """The proposals of each segment, by where it starts."""
    at: dict[int, list] = {}
    for proposal in proposals:
        at.setdefault(proposal.start, []).append(proposal)
    return at


def recast_all(proposals: list, recast) -> list:
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


# A cell between a remedy and its verdict in a flattened table: "Paracetamol\nLow\nNot recommended".
_GRADE = re.compile(
    r"\s*(?:(?:very|fairly)\s+)?(?:strong|moderate|low|weak|high|mixed|limited|good|poor|none|insufficient|"
    r"conflicting|unclear|fair)(?:\s*(?:to|-|–|/)\s*(?:very\s+)?(?:strong|moderate|low|weak|high|good|poor|limited))?"
    r"(?:\s+(?:evidence|quality|certainty))?\.?\s*|\s*[★☆]{1,5}\s*",
    re.IGNORECASE,
)


def line_under(segments: list[Segment], index: int) -> str:
    """The line under the title line `segments[index]` that may say what its remedy is worth: the
    next line, or the one after it when the next is only a grade ("Paracetamol\nLow\nNot
    recommended on its own", a remedy / evidence / verdict table flattened to lines)."""
    following = segments[index + 1]
    after = segments[index + 2] if index + 2 < len(segments) else None
    if _GRADE.fullmatch(following.text) and after is not None and after.block == following.block:
        return after.text
    return following.text


def titles(segment: Segment, title: Segment) -> bool:
    """Whether `title`, a line of its own, titles `segment`, the line under it."""
    return segment.title_at == title.start


def title_denied(under: str, condition: str | None = None) -> Denied | None:
    """The denial in the line under a title, when that line speaks of the title's remedy: without a
    subject ("Not recommended.", "No longer recommended.", "Banned in 1994.") or as "it" ("It is no
    longer recommended.", "The FDA warns against using it")."""
    found = SUBJECTLESS.match(under) or _DENIES.match(under)
    words = found.group(0).strip().lower() if found else ""
    first_part = re.split(r"[;,]|\bbut\b", under, maxsplit=1)[0]
    if not words and (_ABOUT_IT.match(under) or _ONCE.match(under) or re.search(r"\b(?:it|them)\b", first_part)):
        words = denied_benefit(under, 0)
    if words and not cure_only(under, words):
        return Denied(words, leaves_room(under, words, condition))
    # a harm said of it, with or without a subject: "Makes reflux worse; avoid", "They increase the risk of falls"
    harm = _TITLE_HARM.match(under) or (_ABOUT_IT.match(under) and _HARM_OF_IT.search(first_part))
    if harm or worsens(under, 0, condition)[1] and not _ADVISED_UNDER.match(under):
        return Denied((harm.group(0) if harm else worsens(under, 0, condition)[0]).strip().lower(), False)
    return None


# A line that says the titled remedy harms: "Makes reflux worse; avoid", "Increases the risk of falls".
_TITLE_HARM = re.compile(
    r"\s*(?:makes? (?:\w+ ){1,3}worse|worsens|aggravates|triggers|can (?:cause|trigger|worsen)|increases? the risk)\b"
    r"|.*[;:.,]\s*avoid(?: it| them)?\W*$",
    re.IGNORECASE,
)
_HARM_OF_IT = re.compile(
    r"\b(?:increases? the risk|can (?:cause|lead to)|may (?:cause|lead to)|is linked to|are linked to|habit[- ]forming|"
    r"addictive)\b",
    re.IGNORECASE,
)
_ADVISED_UNDER = re.compile(r"\s*(?:take|use|try|drink|eat|apply)\b", re.IGNORECASE)


def cure_only(line: str, words: str, start: int = 0) -> bool:
    """Whether the denial `words` in `line` (found from `start`) denies only a cure, with a benefit
    said after it: "It is not a cure, but it helps many people" is advice."""
    at = line.lower().find(words, start)
    return bool(words) and bool(A_CURE.search(words)) and bool(_BENEFIT_AFTER.search(line, max(at, start) + len(words)))


def leaves_room(line: str, words: str, condition: str | None = None) -> bool:
    """Whether the denial `words` in `line` leaves room for the advice: it restricts whom or how
    ("Not for children", "... in pregnancy") or a benefit is said after it."""
    at = line.lower().find(words)
    after = at + len(words)
    # the condition named in the restriction, or in the line's first part: "People with heartburn should avoid it"
    restriction = _PART.split(line[after:], maxsplit=1)[0] + " " + _PART.split(line, maxsplit=1)[0]
    # "Dangerous for most people", or "Avoid if you have heartburn" in an article on heartburn: no
    # restriction leaves room for the advice, only a benefit said after it
    if _STRONG.search(words) or (condition and cue_table(condition).named.search(restriction)):
        return bool(_GOOD_AFTER.search(line, after))
    restricted = RESTRICTED.match(line) or _RESTRICTS.match(line, after) or _WHOM.search(line, 0, max(at, 0))
    return bool(restricted or _GOOD_AFTER.search(line, after))
