"""Contraindications: where a remedy should not be used, for every claim of it or for one claim."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from claims.models import Claim, Remedy
from core.triggers import track_history

from .references import Reference


class ContraindicationKind(models.TextChoices):
    CONDITION = "condition", "Condition"
    POPULATION = "population", "Population"
    INTERACTING_DRUG = "interacting_drug", "Interacting drug"


class ContraindicationLevel(models.TextChoices):
    ABSOLUTE = "absolute", "Absolute"
    RELATIVE = "relative", "Relative"
    CAUTION = "caution", "Caution"


class EvidenceSource(models.TextChoices):
    LABEL = "label", "Drug label"
    GUIDELINE = "guideline", "Guideline"
    STUDY = "study", "Study"
    REGULATOR = "regulator", "Regulator safety communication"


@track_history()
class Contraindication(models.Model):
    """A condition, population or interacting drug in which a remedy should not be used.
    Attached to a remedy (every claim of it inherits it) or to a single claim."""

    Kind = ContraindicationKind
    Level = ContraindicationLevel
    SourceKind = EvidenceSource

    remedy = models.ForeignKey(
        Remedy, null=True, blank=True, on_delete=models.CASCADE, related_name="contraindications"
    )
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="contraindications")
    review = models.ForeignKey(
        "Review",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contraindications_added",
        help_text="The review during which it was attached, if any.",
    )
    kind = models.CharField(max_length=20, choices=ContraindicationKind, default=ContraindicationKind.CONDITION)
    condition = models.CharField(max_length=300, help_text="The condition, population or interacting drug.")
    severity = models.CharField(max_length=10, choices=ContraindicationLevel)
    rationale = models.TextField()
    source_kind = models.CharField(max_length=10, choices=EvidenceSource)
    source_reference = models.ForeignKey(Reference, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_date = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["severity", "condition"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(remedy__isnull=False) & Q(claim__isnull=True))
                | (Q(remedy__isnull=True) & Q(claim__isnull=False)),
                name="contraindication_remedy_xor_claim",
            ),
            models.CheckConstraint(
                condition=Q(severity__in=ContraindicationLevel.values), name="contraindication_severity_known"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ContraindicationKind.values), name="contraindication_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(source_kind__in=EvidenceSource.values), name="contraindication_source_kind_known"
            ),
            models.CheckConstraint(condition=~Q(condition=""), name="contraindication_condition_given"),
        ]

    def __str__(self):
        return f"{self.condition} ({self.get_severity_display().lower()})"

    def clean(self):
        if bool(self.remedy_id) == bool(self.claim_id):
            raise ValidationError("Attach the contraindication to a remedy or to a claim, not both or neither.")

    def audit_state(self) -> dict:
        return {
            field: getattr(self, field)
            for field in (
                "remedy_id",
                "claim_id",
                "kind",
                "condition",
                "severity",
                "rationale",
                "source_kind",
                "source_reference_id",
                "source_date",
            )
        }
