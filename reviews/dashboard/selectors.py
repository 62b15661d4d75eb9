"""The dashboard's reads: a handful of aggregate queries whose number does not grow with the
number of claims, reviews or events. Each returns plain rows (dicts, tuples); charts.py draws them.

A claim's state is the state of its latest review (the open one, when there is one: at most one
is); a claim nobody has started a review of is "not started"."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from audit.models import AuditEvent
from audit.models import AuditEventType as E
from claims.models import Claim, Source
from claims.proposals import ProposalStatus, RunState
from reviews.models import Publication, Review

NOT_STARTED = "not_started"
NOT_STARTED_LABEL = "Not started"

# A review is finished when its second reviewer approves or rejects it (a request for changes
# sends it back to work). Counted once per review and week, by the event that records it.
FINISHING_EVENTS = (E.REVIEW_APPROVED, E.REVIEW_REJECTED)
WEEKS = 12
OLDEST = 10


def _latest_review_state():
    latest = Review.objects.filter(claim_id=OuterRef("pk")).order_by("-created_at", "-pk").values("state")[:1]
    return Coalesce(Subquery(latest), Value(NOT_STARTED))


def claim_progress() -> Counter:
    """Claims counted by (risk tier, category, condition name, state): one query, grouped in the
    database, so its size is bounded by the tiers, categories, conditions and states."""
    rows = (
        Claim.objects.order_by()
        .annotate(claim_state=_latest_review_state())
        .values("remedy__risk_tier", "remedy__category", "condition__name", "claim_state")
        .annotate(n=Count("pk"))
    )
    return Counter(
        {
            (row["remedy__risk_tier"], row["remedy__category"], row["condition__name"], row["claim_state"]): row["n"]
            for row in rows
        }
    )


def published_grades() -> Counter:
    """Current publications (what the content API serves) by (certainty, recommendation)."""
    rows = (
        Publication.objects.filter(is_current=True, withdrawn_at__isnull=True)
        .order_by()
        .values("certainty", "recommendation")
        .annotate(n=Count("pk"))
    )
    return Counter({(row["certainty"], row["recommendation"]): row["n"] for row in rows})


def week_start(moment: datetime.datetime) -> datetime.date:
    """The Monday of the (UTC) week a moment falls in, as TruncWeek counts weeks."""
    day = timezone.localtime(moment, datetime.UTC).date() if timezone.is_aware(moment) else moment.date()
    return day - datetime.timedelta(days=day.weekday())


def finished_per_week(*, weeks: int = WEEKS, now: datetime.datetime | None = None) -> list[tuple]:
    """Reviews finished (approved or rejected) per week over the last `weeks` weeks, oldest first,
    as (monday, event type, reviews); weeks without any are left to the caller."""
    first = week_start(now or timezone.now()) - datetime.timedelta(weeks=weeks - 1)
    since = datetime.datetime.combine(first, datetime.time.min, tzinfo=datetime.UTC)
    rows = (
        AuditEvent.objects.filter(event_type__in=FINISHING_EVENTS, occurred_at__gte=since, review__isnull=False)
        .order_by()
        .annotate(week=TruncWeek("occurred_at", tzinfo=datetime.UTC))
        .values("week", "event_type")
        .annotate(n=Count("review_id", distinct=True))
    )
    return [(week_start(row["week"]), row["event_type"], row["n"]) for row in rows]


def open_work() -> tuple[Counter, dict[int, str]]:
    """Open reviews by (assignee's id as text, "" for none; state), and the assignees' usernames."""
    rows = (
        Review.objects.filter(state__in=Review.OPEN_STATES)
        .order_by()
        .values("assignee_id", "assignee__username", "state")
        .annotate(n=Count("pk"))
    )
    counts, people = Counter(), {}
    for row in rows:
        counts[str(row["assignee_id"] or ""), row["state"]] += row["n"]
        if row["assignee_id"]:
            people[row["assignee_id"]] = row["assignee__username"]
    return counts, people


def oldest_waiting(*, limit: int = OLDEST) -> list[Review]:
    """The open reviews that have waited longest since their last change, oldest first."""
    return list(
        Review.objects.filter(state__in=Review.OPEN_STATES)
        .select_related("claim__remedy", "claim__condition", "assignee")
        .order_by("updated_at", "pk")[:limit]
    )


@dataclass(frozen=True)
class WaitingArticle:
    pk: int
    title: str
    condition: str
    added_at: datetime.datetime
    pending: int
    proposer: str = ""  # the background proposer's state while it is not done ("Queued", "Failed")


def articles_with_pending_proposals() -> list[WaitingArticle]:
    """Ingested articles with proposals no reviewer has decided yet, or whose proposals are still
    to come (the background proposer queued, running or failed), oldest first."""
    unfinished = [RunState.QUEUED, RunState.RUNNING, RunState.FAILED]
    # grouped by these columns alone: grouped by every column of a source, the articles' texts
    # (hundreds of kilobytes each) took the admin's index seven seconds
    rows = (
        Source.objects.values("pk", "title", "condition__name", "added_at", "proposer_run__state")
        .annotate(pending=Count("proposals", filter=Q(proposals__status=ProposalStatus.PENDING)))
        .filter(Q(pending__gt=0) | Q(proposer_run__state__in=unfinished))
        .order_by("added_at", "pk")
    )
    labels = dict(RunState.choices)
    return [
        WaitingArticle(
            row["pk"],
            row["title"],
            row["condition__name"],
            row["added_at"],
            row["pending"],
            labels[row["proposer_run__state"]] if row["proposer_run__state"] in unfinished else "",
        )
        for row in rows
    ]
