"""A question and its answer: "Does quinine help? No." makes the question's remedies a caution,
quoted with the answer; a yes-or-no question claims nothing by itself, so its benefit is read with
its answer ("Does magnesium help? Yes, it can.")."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest.cues import BENEFITS, CAUTION, CUES
from claims.ingest.cuewords import QUALIFIERS
from claims.ingest.denials import ASK_CLINICIAN
from claims.ingest.denied import denied_benefit
from claims.ingest.followup import RESTRICTED, by_start, recast_all
from claims.ingest.lines import AUXILIARIES
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
    r"|not (?:in|during|for|while|with|without|if|unless)\b"  # "Can I take Nurofen? Not in pregnancy."
    r"|(?:it['’]s |that['’]s )?(?:very )?unlikely\b|most (?:studies|trials|experts) say no\b|not on (?:its|their) own\b"
    r"|the jury['’]?s? (?:is )?(?:still )?out\b|probably not\b"
    # "Is it safe for asthmatics? Not always.", "It's best not to.", "Ask your GP first." ("Only if ..."
    # restricts it: the caution beside the benefit)
    r"|not always\b|(?:it['’]s |it is )?(?:best|better|safer|wiser) not\b"
    rf"|{ASK_CLINICIAN}(?: first)?\b)",
    re.IGNORECASE,
)
# A question whether the remedy is good to take: "Does quinine help?", "Is it safe?", "Should I take
# it?". Not whether it harms ("Is valerian addictive?"), when or how ("Is it too late to take it?"),
# for whom only, or which is better: a no to those is no warning.
_ASKS_GOOD = re.compile(
    r"\b(?:helps?|work|works|good|safe|effective|cures?|relieve|ease|treat|stop|prevent|fix|take|taken|use|used|"
    r"give|given|try|recommended|worth|ok|okay|fine|calm|relax|reduce|improve|answer|solution|better|safer|true|truth"
    r"|get rid of|clear|shorten|speed up|kill)\b",
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
    r"reason|dependent|bad|stop|alone|own|take long|how long|straight|first|not to|just|every \w+ (?:hours?|days?))\b"
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
# "It may help you fall asleep, but it disrupts sleep later": what the "but" takes back
_BUT_AFTER = re.compile(r"[^.;!?]*?,?\s+but\b", re.IGNORECASE)
_COMPARES = re.compile(r"\b(?:as \w+ as|better than|safer than|faster than|more \w+ than)\b", re.IGNORECASE)
_NEGATED = re.compile(r"(?:\b(?:not|no|never|too \w+ to|won't|cannot)|(?<=\w)n['’]t)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"\W*(?:(?:a|answer)\s*[:.)]?|[\w' ]{0,30}\banswers?\s*:?)\s*", re.IGNORECASE)
_BACK = re.compile(r"\b(?:it|they|them)\b", re.IGNORECASE)
# what a question asks of the sentence before: "I've read that Botox can cure grinding. Is that true?"
_ASKS_BACK = re.compile(
    r"\b(?:it|they|them)\b|\b(?:is|are) (?:that|this) (?:true|right|correct|so)\b"
    r"|\b(?:does|do|will|would|can) (?:that|this) (?:really )?(?:work|help)\b|\btruth in (?:this|that)\b",
    re.IGNORECASE,
)


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
    at = by_start(proposals)
    for index, seg in enumerate(segments[:-1]):
        answer = index + 1
        if _ANSWER_LABEL.fullmatch(segments[answer].text) and answer + 1 < len(segments):
            answer += 1  # "A." or "Doctor's answer" on its own line
        if seg.kind == HEADING or not answered_no(seg.text, segments[answer].text):
            continue
        asked = {p.remedy for p in at.get(seg.start, ())}
        back = not asked and _ASKS_BACK.search(seg.text)
        for earlier in reversed(segments[max(0, index - 2) : index]) if back else ():
            if earlier.block != seg.block or asked:
                break
            # "Many readers ask about quinine. Does it help? No."; "Does it help? Yes. Should you take it? No."
            asked, seg = {p.remedy for p in at.get(earlier.start, ())}, earlier
        compared = _COMPARES.search(seg.text)
        if compared:  # "Is quinine as good as stretching? No.": what is compared, not what it is compared with
            asked = {p.remedy for p in at.get(seg.start, ()) if _named_before(p, compared.start())}
        said = [s for s in segments[answer : answer + 2] if s.kind != HEADING]
        if len(said) == 2 and said[1].text.rstrip().endswith("?"):
            said = said[:1]  # the next question is no part of this answer
        others = {p.remedy for s in said for p in at.get(s.start, ())} - asked
        answer_text = " ".join(s.text for s in said)
        # advice after the answer counts when it speaks of the remedy again: "No. Take it in the
        # evening"; not "No. The only thing that helps is time."
        advice_text = " ".join(s.text for s in said[:1] + [s for s in said[1:] if _BACK.search(s.text)])
        if _BUT.match(answer_text) or (not others and _advises(advice_text)):
            continue
        quoted_to[seg.start] = segments[answer].end
        for one in [seg, *said]:
            denied.setdefault(one.start, set()).update(asked)

    def recast(proposal):
        if proposal.remedy not in denied.get(proposal.start, ()):
            return [proposal]
        end = max(proposal.end, quoted_to.get(proposal.start, proposal.end))
        if proposal.kind == CAUTION:  # a caution already: quoted with the answer that says no
            return [replace(proposal, end=end, quote=text[proposal.start : end])]
        rule = f"{proposal.rule}; the question's answer: no"
        return [replace(proposal, kind=CAUTION, end=end, quote=text[proposal.start : end], rule=rule)]

    return recast_all(proposals, recast) if denied else proposals


def _named_before(proposal, position: int) -> bool:
    found = proposal.quote.lower().find(proposal.surface.lower())
    return 0 <= found < position


def _advises(answer: str) -> bool:
    """Whether an answer says something good of what was asked, not negated ("too small to help")."""
    return any(
        not _NEGATED.search(answer, 0, found.start()) and not _BUT_AFTER.match(answer, found.end())
        for found in _ANSWER_ADVISES.finditer(answer)
    )


# A question whether to take it: "Can I use a peppermint oil rub on my child's temples?", "Is milk good for heartburn?"
# ... or names it alone: "Sleeping pills? Only if your doctor insists."
_YES_NO = re.compile(
    rf"[\W_]*(?:q\W+)?(?:{AUXILIARIES}[^?]*"
    r"|[\w'’-]+(?:\s+[\w'’-]+){0,3})\?[\W_]*$",
    re.IGNORECASE,
)
# A question whether it harms, answered yes: "Are sleeping pills habit-forming? Yes.", "... They can be."
_ASKS_HARM = re.compile(r"\b(?:habit[- ]forming|addictive|dangerous|harmful|risky|bad for)\b", re.IGNORECASE)
_YES = re.compile(
    r"\W*(?:(?:sadly|unfortunately)\W+)?(?:yes|yep|they can be|it can be|they are|it is|absolutely|definitely)\b",
    re.IGNORECASE,
)
# "Taking warfarin?", "Are you on warfarin or clopidogrel?": of a medicine the reader already takes
_TAKEN_ASKED = re.compile(
    r"[\W_]*(?:(?:are|do) you (?:already )?)?(?:taking|on|using|take|use)\s+[^?]{1,40}\?[\W_]*", re.IGNORECASE
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
    named_in: dict[int, set[str]] = {}
    for p in proposals:
        named_in.setdefault(p.start, set()).add(p.remedy.lower())

    def _named_again(remedy: str, seg: Segment) -> bool:
        """The answer names it, or a kind of it: "What about cheese? Aged cheeses contain tyramine, ..." """
        words = re.compile(rf"\b{re.escape(remedy.lower())}\b")
        return any(words.search(name) for name in named_in.get(seg.start, ()))

    def recast(proposal):
        answer = answers.get(proposal.start)
        if answer is None or proposal.kind not in BENEFITS or proposal.end > answer.start:
            return [proposal]  # not a question's, or already read with its answer
        after = then[proposal.start]
        if after is not None and after.text.rstrip().endswith("?"):
            after = None  # the next question, not more of the answer
        again_after = after is not None and proposal.remedy.lower() in named_in.get(after.start, ())
        if _named_again(proposal.remedy, answer) or again_after:
            return []  # "Is peppermint oil good? Yes. Peppermint oil rubbed on the temples eases a headache."
        question = text[proposal.start : answer.start]
        taken = _TAKEN_ASKED.fullmatch(question)  # the reader's own medicine: whom the answer is for
        if taken and answer.text.rstrip().endswith(":"):
            return []  # "Taking warfarin? Avoid these:": whom the list is for
        end = answer.end
        quoted = replace(proposal, end=end, quote=text[proposal.start : end])
        warned = (
            _CAUTION_WORDS.search(answer.text)
            or denied_benefit(answer.text, 0)
            or RESTRICTED.match(answer.text)
            or (_ASKS_HARM.search(question) and _YES.match(answer.text))
        )
        if warned:
            caution = replace(quoted, kind=CAUTION, rule=f"{proposal.rule}; the question's answer restricts it")
            # "Not sure about magnesium? Ask your pharmacist; it helps many people.": beside the benefit
            return [quoted, caution] if QUALIFIERS.search(answer.text) and not taken else [caution]
        return [quoted]

    return recast_all(proposals, recast)
