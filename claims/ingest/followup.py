"""What the next sentence says of a remedy the sentence before names: the answer to a question
("Can children take aspirin? No. It is linked to Reye's syndrome.") and the line under a title
("Quinine\nNot recommended. It can cause serious side effects.")."""

from __future__ import annotations

import re

from claims.ingest.scope import SUBJECTLESS, denied_benefit

# "No.", "A: No, the FDA warns against it", "Not really": not "No one knows", "No more than 2 cups".
_NO = re.compile(
    r"\W*(?:a\s*[:.)]\s*)?(?:no|nope|not really)\b(?![ \t]+(?:one|doubt|matter|wonder|more|need|less|sooner)\b)",
    re.IGNORECASE,
)
_ABOUT_IT = re.compile(r"\s*(?:it|they|this|these)\b", re.IGNORECASE)


def answered_no(question: str, answer: str) -> bool:
    """Whether `question` asks something and `answer`, the sentence after it, says no."""
    return question.rstrip().endswith("?") and bool(_NO.match(answer))


def title_denied(described_by: str) -> str:
    """The denial in the sentence under a title, when that sentence speaks of the title's remedy:
    without a subject ("Not recommended.") or as "it" ("It is no longer recommended.")."""
    subjectless = SUBJECTLESS.match(described_by)
    if subjectless:
        return subjectless.group(0).strip().lower()
    return denied_benefit(described_by, 0) if _ABOUT_IT.match(described_by) else ""
