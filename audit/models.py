"""The audit trail: the registry of event types and the append-only, hash-chained events."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from core.triggers import append_only_triggers


class AuditEventType(models.TextChoices):
    # The registry of event types: a new type is added here and nowhere else.
    REVIEW_STARTED = "review.started"
    REVIEW_ASSIGNED = "review.assigned"
    REVIEW_GRADED = "review.graded"
    REVIEW_SUBMITTED = "review.submitted"
    REVIEW_CHANGES_REQUESTED = "review.changes_requested"
    REVIEW_APPROVED = "review.approved"
    REVIEW_APPROVAL_LAPSED = "review.approval_lapsed"
    REVIEW_REJECTED = "review.rejected"
    REVIEW_PUBLISHED = "review.published"
    REVIEW_WITHDRAWN = "review.withdrawn"
    REVIEW_DUAL_GRADING_REQUIRED = "review.dual_grading_required"
    REFERENCE_ATTACHED = "reference.attached"
    REFERENCE_DETACHED = "reference.detached"
    REFERENCE_SAVED = "reference.saved"
    JUDGEMENT_SAVED = "judgement.saved"
    JUDGEMENT_REMOVED = "judgement.removed"
    OUTCOME_ADDED = "outcome.added"
    OUTCOME_CHANGED = "outcome.changed"
    OUTCOME_REMOVED = "outcome.removed"
    OUTCOME_CERTAINTY_OVERRIDDEN = "outcome.certainty_overridden"
    OUTCOME_OVERRIDE_REMOVED = "outcome.override_removed"
    OUTCOME_REFERENCE_ATTACHED = "outcome.reference_attached"
    OUTCOME_REFERENCE_DETACHED = "outcome.reference_detached"
    GRADING_STARTED = "grading.started"
    GRADING_CHANGED = "grading.changed"
    GRADING_SUBMITTED = "grading.submitted"
    DISAGREEMENTS_LISTED = "grading.disagreements_listed"
    DISAGREEMENT_PROPOSED = "grading.disagreement_proposed"
    DISAGREEMENT_RESOLVED = "grading.disagreement_resolved"
    GRADING_RESOLVED = "grading.resolved"
    CONTRAINDICATION_ADDED = "contraindication.added"
    CONTRAINDICATION_CHANGED = "contraindication.changed"
    CONTRAINDICATION_REMOVED = "contraindication.removed"
    REMEDY_ADDED = "remedy.added"
    REMEDY_CHANGED = "remedy.changed"
    CLAIM_ADDED = "claim.added"
    CLAIM_CHANGED = "claim.changed"
    CATALOGUE_LOADED = "catalogue.loaded"
    ARTICLE_ADDED = "article.added"
    ARTICLE_PROPOSED = "article.proposed"
    ARTICLE_PROPOSER_RETRIED = "article.proposer_retried"
    PROPOSAL_ADDED = "proposal.added"
    PROPOSAL_EDITED = "proposal.edited"
    PROPOSAL_ACCEPTED = "proposal.accepted"
    PROPOSAL_REJECTED = "proposal.rejected"
    ACCOUNT_CHANGED = "account.changed"


class AuditEvent(models.Model):
    """One fact of the audit trail: never edited, never deleted (database triggers refuse both, and
    TRUNCATE on PostgreSQL).

    Each event carries the hash of the one before it, keyed by a chain key the database never
    holds, so an edit made behind the database's back (triggers disabled, a restored dump) breaks
    the chain and `verify_audit` finds it; anchors kept outside the database show a cut tail.
    """

    Type = AuditEventType

    seq = models.PositiveBigIntegerField(unique=True, help_text="Position in the hash chain, from 1.")
    occurred_at = models.DateTimeField(db_index=True)
    event_type = models.CharField(max_length=64, choices=AuditEventType)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    actor_username = models.CharField(max_length=150, blank=True)
    claim = models.ForeignKey("claims.Claim", null=True, on_delete=models.PROTECT, related_name="+", db_index=True)
    review = models.ForeignKey("reviews.Review", null=True, on_delete=models.PROTECT, related_name="+")
    remedy = models.ForeignKey("claims.Remedy", null=True, on_delete=models.PROTECT, related_name="+")
    before = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    after = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    reason = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64)
    key_id = models.CharField(max_length=32, help_text="Which chain key signed this event (HMAC-SHA256).")
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        # The table keeps the name it had before the audit trail became its own app (migration
        # reviews 0013 / audit 0001 moved the model, not the rows).
        db_table = "reviews_auditevent"
        ordering = ["seq"]
        constraints = [
            models.CheckConstraint(condition=Q(event_type__in=AuditEventType.values), name="auditevent_type_known"),
        ]
        indexes = [models.Index(fields=["event_type", "occurred_at"], name="auditevent_type_time")]
        # PostgreSQL: UPDATE, DELETE and TRUNCATE refused (django-pgtrigger, core.triggers); SQLite:
        # reviews.db_rules.sqlite. The table is in reviews.append_only's list for the app role's grants.
        triggers = append_only_triggers()

    def __str__(self):
        return f"#{self.seq} {self.event_type} by {self.actor_username or 'system'}"

    def changed_fields(self) -> dict:
        """Field -> (before, after) for every field whose value differs."""
        keys = sorted(set(self.before) | set(self.after))
        return {k: (self.before.get(k), self.after.get(k)) for k in keys if self.before.get(k) != self.after.get(k)}
