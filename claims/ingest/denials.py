"""The words with which an article denies a remedy's benefit ("is no longer recommended", "does not
help", "no evidence that", "makes no difference") or warns of it right after its name ("should be
avoided", "isn't safe in pregnancy"), and those with which it denies a harm ("Cheese does not cause
nightmares", "There is no link between chocolate and acne"). Where they speak of the remedy is
decided by claims.ingest.scope."""

from __future__ import annotations

import re

from claims.ingest.details import populations
from claims.ingest.negated import NO_NEED_TO

# A benefit the article denies: "is no longer recommended", "does not help", "no evidence that".
DENIED = re.compile(
    r"\b(?:(?:is|are|was|were|has been|have been)(?:n['’]t|\s+not|\s+no longer|\s+never)\s+(?!just\b|only\b)(?:\w+\s+)?"
    r"(?:recommended|effective|helpful|useful|proven|shown|advised|approved|prescribed|used|(?:needed|necessary)(?!\s+to\b))"
    r"|(?:has|have)(?:n['’]t|\s+not) (?:been )?(?:proven|proved|shown|found)"
    r"|too (?:strong|harsh|risky|dangerous) for|\bnot for (?:[\w-]+ ){0,3}(?:in|during) pregnan\w*"
    r"|(?:does|do|did|will|can|wo)(?:n['’]t|\s+not)\s+(?!just\b|only\b)(?:\w+\s+)?"
    r"(?:help|work|relieve|prevent|treat|cure|reduce|lower|cut|stop(?!\s+\w+ing\b)|support|fix|ease|heal|solve|shrink|dissolve"
    r"|shorten"
    r"|straighten|correct|protect)"
    r"|fails? to (?:help|work|relieve|prevent|treat|ease)"
    r"|unlikely to (?:help|work|ease|relieve|prevent|shorten|cure|treat)|no better than"
    r"|\b(?:does|do|did)\s+(?:very\s+)?little\s+to\s+(?:help|ease|relieve|treat|prevent)|\bhardly\s+(?:helps?|eases?|works?)"
    # "High heels help nobody", "Alcohol alleviates nothing"
    r"|\b(?:helps?|eases?|alleviates?|improves?|relieves?|cures?|fix(?:es)?|solves?)\s+(?:nothing|nobody|no[- ]one)\b"
    # "will do nothing useful", "does little or nothing to shorten", "does precisely nothing for"
    r"|\b(?:(?:will|would|can|could)\s+do|does|do|did)\s+(?:(?:precisely|absolutely|simply)\s+nothing\s+"
    r"(?:whatsoever\s+)?for\b|nothing\s+whatsoever\s+for\b|(?:absolutely\s+|little\s+or\s+|next\s+to\s+)?nothing\s+"
    r"(?:useful|helpful|to (?:help|ease|relieve|treat|prevent|stop|shorten|speed)|at all|of value)"
    # not "will do nothing useful if you wait until the pain peaks" (a condition, or where one was blanked)
    r"(?!\s+(?:if|unless|until|when|once)\b|\s{3,}))"
    r"|should no longer be (?:used|taken|given)|no longer (?:prescribed|recommended|sold|prescribe|recommend)"
    r"|no (?:\w+ )?(?:evidence|proof)|not enough (?:\w+ )?(?:evidence|proof)|ineffective|useless|of no use|not worth"
    r"|little (?:or no )?benefit|\bnot (?:very |particularly |that |especially )?effective\b"
    r"|no more effective"
    r"|\bno (?:(?:more|greater|extra|added|real|clear|proven)\s+)?benefit\b"
    r"(?!\s+(?:in|from)\s+(?:buying|rubbing|going|paying|doubling|taking (?:both|more|extra|two)|using (?:more|extra)))"
    # "might seem to calm redness at first, but ...", not "may seem to hurt a little at first"
    r"|\b(?:seems?|appears?) to (?:help|work|calm|ease|soothe|relieve|settle|clear|improve|fix)\w* "
    r"(?:[\w-]+ ){0,3}?at first\b(?=\s*,?\s*(?:(?:but|though|however|yet)\b|$))"
    r"|little (?:good |real |convincing |strong |hard |scientific )?(?:evidence|proof)|\bpointless"
    r"|(?:does|do)(?:n['’]t| not) need\b(?! (?:much|any|a lot of) \w+ing\b)"
    rf"(?! to {NO_NEED_TO})"  # "You don't need to avoid paracetamol"
    r"|(?:the )?evidence (?:for (?:it|them|this|these) )?(?:is|remains) (?:poor|weak|thin|lacking|limited)"
    r"|(?:(?:rarely|not|never) (?:a )?(?:good|great|wise|sensible)|\ba bad) idea(?!\s*\?|\s+to\b)"
    r"|(?:list of )?(?:medicines|drugs|things) to avoid(?! (?:a|an|the|your)\b)"
    r"|(?:does|do)(?:n['’]t|\s+not) (?:make (?:it|them) (?:any )?(?:shorter|milder|better)|shorten|speed up)"
    r"|(?:does|do|will|wo)(?:n['’]t|\s+not) make (?:it|them|the \w+|your \w+) (?:heal|clear(?: up)?|go(?: away)?) "
    r"(?:any )?(?:faster|quicker|sooner)"
    r"|(?:too (?:little|small|weak|low)|not enough)\b[^.;]{0,60}?\bto (?:help|work|matter|prevent|relieve)"
    r"|(?:evidence|research|data|studies)\b[^.;]{0,20}?(?:is|are)(?:n['’]t| not) (?:\w+ )?enough to recommend"
    r"|warn(?:s|ed)? against|advises? against|banned|withdrawn|(?:'d|would|best to) avoid (?:it|them)"
    r"|neither\b[^.;]{0,80}?\bnor\b(?![^.;]*\b(?:habit[- ]forming|addictive|harmful|dangerous|unsafe|risky)\b)"
    # a myth, unless what it debunks is a harm: "Myth: laxatives make the bowel lazy"
    r"|\bmyths?\b(?!\s*[:–—-][^.;]*\b(?:useless|lazy|dangerous|harmful|addictive|bad for|unsafe|toxic|don['’]t work"
    r"|never|avoid\w*|(?:should|must|can)(?:n['’]t| not)|cannot|not safe|do not|don['’]t)\b)"
    r"|not true that|contrary to (?:popular )?belief|often touted|\bmisconceptions?\b"
    r"|rarely (?:\w+ )?(?:recommended|used|prescribed|needed|necessary|helpful|useful)"
    r"|(?:rarely|seldom) (?:helps|works)"
    r"|used to be (?:\w+ )?(?:prescribed|recommended|given)|(?:is|are) no substitute for"
    r"|(?<!there )(?<!there's )(?:is|are) no (?:\w+ )?cure\b(?!-)"
    r"|(?:is|are)(?:n['’]t|\s+not) (?:a |the )?long-term (?:cure|answer|solution|fix)\b"
    r"|risks? (?:\w+ ){0,3}outweighs?|risks? (?:are|is) too (?:high|great|serious)"
    r"|(?:n['’]t|\bnot) (?:advisable|appropriate|for (?:children|babies|kids|pregnant|people|those))"
    # "Stretching works; quinine does not.", "| It doesn't |", a list's "- aspirin is not"
    r"|(?:does|do|is|are)(?:n['’]t|\s+not)\s*(?:[.;!]|(?=\s*\|))"
    r"|(?<!\bthis )(?<!\bthat )(?<!\bit )(?<!\bwhich )(?<!\bwhat )(?:is|are)(?:n['’]t|\s+not)\s*$"
    r"|not (?:in|for|during) (?:children|babies|kids|infants|pregnan\w*|people|those|patients)\b"
    r"|(?<!n't )(?<!n’t )(?<!not )(?<!never )(?<!to )\b(?:skip (?:it|them)(?!\s+and\b)|give (?:it|them) a miss)\b"
    r"|avoid(?:ed)? (?:it|them)\b|\bkeep\b[^.;]{0,30}?\baway from (?:small |young )?children|(?:no|little) relief"
    # "Quinine is not an option", "This does not make it a safe remedy"
    r"|(?:is|are)(?:n['’]t|\s+not|\s+no longer) (?:really |always )?(?:an? |the )?"
    r"(?:(?:(?:good|safe|great|real|viable|suitable|sensible|wise|reasonable|long-term|best|ideal|right|wisest|first)\s+){0,2}"
    r"(?:option|answer|solution|choice)"
    r"|(?:(?:good|safe|proven|recommended|effective|reliable)\s+)?"
    r"(?:(?!only\b|new\b|first\b|main\b|single\b|usual\b|standard\b|common\b|typical\b)[\w-]+\s+){0,2}?"
    r"(?:treatment|remedy|cure(?!-)))\b"
    # "isn't necessarily the best painkiller in pregnancy", "may not be the best option for children",
    # "is no longer considered a safe choice", "not all of them are suitable", "should only be used if ..."
    r"|(?:(?:is|are|['’]s|['’]re)(?:n['’]t|\s+not|\s+no longer)|(?:may|might|could)\s+not\s+be)\s+"
    r"(?:(?:really|always|necessarily|usually|generally|considered|thought to be)\s+)*(?:an?\s+|the\s+)?"
    r"(?:best|first|ideal|right|wisest|safest|preferred|safe|good)\s+"
    r"(?:choice|option|painkiller|medicine|treatment|remedy|drug|bet)\b"
    r"|\bnot all (?:of (?:them|these|those) )?(?:[\w-]+ ){0,3}?(?:is|are) (?:suitable|safe|recommended)"
    r"|(?:should|must|can) only be (?:used|taken|given)\b|^\W*only (?:use|take|give)\b"
    r"|(?:does|do)(?:n['’]t|\s+not) (?:make|mean) (?:[\w-]+ ){0,2}?(?:is |are )?(?:an? |any )?"
    r"(?:safe|safer|good|effective|useful)\b|old wives['’]? tale"
    # idioms: "a thing of the past", "off the table", "a no-go", "think twice before", "get hooked on"
    r"|thing of the past|off the table|\bno-go\b|forget (?:it|them|about (?:it|them))\b"
    r"|best left (?:on the shelf|alone|in the past)"
    r"|\bnothing to (?:show|suggest|prove) (?:it|that|they)\b"  # "there's nothing to show it speeds things up"
    r"|(?:results?|trials?|studies|evidence|research)\b[^.;]{0,40}?\b(?:were|was|have been|has been|are|proved)\s+"
    r"(?:\w+\s+)?(?<!far )disappointing"
    r"|disappointing (?:results?|trials?|studies)"
    # "make no difference to pain", "the evidence that they prevent it is weak", "has mixed results"
    r"|\b(?:makes?|made|making) (?:(?:little or |absolutely )?no|little) "
    r"(?:real |significant |measurable )?difference\b"
    r"(?!\s*(?:whether|which|if|to (?:whether|which)|what)\b|\s*:)"
    r"|\b(?:does|do|did)(?:n['’]t| not) make (?:a|any|much) (?:real )?difference\b"
    r"|\bevidence (?:that|for)\b[^.;]{0,60}?\b(?:is|are|remains) (?:\w+ )?"
    r"(?:poor|weak|thin|lacking|limited|mixed|inconclusive|conflicting)\b"
    r"|\b(?:evidence|results?)\b (?:is|are|remains?) (?:very |rather |pretty |still )?"
    r"(?:mixed|inconclusive|conflicting)\b"
    r"|\b(?:has|have|had|with|shows?|showed) mixed (?:results|evidence)\b"
    r"|think twice|(?:get|gets|got|getting) hooked)",
    re.IGNORECASE,
)
# A warning said of the remedy right after its name, before a comma or "and" hands the sentence
# to another: "Coffee should be avoided", "Valerian isn't safe in pregnancy", "Milk is a poor
# choice for heartburn", "Baking soda works fast but is not suitable for regular use".
WARNED = re.compile(
    r"\b(?:(?:should|must|is|are|best|better|to) (?:still |also )?(?:be )?"
    r"(?:usually |generally |often |best |better )?avoided"
    r"|(?<!not )(?<!n't )(?<!n’t )\b(?:the|a) (?:one|drug|medicine|remedy|thing)s? to avoid\b(?! (?:a|an|the|your)\b)"
    r"|unsuitable"
    r"|(?:is|are) bad for|poor choice"
    r"|(?:is|are) (?:too |very |quite )?(?:risky|dangerous|unsafe|harmful)"
    r"|should(?:n['’]t|\s+not) be (?:combined|mixed|taken|used|given)"
    # "steer clear of it in pregnancy", "its safety in pregnancy is unknown", "check with your
    # midwife before using it in pregnancy"
    r"|steer clear|a wide berth|safety\b[^.;]{0,40}?\b(?:is|are) (?:unknown|not (?:known|established|clear))"
    r"|(?:n['’]t|\bnot|\bno) (?:enough |good )?evidence (?:that )?(?:it|they)(?:['’]s| is| are) safe"
    r"|(?:check|talk|speak) (?:with|to) (?:your|a) (?:doctor|gp|pharmacist|midwife) before (?:using|taking|giving))"
    # "isn't suitable", "not for children"
    r"|(?:(?<=\w)n['’]t|\bnot) (?:\w+ )?(?:safe|suitable|for (?:young |small |older )?(?:children|babies|kids|infants"
    r"|anyone|everyone|pregnant|people|those|patients|adults|women|men|anyone under|under[- ]\d+s?))"
    # "Pregnant? Feverfew is not for you.", "Feverfew is off limits"
    r"|\bnot for you\b|\b(?:is|are) off[- ]limits\b",
    re.IGNORECASE,
)

# A warning with no subject, said of the remedy named before it: "..., but isn't recommended in
# pregnancy", "but not in children", "Ibuprofen eases pain. Not suitable in pregnancy.", "Quinine\nNot recommended."
# A check asked for before the remedy the sentence before names, for some: "Ask your pharmacist
# first if you have asthma.", "Check with a doctor before taking it if you're pregnant.", "Always ask a
# pharmacist first when buying them for a child." (not "Ask your midwife if you have any other questions")
# Whom to ask first: "a pharmacist", "your GP", "the midwife"
CLINICIAN = r"(?:a |your |the )?(?:doctor|pharmacist|gp|midwife)"
ASK_CLINICIAN = rf"(?:ask|check with|talk to|speak to) {CLINICIAN}"
_SOME = r"(?:you(?:['’]re| are| have| take| use|['’]ve)|your (?:child|baby|toddler) (?:has|is|takes))\b"
ASK_FIRST = re.compile(
    rf"\s*(?:always\s+)?(?:ask|check with|talk to|speak to|consult) {CLINICIAN}"
    r"(?: first)?(?: (?:before|when) (?:taking|using|giving|buying) (?:it|them))?"
    rf"(?: (?:if|when|while) {_SOME}| for (?:a |your )?(?:child|children|baby|toddler)\b)"
    r"(?! any (?:other |more |further )?(?:questions|concerns|doubts|worries)\b)",
    re.IGNORECASE,
)
# A sentence that keeps the remedy before it from some, when it names them: "Avoid it if you have
# asthma.", "If you take warfarin, avoid it.", "Those with asthma should steer clear.", "If you have
# high blood pressure, don't use them."
# "If you take warfarin, avoid it.": a condition, then the order (read by claims.ingest.followup too)
IF_THEN = r"^\W*(?:if|when|while|whilst)\b[^.;:?!]{1,80},\s*"
KEPT_FROM_SOME = re.compile(
    r"^\W*(?:but\s+|however,?\s+)?avoid\s+(?:it|them)\b"
    rf"|{IF_THEN}(?:avoid|skip)\s+(?:it|them)\b"
    r"|\b(?:should|must)(?:n['’]t|\s+not)\s+(?:use|take|have|be given)\b"
    r"|\b(?:don['’]t|do not|never)\s+(?:use|take|give)\s+(?:it|them)\b"
    r"|\bsteer clear\b|\bstay away from (?:it|them)\b|\bgive (?:it|them) a (?:wide berth|miss)\b"
    rf"|\b{ASK_CLINICIAN} first\b|\bask first\b"
    r"|\b(?:it|they) (?:may|might) not be (?:right|suitable|safe) for (?:you|them)\b"
    r"|\b(?:it|they) makes? (?:their|your) (?:breathing|asthma|symptoms) worse\b",
    re.IGNORECASE,
)
SUBJECTLESS = re.compile(
    r"\s*(?:(?:is|are|was|were)(?:n['’]t|\s+not|\s+no longer|\s+never)"
    r" (?:recommended|advised|advisable|appropriate|safe|suitable|for|worth|effective|proven|approved)"
    r"|(?:(?:was|were|has been|have been) )?(?:banned|withdrawn)"
    r"|should(?:n['’]t|\s+not) (?:be|go)|must not|(?:must|should) be avoided"
    r"|(?:is|are) (?:best|better) avoided"
    r"|(?:is|are)(?:n['’]t|\s+not) (?:the |a )?(?:best|first|ideal|right) (?:choice|option)"
    r"|not (?:in|for|during|if|when|while|suitable|safe|recommended|every day|daily|to be (?:given|used|taken))"
    r"|never (?:for|in|during|to be)"
    r"|(?:is|are)\s+(?:now\s+)?(?:considered\s+)?(?:too\s+)?(?:risky|dangerous|unsafe))\b",
    re.IGNORECASE,
)

# A harm the article denies of the remedy named right before ("Cheese does not cause nightmares",
# "Chocolate is not to blame") or right after ("There is no link between chocolate and acne", "no
# evidence that tight underwear causes cystitis"); not when it denies for some only or goes on to a
# harm ("... for everyone", "... on its own", "..., but it can make heartburn worse").
_EVIDENCE = r"(?:\w+\s+)?(?:evidence|proof|link|connection)"  # "no (good) evidence", "little (real) proof"
_NO_EVIDENCE = rf"(?:no|little|not much|scant)\s+{_EVIDENCE}"
_BRINGS_ON = r"cause|trigger|lead to|bring on"
HARM_DENIED_AFTER = re.compile(
    r"\s+(?:(?:is|are)(?:n['’]t|\s+not)\s+(?:to blame|linked to|a cause of|the cause of)"
    rf"|(?:does|do|did|will|wo)(?:n['’]t|\s+not)\s+(?:{_BRINGS_ON})"
    # "Paracetamol rarely triggers asthma", "very rarely causes hives"
    r"|(?:(?:very|only|extremely)\s+)?(?:rarely|seldom)\s+(?:causes|triggers|leads to|brings on)"
    r"|(?:has|have)\s+no\s+(?:\w+\s+)?(?:link|connection)\s+(?:to|with))\b",
    re.IGNORECASE,
)
HARM_DENIED_BEFORE = re.compile(
    rf"(?:\b(?:{_NO_EVIDENCE}|not (?:found )?any\s+{_EVIDENCE})"
    r"(?:\s+(?:shows?|suggests?))?|\b(?:a myth|not true|untrue)|\bfound no (?:\w+\s+)?(?:link|evidence))"
    r"\s+(?:that|between|linking)\s+$",
    re.IGNORECASE,
)
# ... or says the condition is not due to it: "The cause of seizures is not related to physical activity"
NOT_DUE_TO = re.compile(r"\b(?:is|are|was|were)(?:n['’]t|\s+not)\s+(?:related|linked|due)\s+to\s+$", re.IGNORECASE)
# ... and what a remedy is said to be linked to: "no link between cheese and nightmares"
LINKED_TO = re.compile(r"\b(?:link|connection|association)\s+between\s+[\w' -]{1,40}?\s+and\s+$", re.IGNORECASE)
# ... said of the harm, after the name: "causes", "triggers", "and" (of "no link between A and B")
HARMS_AFTER = re.compile(r"\s+(?:causes?|triggers?|leads? to|brings? on|gives? you|and)\b", re.IGNORECASE)
# ... a denial itself denied: "It's not true that alcohol doesn't trigger migraines"
DENIAL_DENIED = re.compile(r"\b(?:not true|a myth|false|wrong)\s+that\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# A harm or advice said of it after the denial, or the denial made for some only.
HARM_KEPT = re.compile(
    r"\b(?:but|however|though|although|yet)\b|\band (?:it|they)\b"
    r"|\b(?:for|in) (?:everyone|everybody|all|most)\b|\beveryone['’]s\b"
    r"|\bmost people\b|\bon (?:its|their) own\b|\bby (?:itself|themselves)\b|\balone\b|\balways\b",
    re.IGNORECASE,
)
# A fact line that denies the myth's harm: "There is little evidence that it causes acne", "Chocolate
# doesn't", "... rather than its cause".
FACT_DENIES = re.compile(
    rf"\b{_NO_EVIDENCE}\b"
    rf"|(?:does|do|did)(?:n['’]t|\s+not)(?:\s+(?:{_BRINGS_ON}|make))?\b"
    r"|\bnot (?:to blame|linked)\b|\b(?:not|rather than) (?:its|the|a) (?:cause|trigger)\b",
    re.IGNORECASE,
)


NO_HARM, HARM_FOR_SOME = "no harm", "a harm for some"


def harm_denied(text: str, offset: int, end: int) -> str:
    """Whether the sentence denies a harm of the remedy named at `offset`..`end` (HARM_DENIED_AFTER,
    HARM_DENIED_BEFORE): NO_HARM, for all and with no harm after it; HARM_FOR_SOME, when it is denied for
    some only or a harm is said after it (HARM_KEPT: "Cheese doesn't trigger migraines in most
    people", "Spicy food doesn't cause ulcers, but it can make heartburn worse"); or ""."""
    said = HARM_DENIED_AFTER.match(text, end)
    if said and DENIAL_DENIED.search(text, 0, offset):
        return ""
    if not said:
        said = NOT_DUE_TO.search(text, 0, offset)
    if not said:
        said = HARM_DENIED_BEFORE.search(text, 0, offset)
        if not said or said.end() != offset or not HARMS_AFTER.match(text, end):
            return ""
    if _ADVICE_AFTER.search(text, said.start()):
        return ""  # "Magnesium does not cause heartburn, so take it with food": advice, as it says
    return HARM_FOR_SOME if HARM_KEPT.search(text, said.start()) else NO_HARM


_ADVICE_AFTER = re.compile(r"\bso\b|;", re.IGNORECASE)


# ... or tells a clinician of whom it names or of the remedy's use: "Tell your doctor if you take
# antidepressants", "... if you take it for more than a month", "... if you have any side effects"
# (not "... if you have headaches more than 15 days a month", which refers the condition)
TELL_FIRST = re.compile(rf"\s*(?:always\s+)?tell {CLINICIAN}(?: first)? (?:if|when|while) {_SOME}", re.IGNORECASE)
_OF_ITS_USE = re.compile(
    r"\b(?:tak(?:e|en|ing)|us(?:e|ed|ing)|giv(?:e|en|ing)|need(?:ed)?) (?:it|them)(?:\s+(?:for (?:more|longer) than"
    r"|every day|daily|regularly|often|long[- ]term)\b|\s*[,.;!]|\s*$)|\bside[- ]effects?\b",
    re.IGNORECASE,
)


def warned_next(text: str) -> re.Match | None:
    """A warning with no subject that opens `text`, the sentence after a remedy's ("Not suitable in
    pregnancy.", "Ask a pharmacist first if you have asthma.", "Tell your doctor if you are pregnant."),
    or one that keeps it from the populations `text` names ("Those with asthma should steer clear.")."""
    if found := SUBJECTLESS.match(text) or ASK_FIRST.match(text):
        return found
    if (found := TELL_FIRST.match(text)) and (populations(text) or _OF_ITS_USE.search(text)):
        return found
    found = KEPT_FROM_SOME.search(text)
    return found if found and populations(text) else None
