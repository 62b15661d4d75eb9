"""Every write to a review, and the audit event that records it, one module per concern.

Each service runs in one transaction: lock the row, check the state, check the permission
predicate, check readiness, change, validate, save, audit, in that order. The admin, the API and
the management commands call these (`from reviews import services`); none re-implements a rule.
Claim and remedy writes are the catalogue's (claims/edits.py); publishing is reviews/publishing.
"""

from reviews.services.contraindications import contraindication_remove, contraindication_save
from reviews.services.editing import EDIT_FIELDS, GRADING_FIELDS
from reviews.services.grading import review_save_grading
from reviews.services.outcomes import (
    OUTCOME_FIELDS,
    judgement_remove,
    judgement_save,
    outcome_add,
    outcome_override,
    outcome_reference_attach,
    outcome_reference_detach,
    outcome_remove,
    outcome_update,
)
from reviews.services.references import reference_attach, reference_detach, reference_save
from reviews.services.transitions import (
    approval_gaps,
    review_approve,
    review_reject,
    review_request_changes,
    review_start,
    review_submit,
    second_reviewer_refusal,
)

__all__ = [
    "EDIT_FIELDS",
    "GRADING_FIELDS",
    "OUTCOME_FIELDS",
    "approval_gaps",
    "contraindication_remove",
    "contraindication_save",
    "judgement_remove",
    "judgement_save",
    "outcome_add",
    "outcome_override",
    "outcome_reference_attach",
    "outcome_reference_detach",
    "outcome_remove",
    "outcome_update",
    "reference_attach",
    "reference_detach",
    "reference_save",
    "review_approve",
    "review_reject",
    "review_request_changes",
    "review_save_grading",
    "review_start",
    "review_submit",
    "second_reviewer_refusal",
]
