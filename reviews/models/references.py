"""The shared reference library: trials, systematic reviews, guidelines and drug labels."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from core.triggers import track_history

PMID_VALIDATOR = RegexValidator(r"^[1-9][0-9]{0,8}$", "A PMID is 1 to 9 digits.")
DOI_VALIDATOR = RegexValidator(r"^10\.[0-9]{4,9}/\S+$", "A DOI looks like 10.1002/14651858.CD005044.")


class ReferenceKind(models.TextChoices):
    STUDY = "study", "Study"
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review"
    GUIDELINE = "guideline", "Guideline"
    LABEL = "label", "Drug label or regulator"


@track_history()
class Reference(models.Model):
    """One entry of the shared reference library: a trial, review, label or guideline."""

    Kind = ReferenceKind

    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=20, choices=ReferenceKind, default=ReferenceKind.STUDY)
    pmid = models.CharField("PMID", max_length=9, blank=True, validators=[PMID_VALIDATOR])
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[DOI_VALIDATOR])
    url = models.URLField("URL", blank=True)
    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(1800), MaxValueValidator(2100)])

    class Meta:
        ordering = ["-year", "title"]
        constraints = [
            models.CheckConstraint(condition=~Q(pmid="") | ~Q(doi="") | ~Q(url=""), name="reference_locatable"),
            models.CheckConstraint(
                condition=Q(pmid="") | Q(pmid__regex=r"^[1-9][0-9]{0,8}$"), name="reference_pmid_format"
            ),
            models.CheckConstraint(
                condition=Q(doi="") | Q(doi__regex=r"^10\.[0-9]{4,9}/"), name="reference_doi_format"
            ),
            models.CheckConstraint(condition=Q(kind__in=ReferenceKind.values), name="reference_kind_known"),
            models.UniqueConstraint(fields=["pmid"], condition=~Q(pmid=""), name="reference_pmid_unique"),
            models.UniqueConstraint(Lower("doi"), condition=~Q(doi=""), name="reference_doi_unique"),
        ]

    def __str__(self):
        ids = ", ".join(x for x in (self.pmid and f"PMID {self.pmid}", self.doi and f"doi {self.doi}") if x)
        return f"{self.title} ({self.year}{', ' + ids if ids else ''})"
