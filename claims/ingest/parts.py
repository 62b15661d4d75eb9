"""Whose part of a sentence it is: a part between semicolons, after "and don't" in a sentence that
opens with an order, or after "but" and another remedy's name, that speaks of another remedy only
is not this remedy's ("People on nitrates may get headaches; rest can help"; "Heat helps, but
ibuprofen should not be taken in pregnancy"). Read by the proposer (claims.ingest.propose) beside
claims.ingest.scope."""

from __future__ import annotations

import re

from claims.ingest.advice import IMPERATIVE, ORDER_AFTER_DASH

# Where a part of a sentence ends: a semicolon, or, in a sentence that opens with an order, "and" /
# "but" before an order to keep something away ("Eat smaller meals and don't eat late at night": the
# "don't" is not the meals').
# ... or a dash before a new order: "If you have asthma, don't take ibuprofen – take paracetamol"
_SEMICOLON = re.compile(rf";|{ORDER_AFTER_DASH}", re.IGNORECASE)
_PART_END = re.compile(r";|,?\s+(?:and|but)\s+(?=(?:don['’]t|do not|never|avoid|stop|try not to)\b)", re.IGNORECASE)
# "Heat helps, but ibuprofen should not be taken in pregnancy": a part that opens on another remedy
_PEOPLE = (
    r"children|kids|babies|infants|toddlers|teenagers|under-\d+s|adults|women|mothers|people|patients|pregnancy"
    r"|the elderly|older people|anyone"
)
_BUT_ANOTHER = re.compile(
    r"(?<!nothing)(?<!anything)(?<!all),?\s+(?:but|whereas)\s+"
    # "Salt caves are popular, but there's no good evidence that halotherapy helps"
    r"(?:there(?:['’]s| is) (?:no|little|not much|limited|weak) (?:good |real |strong |solid |scientific )?"
    r"evidence (?:that )?)?"
    r"(?:(?:the|a|an|taking|using|giving|(?:high|large|big) doses? of|too much|regular)\s+)?",
    re.IGNORECASE,
)
_BUT = re.compile(r",?\s+(?:but|whereas)\s+", re.IGNORECASE)
_FOR_WHOM = re.compile(
    rf"(?:(?:for|in)\s+)?(?:(?:young|small|older|pregnant|breastfeeding)\s+)?(?:{_PEOPLE})"
    r"(?:\s+(?:under|over)\s+\d+|\s+with\s+[\w-]+(?:\s+[\w-]+)?)?,?\s+"
    r"(?:(?:should|can|may|could|must|are better off|do better with|had better"
    r"|(?:are|is)\s+(?:usually\s+|often\s+)?(?:advised|told)\s+to)\s+)?"
    r"(?:(?:take|use|have|try|get|be given|stick to|choose)\s+)?(?:(?:the|a|an)\s+)?",
    re.IGNORECASE,
)
_WHO = re.compile(r",\s+who\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:as with|like|unlike|similar to)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
SAID_AGAIN = re.compile(r"\b(?:it|they|them|its|their)\b", re.IGNORECASE)


def own_part(text: str, offset: int, named_at: list[tuple[int, bool]]) -> str:
    """`text` without its parts, between semicolons, before "and don't" after an order or before "but"
    and another remedy, that speak of another remedy only (`named_at`: where the segment names a
    remedy, and whether it is this one): in "People on nitrates may get headaches; rest can help",
    the help is not the nitrates' nor the headaches the rest's (blanked, so that offsets stand). A
    part that names it again or speaks of it ("; unlike magnesium, though, it can ...") stays."""
    found = list((_PART_END if IMPERATIVE.match(text) else _SEMICOLON).finditer(text))
    # "Ibuprofen shouldn't be used in pregnancy, but paracetamol is safe": either remedy after "but"
    found += _buts_before(text, {start for start, _ in named_at})
    # "Ibuprofen relieves pain in children, who shouldn't have aspirin": what is said of whom it names
    found = sorted(found + list(_WHO.finditer(text)), key=lambda m: m.start())
    for a, b in zip([0] + [m.end() for m in found], [m.start() for m in found] + [len(text)], strict=True):
        # "; the effect, as with alcohol, wears off": a remedy compared with is not whom the part is about
        names = {
            same for start, same in named_at if a <= start < b and not _COMPARED.search(text, max(a, start - 60), start)
        }
        if a <= offset < b or names != {False} or SAID_AGAIN.search(text, a, b):
            continue
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _buts_before(text: str, named: set[int]) -> list[re.Match]:
    found = [m for m in _BUT_ANOTHER.finditer(text) if m.end() in named]
    for but in _BUT.finditer(text):
        # "..., but children should take cetirizine instead": whom the part names before the remedy
        following = min((start for start in named if start >= but.end()), default=None)
        if following is not None and _FOR_WHOM.fullmatch(text, but.end(), following):
            found.append(but)
    return found


def another_follows(text: str, offset: int, named_at: list[tuple[int, bool]]) -> bool:
    """Whether "but" and another remedy follow the remedy named at `offset` ("Heat helps, but
    ibuprofen should not be taken in pregnancy"): whom that part names is that remedy's alone."""
    return any(m.start() > offset for m in _buts_before(text, {start for start, same in named_at if not same}))


def if_before(text: str, own: str, offset: int) -> bool:
    """Whether an earlier part, another remedy's (blanked in `own`), says whom with "if", "when"
    or "while", which is said of its own order: "Do not take aspirin if you are pregnant, and avoid
    ibuprofen"."""
    return own[:offset] != text[:offset] and bool(_IF.search(text, 0, offset)) and not _IF.search(own, 0, offset)


_IF = re.compile(r"\b(?:if|when|while|whilst|during)\b", re.IGNORECASE)
