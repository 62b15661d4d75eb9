"""Who takes a blood thinner: whom a caution is for (the population `anticoagulants`), named by the
medicine the reader takes ("if you take warfarin", "people on anticoagulants such as warfarin",
"Warfarin users", "Taking clopidogrel?"), with the examples and brands given of it. The medicine is
then no remedy of the article (claims.ingest.bystanders), unlike "Warfarin can cause bleeding",
"Taking warfarin raises the risk of bleeding", "It interacts with warfarin" (where the other
medicines named may interact too, and are not whom) or heparin gel, a remedy rubbed on a bruise."""

_BLOOD_THINNER = (
    r"[*_]{0,2}(?:blood[-\s]?thinn(?:ers?|ing\s+(?:medicines?|medications?|drugs?|tablets?|pills?))"
    r"|anti-?coagulants?|anti-?platelets?(?: (?:medicines?|medications?|drugs?))?|warfarin|coumadin|clopidogrel"
    r"|plavix|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|acenocoumarol"
    r"|heparin(?!\s+(?:gel|cream|ointment|spray)))\b[*_]{0,2}(?:\s*\([^()\n]{1,40}\))?"  # "warfarin (Coumadin)"
)
_ONE_OF = r"(?:(?:a|an|any|other|another)\s+)?"
_BLOOD_THINNERS = rf"{_ONE_OF}{_BLOOD_THINNER}(?:\s*(?:,|or|and|/)\s*{_ONE_OF}{_BLOOD_THINNER})*"
_EXAMPLES = rf"(?:\s*[,(]?\s*(?:such as|like|e\.g\.,?|including|eg)\s+{_BLOOD_THINNERS}\)?)?"
_TAKING = rf"(?:tak(?:e|es|ing)|on|prescribed)\s+{_BLOOD_THINNERS}{_EXAMPLES}"
TAKES_A_BLOOD_THINNER = (
    # "if you take", "unless you're on" (which keeps a benefit from them), not "before you take"
    r"(?:(?:(?<!\bbefore )(?<!\bafter )(?<!\bonce )(?<!\buntil )\byou\s+(?:are\s+|['’]re\s+)?|\byou['’]re\s+"
    r"|\b(?:people|those|anyone|patients|someone|adults|women|men)\s+(?:who\s+(?:are\s+)?)?|\bwho\s+(?:are\s+)?)"
    rf"(?:already\s+)?{_TAKING}"
    # "Taking warfarin?", "**Are you on clopidogrel?**": a question that opens a sentence
    rf"|(?<![\w,;]\s)(?<![\w,;])(?:(?:are|do)\s+you\s+)?(?:already\s+)?{_TAKING}[^?.!]{{0,40}}\?"
    rf"|{_BLOOD_THINNERS}\s+(?:users|patients|takers))"  # "Warfarin users should avoid ginkgo"
)
