"""What the content API serves: numbered publications of approved reviews, their indexed side
tables, and the changes feed."""

import pgtrigger
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q

from claims.models import Claim, Remedy
from core.triggers import NoTruncate, ReadOnly, Refuse, append_only_triggers

from .reviews import Certainty, Recommendation, Review

# The only columns of a publication that change, one way only (the application role may UPDATE
# these and no other: reviews.app_role).
STATUS_FIELDS = ("is_current", "withdrawn_at")


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
    condition_name = models.CharField(max_length=200, help_text="What the claim is about, as published.")
    condition_slug = models.CharField(max_length=200, help_text="The condition's slug: the API's `about` filter.")
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
            models.Index(
                fields=["condition_slug", "published_at", "id"],
                condition=Q(is_current=True),
                name="publication_current_about",
            ),
        ]
        # PostgreSQL (django-pgtrigger); SQLite: reviews.db_rules.sqlite. What a publication may be
        # created with (an approved review, its event, its snapshot) is reviews.db_rules'.
        triggers = [
            NoTruncate(),
            Refuse(name="no_delete", operation=pgtrigger.Delete, message="% on %: published data is immutable"),
            # Every column but the status is what was published.
            ReadOnly(
                name="content_frozen",
                exclude=list(STATUS_FIELDS),
                message="% on %: published data is immutable",
            ),
            # is_current only goes from true to false, withdrawn_at only from empty to a time.
            Refuse(
                name="status_one_way",
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(old__is_current__ndf=False, new__is_current__ndf=True)
                | pgtrigger.Q(old__withdrawn_at__isnull=False, old__withdrawn_at__df=pgtrigger.F("new__withdrawn_at")),
                message="publication %: a superseded or withdrawn version does not come back",
                args=["OLD.id"],
                errcode="check_violation",
            ),
        ]

    def __str__(self):
        return f"{self.claim} (v{self.version})"


class PublicationCondition(models.Model):
    """One contraindicated condition of a publication, for the API's `condition` filter."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="conditions")
    condition = models.CharField(max_length=300)

    class Meta:
        indexes = [models.Index(fields=["condition"], name="publicationcondition_text")]
        triggers = append_only_triggers()  # PostgreSQL; SQLite: reviews.db_rules.sqlite

    def __str__(self):
        return self.condition


class PublicationRemedyName(models.Model):
    """The remedy's name or one of its aliases as a publication carries them, case-folded, for the
    API's `remedy` filter (reviews.publishing.snapshots.remedy_names)."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="remedy_names")
    name = models.CharField(max_length=600, help_text="str.casefold() of the name or alias.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "publication"], name="publicationremedyname_once")]
        triggers = append_only_triggers()  # PostgreSQL; SQLite: reviews.db_rules.sqlite

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
        triggers = append_only_triggers()  # PostgreSQL; SQLite: reviews.db_rules.sqlite

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
        triggers = append_only_triggers()  # PostgreSQL; SQLite: reviews.db_rules.sqlite

    def __str__(self):
        return f"{self.kind} claim #{self.claim_id} v{self.version}"
