"""The top of the review page: its state and the workflow's buttons (reviews.workflow, with why a
button is disabled), and, for a reader who did not grade it — the second reviewer — the grading as
a short summary: certainty per outcome, recommendation, contraindications, references."""

from __future__ import annotations

from django.urls import reverse

from reviews import grade, permissions, workflow
from reviews.dual_grading.selectors import both_submitted
from reviews.models import Review
from reviews.selectors import contraindications_for_claim
from reviews.sof import review_outcomes, summary_of_findings


def top_of_page(user, review: Review) -> dict:
    actions = workflow.offered(user, review)
    return {
        "workflow_actions": actions,
        "any_action": any(not why_not for _, why_not in actions),
        "grading_summary": None if permissions.contributed(user, review) else grading_summary(review),
    }


def grading_summary(review: Review) -> dict:
    """What a second reviewer reads first: the grading in a few lines."""
    rows = summary_of_findings(review_outcomes(review)).rows
    references = [str(item) for item in review.review_references.select_related("reference").order_by("pk")]
    summary = {
        "outcomes": [(row.name, row.importance, row.symbols, row.label) for row in rows],
        "certainty": review.get_certainty_display() if review.certainty else "",
        "certainty_symbols": grade.symbols(review.certainty) if review.certainty else "",
        "recommendation": review.get_recommendation_display() if review.recommendation else "",
        "contraindications": contraindications_for_claim(review.claim).count(),
        "no_known_contraindication": review.no_known_contraindication,
        "references": references,
        "side_by_side_url": "",
    }
    if review.dual_grading and both_submitted(review):
        summary["side_by_side_url"] = reverse("admin:reviews_grading_disagreements", args=[review.pk])
    return summary
