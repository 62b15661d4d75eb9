"""What a remedy causes that is a side effect, not the article's condition: "Piriton causes
drowsiness" in an article on hay fever is a caution, not a cause of hay fever. Read by
claims.ingest.cues."""

from __future__ import annotations

import re

# "causes drowsiness", "can lead to stomach bleeding", "may cause a racing heart"
_ADVERSE = re.compile(
    r"\b(?:causes?|caused|can cause|may cause|leads? to|can lead to|(?:is|are|has been|have been) linked (?:to|with))"
    r"\s+(?:(?:some|mild|severe|serious|a|an)\s+)?"
    r"(?:drowsiness|sleepiness|dizziness|constipation|dry mouth|nausea|stomach (?:upset|bleeding|ulcers?)|bleeding"
    r"|rash(?:es)?|confusion|dependence|addiction|diarrh(?:o)?ea|weight gain|headaches?|blurred vision|insomnia"
    r"|a racing heart|(?:a )?dry cough|muscle aches|(?:serious )?liver damage|kidney problems|Reye['’]s syndrome)"
    r"(?!\w)"
    # "can make some people wheezy", "can raise blood pressure"
    r"|\b(?:can|may|might|could|often)\s+(?:make|leave)\s+(?:you|some people|people|them|children)\s+"
    r"(?:wheezy|breathless|dizzy|jittery)\b"
    r"|\b(?:can|may|might|could|often)\s+(?:raise|increase|push up)\s+(?:your\s+)?blood pressure\b",
    re.IGNORECASE,
)
_ANOTHER_DISEASES = re.compile(r"\b(asthma)\s+(?:attacks?|flare-ups?|episodes?)", re.IGNORECASE)
_CAUSAL_VERB = re.compile(
    r"\b(?:caus\w*|trigger\w*|provok\w*|bring\w* on|brought on|lead\w* to|led to|set\w* off|linked (?:to|with))\b",
    re.IGNORECASE,
)


def another_disease_read(text: str) -> str:
    """`text` with "an asthma attack" read as "asthma", not an attack of the condition (offsets kept)."""
    return _ANOTHER_DISEASES.sub(lambda m: m.group(1).ljust(len(m.group(0))), text)


# What the remedy just named has brought on: "aspirin has ever brought on an asthma attack", and
# what another it is likened to has: "Naproxen, like ibuprofen, has triggered asthma attacks".
_BRINGS_ON_ANOTHER = re.compile(
    r"(?:,\s*(?:just\s+)?(?:like|as with|as do|as does)\s+[\w-]+(?:\s+[\w-]+)?)?,?"
    r"\s+(?:(?:has|have|had|can|may|might|could|often|sometimes|ever|also)\s+)*"
    r"(?:brought on|brings? on|triggered|triggers?|set off|sets? off|caused|causes?|provoked|provokes?)\s+"
    r"(?:(?:an?|your|their)\s+)?(asthma)\b",
    re.IGNORECASE,
)


def disease_after(text: str, end: int) -> str:
    """The disease that the remedy named before `end` is said to have brought on ("If aspirin has
    ever brought on an asthma attack"), or ""."""
    found = _BRINGS_ON_ANOTHER.match(text, end)
    return found.group(1).lower() if found else ""


def side_effect(text: str, named: re.Pattern) -> re.Match | None:
    """The side effect `text` says the remedy causes, or None: none when it names the condition
    (`named`) after any causal verb, for then it says the remedy causes the condition too ("Codeine
    can cause drowsiness and constipation" in an article on constipation, "Alcohol can trigger
    migraines, and some medicines cause drowsiness" in one on migraine)."""
    adverse = _ADVERSE.search(text)
    if adverse is None or named.search(adverse.group(0)):
        return None  # "Coffee may raise blood pressure" in an article on high blood pressure
    if any(named.search(text, m.end(), _sentence_end(text, m.end(), 60)) for m in _CAUSAL_VERB.finditer(text)):
        return None
    return adverse


def _sentence_end(text: str, start: int, most: int) -> int:
    """Where the sentence after `start` ends, `most` characters on at most ("Causes drowsiness. Not
    recommended for BPPV": the condition named after the stop is no harm the verb names)."""
    stop = text.find(". ", start, start + most)
    return start + most if stop == -1 else stop
