"""The judgement: reviews with GRADE evidence, references, and contraindications.

Rows here change only through reviews.services; the database holds the invariants a service could
forget (enums, one open review per claim, the append-only audit table).

One module per concern; every model is importable from here (`from reviews.models import Review`).
django-pghistory attaches the row-history models (ReviewEvent, ReferenceEvent, ...) to this package.
"""

# In the order the models were defined in one module before the split: the app registry (and so
# content types, permissions and flushes) sees them in the same order.
# isort: off
from .references import DOI_VALIDATOR, PMID_VALIDATOR, Reference, ReferenceKind
from .reviews import Certainty, Recommendation, Review, ReviewContribution, ReviewReference, ReviewState
from .outcomes import (
    MIGRATED_OUTCOME_NAME,
    MIGRATED_OVERRIDE_REASON,
    Importance,
    Outcome,
    OutcomeDirection,
    OutcomeReference,
    StudyDesign,
)
from .grading import DOWNGRADE_DOMAINS, UPGRADE_DOMAINS, Domain, DomainJudgement, Severity
from .contraindications import Contraindication, ContraindicationKind, ContraindicationLevel, EvidenceSource
from .dual_grading import Disagreement, Grading, GradingContraindication, GradingOutcome, Resolution
from .publications import (
    Publication,
    PublicationChange,
    PublicationCondition,
    PublicationRemedyName,
    PublicationSource,
)

# isort: on

__all__ = [
    "DOI_VALIDATOR",
    "MIGRATED_OUTCOME_NAME",
    "MIGRATED_OVERRIDE_REASON",
    "Disagreement",
    "Grading",
    "GradingContraindication",
    "GradingOutcome",
    "Importance",
    "Outcome",
    "OutcomeDirection",
    "OutcomeReference",
    "Resolution",
    "StudyDesign",
    "DOWNGRADE_DOMAINS",
    "PMID_VALIDATOR",
    "UPGRADE_DOMAINS",
    "Certainty",
    "Contraindication",
    "ContraindicationKind",
    "ContraindicationLevel",
    "Domain",
    "DomainJudgement",
    "EvidenceSource",
    "Publication",
    "PublicationChange",
    "PublicationCondition",
    "PublicationRemedyName",
    "PublicationSource",
    "Recommendation",
    "Reference",
    "ReferenceKind",
    "Review",
    "ReviewContribution",
    "ReviewReference",
    "ReviewState",
    "Severity",
]
