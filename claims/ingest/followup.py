"""What the next sentence says of a remedy the sentence before names: the answer to a question
("Can children take aspirin? No. Aspirin is linked to Reye's syndrome.") and the line under a
title ("Quinine\nNot recommended. It can cause serious side effects.")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from claims.ingest.cues import BENEFITS, CAUTION, CUES, cue_table
from claims.ingest.details import populations
from claims.ingest.scope import SUBJECTLESS, denied_benefit, worsens
from claims.ingest.segments import HEADING, Segment

# "No.", "A: No, the FDA warns against it", "Not really.", "Unfortunately, no." (a word after "no"
# makes no answer: "No one knows", "No harm in trying", "No more than 2 cups").
_NO = re.compile(
    r"\W*(?:(?:a|answer)\s*[:.)]\s*)?"
    r"(?:(?:unfortunately|sadly|in short|absolutely|definitely|certainly|probably|generally|usually|"
    r"the short answer is|the evidence says)\s*,?\s*)?"
    r"(?:(?:no|nope|not really|not at all|not|never|not any ?more|no longer|forget it)\s*(?:[.,!;:–—-]|$)"
    r"|no (?:good |real |reliable |strong |clear )?(?:evidence|trials?|studies|research|proof)\b"
    r"|(?:the )?evidence (?:is|remains) (?:poor|weak|thin|lacking|limited)\b"
    r"|there(?:['’]s| is) (?:little|no) (?:good |real )?(?:evidence|proof)\b"
    r"|not (?:in|during|for|while|with|without|if|unless)\b)",  # "Can I take Nurofen? Not in pregnancy."
    re.IGNORECASE,
)
# A question whether the remedy is good to take: "Does quinine help?", "Is it safe?", "Should I take
# it?". Not whether it harms ("Is valerian addictive?"), when or how ("Is it too late to take it?"),
# for whom only, or which is better: a no to those is no warning.
_ASKS_GOOD = re.compile(
    r"\b(?:helps?|work|works|good|safe|effective|cures?|relieve|ease|treat|stop|prevent|fix|take|taken|use|used|"
    r"give|given|try|recommended|worth|ok|okay|fine|calm|relax|reduce|improve|answer|solution|better|safer)\b",
    re.IGNORECASE,
)
# ... or only names it: "Quinine?", "And aspirin?"
_BARE_QUESTION = re.compile(
    r"\W*(?:(?:(?:and|what about|how about)\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}|(?:is|are)\s+[\w'’.-]+(?:\s+[\w'’.-]+)?)"
    r"\?\s*",
    re.IGNORECASE,
)
_ASKS_OTHER = re.compile(
    r"\b(?:only|too late|wait|prescription|addictive|habit[- ]forming|risks?|side effects?|upset|harm\w*|"
    r"dangerous|instead|interact\w*|ha(?:ve|s) to|need to|matter|silly|same|stop working|with food|how|why|"
    r"which|what|where|wrong|right away|immediately|at once|quickly|faster|morning|evening|everyone|always|"
    r"reason|dependent|bad|stop|alone|own|take long|how long|straight|first|not to|just)\b"
    r"|^\W*(?:q\W+)?(?:isn't|aren't|shouldn't|can't|don't|doesn't|won't|wouldn't)\b",
    re.IGNORECASE,
)
# An answer that goes on to advise it after all: "No, take it in the evening", "No, but it helps
# many people", "No. It is safe for most people and keeps attacks away".
_ANSWER_ADVISES = re.compile(
    r"(?:^|[.;:,–—-]\s*)(?:then\s+)?(?:take|use|keep|try|stick|continue|just|drink|eat|apply)\b"
    r"|\b(?:helps?|eases?|relieves?|reduces?|works?|prevents?|keeps? \w+ away|(?:is|are) (?:safe|fine|effective)|"
    r"enough to)\b",
    re.IGNORECASE,
)
_BUT = re.compile(r"\W*no\W+but\b", re.IGNORECASE)  # "No, but both help"
_COMPARES = re.compile(r"\b(?:as \w+ as|better than|safer than|faster than|more \w+ than)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|never|too \w+ to|n't|won't|cannot)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"\W*(?:(?:a|answer)\s*[:.)]?|[\w' ]{0,30}\banswers?\s*:?)\s*", re.IGNORECASE)
_BACK = re.compile(r"\b(?:it|they|them)\b", re.IGNORECASE)
# The next sentence speaks of the remedy again: "However, it is no longer recommended."; of all the
# remedies named before it: "Quinine and tonic water were once popular. They are no longer recommended."
_THEN = r"\W*(?:(?:however|but|yet|still|unfortunately|sadly|today|now|nowadays|even so)\b,?\s*)?"
# ... or of its risks: "Even so, the risks are too high."
_FOR_WHOM = r"(?:(?:for|in) [\w -]{1,30},?\s+)?"  # "For older adults they are on the list of medicines to avoid"
_NEXT_ABOUT_IT = re.compile(
    _THEN + _FOR_WHOM + r"(it|they|this|that|(?:its|their|the) (?:risks?|side effects|dangers))\b",
    re.I,
)
# A sentence that takes back the one before: "Or so people thought.", "That is a myth.", "Not so."
_DISOWNS = re.compile(
    r"\W*(?:or so (?:\w+ ){0,2}(?:thought|believed|claimed)|(?:that|this)(?:'s| is| was) (?:a myth|not true|wrong)"
    r"|not so|wrong|not true)\b[\s.!]*$"
    r"|\W*there(?:['’]s| is) (?:no|little) (?:good |real |reliable |strong )?evidence",  # "Some say quinine ..."
    re.IGNORECASE,
)
# Said of it by anyone: "Today doctors advise against them", "Availability does not make it safe".
_AGAINST_IT = re.compile(
    r"\b(?:advise|warn|recommend|caution)s?\s+against\s+(it|them)\b|\bno longer\s+(?:prescribe|recommend|use)s?\s+"
    r"(it|them)\b|\bstopped\s+(?:prescribing|recommending|using)\s+(it|them)\b"
    r"|\b(?:does|do)(?:n['’]t|\s+not)\s+make\s+(it|them)\s+(?:an?\s+|any\s+)?(?:safe|safer|good|effective|useful)\b"
    r"|(?:\b(?:should|must|to|better|would)|['’]d)\s+avoid\s+(it|them)\b",  # "Pregnant women should avoid it"
    re.IGNORECASE,
)
# A harm it may do: "It can cause Reye's syndrome"; a benefit only reported ("You may have heard that ...").
_HARM = re.compile(r"\b(?:can|may|might|could)\s+(?:also\s+|even\s+)?(?:cause|lead to|trigger|result in)\b", re.I)
_REPORTED = re.compile(
    r"\b(?:you may have heard|some (?:people )?say|many (?:people )?believe|people (?:think|believe|say)|it is said)\b",
    re.IGNORECASE,
)
_PLURAL = re.compile(_THEN + _FOR_WHOM + r"(?:they|these)\b", re.IGNORECASE)
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
    r"|(?:probably|likely|usually) not\b|unproven\b"  # a flattened table's verdict: "Magnesium\nProbably not"
    r"|only (?:short[- ]term|on (?:a )?(?:doctor|prescription)|under|with (?:a )?(?:doctor|prescription))|not without)",
    re.IGNORECASE,
)
_ONCE = re.compile(r"\s*(?:once|still|formerly|previously|sometimes|often|widely)\b", re.IGNORECASE)
# A denial that leaves room for the advice: a restriction ("Not for everyone", "Not above 4 g a
# day", "Only on prescription", "It should not be taken on an empty stomach", "... in pregnancy"),
# or a benefit said after "but" or "otherwise" ("Not recommended if you are allergic; otherwise a
# cup helps you relax"). Not "no longer recommended, as stretching works better".
_RESTRICTED = re.compile(
    r"\s*(?:only\b|never for\b|not (?:\w+ )?(?:for everyone|in large (?:doses|amounts)|above|over|when|if|while|with|"
    r"during|more than|without|for (?:long|regular|daily|children|kids|babies)))",
    re.IGNORECASE,
)
_RESTRICTS = re.compile(
    r"\W*(?:(?:combined|mixed|if|unless|when|while)\b|(?:\w+\s+){0,2}?(?:on|with|in|during|by|for|if|when|while|unless|without|above|over|"
    r"more than|longer than|after|before|at)\s+(?:an?\s+|the\s+|your\s+)?(?:\w+\s+){0,3}?(?:empty stomach|children|"
    r"kids|babies|infants|pregnan\w*|women|men|people|anyone|those|patients|elderly|older|adults|alcohol|aspirin|"
    r"driving|kidney|liver|heart|asthma|ulcers?|bleeding|days?|weeks?|months?|years?|long|regular|daily|doses?|mg|"
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
_GOOD_AFTER = re.compile(
    r"\b(?:but|otherwise)\b[^.]*?\b(?:helps?|works?|eases?|relieves?|effective|useful|fine|good|safe|harmless|tolerate\w*|"
    r"soothes?|calms?|can (?:take|use))\b",
    re.IGNORECASE,
)


_PART = re.compile(r"[.;:,]|\b(?:but|otherwise)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Denied:
    words: str
    qualified: bool  # the line leaves room for the advice: the caution goes beside the benefit
    whom: list[str] = field(default_factory=list)  # the populations the denial names


def answered_no(question: str, answer: str) -> bool:
    """Whether `question` asks if something is good to take and `answer`, the sentence after it,
    says no."""
    return (
        question.rstrip().endswith("?")
        and bool(_ASKS_GOOD.search(question) or _BARE_QUESTION.fullmatch(question))
        and not _ASKS_OTHER.search(question)
        and bool(_NO.match(answer))
    )


def answered(proposals: list, segments: list[Segment], text: str) -> list:
    """`proposals` with what a question asks about made a caution when the answer is no, in the
    question (quoted with its answer) and in the answer ("Does quinine help? No. Quinine carries
    serious risks."); not when the answer goes on to advise it ("No, take it in the evening")."""
    denied: dict[int, set[str]] = {}  # segment start: the remedies the answer denies there
    quoted_to: dict[int, int] = {}  # a question's start: where its answer ends
    for index, seg in enumerate(segments[:-1]):
        answer = index + 1
        if _ANSWER_LABEL.fullmatch(segments[answer].text) and answer + 1 < len(segments):
            answer += 1  # "A." or "Doctor's answer" on its own line
        if seg.kind == HEADING or not answered_no(seg.text, segments[answer].text):
            continue
        asked = {p.remedy for p in proposals if p.start == seg.start}
        for earlier in reversed(segments[max(0, index - 2) : index]) if not asked and _BACK.search(seg.text) else ():
            if earlier.block != seg.block or asked:
                break
            # "Many readers ask about quinine. Does it help? No."; "Does it help? Yes. Should you take it? No."
            asked, seg = {p.remedy for p in proposals if p.start == earlier.start}, earlier
        compared = _COMPARES.search(seg.text)
        if compared:  # "Is quinine as good as stretching? No.": what is compared, not what it is compared with
            asked = {p.remedy for p in proposals if p.start == seg.start and _named_before(p, compared.start())}
        said = [s for s in segments[answer : answer + 2] if s.kind != HEADING]
        others = {p.remedy for p in proposals if p.start in {s.start for s in said}} - asked
        answer_text = " ".join(s.text for s in said)
        if _BUT.match(answer_text) or (not others and _advises(answer_text)):
            continue
        quoted_to[seg.start] = segments[answer].end
        for one in [seg, *said]:
            denied.setdefault(one.start, set()).update(asked)

    def recast(proposal):
        if proposal.remedy not in denied.get(proposal.start, ()) or proposal.kind == CAUTION:
            return [proposal]
        end = max(proposal.end, quoted_to.get(proposal.start, proposal.end))
        rule = f"{proposal.rule}; the question's answer: no"
        return [replace(proposal, kind=CAUTION, end=end, quote=text[proposal.start : end], rule=rule)]

    return _recast(proposals, recast) if denied else proposals


def _named_before(proposal, position: int) -> bool:
    found = proposal.quote.lower().find(proposal.surface.lower())
    return 0 <= found < position


def _advises(answer: str) -> bool:
    """Whether an answer says something good of what was asked, not negated ("too small to help")."""
    return any(not _NEGATED.search(answer, 0, found.start()) for found in _ANSWER_ADVISES.finditer(answer))


def denied_next(proposals: list, segments: list[Segment], text: str, condition: str | None = None) -> list:
    """`proposals` with the benefit of the one remedy a sentence names made a caution when the next
    sentence denies it as "it" ("Quinine eases the pain. However, it is no longer recommended."),
    says it makes things worse ("It may dull the pain, but it often makes headaches more frequent")
    or disowns the sentence ("Aspirin cures hangovers. Or so people thought."), or with a caution beside
    it when the denial leaves room for the advice ("It doesn't work for everyone, but it helps many
    people")."""
    changed: dict[int, Denied] = {}  # segment start: the denial its next sentence makes
    quoted_to: dict[int, int] = {}
    for seg, following in zip(segments, segments[1:], strict=False):
        if seg.kind == HEADING or following.block != seg.block:
            continue
        disowned, about = _DISOWNS.match(following.text), _NEXT_ABOUT_IT.match(following.text)
        against = _AGAINST_IT.search(following.text)  # "Today doctors advise against them."
        if not (disowned or about or against):
            continue
        named = {p.remedy for p in proposals if p.start == seg.start}
        plural = _PLURAL.match(following.text) or (against and "them" in against.group(0).lower().split())
        words, qualified = "", False
        if disowned and named:  # of every remedy the sentence names
            words = disowned.group(0).strip(" .!").lower()
        elif against and (len(named) == 1 or (plural and named)):
            words = against.group(0).lower()
            qualified = _qualified(following.text, words)  # "Pregnant women should avoid it": beside the benefit
        elif about and (len(named) == 1 or (plural and named)):
            subject = about.start(1)  # "Even so, the risks are too high": read from "the risks"
            words = denied_benefit(following.text, subject)
            qualified = bool(words) and _qualified(following.text, words)
            if not words and about.group(1).lower() in ("it", "they"):  # not "This is why bright light ..."
                words = worsens(following.text, subject, condition)[0]
            if not words and about.group(1).lower() in ("it", "they") and (harm := _HARM.search(following.text)):
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
    if words:
        return Denied(words, _qualified(under, words, condition))
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


def _qualified(line: str, words: str, condition: str | None = None) -> bool:
    at = line.lower().find(words)
    after = at + len(words)
    # the condition named in the restriction, or in the line's first part: "People with heartburn should avoid it"
    restriction = _PART.split(line[after:], maxsplit=1)[0] + " " + _PART.split(line, maxsplit=1)[0]
    # "Dangerous for most people", or "Avoid if you have heartburn" in an article on heartburn: no
    # restriction leaves room for the advice, only a benefit said after it
    if _STRONG.search(words) or (condition and cue_table(condition).named.search(restriction)):
        return bool(_GOOD_AFTER.search(line, after))
    restricted = _RESTRICTED.match(line) or _RESTRICTS.match(line, after) or _WHOM.search(line, 0, max(at, 0))
    return bool(restricted or _GOOD_AFTER.search(line, after))


# A question whether to take it: "Can I use a peppermint oil rub on my child's temples?", "Is milk good for heartburn?"
_YES_NO = re.compile(
    r"[\W_]*(?:q\W+)?(?:can|could|is|are|does|do|should|will|would|may|might|has|have)\b[^?]*\?[\W_]*$", re.IGNORECASE
)
_CAUTION_WORDS = next(pattern for kind, _, pattern in CUES if kind == CAUTION)


def asked_only(proposals: list, segments: list[Segment], text: str) -> list:
    """`proposals` with the benefits a yes-or-no question names read with its answer: a question
    asks, it claims nothing. When the answer names the remedy again, its own proposals stand and
    the question's go; when it warns or restricts ("Can I use a peppermint oil rub on my child's
    temples? Not under six."), the question's benefit is a caution quoted with it; otherwise the
    benefit stands, quoted with its answer ("Does magnesium help? Yes, it can.")."""
    answers, then = {}, {}
    for seg, answer, after in zip(segments, segments[1:], [*segments[2:], None], strict=False):
        if seg.kind != HEADING and _YES_NO.match(seg.text) and answer.kind != HEADING:
            answers[seg.start], then[seg.start] = answer, after
    if not answers:
        return proposals
    named_in = {(p.start, p.remedy) for p in proposals}

    def recast(proposal):
        answer = answers.get(proposal.start)
        if answer is None or proposal.kind not in BENEFITS or proposal.end > answer.start:
            return [proposal]  # not a question's, or already read with its answer
        after = then[proposal.start]
        if (answer.start, proposal.remedy) in named_in or (after and (after.start, proposal.remedy) in named_in):
            return []  # "Is peppermint oil good? Yes. Peppermint oil rubbed on the temples eases a headache."
        end = answer.end
        quoted = replace(proposal, end=end, quote=text[proposal.start : end])
        warned = _CAUTION_WORDS.search(answer.text) or denied_benefit(answer.text, 0) or _RESTRICTED.match(answer.text)
        if warned:
            return [replace(quoted, kind=CAUTION, rule=f"{proposal.rule}; the question's answer restricts it")]
        return [quoted]

    return _recast(proposals, recast)
