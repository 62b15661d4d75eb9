"""The reviewers' workbench, one module per admin. Importing the modules below runs their
`@admin.register`; catalogue.py extends the catalogue's claim and remedy admins."""

from .catalogue import ReviewedClaimAdmin, ReviewedRemedyAdmin
from .contraindications import ContraindicationAdmin
from .dual_grading import GradingAdmin
from .grading_outcomes import GradingOutcomeAdmin
from .outcomes import OutcomeAdmin
from .publications import PublicationAdmin
from .references import ReferenceAdmin
from .review import TRANSITION_SERVICES, ReviewAdmin

__all__ = [
    "TRANSITION_SERVICES",
    "ContraindicationAdmin",
    "GradingAdmin",
    "GradingOutcomeAdmin",
    "OutcomeAdmin",
    "PublicationAdmin",
    "ReviewedClaimAdmin",
    "ReviewedRemedyAdmin",
    "ReferenceAdmin",
    "ReviewAdmin",
]
