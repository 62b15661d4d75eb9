"""The top of the review page: its state and the workflow's buttons (reviews.workflow, with why a
button is disabled), and, for a reader who did not grade it — the second reviewer — the grading as
a short summary: certainty per outcome, recommendation, contraindications, references."""

from __future__ import annotations

from reviews import grade, permissions, services, workflow
from reviews.models import Review
from reviews.selectors import contraindications_for_claim
from reviews.sof import review_outcomes, summary_of_findings

# Steps a review must be complete for: the button says so instead of leading to a refusal.
NEEDS_COMPLETE = frozenset({"submit", "approve"})


def top_of_page(user, review: Review) -> dict:
    actions = workflow.offered(user, review)
    if any(t.name in NEEDS_COMPLETE and not why_not for t, why_not in actions) and services.approval_gaps(review):
        incomplete = "Not ready: the review still needs what is listed below."
        actions = [(t, incomplete if t.name in NEEDS_COMPLETE and not why_not else why_not) for t, why_not in actions]
    return {
        "workflow_actions": actions,
        "any_action": any(not why_not for _, why_not in actions),
        "grading_summary": None if permissions.contributed(user, review) else grading_summary(review),
    }


def grading_summary(review: Review) -> dict:
    """What a second reviewer reads first: the grading in a few lines."""
    rows = summary_of_findings(review_outcomes(review)).rows
    references = [str(item) for item in review.review_references.select_related("reference").order_by("pk")]
    return {
        "outcomes": [(row.name, row.importance, row.symbols, row.label) for row in rows],
        "certainty": review.get_certainty_display() if review.certainty else "",
        "certainty_symbols": grade.symbols(review.certainty) if review.certainty else "",
        "recommendation": review.get_recommendation_display() if review.recommendation else "",
        "contraindications": contraindications_for_claim(review.claim).count(),
        "no_known_contraindication": review.no_known_contraindication,
        "references": references,
    }
