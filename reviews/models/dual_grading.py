"""Blinded dual grading: two reviewers grade a review independently, each blind to the other's
grading until both have submitted; every disagreement is then listed and must be resolved (the
graders agreeing, or a third reviewer adjudicating) before the review can be approved."""

import functools
import operator

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from core.triggers import ReadOnly, Refuse, track_history

from .contraindications import ContraindicationKind, ContraindicationLevel, EvidenceSource
from .outcomes import SUBMITTED_GRADING, Outcome, frozen_with_grading
from .references import Reference
from .reviews import Certainty, Recommendation, Review


@track_history()
class Grading(models.Model):
    """One grader's independent grading of a dual-graded review: outcomes (Outcome.grading), a
    recommendation and the contraindications they would attach. Frozen once submitted."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="gradings")
    grader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recommendation = models.CharField(max_length=25, choices=Recommendation, blank=True)
    # The lowest certainty among its critical outcomes (reviews.grade), written by the services.
    certainty = models.CharField(max_length=10, choices=Certainty, blank=True)
    summary = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["review", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "grader"], name="grading_once_per_grader"),
            models.CheckConstraint(
                condition=Q(recommendation="") | Q(recommendation__in=Recommendation.values),
                name="grading_recommendation_known",
            ),
            models.CheckConstraint(
                condition=Q(certainty="") | Q(certainty__in=Certainty.values), name="grading_certainty_known"
            ),
        ]
        # PostgreSQL (django-pgtrigger); SQLite: reviews.db_rules.sqlite. Submitting (submitted_at
        # set from empty) is the last change; its outcomes and contraindications freeze with it.
        triggers = [
            Refuse(
                name="submitted_frozen",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__submitted_at__isnull=False),
                message="grading %: a submitted independent grading is frozen",
                args=["OLD.id"],
                errcode="check_violation",
            )
        ]

    def __str__(self):
        return f"Grading of review #{self.review_id} by {self.grader}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def audit_state(self) -> dict:
        return {
            "review": self.review_id,
            "grader": self.grader_id,
            "recommendation": self.recommendation,
            "certainty": self.certainty,
            "summary": self.summary,
            "submitted_at": self.submitted_at.isoformat() if self.submitted_at else None,
        }


@track_history()
class GradingContraindication(models.Model):
    """A contraindication one grader would attach to the claim."""

    grading = models.ForeignKey(Grading, on_delete=models.CASCADE, related_name="contraindications")
    kind = models.CharField(max_length=20, choices=ContraindicationKind, default=ContraindicationKind.CONDITION)
    condition = models.CharField(max_length=300)
    severity = models.CharField(max_length=10, choices=ContraindicationLevel)
    rationale = models.TextField()
    # Where it comes from: the claim's contraindication the resolved grading creates says the same.
    source_kind = models.CharField(max_length=10, choices=EvidenceSource)
    source_reference = models.ForeignKey(Reference, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["grading", "condition"]
        constraints = [
            models.UniqueConstraint("grading", Lower("condition"), name="grading_contraindication_once"),
            models.CheckConstraint(condition=~Q(condition=""), name="grading_contraindication_condition_given"),
            models.CheckConstraint(
                condition=Q(severity__in=ContraindicationLevel.values), name="grading_contraindication_severity_known"
            ),
            models.CheckConstraint(
                condition=Q(source_kind__in=EvidenceSource.values), name="grading_contraindication_source_kind_known"
            ),
        ]
        triggers = [frozen_with_grading(SUBMITTED_GRADING.format(ids="OLD.grading_id, NEW.grading_id"))]

    def __str__(self):
        return f"{self.condition} ({self.get_severity_display().lower()})"

    def audit_state(self) -> dict:
        return {
            "grading": self.grading_id,
            "kind": self.kind,
            "condition": self.condition,
            "severity": self.severity,
            "rationale": self.rationale,
            "source_kind": self.source_kind,
            "source_reference": self.source_reference_id,
        }


# What a disagreement is about, and its resolution: fixed, and fixed once made (Meta.triggers).
DISAGREEMENT_POINT = ["review", "item", "label", "first", "second", "first_value", "second_value"]
DISAGREEMENT_RESOLUTION = ["resolution", "resolved_value", "resolved_by", "resolution_reason", "resolved_at"]


class Resolution(models.TextChoices):
    AGREED = "agreed", "Agreed by the two graders"
    ADJUDICATED = "adjudicated", "Adjudicated by a third reviewer"


@track_history()
class Disagreement(models.Model):
    """One point on which the two independent gradings differ, listed when both are submitted:
    an outcome's certainty, a domain's severity, an outcome one grading has and the other lacks,
    the recommendation, a contraindication in one grading and not the other. Resolved with a
    reason; the review cannot be approved while one is open."""

    Resolution = Resolution

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="disagreements")
    # A stable key for the point, its kind first (reviews.dual_grading.compare), e.g.
    # "outcome.certainty:cramp frequency", "outcome.domain:imprecision:cramp frequency",
    # "outcome:cramp intensity" (in one grading only), "recommendation", "contraindication:pregnancy".
    item = models.CharField(max_length=400)
    label = models.CharField(max_length=400, help_text="The point, in words.")
    first = models.ForeignKey(Grading, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Grading, on_delete=models.CASCADE, related_name="+")
    first_value = models.TextField(blank=True, help_text="What the first grading says (empty: nothing).")
    second_value = models.TextField(blank=True, help_text="What the second grading says (empty: nothing).")
    # Agreement takes both graders: one proposes a value (with a reason), the other confirms it.
    proposed_value = models.TextField(blank=True, help_text="The value one grader proposes (empty: nothing).")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposal_reason = models.TextField(blank=True)
    proposed_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=15, choices=Resolution, blank=True)
    resolved_value = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolution_reason = models.TextField(blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["review", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "item"], name="disagreement_once_per_item"),
            models.CheckConstraint(
                condition=Q(resolution="") | Q(resolution__in=Resolution.values), name="disagreement_resolution_known"
            ),
            # Resolved means: how, by whom, when and why, all of it.
            models.CheckConstraint(
                condition=(
                    Q(resolution="")
                    & Q(resolved_by__isnull=True)
                    & Q(resolved_at__isnull=True)
                    & Q(resolution_reason="")
                )
                | (
                    ~Q(resolution="")
                    & Q(resolved_by__isnull=False)
                    & Q(resolved_at__isnull=False)
                    & ~Q(resolution_reason="")
                ),
                name="disagreement_resolution_complete",
            ),
            # A proposal says who, when and why (its value may be "nothing").
            models.CheckConstraint(
                condition=(
                    Q(proposed_by__isnull=True)
                    & Q(proposed_at__isnull=True)
                    & Q(proposal_reason="")
                    & Q(proposed_value="")
                )
                | (Q(proposed_by__isnull=False) & Q(proposed_at__isnull=False) & ~Q(proposal_reason="")),
                name="disagreement_proposal_complete",
            ),
        ]
        # PostgreSQL (django-pgtrigger); SQLite: reviews.db_rules.sqlite. The conflict gate counts
        # open disagreements: none disappears, none changes what it is about, no resolution changes.
        triggers = [
            Refuse(
                name="never_deleted",
                operation=pgtrigger.Delete,
                message="disagreement %: a disagreement is never deleted",
                args=["OLD.id"],
                errcode="check_violation",
            ),
            ReadOnly(
                name="point_fixed",
                fields=DISAGREEMENT_POINT,
                message="disagreement %: what it is about does not change",
                args=["OLD.id"],
                errcode="check_violation",
            ),
            Refuse(
                name="resolution_frozen",
                operation=pgtrigger.Update,
                condition=~pgtrigger.Q(old__resolution="")
                & functools.reduce(
                    operator.or_,
                    (pgtrigger.Q(**{f"old__{f}__df": pgtrigger.F(f"new__{f}")}) for f in DISAGREEMENT_RESOLUTION),
                ),
                message="disagreement %: a resolution, once made, does not change",
                args=["OLD.id"],
                errcode="check_violation",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def is_resolved(self) -> bool:
        return bool(self.resolution)

    def audit_state(self) -> dict:
        return {
            "review": self.review_id,
            "item": self.item,
            "first_value": self.first_value,
            "second_value": self.second_value,
            "proposed_value": self.proposed_value,
            "proposed_by": self.proposed_by_id,
            "proposal_reason": self.proposal_reason,
            "resolution": self.resolution,
            "resolved_value": self.resolved_value,
            "resolved_by": self.resolved_by_id,
            "resolution_reason": self.resolution_reason,
        }


class GradingOutcome(Outcome):
    """An outcome of one grader's independent grading, as the dual-grading admin shows it to its
    grader (reviews.admin.dual_grading); the review's own outcomes are OutcomeAdmin's."""

    class Meta:
        proxy = True
        verbose_name = "outcome of an independent grading"
        verbose_name_plural = "outcomes of independent gradings"
