"""Who takes a medicine: whom a caution is for, named by the medicine the reader takes. A blood
thinner ("if you take warfarin", "people on anticoagulants such as warfarin", "Warfarin users",
"Taking clopidogrel?") gives the population `anticoagulants`; another medicine taken for something
else ("if you take antidepressants", "people on blood pressure medication", "if you're on any other
medicines", "if you regularly take beta-blockers", "if you've been prescribed tamoxifen") gives
`other_medicines`; a list of both ("if you take warfarin or statins") gives both. The medicine is
then no remedy of the article (claims.ingest.bystanders), unlike "Warfarin can cause bleeding",
"Taking warfarin raises the risk of bleeding", "It interacts with warfarin" (where the other
medicines named may interact too, and are not whom) or heparin gel, a remedy rubbed on a bruise.
What an article may offer as its own remedy (sleeping pills, painkillers, antacids, antihistamines)
is not read as another medicine."""

import re
from functools import lru_cache

_BRANDS = r"(?:\s*\([^()\n]{1,40}\))?"  # "warfarin (Coumadin)"
_BLOOD_THINNER = (
    r"[*_]{0,2}(?:blood[-\s]?thinn(?:ers?|ing\s+(?:medicines?|medications?|drugs?|tablets?|pills?))"
    r"|anti-?coagulants?|anti-?platelets?(?: (?:medicines?|medications?|drugs?))?|warfarin|coumadin|clopidogrel"
    r"|plavix|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|acenocoumarol"
    rf"|heparin(?!\s+(?:gel|cream|ointment|spray)))\b[*_]{{0,2}}{_BRANDS}"
)
_MEDICINE = r"(?:medicines?|medications?|drugs?|tablets?|pills?|treatment)"
# A medicine taken for something else than the article's condition, by its class or its use
_OTHER_MEDICINE = (
    r"[*_]{0,2}(?:(?:(?:maoi|ssri|snri|tricyclic|mao inhibitor)s?\s+)?anti-?depressants?|ssris?|snris?|maois?"
    r"|mao inhibitors?|tricyclics?|lithium|statins?"
    r"|insulin|metformin|digoxin|levothyroxine|immuno-?suppressants?|chemotherapy|(?:oral )?contraceptives?"
    r"|(?:the )?(?:contraceptive|birth[- ]control) pills?|the pill|hormonal contraception|hrt"
    r"|beta[- ]?blockers?|ace inhibitors?"
    r"|benzodiazepines?|tamoxifen|anti-?convulsants?|anti-?epileptics?|anti-?psychotics?"
    rf"|(?:blood[- ]pressure|heart|thyroid|seizure|epilepsy|cholesterol|hiv|psychiatric) {_MEDICINE})\b[*_]{{0,2}}"
    rf"{_BRANDS}"
)
# What an article may offer as its own remedy, named beside the reader's medicines in a list of them:
# "if you take sedatives or benzodiazepines" (not whom alone: "If you take sleeping pills, ...")
_ALSO_LISTED = r"(?:sedatives?|diuretics?|water pills?|sleeping (?:pills?|tablets?)|painkillers?|antihistamines?)\b"
# ... or any: "any other medicines", "prescription drugs", "regular medication", "on medication"; not
# "medication for the pain" nor "medication more than 10 days a month" (the article's remedy)
_ANY_MEDICINE = (
    rf"(?:(?:(?:any|other|another|prescription|prescribed|regular|long-term|daily|some)\s+)+{_MEDICINE}"
    r"|medications?|medicines?)\b(?!\s+(?:for|to|more|regularly|often|every|daily|most|such|like)\b)"
)
_ONE_OF = r"(?:(?:a|an|any|other|another)\s+)?"
_OFTEN = r"(?:(?:already|also|regularly|currently|still|now|routinely|daily)\s+)?"  # "if you regularly take"
# The medicines given as examples of a class, by name: "such as sertraline or fluoxetine", "for example
# insulin", "such as sertraline, fluoxetine or citalopram" (not "such as warfarin, aspirin can ...")
_EXAMPLE = r"(?:the\s+)?[*_]{0,2}(?!(?:or|and|the|a|an)\b)[A-Za-z][\w-]*\b[*_]{0,2}" + _BRANDS
_EXAMPLES = (
    rf"{_EXAMPLE}(?:(?:\s*,\s*{_EXAMPLE}){{0,3}}\s*,?\s+(?:or|and)\s+{_EXAMPLE})?"
    rf"(?:\s*/\s*{_EXAMPLE})?"
)
_SUCH_AS = rf"(?:\s*[,(]?\s*(?:such as|like|e\.g\.,?|eg|including|for example|for instance),?\s+{_EXAMPLES}\)?)?"
# What its takers are said to get is the medicine's own: "People taking statins may get muscle pain",
# "Statin users are at higher risk of ...", "If you're on statins and get muscle pain, ..." (a sentence
# that speaks of the medicine otherwise is claims.ingest.bystanders.the_medicine_itself's)
_NOT_ITS_HARM = (
    r"(?!\s+(?:(?:may|can|could|might|often|sometimes|commonly|frequently|also|will|still)\s+)*"
    r"(?:get|gets|develop|suffer|experience|(?:have|has)(?!\s+to\b)"
    r"|are\s+(?:more\s+)?(?:likely|prone|at\s+(?:\w+\s+)?risk))\b)"
    r"(?!\s+and\s+(?:get|develop|notice|experience)\b)"
)


def _takes(medicine: str, examples: str = "", beside: bool = True) -> str:
    """Who takes `medicine` (with `examples` of it), as a sentence names them: "if you take", "unless
    you're on", "people taking", "those who take", "while taking", "pregnant or taking", "Taking X?",
    "X users"; what another is taken `beside` ("alongside your antidepressants", "take ginkgo with
    warfarin" where the clause ends or goes on to a condition: "... with warfarin only if ..."); not
    "before you take", nor "people take X" (what is done), nor what is said of the medicine itself
    (_NOT_ITS_HARM)."""
    item = rf"(?:{_ONE_OF}(?:{_BLOOD_THINNER}|{_OTHER_MEDICINE}|{_ALSO_LISTED})\s*(?:,|or|and|/)\s*)"
    one = rf"(?:\s*(?:,|or|and|/)\s*{_ONE_OF}(?:{_BLOOD_THINNER}|{_OTHER_MEDICINE}|{_ALSO_LISTED}))"
    several = rf"{item}*{_ONE_OF}{medicine}{one}*{examples}"  # with the others in its list: "warfarin or statins"
    taking = rf"(?:tak(?:e|es|ing)|on|prescribed)\s+{several}{_NOT_ITS_HARM}"
    them = rf"(?:taking|on|prescribed)\s+{several}{_NOT_ITS_HARM}"
    return (
        r"(?:(?:(?<!\bbefore )(?<!\bafter )(?<!\bonce )(?<!\buntil )\byou\s+(?:are\s+|['’]re\s+)?|\byou['’]re\s+"
        r"|\byou(?:['’]ve|\s+have)\s+been\s+|\byou\s+were\s+)"
        rf"{_OFTEN}{taking}"
        r"|\b(?:people|those|anyone|patients|someone|adults|women|men)\s+"
        rf"(?:who\s+(?:are\s+)?{_OFTEN}{taking}|{_OFTEN}{them})"
        rf"|\bwho\s+(?:are\s+)?{_OFTEN}{taking}"
        rf"|\b(?:when|while|whilst)\s+{_OFTEN}{them}"  # "While taking warfarin, avoid ginkgo"
        # "If you're pregnant, breastfeeding or taking other medicines, ..."
        rf"|(?:(?<=pregnant)|(?<=breastfeeding)|(?<=nursing)|(?<=condition)|(?<=conditions))(?:,\s*|\s+)(?:or|and)\s+(?:are\s+)?{them}"
        # "Taking warfarin?", "**Are you on clopidogrel?**": a question that opens a sentence
        rf"|(?<![\w,;]\s)(?<![\w,;])(?:(?:are|do)\s+you\s+)?{_OFTEN}{taking}[^?.!]{{0,40}}\?"
        rf"|{_ONE_OF}{medicine}\s+(?:users|patients|takers){_NOT_ITS_HARM}"  # "Warfarin users should avoid ginkgo"
        # "It is fine to take ginkgo with warfarin.", "you can take it alongside your antidepressants"
        + (
            rf"|\b(?:alongside|together\s+with|on\s+top\s+of|with\s+your)\s+(?:your\s+)?{several}"
            # (the medicine alone, in a group: the remedy taken with it is no medicine of the reader's)
            r"|\b(?:take|taking|taken|use|using|used|combine|combining|combined|mix|mixing|mixed|risky|dangerous|unsafe|safe|fine)\s+"
            rf"(?:it\s+|them\s+|(?:[\w'’-]+\s+){{0,4}}?)with\s+({several})"
            r"(?=\s*(?:[.,;:!?)–—-]|$)|\s+(?:can|may|might|could|will|increases?|raises?|and|but|or|only|unless|if|in"
            r"|at|because|as|so|occasionally|sometimes|without|except)\b)"
            if beside
            else ""
        )
        + ")"
    )


TAKES_A_BLOOD_THINNER = _takes(_BLOOD_THINNER, _SUCH_AS)
TAKES_ANOTHER_MEDICINE = rf"(?:{_takes(_OTHER_MEDICINE, _SUCH_AS)}|{_takes(_ANY_MEDICINE, beside=False)})"
TAKES_A_MEDICINE = rf"(?:{TAKES_A_BLOOD_THINNER}|{TAKES_ANOTHER_MEDICINE})"
# A remedy taken beside the medicine: "take ginkgo with warfarin", "alongside your antidepressants"
TAKEN_WITH = (
    rf"\b(?:alongside|together\s+with|on\s+top\s+of|with)\s+(?:your\s+)?{_ONE_OF}"
    rf"(?:{_BLOOD_THINNER}|{_OTHER_MEDICINE}|{_ANY_MEDICINE})"
)


_TAKES = re.compile(TAKES_A_MEDICINE, re.IGNORECASE)


@lru_cache(maxsize=64)
def taken_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where `text` names a medicine the reader takes, read once for a segment's every mention: the
    whole of who takes it, or only the medicine where the words hold another remedy too ("take
    ginkgo with warfarin": "warfarin")."""
    return tuple(_medicine_span(m) for m in _TAKES.finditer(text))


def _medicine_span(found: re.Match) -> tuple[int, int]:
    return next((found.span(g) for g in range(1, found.re.groups + 1) if found.group(g) is not None), found.span())
