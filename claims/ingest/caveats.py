"""Cautions said of a remedy in the sentences after the one that names it, without naming it again:
"Prick the muscle with a needle. The needle must be sterile. Be careful when performing the
injection." A caveat said this way is easy to miss and is the one a reader most needs; each becomes
a caution of the remedy, quoting its own sentence.

A sentence is read as speaking of the remedy when it follows the sentence that names one remedy
only, with no heading and no proposal of its own between them, and repeats a word of the remedy's
name as written there, or of its own name that sentence used ("the needle", "the injection"):
extracted pages often give each sentence a paragraph of its own. "It" is left to
claims.ingest.followup, which reads the next sentence's denial with the remedy's own. It is a
caveat when it holds a caution cue (claims.ingest.cuewords). The reading stops after LOOKAHEAD
sentences in a row that repeat no word of it."""

from __future__ import annotations

from dataclasses import replace

from claims.ingest import cues
from claims.ingest.details import populations
from claims.ingest.followup import by_start
from claims.ingest.learned import stem, stems
from claims.ingest.segments import HEADING, Segment
from claims.ingest.spread import caution_in
from claims.ingest.vocabulary import BODY

LOOKAHEAD = 2  # sentences in a row that do not speak of the remedy: the topic has moved on
_MIN_WORD = 4  # "use", "oil": too common to say which remedy is meant
# Words any remedy's sentence may share with a later one, naming none: the body ("Put your feet up.
# Diabetics must never soak their feet"), sides, temperatures, how it feels.
_ANY_REMEDYS = frozenset(
    stem(word)
    for word in (
        *BODY,
        *"""temple temples neck shoulder shoulders belly tummy cold cool warm hot left right side sore
    pain painful gentle gently firm firmly daily night morning evening minute minutes""".split(),
    )
)


def caveats(proposals: list, segments: list[Segment], condition: str | None) -> list:
    """`proposals` and the cautions of each caveat said after a remedy's sentence ("The needle must
    be sterile"), quoting it, with the word that names the remedy again, one for each population
    it names."""
    at = by_start(proposals)
    caution = [pattern for kind, _, pattern in cues.cue_table(condition).cues if kind == cues.CAUTION]
    added = []
    for index, seg in enumerate(segments):
        own = at.get(seg.start, ())
        if seg.kind == HEADING or len({p.remedy for p in own}) != 1:
            continue
        first = next((p for p in own if p.kind in cues.BENEFITS), own[0])
        if first.kind == cues.CAUSE:
            continue  # a cause's later warnings are of the condition, not cautions of a remedy
        # the name as written there, and the words of the remedy's own name that sentence uses
        # ("prick the muscle with a needle": "prick" and "needle" of needle pricking)
        used = stems(seg.text)
        named = stems(first.surface) | {w: span for w, span in stems(first.remedy).items() if w in used}
        words = {word for word, (start, end) in named.items() if end - start >= _MIN_WORD} - _ANY_REMEDYS
        silent = 0  # sentences in a row since the last that spoke of the remedy
        for following in segments[index + 1 :]:
            if following.kind == HEADING or following.start in at or silent == LOOKAHEAD:
                break
            said = stems(following.text)
            repeated = sorted(said[word] for word in words & said.keys())
            if not repeated:
                silent += 1  # "Use it as a last resort.": of this remedy or not, it says which by no word
                continue
            silent = 0
            if any(p.remedy == first.remedy and p.start < following.start < p.end for p in proposals):
                continue  # already quoted with the sentence before it (claims.ingest.followup)
            found = next((hit for pattern in caution if (hit := pattern.search(following.text))), None)
            if found:
                start, end = repeated[0]
                warning = caution_in(following, first, f"said after: {found.group(0).lower()}")
                warning = replace(warning, surface=following.text[start:end])
                added.extend(replace(warning, population=whom) for whom in populations(following.text) or [None])
    return sorted(proposals + added, key=lambda p: (p.start, p.remedy)) if added else proposals
