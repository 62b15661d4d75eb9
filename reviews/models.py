"""The judgement: reviews with GRADE evidence, references, contraindications, and the audit trail.

Rows here change only through reviews.services; the database holds the invariants a service could
forget (enums, one open review per claim, the append-only audit table).
"""

import pghistory
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

from claims.models import Claim, Remedy

PMID_VALIDATOR = RegexValidator(r"^[1-9][0-9]{0,8}$", "A PMID is 1 to 9 digits.")
DOI_VALIDATOR = RegexValidator(r"^10\.[0-9]{4,9}/\S+$", "A DOI looks like 10.1002/14651858.CD005044.")


class ReferenceKind(models.TextChoices):
    STUDY = "study", "Study"
    SYSTEMATIC_REVIEW = "systematic_review", "Systematic review"
    GUIDELINE = "guideline", "Guideline"
    LABEL = "label", "Drug label or regulator"


@pghistory.track()
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


@pghistory.track()
class Review(models.Model):
    """A review of one claim, moved between states only by the services in reviews.services."""

    State = ReviewState

    # A claim has at most one review in these states; the rest are history.
    OPEN_STATES = (ReviewState.DRAFT, ReviewState.IN_REVIEW, ReviewState.CHANGES_REQUESTED, ReviewState.APPROVED)
    EDITABLE_STATES = (ReviewState.DRAFT, ReviewState.CHANGES_REQUESTED)

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="reviews")
    state = models.CharField(max_length=20, choices=ReviewState, default=ReviewState.DRAFT)
    certainty = models.CharField(max_length=10, choices=Certainty, blank=True)
    recommendation = models.CharField(max_length=25, choices=Recommendation, blank=True)
    summary = models.TextField(blank=True)
    no_known_contraindication = models.BooleanField(
        default=False, help_text="Explicitly state that no contraindication is known (give the reason)."
    )
    no_contraindication_reason = models.TextField(blank=True)
    references = models.ManyToManyField(Reference, through="ReviewReference", related_name="reviews", blank=True)

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

    def __str__(self):
        return f"Review #{self.pk} of “{self.claim}” ({self.get_state_display()})"

    def clean(self):
        if self.no_known_contraindication and not self.no_contraindication_reason.strip():
            raise ValidationError({"no_contraindication_reason": "Give the reason no contraindication is known."})

    @property
    def is_open(self) -> bool:
        return self.state in self.OPEN_STATES

    def snapshot(self) -> dict:
        """The reviewed values, as the audit trail records them before and after a change."""
        return {
            "state": self.state,
            "certainty": self.certainty,
            "recommendation": self.recommendation,
            "summary": self.summary,
            "no_known_contraindication": self.no_known_contraindication,
            "no_contraindication_reason": self.no_contraindication_reason,
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

    def __str__(self):
        return f"{self.user} on review #{self.review_id}"


@pghistory.track()
class ReviewReference(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="review_references")
    reference = models.ForeignKey(Reference, on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=500, blank=True, help_text="What this reference supports.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "reference"], name="review_reference_once")]

    def __str__(self):
        return str(self.reference)


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


@pghistory.track()
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


@pghistory.track()
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

    def snapshot(self) -> dict:
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
    REFERENCE_ATTACHED = "reference.attached"
    REFERENCE_DETACHED = "reference.detached"
    REFERENCE_SAVED = "reference.saved"
    JUDGEMENT_SAVED = "judgement.saved"
    JUDGEMENT_REMOVED = "judgement.removed"
    CONTRAINDICATION_ADDED = "contraindication.added"
    CONTRAINDICATION_CHANGED = "contraindication.changed"
    CONTRAINDICATION_REMOVED = "contraindication.removed"
    REMEDY_ADDED = "remedy.added"
    REMEDY_CHANGED = "remedy.changed"
    CLAIM_CHANGED = "claim.changed"
    CATALOGUE_LOADED = "catalogue.loaded"
    ACCOUNT_CHANGED = "account.changed"


class AuditEvent(models.Model):
    """One fact of the audit trail: never edited, never deleted (database triggers refuse both).

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
    claim = models.ForeignKey(Claim, null=True, on_delete=models.PROTECT, related_name="+", db_index=True)
    review = models.ForeignKey(Review, null=True, on_delete=models.PROTECT, related_name="+")
    remedy = models.ForeignKey(Remedy, null=True, on_delete=models.PROTECT, related_name="+")
    before = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    after = models.JSONField(default=dict, encoder=DjangoJSONEncoder)
    reason = models.TextField(blank=True)
    prev_hash = models.CharField(max_length=64)
    key_id = models.CharField(max_length=32, help_text="Which chain key signed this event (HMAC-SHA256).")
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.CheckConstraint(condition=Q(event_type__in=AuditEventType.values), name="auditevent_type_known"),
        ]
        indexes = [models.Index(fields=["event_type", "occurred_at"], name="auditevent_type_time")]

    def __str__(self):
        return f"#{self.seq} {self.event_type} by {self.actor_username or 'system'}"

    def changed_fields(self) -> dict:
        """Field -> (before, after) for every field whose value differs."""
        keys = sorted(set(self.before) | set(self.after))
        return {k: (self.before.get(k), self.after.get(k)) for k in keys if self.before.get(k) != self.after.get(k)}


class Publication(models.Model):
    """An immutable, numbered snapshot of an approved review of a claim: what the content API
    serves. A later approved review of the same claim publishes version n+1; only one version of
    a claim is current, and a withdrawn claim has none."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="publications")
    review = models.OneToOneField(Review, on_delete=models.PROTECT, related_name="publication")
    version = models.PositiveIntegerField()
    is_current = models.BooleanField(default=True)
    snapshot = models.JSONField(encoder=DjangoJSONEncoder)
    approved_hash = models.CharField(
        max_length=64,
        default="",
        help_text="The hash of the approval this publication publishes (Review.approved_hash).",
    )
    # Copied from the snapshot so the API filters on indexed columns instead of JSON.
    remedy = models.ForeignKey(Remedy, on_delete=models.PROTECT, related_name="publications")
    remedy_name = models.CharField(max_length=200, help_text="The remedy's name as published: orders the remedies.")
    category = models.CharField(max_length=20)
    kind = models.CharField(max_length=12)
    population = models.CharField(max_length=20, blank=True)
    risk_tier = models.CharField(max_length=10)
    certainty = models.CharField(max_length=10, choices=Certainty)
    recommendation = models.CharField(max_length=25, choices=Recommendation)
    search_text = models.TextField(help_text="Lower-cased statement, remedy, aliases and quotes.")
    change_note = models.TextField(blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    published_at = models.DateTimeField(db_index=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "version"], name="publication_version_unique"),
            models.UniqueConstraint(fields=["claim"], condition=Q(is_current=True), name="publication_one_current"),
            models.CheckConstraint(condition=Q(version__gte=1), name="publication_version_positive"),
            models.CheckConstraint(
                condition=Q(is_current=False) | Q(withdrawn_at__isnull=True), name="publication_current_not_withdrawn"
            ),
        ]
        indexes = [
            models.Index(fields=["is_current", "published_at", "id"], name="publication_current_time"),
            # The remedies list: current publications in published-name order, and each remedy's
            # current ones (its latest, and how many).
            models.Index(
                fields=["remedy_name", "remedy"], condition=Q(is_current=True), name="publication_current_name"
            ),
            models.Index(fields=["remedy", "id"], condition=Q(is_current=True), name="publication_current_remedy"),
        ]

    def __str__(self):
        return f"{self.claim} (v{self.version})"


class PublicationCondition(models.Model):
    """One contraindicated condition of a publication, for the API's `condition` filter."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="conditions")
    condition = models.CharField(max_length=300)

    class Meta:
        indexes = [models.Index(fields=["condition"], name="publicationcondition_text")]

    def __str__(self):
        return self.condition


class PublicationRemedyName(models.Model):
    """The remedy's name or one of its aliases as a publication carries them, case-folded, for the
    API's `remedy` filter (reviews.snapshots.remedy_names)."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="remedy_names")
    name = models.CharField(max_length=600, help_text="str.casefold() of the name or alias.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "publication"], name="publicationremedyname_once")]

    def __str__(self):
        return self.name


class PublicationSource(models.Model):
    """One source article a publication's claim appears in, under the file name the publication
    carries, for the API's `source` filter."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="sources")
    source = models.ForeignKey("claims.Source", on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=255, help_text="The source's file name as published.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["publication", "source"], name="publicationsource_once")]
        indexes = [models.Index(fields=["file_name", "publication"], name="publicationsource_file_name")]

    def __str__(self):
        return f"{self.publication_id} in {self.source_id}"


class PublicationChange(models.Model):
    """The changes feed: every publish, republish and withdrawal, in order, so a content system
    can mirror the API by reading what happened after its last cursor."""

    class Kind(models.TextChoices):
        PUBLISHED = "published", "Published"
        REPUBLISHED = "republished", "Republished"
        WITHDRAWN = "withdrawn", "Withdrawn"

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="+")
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(max_length=12, choices=Kind)
    version = models.PositiveIntegerField()
    occurred_at = models.DateTimeField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["published", "republished", "withdrawn"]), name="publicationchange_kind_known"
            ),
        ]

    def __str__(self):
        return f"{self.kind} claim #{self.claim_id} v{self.version}"


class ApiToken(models.Model):
    """A bearer token for the REST API. Only a SHA-256 digest is stored: the token itself is shown
    once, when issued. The prefix finds the row without scanning digests."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    prefix = models.CharField(max_length=8, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.user}{', revoked' if self.revoked_at else ''})"
