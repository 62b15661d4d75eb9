"""The reviewers' workbench, one module per admin. Importing the modules below runs their
`@admin.register`; claims/admin.py takes the shared bases and the claim actions from here."""

from .audit import AuditEventAdmin, render_diff
from .claim_actions import claim_history_view, export_claim_history_action, start_review_action
from .common import ReadOnlyAdmin, ServiceErrorsAsMessages
from .contraindications import ContraindicationAdmin
from .publications import PublicationAdmin
from .references import ReferenceAdmin
from .review import TRANSITION_SERVICES, ReviewAdmin

__all__ = [
    "TRANSITION_SERVICES",
    "AuditEventAdmin",
    "ContraindicationAdmin",
    "PublicationAdmin",
    "ReadOnlyAdmin",
    "ReferenceAdmin",
    "ReviewAdmin",
    "ServiceErrorsAsMessages",
    "claim_history_view",
    "export_claim_history_action",
    "render_diff",
    "start_review_action",
]
