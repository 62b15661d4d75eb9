"""The words the cues weigh (claims.ingest.cues), compiled for the words of an article's condition:
what the sentence itself says and how much it counts, the cautions that qualify advice, the
avoid-verbs, and what a remedy of a category is usually advised for when the words leave it open
(what headings say is claims.ingest.headingcues', the words of list labels claims.ingest.labelwords',
the negations that warn of nothing claims.ingest.negated'). Nothing here is written for one
condition: an episode is "an attack", "a spasm", "symptoms", and the condition's own words."""

from __future__ import annotations

import re

from claims.ingest.condition import ConditionWords
from claims.ingest.negated import NO_NEED_TO

RELIEF, TREATMENT, PREVENTION, CAUSE, CAUTION = "relief", "treatment", "prevention", "cause", "caution"


def any_of(*patterns: str, whole: bool = False) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + (r")\b" if whole else ")"), re.IGNORECASE)


# A harm to the skin or the lining a remedy touches: a caution, beside its benefit when one is said.
_IRRITATES = (
    r"can (?:all |also |even |often )?(?:irritate|inflame|sting)\b"
    r"|can burn (?:the |your )?(?:skin|lining|mouth|throat|gums?|eyes)\b"
)


# One episode of any condition (a spasm is of muscles anywhere: the gut, the airways, the back);
# the article's condition adds its own words.
EPISODE = (
    r"attacks?|spasms?|seizures?|convulsions?|pain|episodes?|bouts?|flare(?:-?ups?|s)?|outbreaks?|breakouts?|symptoms?"
)
_ONE_EPISODE = r"attack|spasm|seizure|episode|bout|flare(?:-?up)?|outbreak|breakout"


# A limit on the dose, said any way: "no more than 4 g a day", "shouldn't take more than",
# "at most", "stay below 400 mg", "(max 4 g per day)", "the maximum daily dose". A limit on
# anything else ("no more than five minutes to make") reads as a caution too: the safe side.
NEGATION = r"(?:do not|don't|never|not to|not|shouldn't|should not|must not|mustn't)"
_DOSE_LIMIT = (
    rf"(?:no|not) more than|{NEGATION} (?:\w+ )?(?:exceed|more than)|at most|below \d|max\.? \d"
    r"|maximum (?:daily |recommended )*dose|maximum (?:of )?\d|is the maximum|upper limit"
    r"|(?:over|above|higher than|in excess of) \d+(?:[.,]\d+)?\s*(?:mg|g|mcg|µg|ml|iu|grams?|milligrams?|tablets?|"
    r"capsules?|doses?)\b|(?:keep|stay)\b[^.;]{0,30}?\bunder \d|no longer than|is too much"
    r"|more than the (?:\w+ )?(?:limit|dose)"  # "taking more than the label limit"
)
# How much of what was just named: "but limit them to two days a week", "restrict it to 1 g a day"
LIMIT_IT = (
    r"\b(?:limit|restrict|keep)(?:s|ing)? (?:it|them|yourself|your intake|its use|their use) to (?:no more than )?"
    r"(?:\d|one|two|three|four|a few|a couple)"
)
# For a short time only: a caution, beside the benefit when one is said ("Take ibuprofen only for a
# short period to ease a headache"), alone when none is ("take sleeping pills only short-term").
_SHORT_TERM = (
    r"only (?:for )?(?:the )?short[- ]term|short[- ]term only|only for a (?:short|limited) (?:time|period|while)"
)
# When a remedy is had, which says it is kept up: a prevention's cues, and no more than that of what
# usually harms ("Sugary drinks ... especially at bedtime": claims.ingest.overrule)
_AT_BEDTIME = (r"before (?:bed|going to bed|sleep)", r"at bedtime")
_REGULARLY = (r"regularly", r"(?<!not )daily\b", r"(?<!not )every day")
WHEN_HAD = _AT_BEDTIME + _REGULARLY
# "lowers the risk of": a prevention, never the caution "risk of" says alone
# What foods hold that sets many conditions off, whatever the article is about.
_TRIGGERS = r"(?:purines?|oxalates?|tyramine|histamines?|lactose|gluten|fodmaps?|trans fats?|saturated fats?)\b"
_LOWERS = r"(?:reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|cut(?:s|ting)?|decreas(?:e|es|ed|ing)|halv(?:e|es|ed|ing))"
_RISK_OF = (
    "".join(
        f"(?<!{verb} {whose})"
        for verb in "reduce reduces reducing lower lowers lowering cut cuts cutting decrease decreases halves".split()
        for whose in ("the ", "your ", "their ", "", "your baby's ", "a baby's ", "your child's ")
    )
    + r"risk of"
)
# "is linked to", not "linked to a lower risk", "to better sleep", "to fewer attacks"
_LINKED = (
    r"\b(?:is|are|was|were|has been|have been) (?:\w+ )?linked (?:to|with)\b"
    r"(?! (?:a |an )?(?:lower|less|fewer|reduced|better|improved|healthier|longer|drop|fall|reduction|decrease)\b)"
)
# "Coffee results in poor sleep", not "you should see results in two weeks", "has shown good results
# in trials" or "mixed results in adults" (a noun: what was found)
_RESULTS_IN = (
    r"(?<!see )(?<!get )(?<!the )(?<!notice )(?<!any )(?<!no )(?<!good )(?<!mixed )(?<!great )(?<!poor )"
    r"(?<!promising )(?<!positive )(?<!similar )(?<!shown )(?<!showed )(?<!show )results? in"
)
_TAKING_BRINGS = (
    r"\bif you (?:\w+ )?(?:take|use)\b[^,;.]{1,60},\s*(?:you\s+)?(?:may|might|can|could|will|are (?:more )?likely to)"
    r"\s+(?:get|develop|suffer|experience|end up with)\b"
)
# ... not what is good to get: "you may get fewer headaches / quick relief / to sleep faster"
_NOT_GOOD_GOT = (
    r"(?!\s+(?:(?:some|quick|fast|faster|quicker|more|real|good|lasting|the|a|an)\s+)*(?:relief|better|results|rid|back"
    r"|fewer|less|to sleep|to bed|sleep|rest|improvement|benefits?|well|used to|the most|the best|good)\b)"
)
# What says the words that follow are not so: "are less likely to", "no longer", "did not"
_SAID_NOT = r"(?:not|no|never|rarely|seldom|less|longer|hardly|did|didn['’]t|don['’]t|won['’]t)"
_SIDE_EFFECTS = r"(?<!fewer )(?<!no )(?<!few )(?<!without )(?<!less )side effects?"  # not "with fewer side effects"
_NO_NEED = rf" (?:need|have) to {NO_NEED_TO}"
_ASK_A_DOCTOR = (
    r"(?:ask|talk to|speak to|check with) (?:a|your|their|the) (?:doctor|pharmacist|gp|physician)"
    r"|\bask (?:first )?before (?:taking|using|giving)"
    # "Ibuprofen: ask first if you have asthma", "check with a pharmacist first"
    r"|\b(?:ask|check)(?: (?:a|your|the) (?:doctor|pharmacist|gp|midwife))? first\b"
)


# Encouragement said with a negation: "Don't hesitate to try magnesium", "Never underestimate a warm
# bath", "Do not stop stretching when the pain eases", "Don't give up on magnesium too soon".
_ENCOURAGED = r"| hesitate| be afraid| underestimate| wait| stop \w+ing| give up| suffer| let \w+ build"


def alternatives(generic: str, own: tuple[str, ...]) -> str:
    return "(?:" + "|".join((*map(re.escape, own), generic)) + ")"


def sentence_cues(words: ConditionWords) -> list[tuple[str, float, re.Pattern]]:
    """What the sentence itself says, with how much it counts."""
    episode = alternatives(EPISODE, words.forms)
    one = alternatives(_ONE_EPISODE, (words.single,) if words.single else ())
    episodes = alternatives(r"attacks|spasms|seizures|episodes|recurrence", words.head)
    return [
        (CAUSE, 3.0, any_of(
            r"caus(?:es|ed|ing)\b", r"(?<!the )(?<!a )(?<!main )(?<!common )cause\b(?! for concern)", r"provok",
            r"trigger", r"leads? to", r"led to", r"contribut\w* to", _RESULTS_IN, r"to blame",
            # "Fructose-sweetened sodas are linked to gout attacks" (not "linked to fewer attacks")
            rf"{_LINKED} (?:[\w-]+ ){{0,3}}?(?:{episode})\b",
            rf"(?:sets?|setting|brings?|bringing) (?:on|off) (?:an? |the )?{episode}\b",
            r"\bset(?:s|ting)? (?:you|it) off\b",
            r"(?:things|foods?|drinks?|habits) that (?:make (?:\w+ ){0,2}worse|keep you (?:awake|up)|worsen|aggravate)",
            r"(?:is|are) (?:the|a|one of the) (?:\w+ )?(?:causes?|reasons?)\b",
            # "If you regularly take painkillers, you may get medication overuse headaches"
            rf"{_TAKING_BRINGS}{_NOT_GOOD_GOT}\s+(?:[\w-]+\s+){{0,3}}?(?:{episode})\b",
            # "Heartburn is common in people taking NSAIDs"
            r"(?:is|are) (?:\w+ )?common (?:in|among) (?:people|those|patients|anyone|women|men|adults) (?:treated with"
            r"|taking|on|who take|using)\b",
            r"(?<!from )(?:push|pushes|pushing|sends?|drives?) (?:your |the )?blood pressure (?:up|higher)\b",
            r"(?<!from )(?:push|pushes|pushing) up (?:your |the )?blood pressure\b",
            r"(?<!not )(?<!n't )make (?:your |the )?blood pressure (?:go up|rise)\b",
            # "Grinding is also more likely if you drink a lot of caffeine", "... and with smoking"
            rf"\b(?:{episode}|it|they|this)\s+(?:is|are) (?:also |much |far |even )?more (?:likely|common) "
            r"(?:if|when|with|after|in people who)\b",
            # "... and strong tea are the main culprits.", the sentence's end
            r"(?:is|are) (?:the |a |one of the )?(?:\w+ )?culprits?(?=\s*[.!]|\s*$)",
            # "People on nitrates may get headaches", "... often have ...": what they take brings it on
            rf"(?:people|those|patients|anyone|women|men) (?:taking|on|who (?:take|use|drink)|using) (?:[\w-]+ ){{1,3}}"
            rf"(?:may|can|might|could|often|sometimes|commonly|frequently|are more likely to) "
            rf"(?:get|have|develop|experience|suffer from) "
            rf"(?:(?:more|frequent|painful|night|leg|muscle|bad|severe)\s+)*{episode}\b",
            # "Older adults taking opioid painkillers such as codeine often become constipated"
            *([rf"\b(?:people|those|patients|anyone|women|men|adults|children) (?:taking|on|who (?:take|use)|using) "
               rf"(?:(?!{_SAID_NOT}\b)[\w'-]+,? ){{1,8}}?"
               rf"(?:(?:may|can|might|could|often|sometimes|commonly|frequently|tend to) )*"
               rf"(?:become|get|feel|are|end up) (?:very |more |badly )?{alternatives('(?!)', words.states)}\b"]
              if words.states else []),
        )),
        (CAUSE, 2.0, any_of(
            r"leach", r"wash\w* out", r"adversely", r"risk factors?", r"intoxication",
            r"(?<!less )(?<!not )(?<!n't )(?<!n’t )harmful",
            rf"promot\w* (?:the )?(?:(?!relief)[\w-]+ ){{0,3}}?{episode}\b(?! relie)",  # not "promotes blood flow"
            r"poisoning", r"abuse", r"in excess", r"excessive",
            # "Caffeine can prevent you from falling asleep"
            r"(?:prevents?|stops?|keeps?) (?:you|people|them|your \w+) from "
            r"(?:falling asleep|sleeping|getting [\w ,-]{0,30}?sleep\b)",
            # holding what sets conditions off: "Red meat and shellfish are high in purines", "contain tyramine"
            # (not "Lactase tablets help you digest foods high in lactose", "contains no lactose")
            rf"\b(?:is|are)\s+(?:(?:very|particularly|often|also|all|both|usually)\s+)?(?:high|rich|richer|loaded|packed)\s+in"
            rf"\s+{_TRIGGERS}",
            # "You'll also find caffeine in green tea, cola and dark chocolate"
            rf"\bfind (?:{_TRIGGERS}|caffeine\b|salt\b|sugars?\b) in\b",
            rf"\bfoods?\s+(?:high|rich)\s+in\s+{_TRIGGERS},?\s+(?:include|such as|like)\b",
            rf"[|:]\s*(?:very\s+)?(?:high|rich)\s+in\s+{_TRIGGERS}",  # a cell: "Red meat, liver | high in purines"
            rf"\b(?:contains?|contain)\s+(?!no\b|little\b|less\b|only\b|very little\b|hardly)(?:\w+\s+)?{_TRIGGERS}",
            r"(?:rich|loaded|packed) (?:with|in) (?:caffeine|sugar|salt|sodium)\b",
            # where it is found: "Saturated fat is found in butter, lard and cakes", "Caffeine is also in cola"
            rf"(?:{_TRIGGERS}|\b(?:caffeine|salt|sodium|sugars?|fructose)\b)\s+(?:is|are|can|may)\s+"
            r"(?:(?:also|mainly|mostly|naturally|often|be)\s+)*(?:found|present|hidden)\s+in\b"
            r"(?!\s+(?:moderation|small|large|excess|the body|only|tiny|low|trace|very small|minimal)\b)",
        )),
        (CAUTION, 2.0, any_of(
            _ASK_A_DOCTOR, r"consult", r"caution", r"careful", r"contraindicat",
            # not "You don't need to avoid paracetamol in pregnancy"
            rf"do not\b(?! panic| forget{_ENCOURAGED}|{_NO_NEED})",
            # not "foods that don't need much chewing"
            rf"don't(?! forget{_ENCOURAGED}| need (?:much|any|a lot of) \w+ing\b|{_NO_NEED})",
            r"cannot", r"can't(?! go wrong)", r"must not(?! forget)", r"should not",
            r"(?:should|must)n't(?! (?:worry|panic|hesitate|be afraid|put up|suffer|wait|ignore|feel))",
            rf"never\b(?! skip| forget| miss{_ENCOURAGED}| too late| again| tried| been)",
            r"not recommended", r"n['’]t recommended", r"prohibit",
            # "those with liver disease should take a lower dose" (not "Give children a smaller dose: 250 mg")
            r"(?:should|may|might|must|will) (?:need to )?(?:take|use|have|be given|need) (?:a )?"
            r"(?:lower|reduced|smaller) dose",
            r"\bneeds? (?:a )?(?:lower|reduced|smaller) dose (?:if|when|in|for)\b",  # "... if you have kidney problems"
            r"forbid", r"dangerous", r"unsafe", _SIDE_EFFECTS, r"sterile", r"last resort",
            r"only (?:if|when|as|under|after|in|with)\b", r"moderately", r"in moderation",
            r"must be prescribed", r"hard to (?:give up|quit|stop|come off)", r"worst offenders?",
            r"carr(?:y|ies) (?:the same |a )?(?:warning|risk)", r"(?:very |too )?high in (?:sodium|salt|sugar)",
            r"(?:far |much )?(?:riskier|more dangerous|less safe)\b", r"turns? (?:[\w-]+ ){1,3}into (?:daily|chronic)",
            r"makes? (?:the |your )?(?:skin|you) (?:more )?sensitive to",
            r"(?:can|may) (?:also )?(?:set off|bring on)(?! (?:sleep|relief|calm|relaxation|drowsiness)\b)",
            r"(?:stops?|prevents?|reduces?|blocks?) (?:\w+ ){0,3}(?:being absorbed|absorption)",
            # "Aspirin in children is linked to Reye's syndrome", "... has been linked with liver injury"
            _LINKED,
            # "Gaviscon can interfere with the absorption of some drugs", "... with other medicines"
            r"\binterfer\w* with (?:the )?(?:absorption|action|effects?) of\b"
            r"|\binterfer\w* with (?:\w+ ){0,2}(?:medicines?|medications?|drugs|tablets)\b",
            r"increases? (?:the risk of )?bleeding", r"\bputs? (?:[\w-]+ ){0,3}at risk\b",
            r"on more than (?:\w+ ){1,2}days? (?:a|per) (?:week|month)",
            # not "are less likely to upset your stomach than tablets", nor "can soothe an upset stomach"
            r"(?<!less likely to )(?<!unlikely to )(?<!not )(?<!n't )(?<!n’t )(?<!\ban )"
            r"(?:upsets?|damages?|harms?|hurts?) (?:the |your )?(?:liver|kidneys?|stomach|nerves?)",
            # "codeine can make you constipated", "aspirin can make children very ill"
            r"(?:(?:can|may|could|will|often|usually|and) make|makes) (?:you|children|people|them|babies|your [\w-]+"
            r"|(?:many|some|most) people) (?:very |seriously |quite )?"
            r"(?:ill|sick|constipated|drowsy|dizzy|unwell)\b",
            r"discuss(?:ed)? with", r"supervision", r"overdos", r"allerg", r"attention!", r"important!", r"not safe",
            # "Ibuprofen can ease pain, except in pregnancy", "Codeine is off-limits for children under 12"
            r"\b(?:except|apart from|other than|excluding|with the exception of) (?:in |for |during )?(?:[\w-]+ ){0,2}?"
            r"(?:pregnan\w*|children|babies|kids|infants|under[- ]\d+s?|people with|those with|anyone with)",
            r"\boff-limits\b|\ba no-no\b",
            # "Statins are the main medicine, but they aren't suitable in pregnancy"
            r"(?:(?:is|are|was|were)n['’]t|not) (?:always |really )?(?:suitable|safe)\b",
            r"with care", r"take care with", r"monitor", _RISK_OF, _DOSE_LIMIT, _SHORT_TERM,
            r"can (?:harm|damage|hurt)\b", _IRRITATES, r"out of (?:the )?reach of (?:children|kids|little ones)",
            LIMIT_IT,
            # "Some medicines also reduce your ability to cope with heat"
            r"(?:medicines?|medications?|drugs?|tablets|pills|it|they) (?:also |can |may |often |all )*"
            r"(?:reduces?|impairs?|weakens?|lowers?|blunts?) (?:your |the body['’]s |their )?(?:ability|capacity) to"
            r"(?![^.;]*(?:,\s*|\b)so\b)",  # not "..., so drink plenty of water and use a fan"
            # a harm said plainly: "interacts with many medicines", "can raise blood pressure"
            r"interacts? with", r"(?<!non-)(?<!non)toxic", r"(?:liver|kidney|stomach|heart|nerve) (?:damage|failure)",
            r"(?:raises?|increases?|elevates?) (?:your |the )?blood pressure",
            r"(?:makes?|leaves?) (?:you|some people|people|them|children) (?:wheezy|breathless|dizzy|jittery)",
            r"(?<!n't )(?<!n’t )(?<!not )(?:increases?|raises?) (?:\w+ )?the risk",
            # what comes with taking it: "If you take painkillers like ibuprofen, you may get a rash" (not "...
            # you may get relief"; the article's condition so brought on is a cause, above)
            _TAKING_BRINGS + _NOT_GOOD_GOT,
            # "Older people taking sleeping pills are more likely to fall at night"
            r"\b(?:taking|using|on|who take|who use) (?:[\w'-]+ ){1,3}(?:are|is) (?:(?!no\b|not\b)\w+ )?"
            r"more (?:likely|prone) to (?:fall(?! asleep)|bleed|bruise|break|fracture"
            r"|be (?:admitted|hospitali[sz]ed|injured))\b",
            # an interaction: "reduces the effectiveness of the pill", "raises the blood levels of simvastatin"
            r"(?:reduces?|lowers?|weakens?|cancels?) (?:the )?(?:effectiveness|action) of",
            r"(?:raises?|increases?|doubles?) (?:the )?blood levels? of", r"makes? (?:[\w-]+ ){1,3}less effective",
            r"(?<!non-)(?:habit[- ]forming|addictive)(?!\?)", r"dependen(?:ce|cy)\b(?!\?)",
            r"leaves? you (?:[\w-]+ (?:and )?)?dependent",
        )),
        (RELIEF, 2.0, any_of(
            rf"during (?:a|an|the) (?:\w+ )?{episode}", rf"at the (?:time|moment) of (?:a|an|the) {episode}",
            rf"when (?:a|the)? ?(?:\w+ )?{episode} (?:occurs?|starts?|begins?|comes?|strikes?)",
            rf"if (?:a|the|your)? ?(?:\w+ )?{episode}\b", r"first aid", r"emergency",
            rf"for (?:a|an|your) (?:\w+ )?{one}\b",  # "a remedy for a headache": one episode
            rf"help(?:s|ed)? (?:you )?with (?:a |an |your |the )?(?:\w+ )?{episode}",
            rf"(?:stop|interrupt|eliminate|relieve|eases?|get rid of|cope with|soothe|alleviate|combat|calm) "
            rf"(?:(?:the|this|your|their) (?:\w+ )?{episode}|(?:a|an) \w+|(?:\w+ )?{one}\b)",
            r"pain relie(?:f|vers?|ved)", r"reliev\w* (?:the )?pain", r"quickly",
            # relief as a noun: "may provide some relief", "heartburn relief through vinegar"
            r"(?:provides?|brings?|offers?|gives?|finds?|found|gets?) (?!no |little )(?:\w+ )?relief",
            rf"{episode} relief",
            r"immediately", r"go(?:es)? away", r"subsides?", r"let go", rf"until the {episode}", r"acute",
            r"right away", r"instantly", r"within (?:a few )?(?:seconds|minutes)",
        )),
        (PREVENTION, 2.0, any_of(
            # not what keeps sleep away: "Caffeine can prevent you from falling asleep"
            r"prevent(?!s?\s+(?:you|people|them|your \w+)\s+from\s+"
            r"(?:falling asleep|sleeping|getting [\w ,-]{0,30}?sleep\b))",
            r"prophyla", rf"avoid {episodes}",
            *_AT_BEDTIME, r"recurrence", r"in the future", r"protect(?!ive)",
            r"(?<!not )(?<!n't )(?<!n’t )(?<!never )"
            + _LOWERS
            + r" (?:the |your |their |a baby['’]s |your baby['’]s )?(?:frequency|risk|chance|likelihood)\b",
        )),
        (PREVENTION, 1.0, any_of(
            *_REGULARLY, r"in the (?:daily )?diet", r"rich in",
            r"sources? of",
            r"to provide the body", r"replenish",
        )),
        (TREATMENT, 2.0, any_of(
            r"treat", r"therap", r"prescrib", r"cure", r"get rid of", r"eliminat", r"remed(?:y|ies)", r"medication",
        )),
        (TREATMENT, 2.5, any_of(
            r"for (?:a|one|two|three|\d+(?:\s*[-–]\s*\d+)?) (?:weeks?|months?)\b", r"course of",
            # "Paracetamol is usually a better choice": good said of it, under a label of what harms
            r"(?<!not )(?<!n't )(?<!n’t )(?:is|are) (?:usually |often |generally |probably )?(?:a |the )?"
            r"(?:better|safer|best) (?:choice|option|bet)\b",
        )),
        (TREATMENT, 1.0, any_of(
            r"(?<!not )(?<!n't )(?<!n’t )(?<!no longer )recommend", r"helps?\b", r"helpful", r"effective", r"relieve",
            r"improve", r"useful", r"normali[sz]e",
            r"(?<!not )sooth(?:e|es|ed|ing)\b",
            # not "with ease", "at ease", "ease off", "ease you into sleep", "harder to ease into", "alleviates nothing"
            r"(?<!not )(?<!with )(?<!at )\beas(?:e|es|ing)\b(?! (?:of|up|off|into|in)\b)(?! (?:\w+ )?(?:into|off)\b)",
            r"alleviat\w*(?! nothing)",
            r"restore", r"compensate", r"fight", r"combat", r"cope with", r"boosts?\b",
            r"work (?:a little |a bit |even )?better",
            r"(?<!not )(?<!n't )(?<!n’t )(?<!doesn't )(?<!don't )\bworks? (?:well|wonders|fast|quickly)\b",
            # "... are well proven and worth doing every night" (not "unproven", "not worth trying")
            r"(?<!not )(?<!n't )(?<!n’t )(?:well|clinically) proven\b",
            r"(?<!not )(?<!n't )(?<!n’t )(?<!isn't )worth (?:doing|trying|a try)\b",
        )),
    ]  # fmt: skip


# What a remedy of a category is usually advised for, when the words leave it open.
PRIORS = {"maneuver": (RELIEF, 1.5), "procedure": (RELIEF, 0.5), "lifestyle": (PREVENTION, 1.0),
          "device_garment": (PREVENTION, 1.0)}  # fmt: skip


# A caution that forbids ("you cannot massage with varicose veins") is not also advice; one that
# qualifies advice ("take magnesium moderately", "only as a last resort") is both.
QUALIFIERS = any_of(
    _IRRITATES,  # "Lavender oil can irritate sensitive skin, but a few drops on the pillow help"
    r"moderately",
    r"in moderation",
    r"only (?:if|when|as|under|after|in|with)\b",
    r"last resort",
    r"with caution",
    r"careful",
    _SIDE_EFFECTS,
    r"discuss(?:ed)? with",
    r"consult",
    _ASK_A_DOCTOR,
    r"with care",
    r"monitor",
    r"not enough",
    _SHORT_TERM,
    LIMIT_IT,
    # whom it is not for, after what it does: "Honey soothes a cough, but never give it to babies"
    r"\bbut (?:never|do not|don['’]t|not) (?:give|use|suitable|recommended|for)\b[^.;]{0,30}?\b"
    r"(?:babies|baby|infants?|children|child|under[- ]?\d|pregnan\w*|breastfeeding)",
)
