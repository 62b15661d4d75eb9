"""What a table row's other cells say of the remedy its first cell names ("Paracetamol | Low | Not
recommended on its own"): a row lists an option, so a warning in its notes goes beside the benefit
unless the row denies it."""

from __future__ import annotations

import re
from dataclasses import replace

from claims.ingest import cues, followup, scope

_CELL_END = re.compile(r"\s*[|\n]")
_VERDICT = re.compile(
    r"\W*(avoid|not recommended|no|don'?t|do not use|never|best avoided|not advised|skip it|steer clear"
    r"|uncertain|unproven|not proven|doubtful|unclear|unlikely|probably not|not really|skip|don'?t bother"
    r"|(?:a )?waste of (?:money|time)|dangerous(?:\W+never use)?)\W*",
    re.IGNORECASE,
)
_ROW_GOOD = re.compile(
    r"\b(?:helps?|good for|works?|useful|effective|soothes?|eases?|relieves?)\b|(?:^|\|)\s*yes\b", re.IGNORECASE
)


def first_cell_end(row: str) -> int:
    found = _CELL_END.search(row)
    return found.start() if found else len(row)


def row_call(call: cues.KindCall, cells: str, condition: str | None) -> cues.KindCall:
    """The kind of a table row's own remedy, named in its first cell, as its other `cells` speak of
    it: "Permethrin | ... | no longer recommended as a first choice" denies it; "Paracetamol | Good for
    pain; never go over 4 g a day" and "Ibuprofen | Helps pain; avoid if you have stomach ulcers" speak
    well of it and warn of it: a caution beside the benefit."""
    if call.kind in cues.BENEFITS and (denied := scope.denial(cells)):
        return cues.KindCall(cues.CAUTION, False, f"benefit denied: {denied}")
    for cell in _CELL_END.split(cells):
        # a verdict of its own: "Sleeping pills | Avoid | Some find they help for a night or two"
        if call.kind in cues.BENEFITS and (bare := _VERDICT.fullmatch(cell)):
            return cues.KindCall(cues.CAUTION, False, f"row's verdict: {bare.group(1).lower()}")
        if call.kind in cues.BENEFITS and (verdict := followup.title_denied(cell.strip(), condition)):
            return cues.KindCall(cues.CAUTION, verdict.qualified, f"row's verdict: {verdict.words}")
    if call.kind == cues.CAUTION and not call.also_caution and _ROW_GOOD.search(cells):
        return replace(call, also_caution=not call.cue.startswith(("benefit denied", "refused", "label")))
    if call.kind == cues.CAUSE and _ROW_GOOD.search(cells) and not call.cue.startswith(("label", "avoid")):
        # "Retinoid cream | Yes, on prescription | Can cause redness and peeling": its side effect
        return replace(call, kind=cues.CAUTION, also_caution=True)
    table = cues.cue_table(condition)
    cautions = [cue for kind, _, cue in table.cues if kind == cues.CAUTION] + [table.avoid]
    warned = next((found for cue in cautions if (found := cue.search(cells))), None)
    if call.kind in cues.BENEFITS and warned:
        return cues.KindCall(cues.CAUTION, True, f"row warns: {warned.group(0).lower()}")
    return call
