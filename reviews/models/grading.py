"""GRADE: the domains an outcome is judged on, and the severity of each downgrade or upgrade."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from core.triggers import track_history

from .outcomes import OUTCOME_OF_SUBMITTED_GRADING, Outcome, frozen_with_grading
from .reviews import Review


class Domain(models.TextChoices):
    RISK_OF_BIAS = "risk_of_bias", "Risk of bias"
    INCONSISTENCY = "inconsistency", "Inconsistency"
    INDIRECTNESS = "indirectness", "Indirectness"
    IMPRECISION = "imprecision", "Imprecision"
    PUBLICATION_BIAS = "publication_bias", "Publication bias"
    LARGE_EFFECT = "large_effect", "Large effect"
    DOSE_RESPONSE = "dose_response", "Dose-response gradient"
    PLAUSIBLE_CONFOUNDING = "plausible_confounding", "Plausible confounding"


DOWNGRADE_DOMAINS = (
    Domain.RISK_OF_BIAS,
    Domain.INCONSISTENCY,
    Domain.INDIRECTNESS,
    Domain.IMPRECISION,
    Domain.PUBLICATION_BIAS,
)
UPGRADE_DOMAINS = (Domain.LARGE_EFFECT, Domain.DOSE_RESPONSE, Domain.PLAUSIBLE_CONFOUNDING)


class Severity(models.TextChoices):
    NONE = "none", "Not serious / no upgrade"
    SERIOUS = "serious", "Serious (−1)"
    VERY_SERIOUS = "very_serious", "Very serious (−2)"
    UPGRADE_ONE = "upgrade_one", "Upgrade (+1)"
    UPGRADE_TWO = "upgrade_two", "Upgrade (+2)"


@track_history()
class DomainJudgement(models.Model):
    """A GRADE domain judged for one outcome: a downgrade or an upgrade, with its rationale.
    `review` is the outcome's review (kept from when a review had one set of judgements)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="judgements")
    # Required (judgement_has_outcome); nullable as a column so that the row history kept from
    # before outcomes (DomainJudgementEvent, which copies this field) stays as it was.
    outcome = models.ForeignKey(Outcome, null=True, on_delete=models.CASCADE, related_name="judgements")
    domain = models.CharField(max_length=25, choices=Domain)
    severity = models.CharField(max_length=15, choices=Severity, default=Severity.NONE)
    rationale = models.TextField()

    class Meta:
        ordering = ["outcome", "domain"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "domain"], name="judgement_one_per_outcome_domain"),
            models.CheckConstraint(condition=Q(outcome__isnull=False), name="judgement_has_outcome"),
            # Downgrade domains take downgrade severities, upgrade domains take upgrades.
            models.CheckConstraint(
                condition=(
                    Q(domain__in=[d.value for d in DOWNGRADE_DOMAINS])
                    & Q(severity__in=["none", "serious", "very_serious"])
                )
                | (
                    Q(domain__in=[d.value for d in UPGRADE_DOMAINS])
                    & Q(severity__in=["none", "upgrade_one", "upgrade_two"])
                ),
                name="judgement_severity_fits_domain",
            ),
            models.CheckConstraint(condition=~Q(rationale=""), name="judgement_rationale_given"),
        ]
        triggers = [frozen_with_grading(OUTCOME_OF_SUBMITTED_GRADING.format(ids="OLD.outcome_id, NEW.outcome_id"))]

    def __str__(self):
        return f"{self.get_domain_display()}: {self.get_severity_display()}"

    def clean(self):
        allowed = (
            {"none", "serious", "very_serious"}
            if self.domain in DOWNGRADE_DOMAINS
            else {"none", "upgrade_one", "upgrade_two"}
        )
        if self.severity not in allowed:
            raise ValidationError(
                {"severity": f"{self.get_severity_display()} does not apply to {self.get_domain_display()}."}
            )
