"""GRADE: the domains a review judges, and the severity of each downgrade or upgrade."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from core.triggers import track_history

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
    """A GRADE domain judged for one review: a downgrade or an upgrade, with its rationale."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="judgements")
    domain = models.CharField(max_length=25, choices=Domain)
    severity = models.CharField(max_length=15, choices=Severity, default=Severity.NONE)
    rationale = models.TextField()

    class Meta:
        ordering = ["review", "domain"]
        constraints = [
            models.UniqueConstraint(fields=["review", "domain"], name="judgement_one_per_domain"),
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
