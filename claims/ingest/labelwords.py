"""The words of labels: what a list's label, a heading or a title line says of every item under it
("Foods to avoid", "Triggers", "What not to take", "Myths") and the words by which a label also
says something good and so decides nothing ("what to eat and what to avoid"). Read by
claims.ingest.labels; nothing here is written for one condition."""

from __future__ import annotations

import re

from claims.ingest.cuewords import CAUSE, CAUTION, any_of
from claims.ingest.lines import WHICH_CAUSES

# A label that names the causes of what follows, or asks them (read by claims.ingest.overrule too).
NAMES_CAUSES = (
    rf"(?:{WHICH_CAUSES}(?:causes|risk factors)|what\s+(?:(?:else|can|may|might|often|commonly)\s+)*"
    r"(?:causes?|triggers?|brings? on))"
)
# What a list's label says of every item under it, orders included (claims.ingest.cues: only for
# list items, and only when the label says nothing good as well).
_KEEP_AWAY = r"(?:avoid|limit|skip|eliminate|reduce|cut (?:back|down) on|cut out|steer clear of|stay away from)"
# "Best to avoid:", "Best to avoid late at night:", not "Best to avoid a flare-up:" (what it keeps away)
_TO_AVOID = r"to avoid(?! (?:a|an|the|your|getting|having)\b)"
WARNING_LABELS = {
    CAUSE: any_of(
        rf"(?:foods?|drinks?|things?|what|which|products?|ingredients?|habits?|tips) (?:to|you should) {_KEEP_AWAY}\b",
        # "Avoid:", "Don't:", "Stop:"
        rf"^\W*(?:please )?(?:{_KEEP_AWAY}|don['’]?t|do not|stop)(?: do(?: this| these| that)?)?\W*$",
        r"^\W*(?:steer clear|stay away)\W*$",
        rf"{_KEEP_AWAY} (?:these|the following|such)\b",
        # "Avoid foods high in tyramine:", "avoid aspirin and these supplements:", not "Avoid attacks with
        # the following:" (what keeps them away) nor "Avoid anything spicy; opt for these:"
        rf"^\W*{_KEEP_AWAY}\b(?![^:]*\b(?:switch|swap|opt|try|choose|instead|replace|combin\w*|mix\w*)\b"
        r"|[^:]*\b(?:with|using|through|by) (?:these|the following)\b)"
        r"(?: (?:foods?|drinks?|products|anything)\b|[^:]* (?:these|the following)\b)",
        # "Avoid flare-ups by limiting these:", "Avoid migraines by staying away from the following:"
        rf"\bby (?:not \w+ing|{_KEEP_AWAY}|limiting|avoiding|cutting (?:down|back|out)|staying away|steering clear)\b"
        r"[^:]*\b(?:these|the following)\b",
        # "If these trigger your headaches, cut out:", "When foods trigger your reflux, ditch:"
        r"^\W*(?:if|when)\b[^:,]*\b(?:trigger|worsen|aggravate|provoke|bring on)s?\b",
        r"\btriggers\b",
        r"\bmakes? (?:\w+ ){0,2}worse\b",
        r"\b(?:that|which) (?:can |may |often |commonly )?(?:trigger|worsen|aggravate|cause|provoke)\b",
        r"\bworst (?:foods?|drinks?|offenders|things?|habits?)\b",
        r"\blinked to\b(?! (?:lower|less|fewer|reduced|better))",
        r"\b(?:triggered|caused|worsened|made worse|provoked) by\b",
        r"\b(?:culprits|offenders|usual suspects)\b",
        r"\b(?:what|things that|that) (?:can )?(?:sets? off|brings? on)\b",  # "What sets off hay fever"
        r"^\W*where (?:[\w'-]+ ){1,3}comes? from\b",  # "Where constipation comes from"
        # "Common causes", "Causes of heartburn", "What causes ingrown toenails?", "What can trigger an attack?"
        rf"^\W*{NAMES_CAUSES}\b",
        r"\bmakes? (?:\w+ ){0,2}more likely\b",  # "Things that make hiccups more likely"
        # "What pushes blood pressure up", "Things that raise your blood pressure"
        r"^\W*(?:what|things that|foods that) (?:can )?(?:push(?:es)?|puts?|drives?|sends?) (?:[\w'’-]+ ){0,3}up\b",
        r"^\W*(?:what|things|foods|drinks|medicines)(?: that)? (?:can )?"
        r"(?:raises?|increases?|make (?:[\w'’-]+ ){1,2}go up) "
        r"(?:your )?(?:blood pressure|risk|cholesterol|blood sugar|uric acid)\b",
        r"\b(?:that|which) (?:can )?keeps? you (?:awake|up)\b",  # "Things that keep you awake"
        r"\b(?:medicines?|medications?|drugs?|foods?|drinks?) that (?:can |may |often )?"
        r"(?:constipate|dehydrate|irritate|upset)",
        r"\bbad (?:for|foods?)\b",
        r"\bproblem foods?\b",
        r"\bharmful\b",
        r"\b(?:do not|don't|what not to) (?:eat|drink)\b",
        r"\bdon'?ts\b",
        r"\breduce your intake of\b",
        r"\bdisrupt(?:ors?|ers?|s)\b",
    ),
    CAUTION: any_of(
        r"\bwhat not to (?:do|take|use|give)\b",
        # a medicine to avoid is a caution: it does not bring the condition on ("Medicines to avoid\nAspirin")
        rf"(?:medicines?|medications?|drugs?|remed\w*|painkillers|pills|tablets) (?:to|you should) {_KEEP_AWAY}\b",
        r"\b(?:should )?never (?:do|give|be given)\b",
        r"\bnot (?:considered |always )?(?:safe|suitable|recommended|for children)\b",
        r"\bnever safe\b",
        r"\b(?:don't|do not) take these\b",
        r"\bunsafe\b",
        r"\b(?:should not|shouldn't|must not) (?:take|use|be given|give)\b",
        r"\bmyths?\b",
        r"\b(?:don't|doesn't|do not|does not) (?:work|help)\b",
        # "And four that don't", not "And drinks that don't" (keep you awake: what the label before says)
        r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:that|which) "
        r"(?:don't|doesn't|do not|does not|won't)\W*$",
        r"\bno (?:\w+ )?evidence\b",
        r"\b(?:little|weak|limited|poor) (?:\w+ )?evidence\b",  # "Remedies with little evidence"
        # "Supplements that lack evidence", "Remedies that aren't backed by good evidence"
        r"\b(?:lacks?|lacking|without) (?:\w+ )?evidence\b|\b(?:n['’]t|not) backed by\b",
        r"\bunproven\b",
        r"\bineffective\b",
        r"\boverrated\b",
        r"\bno longer recommended\b",
        r"\buse with caution\b",
        r"\brisky\b",
        r"\bwarnings?\b",
        r"\bserious side effects\b",
        r"\b(?:do not|don't|never) (?:use|take|give)\b",
        r"\bavoid (?:giving|using|taking)\b",
        r"\b(?:should|must) avoid\b",
        r"\b(?:be )?careful with\b",
        r"^\W*never(?: ever)?\W*$",  # "Never\nGive aspirin to children."
        r"^\W*(?:(?:it['’]s |it is )?best|better) (?:not to (?:take|use|give|have|drink|eat)|avoided|left alone"
        rf"|to skip|skipped|{_TO_AVOID})",
        # "These are best avoided:", "Give these a miss:", "Go easy on:", "What works? Not these:"
        r"\bbest avoided\b|\bgive (?:these|them|it|this) a miss\b|^\W*go easy on\b|^\W*not (?:these|this|them)\W*$",
        r"^\W*save your money on\b|^\W*keep (?:these |them )?to a minimum\b|^\W*don['’]t bother(?: with)?\b"
        r"|^\W*think twice (?:about|before)\b",
        # kept from some: "Avoid if you're breastfeeding:", "Avoid during pregnancy:"
        r"^\W*(?:avoid|don['’]t use|do not use)(?: (?:them|these|it))? (?:if|when|while|during|in)\b",
        # "Ask a pharmacist before using these if you have high blood pressure:"
        r"^\W*(?:ask|check with|talk to|speak to) (?:a |your )?(?:pharmacist|doctor|gp|midwife)\b",
        r"^\W*stop (?:taking|using|giving)\W*$",  # "Stop taking:", "If you're having surgery, stop taking:"
        # "Interactions", "Avoid combining alcohol with the following:", "Don't mix these with antidepressants:"
        r"^\W*(?:(?:drug|medicine) )?interactions?\W*$|^\W*(?:avoid|don['’]t|do not|never) (?:combining|mixing)\b",
    ),
}
# What a list's introduction names its items in place of ("use paracetamol rather than:"): they are
# what not to use, whatever good the introduction says of another
_IN_PLACE_OF = r"\b(?:rather than|instead of)(?: these| the following| them)?\W*$"
IN_PLACE_OF_THESE = re.compile(_IN_PLACE_OF, re.IGNORECASE)
# What a list's introduction (ending in a colon) says of its items after whom they are for: "If you
# take warfarin, these may interact:", "If you are pregnant, these are off limits:". Not read in a
# sentence that merely ends a paragraph above a numbered item ("It can interact with blood thinners.").
INTRODUCED_CAUTION = any_of(
    r"(?:(?:are|is)n['’]t|(?:may|might) not be) (?:safe|suitable|recommended)\b",
    r"\boff[- ]limits\b|\bno[- ]go\b|\bdangerous\b|\binteract\w*\b",
    r"^\W*(?:hold off(?: on)?|keep away from|say no to|be wary of|(?:watch|look) out for)\b|\bwith care\b",
    r"\b(?:increase|raise)s? (?:\w+ ){0,2}bleeding\b|\b(?:don['’]t|do not|never) (?:combine|mix)\b",
    r"^\W*(?:ask|check) before (?:using|trying|taking)\b|\bexcept\W*$|^\W*not\W*$",
    _IN_PLACE_OF,
    r"\bsafer than(?: these| the following| them)?\W*$",  # "paracetamol is safer than these:"
)
# A list's lead-in that says its items bring the condition on: "Some medicines can trigger or worsen
# restless legs:" (ending in a colon: not a sentence that says so of one remedy).
CAUSING_LEAD_IN = re.compile(
    r"\b(?:can|may|often|commonly) (?:\w+ )?(?:trigger|worsen|aggravate|cause|provoke|bring on)\b[^.;]*:\s*$",
    re.IGNORECASE,
)
# A label that says something good too ("what to eat and what to avoid", "myths and facts",
# "what really works") or whose items are mistakes to avoid decides nothing.
MIXED_LABEL = re.compile(
    r"(?<!not )(?<!not to )(?<!n't )\b(?:(?:eat|drink|try|take|use)\b(?! with (?:caution|care))|helps?|works?|"
    rf"(?:better|best)(?! (?:not|avoided|left alone|skipped|to skip|{_TO_AVOID})\b)|"
    r"beat|fight|relie\w*|treat\w*|prevent\w*|facts?\b|really|good|gentle|sooth\w*|calm\w*|safer(?! than)|low in|dos|"
    r"mistakes?|errors?|ways? to|how to|cures?|self[- ]help|what to do|what helps|"
    r"alternatives?|without (?:harmful|side|risks?|drugs|pills)|instead(?! of)|swaps?"
    r"|(?<!never )(?<!considered )(?<!not be )safe\b(?! (?:in|for|during))"
    r"|(?<!unproven )(?<!useless )(?<!risky )(?<!dangerous )(?<!overrated )(?<!outdated )"
    r"(?:remed\w*|tips?)\b(?! (?:that|which|to|you should|with (?:little|no|weak|limited|poor) (?:\w+ )?evidence)\b)"
    r"|with these|(?:avoid|reduc|prevent|limit)\w*\b.*\bby\s*$)"
    # "If antacids don't help, try:", not "If you're over 65, avoid these:"
    r"|^\s*(?:when|if)\b(?![^:]*\b(?:avoid|steer clear|cut (?:down|back)|limit|reduce|skip|stop|eliminate"
    r"|(?:don['’]t|do not|never) (?:use|take|give)|trigger\w*|worse\w*|aggravat\w*|provok\w*)\b)"
    r"|\bconsider\b|\breach for\b|\boptions? include\b|\bhandy\b"
    r"|^\s*(?:is|are|does|do|can|should|will)\b[^?]*\?\s*$",  # "Is magnesium harmful?" decides nothing
    re.IGNORECASE,
)
