"""The proposer against sentences written to catch it recording the opposite of what an article says
(bench/ingest/safety_corpus.json, written for this project by six reviews, no third-party text: 263
texts, then 349 and 415 against the rules for questions, title lines, lists without markers and
line breaks, then 424 against short refusals, bare orders over lines, "Name: description" lines and
semicolons, then 64 and 20 cut from whole made-up articles, bench/ingest/articles.py). Each is
plain advice ("Drink water.") or a warning ("Foods to avoid: - coffee"); a warning names the
remedies it warns against. Counted, with the full catalogue lexicon:

- a warned remedy proposed as a benefit (relief, treatment or prevention): what a reviewer must
  never be one click from accepting;
- a benefit whose dose drops the limit the text sets ("no more than 4 g" proposed as "4 g");
- plain advice proposed with no benefit at all, or with a cause or a caution: what the warning
  rules cost.

The corpus was written against the proposer and the rules were then fixed from it: the figures
say how far the rules hold on it, not how they do on an unseen article. Six warnings that say good
of a remedy and deny it to some only ("Aspirin works, but isn't for children") name no warned
remedy since the proposer proposes the benefit and their caution both, as the catalogue codes
"will help, but only if ..." (their notes say so; under the old labels they would add six)."""

from __future__ import annotations

import json
import re
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "safety_corpus.json"
BENEFITS = frozenset(("relief", "treatment", "prevention"))
# a limit on an amount: "no more than 4 g", "maximum 8 tablets" (not "children under 12")
_LIMIT = re.compile(
    r"(?:more than|exceed|under|max(?:imum)?|at most|up to|over|above|no longer than)\s+\d+(?:[.,]\d+)?\s*"
    r"(?:mg|g|mcg|ml|iu|grams?|tablets?|capsules?|doses?|times|cups?|glass(?:es)?)\b",
    re.IGNORECASE,
)


def flags(proposals, says: str, warned: list[str], text: str) -> set[str]:
    """What is wrong with the proposals for one text: `warned` benefit, `limit` as a dose, `no
    benefit` or `cause/caution` for plain advice."""
    found = set()
    benefits = [p for p in proposals if p.kind in BENEFITS]
    if says == "advice":
        if not benefits:
            found.add("no benefit")
        if any(p.kind in ("cause", "caution") for p in proposals):
            found.add("cause/caution")
    if any(name in p.remedy.lower() for p in benefits for name in warned):
        found.add("warned")
    if _LIMIT.search(text) and any(re.search(r"\d", p.dose) and not _LIMIT.search(p.dose) for p in benefits):
        found.add("limit")
    return found


def run_safety(lexicon, corpus: Path = CORPUS) -> dict:
    from claims.ingest.propose import propose

    cases = json.loads(corpus.read_text(encoding="utf-8"))
    counts = {"warned": 0, "limit": 0, "no benefit": 0, "cause/caution": 0}
    failures = []
    for case in cases:
        found = flags(propose(case["text"], lexicon, case["condition"]), case["says"], case["warned"], case["text"])
        for flag in found:
            counts[flag] += 1
        if found & {"warned", "limit"}:
            failures.append(case["text"][:80])
    return {
        "advice_texts": sum(case["says"] == "advice" for case in cases),
        "warning_texts": sum(case["says"] == "warning" for case in cases),
        "warned_remedy_as_benefit": counts["warned"],
        "limit_shown_as_dose": counts["limit"],
        "advice_without_benefit": counts["no benefit"],
        "advice_with_cause_or_caution": counts["cause/caution"],
        "dangerous": failures,
    }
