"""What headings and list introductions say of the kind of what follows them ("Causes", "First aid
during an attack", "How to prevent ..."), in the condition's own words too. Read by the cues
(claims.ingest.cues) with the weights of the context they come from."""

from __future__ import annotations

import re

from claims.ingest.condition import ConditionWords
from claims.ingest.cuewords import CAUSE, PREVENTION, RELIEF, TREATMENT, alternatives, any_of


def context_cues(words: ConditionWords) -> dict[str, re.Pattern]:
    """Headings and list introductions name the kind of what follows them."""
    one = alternatives(r"attack|spasm|episode|bout|flare-?up", words.head)
    episodes = alternatives(r"attacks?|spasms?|seizures?|episodes?|recurrences?|symptoms?", words.forms)
    return {
        CAUSE: any_of(
            r"causes?\b",
            r"reasons?\b",
            r"provok",
            r"risk factors?",
            r"why do",
            r"factors?\b",
            r"due to",
        ),
        RELIEF: any_of(
            r"first aid",
            r"relieve",
            r"relieving",
            rf"during (?:an|a) (?:\w+ )?{one}\b",
            r"what to do",
            r"cope with an attack",
            r"emergency",
            r"at the moment",
            r"how to stop",
            r"quick",
        ),
        PREVENTION: any_of(r"prevent", r"prophyla", rf"avoid (?:\w+ ){{0,4}}{episodes}"),
        # not "remedies": "home remedies for headaches" introduces remedies of every kind
        TREATMENT: any_of(
            r"treat",
            r"therap",
            r"medicat(?!ion[- ]overuse)",
            r"drugs?\b",
            r"medicines?",
            r"pills?",
            r"recipes?",
            r"what (?:helps|works)",
            r"(?:things|ways) (?:that|to) help",  # "## What helps - A warm bath"
        ),
    }
