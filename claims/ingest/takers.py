"""Who takes a blood thinner: whom a caution is for (the population `anticoagulants`), named by the
medicine the reader takes ("if you take warfarin", "people on anticoagulants such as warfarin",
"Taking clopidogrel?"), with the examples given of it. The medicine is then no remedy of the article
(claims.ingest.bystanders), unlike "Warfarin can cause bleeding", "Taking warfarin raises the risk of
bleeding" or "It interacts with warfarin" (where the other medicines named may interact too, and
are not whom)."""

_BLOOD_THINNER = (
    r"(?:blood[-\s]?thinn(?:ers?|ing\s+(?:medicines?|medications?|drugs?|tablets?|pills?))|anti-?coagulants?"
    r"|anti-?platelets?(?: (?:medicines?|medications?|drugs?))?|warfarin|coumadin|clopidogrel|plavix|apixaban"
    r"|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|heparin|acenocoumarol)"
)
_ONE_OF = r"(?:(?:a|an|any|other|another)\s+)?"
_BLOOD_THINNERS = rf"{_ONE_OF}{_BLOOD_THINNER}\b(?:\s*(?:,|or|and|/)\s*{_ONE_OF}{_BLOOD_THINNER}\b)*"
_EXAMPLES = rf"(?:\s*[,(]?\s*(?:such as|like|e\.g\.,?|including|eg)\s+{_BLOOD_THINNERS}\)?)?"
_TAKING = rf"(?:tak(?:e|es|ing)|on|using|use|uses|prescribed)\s+{_BLOOD_THINNERS}{_EXAMPLES}"
TAKES_A_BLOOD_THINNER = (
    r"(?:(?:\b(?:if|when|while|unless)\s+you\s+(?:are\s+|['’]re\s+)?|\byou(?:['’]re| are)\s+"
    r"|\b(?:people|those|anyone|patients|someone|adults|women|men)\s+(?:who\s+(?:are\s+)?)?|\bwho\s+(?:are\s+)?)"
    r"(?:already\s+)?"
    rf"{_TAKING}|^\W*(?:(?:are|do)\s+you\s+)?(?:already\s+)?{_TAKING}[^?.!]{{0,40}}\?)"
)
