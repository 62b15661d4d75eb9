"""A review of one claim: its state, GRADE certainty and recommendation, the references it cites,
and who contributed to it."""

import pgtrigger
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from claims.models import Claim
from core.triggers import ReadOnly, Refuse, append_only_triggers, track_history

from .references import Reference


class Certainty(models.TextChoices):
    HIGH = "high", "High"
    MODERATE = "moderate", "Moderate"
    LOW = "low", "Low"
    VERY_LOW = "very_low", "Very low"


class Recommendation(models.TextChoices):
    STRONG_FOR = "strong_for", "Strong for"
    CONDITIONAL_FOR = "conditional_for", "Conditional for"
    CONDITIONAL_AGAINST = "conditional_against", "Conditional against"
    STRONG_AGAINST = "strong_against", "Strong against"
    INSUFFICIENT = "insufficient_evidence", "Insufficient evidence"


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review (awaiting second reviewer)"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


@track_history()
class Review(models.Model):
    """A review of one claim, moved between states only by the services in reviews.services."""

    State = ReviewState

    # A claim has at most one review in these states; the rest are history.
    OPEN_STATES = (ReviewState.DRAFT, ReviewState.IN_REVIEW, ReviewState.CHANGES_REQUESTED, ReviewState.APPROVED)
    EDITABLE_STATES = (ReviewState.DRAFT, ReviewState.CHANGES_REQUESTED)

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="reviews")
    state = models.CharField(max_length=20, choices=ReviewState, default=ReviewState.DRAFT)
    # The lowest certainty among the review's critical outcomes (reviews.grade), written by the
    # services whenever an outcome changes: never typed.
    certainty = models.CharField(max_length=10, choices=Certainty, blank=True)
    recommendation = models.CharField(max_length=25, choices=Recommendation, blank=True)
    summary = models.TextField(blank=True)
    no_known_contraindication = models.BooleanField(
        default=False, help_text="Explicitly state that no contraindication is known (give the reason)."
    )
    no_contraindication_reason = models.TextField(blank=True)
    references = models.ManyToManyField(Reference, through="ReviewReference", related_name="reviews", blank=True)
    dual_grading = models.BooleanField(
        default=False,
        help_text="Graded by two reviewers independently (required for the risk tiers in DUAL_GRADING_TIERS).",
    )

    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Second reviewer who approved, rejected or requested changes.",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save carries the version it was made from; a stale one is refused.
    version = models.PositiveIntegerField(default=1)
    # What the approval approved, frozen: publishing publishes exactly this, and refuses if the
    # claim, remedy, grading or contraindications no longer read the same.
    approved_snapshot = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    approved_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(state__in=["draft", "in_review", "changes_requested", "approved"]),
                name="review_one_open_per_claim",
            ),
            models.CheckConstraint(condition=Q(state__in=ReviewState.values), name="review_state_known"),
            models.CheckConstraint(
                condition=Q(certainty="") | Q(certainty__in=Certainty.values), name="review_certainty_known"
            ),
            models.CheckConstraint(
                condition=Q(recommendation="") | Q(recommendation__in=Recommendation.values),
                name="review_recommendation_known",
            ),
            models.CheckConstraint(
                condition=Q(no_known_contraindication=False) | ~Q(no_contraindication_reason=""),
                name="review_no_contraindication_reasoned",
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="review_version_positive"),
            models.CheckConstraint(
                condition=~Q(state="approved") | (Q(approved_snapshot__isnull=False) & ~Q(approved_hash="")),
                name="review_approved_has_snapshot",
            ),
        ]
        # PostgreSQL (django-pgtrigger); SQLite: reviews.db_rules.sqlite. The state changes (the
        # workflow's edges, four-eyes, the audit event that records each) are reviews.db_rules'.
        triggers = [
            # A renumbered or moved review would leave its contributors and its events behind.
            ReadOnly(
                name="keeps_its_claim",
                fields=["id", "claim"],
                message="review %: a review keeps its id and its claim",
                args=["OLD.id"],
                errcode="check_violation",
            ),
            # While an approval stands, it is the one its review.approved event recorded.
            Refuse(
                name="approval_frozen",
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(old__state=ReviewState.APPROVED.value, new__state=ReviewState.APPROVED.value)
                & (
                    pgtrigger.Q(old__approved_hash__df=pgtrigger.F("new__approved_hash"))
                    | pgtrigger.Q(old__approved_snapshot__df=pgtrigger.F("new__approved_snapshot"))
                    | pgtrigger.Q(old__decided_by__df=pgtrigger.F("new__decided_by"))
                ),
                message="review %: an approval is frozen",
                args=["OLD.id"],
                errcode="check_violation",
            ),
        ]

    def __str__(self):
        return f"Review #{self.pk} of “{self.claim}” ({self.get_state_display()})"

    def clean(self):
        if self.no_known_contraindication and not self.no_contraindication_reason.strip():
            raise ValidationError({"no_contraindication_reason": "Give the reason no contraindication is known."})

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def audit_state(self) -> dict:
        """The reviewed values, as the audit trail records them before and after a change."""
        return {
            "state": self.state,
            "certainty": self.certainty,
            "recommendation": self.recommendation,
            "summary": self.summary,
            "no_known_contraindication": self.no_known_contraindication,
            "no_contraindication_reason": self.no_contraindication_reason,
            "dual_grading": self.dual_grading,
            "assignee": self.assignee_id,
            "graded_by": self.graded_by_id,
            "submitted_by": self.submitted_by_id,
            "last_edited_by": self.last_edited_by_id,
            "decided_by": self.decided_by_id,
            "approved_hash": self.approved_hash,
            "version": self.version,
        }


class ReviewContribution(models.Model):
    """Someone who changed what a review says: its grading, judgements, references, the
    contraindications in force for its claim, its submission, or what its claim and remedy read.
    Written by the services in the transaction of the change; nobody listed here may decide on the
    review or publish it (four-eyes by contribution, not by the last editor)."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="contributions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    first_contribution = models.CharField(max_length=64, help_text="The audit event type of the first change.")
    first_at = models.DateTimeField()

    class Meta:
        ordering = ["review", "first_at"]
        constraints = [models.UniqueConstraint(fields=["review", "user"], name="reviewcontribution_once")]
        triggers = append_only_triggers()  # PostgreSQL; SQLite: reviews.db_rules.sqlite

    def __str__(self):
        return f"{self.user} on review #{self.review_id}"


@track_history()
class ReviewReference(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="review_references")
    reference = models.ForeignKey(Reference, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True, help_text="What this reference supports.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "reference"], name="review_reference_once")]

    def __str__(self):
        return str(self.reference)
