"""Who sees which independent grading, and the conflict gate.

Blinding: until both gradings of a review are submitted, a grader sees only their own; auditors and
senior reviewers who are not graders of it see both; everyone else sees none. Once both are in,
every reviewer, senior and auditor sees both. The same rule hides, from the audit views, the events
that carry another grader's grading (its outcomes, judgements and references, its changes and
submission): `visible_events`, which audit.visibility applies to the audit admin and the auditors'
API, and the claim history applies too.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from audit.models import AuditEvent, AuditEventType
from claims.models import Claim, RiskTier
from core.roles import is_auditor, is_reviewer, is_senior
from reviews.models import Disagreement, Grading, Outcome, Review

Event = AuditEventType

# Events that can carry one grader's independent grading: they name it in before/after "grading"
# (grading.*, outcome.*, judgement.*; an outcome's reference events name the outcome).
BLINDED_TYPES = (
    Event.GRADING_STARTED,
    Event.GRADING_CHANGED,
    Event.GRADING_SUBMITTED,
    Event.OUTCOME_ADDED,
    Event.OUTCOME_CHANGED,
    Event.OUTCOME_REMOVED,
    Event.OUTCOME_CERTAINTY_OVERRIDDEN,
    Event.OUTCOME_OVERRIDE_REMOVED,
    Event.OUTCOME_REFERENCE_ATTACHED,
    Event.OUTCOME_REFERENCE_DETACHED,
    Event.JUDGEMENT_SAVED,
    Event.JUDGEMENT_REMOVED,
)


def dual_grading_required(claim: Claim) -> bool:
    """Whether a new review of this claim is graded by two reviewers independently: always for a
    high-risk remedy, and for the risk tiers in settings.DUAL_GRADING_TIERS."""
    tier = claim.remedy.risk_tier
    return tier == RiskTier.HIGH or tier in settings.DUAL_GRADING_TIERS


def submitted_count(review: Review) -> int:
    return Grading.objects.filter(review=review, submitted_at__isnull=False).count()


def both_submitted(review: Review) -> bool:
    return submitted_count(review) >= 2


def grader_ids(review: Review) -> set[int]:
    return set(Grading.objects.filter(review=review).values_list("grader_id", flat=True))


def _sees_all_unblinded(user) -> bool:
    return is_senior(user) or is_auditor(user)


def visible_gradings(user, review: Review) -> QuerySet[Grading]:
    """The gradings of this review the user may see now."""
    gradings = Grading.objects.filter(review=review).select_related("grader").order_by("created_at", "id")
    if not user.is_authenticated:
        return gradings.none()
    if both_submitted(review):
        return gradings if (is_reviewer(user) or is_auditor(user)) else gradings.none()
    own = gradings.filter(grader_id=user.pk)
    if own.exists():
        return own
    return gradings if _sees_all_unblinded(user) else gradings.none()


def hidden_gradings(user) -> QuerySet[Grading]:
    """Every grading, of any review, the user may not see now."""
    complete = (
        Grading.objects.filter(submitted_at__isnull=False)
        .values("review")
        .annotate(n=Count("id"))
        .filter(n__gte=2)
        .values("review")
    )
    pending = Grading.objects.exclude(review__in=complete)
    if not user.is_authenticated:
        return pending
    hidden = pending.exclude(grader_id=user.pk)
    if _sees_all_unblinded(user):
        # Blind only where they grade themselves.
        hidden = hidden.filter(review__in=pending.filter(grader_id=user.pk).values("review"))
    return hidden


def visible_outcomes(user, queryset: QuerySet[Outcome]) -> QuerySet[Outcome]:
    """The outcomes the user may see: every review's own, and those of the gradings they may see."""
    return queryset.exclude(grading__in=hidden_gradings(user))


def blinded_events(user) -> QuerySet[AuditEvent] | None:
    """The audit events that carry a grading hidden from the user (None: nothing is hidden).
    Registered with audit.visibility, which every reader of the audit trail applies."""
    hidden = list(hidden_gradings(user).values_list("pk", flat=True))
    if not hidden:
        return None
    outcomes = list(Outcome.objects.filter(grading__in=hidden).values_list("pk", flat=True))
    carries = Q(after__grading__in=hidden) | Q(before__grading__in=hidden)
    if outcomes:
        carries |= Q(after__outcome__in=outcomes) | Q(before__outcome__in=outcomes)
    return AuditEvent.objects.filter(Q(event_type__in=BLINDED_TYPES) & carries)


def visible_events(user, queryset: QuerySet[AuditEvent]) -> QuerySet[AuditEvent]:
    """The audit events the user may read: without those carrying a grading hidden from them."""
    blinded = blinded_events(user)
    return queryset if blinded is None else queryset.exclude(pk__in=blinded.values("pk"))


def disagreements(review: Review) -> QuerySet[Disagreement]:
    return Disagreement.objects.filter(review=review).select_related(
        "first__grader", "second__grader", "proposed_by", "resolved_by"
    )


def own_grading_closed(review: Review) -> bool:
    """Whether a dual-graded review's own grading is closed to direct edits: until both independent
    gradings are submitted and every disagreement between them is resolved, it comes from them
    (reviews.services.editing.check_own_grading_open refuses; the admin shows it read-only)."""
    if not review.dual_grading:
        return False
    return submitted_count(review) < 2 or disagreements(review).filter(resolution="").exists()


def resolution_applied(review: Review) -> bool:
    """Whether the resolved grading of a dual-graded review has become the review's."""
    return review.dual_grading and AuditEvent.objects.filter(review=review, event_type=Event.GRADING_RESOLVED).exists()


def conflict_gate_gaps(review: Review) -> list[str]:
    """What keeps a dual-graded review from being submitted or approved: both gradings submitted,
    every disagreement resolved and the resolved grading applied (the database holds the same
    gate, reviews.db_rules)."""
    if not review.dual_grading:
        return []
    submitted = submitted_count(review)
    if submitted < 2:
        return [f"both independent gradings submitted ({submitted} of 2 so far)"]
    unresolved = Disagreement.objects.filter(review=review, resolution="").count()
    if unresolved:
        return [f"every disagreement between the two gradings resolved ({unresolved} still open)"]
    return [] if resolution_applied(review) else ["the resolved grading applied to the review"]
