"""GRADE outcomes: what a review grades, each with its body of evidence, its effect, its own domain
judgements and its certainty, worked out from them (reviews.grade) unless overridden with a reason."""

import pgtrigger
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from core.triggers import RefuseIf, track_history

from .references import Reference
from .reviews import Certainty, Review


class OutcomeDirection(models.TextChoices):
    BENEFIT = "benefit", "Benefit"
    HARM = "harm", "Harm"


class Importance(models.TextChoices):
    CRITICAL = "critical", "Critical"
    IMPORTANT = "important", "Important"
    NOT_IMPORTANT = "not_important", "Not important"


class StudyDesign(models.TextChoices):
    """Where a body of evidence starts: randomised trials high, observational studies low."""

    RANDOMISED = "randomised", "Randomised trials"
    OBSERVATIONAL = "observational", "Observational studies"


# The name of the one outcome a single-certainty review became when outcomes came in, and the
# reason its certainty is kept through an override.
MIGRATED_OUTCOME_NAME = "overall, migrated"
MIGRATED_OVERRIDE_REASON = "migrated from a single-certainty review"


# A submitted independent grading is frozen, and with it its outcomes, their judgements and
# references and its contraindications: the conditions of their triggers (PostgreSQL, RefuseIf
# below; SQLite, reviews.db_rules.sqlite), given the grading or outcome ids the row names (OLD's,
# NEW's, or both).
SUBMITTED_GRADING = (
    "EXISTS (SELECT 1 FROM reviews_grading frozen_g WHERE frozen_g.id IN ({ids}) AND frozen_g.submitted_at IS NOT NULL)"
)
OUTCOME_OF_SUBMITTED_GRADING = (
    "EXISTS (SELECT 1 FROM reviews_outcome frozen_o JOIN reviews_grading frozen_g ON frozen_g.id = frozen_o.grading_id "
    "WHERE frozen_o.id IN ({ids}) AND frozen_g.submitted_at IS NOT NULL)"
)
FROZEN_WITH_GRADING = "% on %: its independent grading was submitted and is frozen"


def frozen_with_grading(check: str) -> RefuseIf:
    """`Meta.triggers` entry: INSERT, UPDATE and DELETE refused where `check` (one of the conditions
    above, on OLD's and NEW's ids) finds a submitted grading."""
    return RefuseIf(
        name="grading_submitted",
        operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
        check=check,
        message=FROZEN_WITH_GRADING,
        errcode="check_violation",
    )


@track_history()
class Outcome(models.Model):
    """One outcome a review grades. It belongs to the review's grading, or, while a review is
    dual-graded, to one grader's independent grading (`grading`)."""

    Direction = OutcomeDirection
    Importance = Importance
    Design = StudyDesign

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="outcomes")
    grading = models.ForeignKey(
        "Grading",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="outcomes",
        help_text="The independent grading it belongs to (dual grading); empty: the review's own grading.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the Summary of Findings.")
    name = models.CharField(max_length=200, help_text="E.g. “Cramp frequency (cramps over two weeks)”.")
    direction = models.CharField(max_length=10, choices=OutcomeDirection, default=OutcomeDirection.BENEFIT)
    importance = models.CharField(max_length=15, choices=Importance, default=Importance.CRITICAL)
    design = models.CharField(
        max_length=15,
        choices=StudyDesign,
        blank=True,
        help_text="The body of evidence's design: where its certainty starts. Empty only on an outcome "
        "migrated from a single-certainty review, whose certainty is an override.",
    )
    studies = models.PositiveIntegerField(null=True, blank=True, help_text="Number of studies.")
    participants = models.PositiveIntegerField(null=True, blank=True, help_text="Number of participants.")
    relative_measure = models.CharField(max_length=30, blank=True, help_text="E.g. RR, OR, HR, MD.")
    relative_effect = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    relative_ci_low = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    relative_ci_high = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    absolute_effect = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    absolute_ci_low = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    absolute_ci_high = models.DecimalField(max_digits=14, decimal_places=4, null=True, blank=True)
    absolute_unit = models.CharField(max_length=100, blank=True, help_text="E.g. “per 1,000”, “cramps in 2 weeks”.")
    effect_text = models.TextField(blank=True, help_text="The effect in words, as the evidence reports it.")
    # The certainty in force: worked out from the design and the judgements (reviews.grade), or
    # the override; empty while neither can say (no design, no override). Written by
    # reviews.services.outcomes only.
    certainty = models.CharField(max_length=10, choices=Certainty, blank=True)
    certainty_override = models.CharField(max_length=10, choices=Certainty, blank=True)
    override_reason = models.TextField(blank=True)
    references = models.ManyToManyField(Reference, through="OutcomeReference", related_name="outcomes", blank=True)

    class Meta:
        ordering = ["review", "grading", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                "review",
                models.functions.Lower("name"),
                condition=Q(grading__isnull=True),
                name="outcome_name_once_per_review",
            ),
            models.UniqueConstraint(
                "grading",
                models.functions.Lower("name"),
                condition=Q(grading__isnull=False),
                name="outcome_name_once_per_grading",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="outcome_name_given"),
            models.CheckConstraint(condition=Q(direction__in=OutcomeDirection.values), name="outcome_direction_known"),
            models.CheckConstraint(condition=Q(importance__in=Importance.values), name="outcome_importance_known"),
            models.CheckConstraint(
                condition=Q(design="") | Q(design__in=StudyDesign.values), name="outcome_design_known"
            ),
            models.CheckConstraint(
                condition=Q(certainty="") | Q(certainty__in=Certainty.values), name="outcome_certainty_known"
            ),
            models.CheckConstraint(
                condition=Q(certainty_override="") | Q(certainty_override__in=Certainty.values),
                name="outcome_override_known",
            ),
            # An override says why; and the certainty in force is the override where there is one.
            models.CheckConstraint(
                condition=Q(certainty_override="")
                | (~Q(override_reason="") & Q(certainty=models.F("certainty_override"))),
                name="outcome_override_reasoned",
            ),
        ]
        triggers = [frozen_with_grading(SUBMITTED_GRADING.format(ids="OLD.grading_id, NEW.grading_id"))]

    def __str__(self):
        return f"{self.name} ({self.get_certainty_display().lower() or 'certainty not worked out'})"

    def clean(self):
        if self.certainty_override and not self.override_reason.strip():
            raise ValidationError({"override_reason": "An override of the worked-out certainty needs a reason."})
        for prefix in ("relative", "absolute"):
            low, high = getattr(self, f"{prefix}_ci_low"), getattr(self, f"{prefix}_ci_high")
            if low is not None and high is not None and low > high:
                raise ValidationError({f"{prefix}_ci_low": "The interval's lower bound is above its upper bound."})

    def audit_state(self) -> dict:
        """The outcome's values, as the audit trail records them before and after a change."""
        return {
            "review": self.review_id,
            "grading": self.grading_id,
            "name": self.name,
            "position": self.position,
            "direction": self.direction,
            "importance": self.importance,
            "design": self.design,
            "studies": self.studies,
            "participants": self.participants,
            "relative_measure": self.relative_measure,
            "relative_effect": _text(self.relative_effect),
            "relative_ci_low": _text(self.relative_ci_low),
            "relative_ci_high": _text(self.relative_ci_high),
            "absolute_effect": _text(self.absolute_effect),
            "absolute_ci_low": _text(self.absolute_ci_low),
            "absolute_ci_high": _text(self.absolute_ci_high),
            "absolute_unit": self.absolute_unit,
            "effect_text": self.effect_text,
            "certainty": self.certainty,
            "certainty_override": self.certainty_override,
            "override_reason": self.override_reason,
        }


def _text(value):
    return None if value is None else str(value)


@track_history()
class OutcomeReference(models.Model):
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="outcome_references")
    reference = models.ForeignKey(Reference, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True, help_text="What this reference supports.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["outcome", "reference"], name="outcome_reference_once")]
        triggers = [frozen_with_grading(OUTCOME_OF_SUBMITTED_GRADING.format(ids="OLD.outcome_id, NEW.outcome_id"))]

    def __str__(self):
        return str(self.reference)
