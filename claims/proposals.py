"""A claim the proposer sees in an ingested article, waiting for a reviewer: accepted (it became a
claim's appearance), rejected with a reason, or still pending. A reviewer may also add one the
proposer missed. Proposals are never published: the content API serves publications only.

The database keeps the decision complete: a pending proposal names no decider, claim or reason; an
accepted one names its decider, time, remedy and the claim and appearance it became; a rejected one
its decider, time and reason.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.utils import timezone

from claims.models import Appearance, Category, Claim, ClaimKind, Condition, Population, Remedy, Source


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class ProposalOrigin(models.TextChoices):
    PROPOSER = "proposer", "Proposed"
    REVIEWER = "reviewer", "Added by a reviewer"


_DECIDED = Q(decided_by__isnull=False, decided_at__isnull=False)
_UNDECIDED = Q(decided_by__isnull=True, decided_at__isnull=True)


class Proposal(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="proposals")
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # The remedy: an existing one, or a new one proposed by name with a suggested category (its
    # ATC code when the drug lexicon knows it). Once accepted, `remedy` is the one the claim names.
    remedy = models.ForeignKey(Remedy, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    new_remedy_name = models.CharField(max_length=200, blank=True)
    new_remedy_category = models.CharField(max_length=20, choices=Category, blank=True)
    new_remedy_atc_code = models.CharField("ATC code", max_length=7, blank=True)
    surface = models.CharField("matched as", max_length=200, help_text="The name as the article writes it.")
    kind = models.CharField(max_length=12, choices=ClaimKind)
    population = models.CharField(max_length=20, choices=Population, null=True, blank=True)
    # What the claim is about when not what the article is about: an article on headaches that
    # also says "chamomile tea helps you sleep" makes a claim about insomnia. Empty: the article's.
    condition = models.ForeignKey(Condition, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    dose = models.CharField(max_length=500, blank=True)
    rule = models.CharField(max_length=300, help_text="Which rule found the remedy and which cue decided the kind.")
    confidence = models.FloatField()
    fuzzy = models.BooleanField(default=False)
    origin = models.CharField(max_length=10, choices=ProposalOrigin, default=ProposalOrigin.PROPOSER)
    status = models.CharField(max_length=10, choices=ProposalStatus, default=ProposalStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.PROTECT, related_name="proposals")
    appearance = models.OneToOneField(
        Appearance, null=True, blank=True, on_delete=models.PROTECT, related_name="proposal"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["source", "start", "id"]
        indexes = [models.Index(fields=["source", "status"], name="proposal_source_status")]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ProposalStatus.values), name="proposal_status_known"),
            models.CheckConstraint(condition=Q(origin__in=ProposalOrigin.values), name="proposal_origin_known"),
            models.CheckConstraint(condition=Q(kind__in=ClaimKind.values), name="proposal_kind_known"),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population__in=Population.values),
                name="proposal_population_known",
            ),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="proposal_span_not_empty"),
            models.CheckConstraint(condition=Q(end=F("start") + Length("quote")), name="proposal_span_matches_quote"),
            models.CheckConstraint(condition=Q(confidence__gte=0, confidence__lte=1), name="proposal_confidence_range"),
            # A remedy: an existing one, or a new one named with a category.
            models.CheckConstraint(
                condition=Q(remedy__isnull=False) | (~Q(new_remedy_name="") & ~Q(new_remedy_category="")),
                name="proposal_remedy_given",
            ),
            models.CheckConstraint(
                condition=Q(new_remedy_category="") | Q(new_remedy_category__in=Category.values),
                name="proposal_new_remedy_category_known",
            ),
            # The decision's fields, complete for each status and empty otherwise.
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.PENDING)
                | (_UNDECIDED & Q(claim__isnull=True, appearance__isnull=True, reason="")),
                name="proposal_pending_undecided",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.ACCEPTED)
                | (_DECIDED & Q(remedy__isnull=False, claim__isnull=False, appearance__isnull=False)),
                name="proposal_accepted_complete",
            ),
            models.CheckConstraint(
                condition=~Q(status=ProposalStatus.REJECTED)
                | (_DECIDED & ~Q(reason="") & Q(claim__isnull=True, appearance__isnull=True)),
                name="proposal_rejected_complete",
            ),
        ]

    def __str__(self):
        return f"{self.remedy_name}: {self.get_kind_display()} [{self.start}:{self.end}]"

    @property
    def remedy_name(self) -> str:
        return self.remedy.name if self.remedy_id else self.new_remedy_name

    @property
    def about(self) -> Condition:
        """The condition the claim is about: its own, or else the article's."""
        return self.condition if self.condition_id else self.source.condition

    @property
    def is_new_remedy(self) -> bool:
        return self.remedy_id is None

    def audit_state(self) -> dict:
        """What an audit event records of the proposal."""
        return {
            "proposal": self.pk,
            "source": self.source_id,
            "status": self.status,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "remedy": self.remedy_id,
            "new_remedy_name": self.new_remedy_name,
            "new_remedy_category": self.new_remedy_category,
            "kind": self.kind,
            "population": self.population,
            "condition": self.condition.name if self.condition_id else None,
            "dose": self.dose,
        }


class RunState(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ProposerRun(models.Model):
    """The proposer at work on a long article, in the background (claims.background): its state and
    progress, in parts of the text (cut at headings), for the proposals page to show."""

    source = models.OneToOneField(Source, on_delete=models.CASCADE, related_name="proposer_run")
    state = models.CharField(max_length=10, choices=RunState, default=RunState.QUEUED)
    parts = models.PositiveIntegerField(help_text="The parts of the text the proposer reads one by one.")
    parts_done = models.PositiveIntegerField(default=0)
    proposals = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(
        default=timezone.now, help_text="When the run was last queued: its creation, or a reviewer's retry."
    )
    started_at = models.DateTimeField(null=True, blank=True)
    progressed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The worker's last sign of life since it started: each part read, and every 30 s within a part.",
    )
    finished_at = models.DateTimeField(null=True, blank=True)
    characters = models.PositiveIntegerField(default=0, help_text="The length of the text read.")
    characters_read = models.PositiveIntegerField(
        default=0, help_text="How far into the text the worker has read: after each part, and as it says it is alive."
    )

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(state__in=RunState.values), name="proposerrun_state_known"),
            models.CheckConstraint(condition=Q(parts_done__lte=F("parts")), name="proposerrun_progress_in_range"),
            models.CheckConstraint(
                condition=Q(characters_read__lte=F("characters")), name="proposerrun_reading_in_range"
            ),
            models.CheckConstraint(
                condition=~Q(state=RunState.DONE) | Q(parts_done=F("parts"), finished_at__isnull=False),
                name="proposerrun_done_complete",
            ),
            models.CheckConstraint(
                condition=~Q(state=RunState.FAILED) | (~Q(error="") & Q(finished_at__isnull=False)),
                name="proposerrun_failure_explained",
            ),
        ]

    def __str__(self):
        return f"proposer on source #{self.source_id}: {self.state}"

    @property
    def retriable(self) -> bool:
        """Whether a reviewer may run the proposer again (claims.background.proposer_retry)."""
        return self.state == RunState.FAILED or self.stalled

    @property
    def last_sign(self):
        """When the worker was last heard of: its last progress, or its start."""
        return self.progressed_at or self.started_at

    @property
    def stalled(self) -> bool:
        """Running with no sign of life for far longer than the worker leaves between two
        (settings.PROPOSER_STALLED_AFTER): its worker stopped, and the run is tried again like a
        failed one. A long article read slowly is not stalled: the worker says it is alive as it
        reads (claims.background.HEARTBEAT_SECONDS)."""
        limit = timedelta(seconds=settings.PROPOSER_STALLED_AFTER)
        return self.state == RunState.RUNNING and self.last_sign is not None and timezone.now() - self.last_sign > limit

    @property
    def at_work(self) -> bool:
        """Queued, or running with a worker that still speaks: its page follows it."""
        return self.state in (RunState.QUEUED, RunState.RUNNING) and not self.stalled

    @property
    def unclaimed(self) -> bool:
        """Queued for longer than a free worker takes to start it (settings.PROPOSER_UNCLAIMED_AFTER):
        every worker is busy, or none runs."""
        limit = timedelta(seconds=settings.PROPOSER_UNCLAIMED_AFTER)
        return self.state == RunState.QUEUED and timezone.now() - self.queued_at > limit

    @property
    def percent(self) -> int:
        """How much of the text is read: by its characters (a text with no heading to cut at is one
        part, which showed 0% until it was read), else by its parts."""
        if self.characters:
            return 100 * self.characters_read // self.characters
        return 100 * self.parts_done // self.parts if self.parts else 100
