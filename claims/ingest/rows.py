"""What a table row's other cells say of the remedy its first cell names ("Paracetamol | Low | Not
recommended on its own"): a row lists an option, so a warning in its notes goes beside the benefit
unless the row denies it."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest import cues, denials, details, followup, tables
from claims.ingest.denied import denial

_CELL_END = re.compile(r"\s*[|\n]")
_VERDICT = re.compile(
    r"\W*(avoid|not recommended|no|don'?t|do not use|never|best avoided|not advised|skip it|steer clear"
    r"|uncertain|unproven|not proven|doubtful|unclear|unlikely|probably not|not really|skip|don'?t bother"
    r"|(?:a )?waste of (?:money|time)|dangerous(?:\W+never use)?"
    r"|cut (?:down|back|out)|(?:eat|drink|have) less|limit(?: it| them)?|reduce|not effective|ineffective"
    r"|(?:does not|doesn['’]t|don['’]t) work|not proven(?: to \w+)?|occasionally|sparingly|rarely|save your money"
    r"|keep (?:it |them )?to a minimum|swap (?:it |them )?for [\w -]+)\W*",  # "Red meat | ... | Eat less"
    re.IGNORECASE,
)
# What a row says its remedy lowers is its good: "Cherries | may reduce attacks", never "reduce cherries".
_LOWERS = re.compile(
    r"\b(?:reduces?|lowers?|cuts?) (?:the |your )?(?:risk|number|frequency|severity|attacks?|flares?|flare-ups?"
    r"|symptoms|pain|inflammation|swelling|uric acid|blood pressure|cholesterol)\b",
    re.IGNORECASE,
)
_FIRST_CLAUSE = re.compile(r"[;,]")  # "Not effective, can irritate skin", "Cut down; beer is the worst"
_ROW_GOOD = re.compile(
    r"(?<!not )(?<!n['’]t )(?<!never )(?<!no )(?<!proven to )(?<!shown to )"
    r"\b(?:helps?|good for|works?|useful|effective|soothes?|eases?|relieves?"
    r"|(?:possible|some|a) benefit)\b",
    re.IGNORECASE,
)
# A "Yes" cell says good when the header asks whether it works ("Remedy | Does it work? | Notes"), not
# whether it harms ("Drink | Can it trigger a headache?", "Should you avoid it?", "Causes drowsiness?").
_YES = re.compile(r"(?:^|\|)\s*yes\b", re.IGNORECASE)
_ASKS_WORKS = re.compile(r"\b(?:work|works|help|helps|effective|worth (?:it|trying)|useful)\b", re.IGNORECASE)
_ASKS_HARM = re.compile(
    r"\b(?:avoid|trigger\w*|caus\w*|risks?|interact\w*|side effects?|drows\w*|worse|raises?|harm\w*|bad"
    r"|culprits?)\b",
    re.IGNORECASE,
)


def _harm_asked(header: str) -> bool:
    """Whether a table's header asks whether its rows harm ("Food | Can it cause acne?", "Trigger |
    Common?", "Does it interact with warfarin?"), not whether they work."""
    asked = " | ".join(cell for cell in header.split("|") if cell.strip().endswith("?"))
    return bool(asked) and not _ASKS_WORKS.search(asked) and bool(_ASKS_HARM.search(header))


def _says_good(cells: str, header: str) -> bool:
    asked = " | ".join(cell for cell in header.split("|") if cell.strip().endswith("?")) or header  # "Works? | Risks"
    yes = _YES.search(cells) and _ASKS_WORKS.search(asked) and not _ASKS_HARM.search(asked)
    return bool(_ROW_GOOD.search(cells) or yes)


def first_cell_end(row: str) -> int:
    found = _CELL_END.search(row)
    return found.start() if found else len(row)


def row_call(call: cues.KindCall, cells: str, condition: str | None, header: str = "") -> cues.KindCall:
    """The kind of a table row's own remedy, named in its first cell, as its other `cells` speak of
    it: "Permethrin | ... | no longer recommended as a first choice" denies it; "Paracetamol | Good for
    pain; never go over 4 g a day" and "Ibuprofen | Helps pain; avoid if you have stomach ulcers" speak
    well of it and warn of it: a caution beside the benefit."""
    if call.kind in cues.BENEFITS and (denied := denial(cells)):
        return cues.KindCall(cues.CAUTION, False, f"benefit denied: {denied}")
    first_head = tables.cells(header)[0] if header else ""
    if call.kind in cues.BENEFITS and _KEPT_COLUMN.match(first_head):
        return cues.KindCall(cues.CAUTION, False, f"column: {first_head.lower()}")  # "Avoid | Why | Instead"
    if call.kind in cues.BENEFITS and _YES.search(cells) and _harm_asked(header):
        # "Food | Can it cause acne?" / "Milk | Yes": what the row answers yes to is a harm
        kind = cues.CAUTION if re.search(r"\binteract", header, re.IGNORECASE) else cues.CAUSE
        return cues.KindCall(kind, False, "row's verdict: yes")
    # a verdict of its own: "Sleeping pills | Avoid | Some find they help for a night or two",
    # "Beer | raise uric acid | Cut down; beer is the worst"; beside a harm the cells name too
    # ("Toothpaste | Not effective | Can irritate skin"): no benefit
    good = call.kind in cues.BENEFITS or call.also_caution
    for cell in _CELL_END.split(cells):
        bare = _VERDICT.fullmatch(_FIRST_CLAUSE.split(cell)[0])
        if bare and bare.group(1).lower() == "no" and _harm_asked(header):
            continue  # "Drink | Raises blood pressure? |" over "Beetroot juice | No |": no harm
        if good and bare:
            return cues.KindCall(cues.CAUTION, False, f"row's verdict: {bare.group(1).lower()}")
        if call.kind in cues.BENEFITS and (verdict := followup.title_denied(cell.strip(), condition)):
            return cues.KindCall(cues.CAUTION, verdict.qualified, f"row's verdict: {verdict.words}")
    if call.kind == cues.CAUTION and not call.also_caution and _says_good(cells, header):
        return replace(call, also_caution=not call.cue.startswith(("benefit denied", "refused", "label")))
    if call.kind == cues.CAUSE and _says_good(cells, header) and not call.cue.startswith(("label", "avoid")):
        # "Retinoid cream | Yes, on prescription | Can cause redness and peeling": its side effect
        return replace(call, kind=cues.CAUTION, also_caution=True)
    table = cues.cue_table(condition)
    cautions = [cue for kind, _, cue in table.cues if kind == cues.CAUTION] + [table.avoid]
    if call.kind in cues.BENEFITS and (said := _warned_later(cells)):
        # "Agnus castus | Some evidence | May help irritability. Not for use if you're pregnant"
        return cues.KindCall(cues.CAUTION, True, f"row warns: {said.group(0).lower()}")
    lowered = _LOWERS.sub(lambda m: " " * len(m.group(0)), cells)
    warned = next((found for cue in cautions if (found := cue.search(lowered))), None)
    if call.kind in cues.BENEFITS and warned:
        return cues.KindCall(cues.CAUTION, True, f"row warns: {warned.group(0).lower()}")
    return call


def _warned_later(cells: str) -> re.Match | None:
    """A warning with no subject that opens a later sentence of a cell ("May help. Not for use if
    you're pregnant."), as the sentence after a remedy's warns of it (claims.ingest.followup)."""
    for cell in _CELL_END.split(cells):
        for sentence in _SENTENCE_END.split(cell)[1:]:
            if said := denials.warned_next(sentence):
                return said
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A cell that keeps the row's remedy from whom its column names: "Avoid", "No", "Not under 16".
_KEPT_CELL = re.compile(r"\W*(?:avoid|no\b|not\b|never|don['’]t|unsafe|not safe|not suitable)", re.IGNORECASE)


# A column that keeps the row's remedy from whom its cells name: "Not suitable for", "Avoid if", "Cautions".
_KEPT_COLUMN = re.compile(
    r"\W*(?:not (?:suitable|recommended|for|safe)|avoid|who should(?: not|n['’]t| avoid)|cautions?|contraindicat"
    r"|warnings?|don['’]t)",
    re.IGNORECASE,
)


def kept_from_columns(row: str, header: str) -> list[str]:
    """The populations of the columns whose cell keeps the row's remedy from them, in a table whose
    header names a group a column ("| Medicine | Pregnancy | Children |" over "| Aspirin | Avoid |
    Not under 16 |": pregnancy, children), or that a column keeping it away names in its cell ("|
    Medicine | Use for | Not suitable for |" over "| Pseudoephedrine | Blocked nose | High blood
    pressure |": hypertension)."""
    heads, cells = tables.cells(header), tables.cells(row)
    if len(heads) != len(cells):
        return []
    kept = []
    for head, cell in zip(heads[1:], cells[1:], strict=True):
        if _KEPT_CELL.match(cell):
            kept += details.populations(head)
        elif _KEPT_COLUMN.match(head):
            kept += details.populations(cell)
    return list(dict.fromkeys(kept))


def column_call(call: cues.KindCall, row: str, offset: int, header: str) -> cues.KindCall:
    """The kind of a remedy named in a later cell of a row, as its column's head speaks of it: under
    "Avoid" or "Not safe" ("If you have | Avoid | Try instead" over "Asthma | Ibuprofen |
    Paracetamol") a caution for whom the row names, never a benefit for them."""
    heads = tables.cells(header)
    column = row.count("|", 0, offset) - (1 if row.lstrip().startswith("|") else 0)
    if call.kind in cues.BENEFITS and 0 < column < len(heads) and _KEPT_COLUMN.match(heads[column]):
        return cues.KindCall(cues.CAUTION, False, f"column: {heads[column].lower()}")
    return call
