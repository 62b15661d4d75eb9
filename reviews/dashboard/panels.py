"""What the dashboard shows a user: its charts (from selectors, drawn by charts), the tables that
are not charts, and who sees which part. Reviewers, senior reviewers and auditors see the
dashboard (read-only: it changes nothing); the agreement figures only those who may read them
(reviews.agreement.can_see_agreement); "my work" only those who review."""

from __future__ import annotations

import datetime
from collections import Counter

from django.urls import reverse
from django.utils import timezone

from claims.models import Category, RiskTier
from core import roles
from reviews.agreement import agreement_figures
from reviews.models import Certainty, Recommendation, Review, ReviewState

from . import charts, mywork, selectors
from .charts import Series

DASHBOARD_ROLES = (roles.REVIEWER, roles.SENIOR_REVIEWER, roles.AUDITOR)

STATES = (
    Series(selectors.NOT_STARTED, selectors.NOT_STARTED_LABEL, "dash-state-not-started"),
    # "In review", without what it awaits: the legend's room is short.
    *(
        Series(value, label.split(" (")[0], f"dash-state-{value.replace('_', '-')}")
        for value, label in ReviewState.choices
    ),
)
OPEN_SERIES = tuple(s for s in STATES if s.key in Review.OPEN_STATES)


def _series(choices, prefix: str) -> tuple[Series, ...]:
    return tuple(Series(value, label, f"{prefix}-{value.replace('_', '-')}") for value, label in choices)


def progress_charts() -> list[charts.Chart]:
    """The catalogue's claims by state, per risk tier, per category and per condition."""
    counts = selectors.claim_progress()
    by_tier, by_category, by_condition = Counter(), Counter(), Counter()
    for (tier, category, condition, state), n in counts.items():
        by_tier[tier, state] += n
        by_category[category, state] += n
        by_condition[condition, state] += n
    categories = {category for category, _ in by_category}
    conditions = sorted({condition for condition, _ in by_condition})
    return [
        charts.chart(
            id="progress-risk",
            title="Claims by review state and risk tier",
            row_header="risk tier",
            series=STATES,
            rows=RiskTier.choices,
            counts=by_tier,
        ),
        charts.chart(
            id="progress-category",
            title="Claims by review state and remedy category",
            row_header="category",
            series=STATES,
            rows=[(value, label) for value, label in Category.choices if value in categories],
            counts=by_category,
        ),
        charts.chart(
            id="progress-condition",
            title="Claims by review state and condition",
            row_header="condition",
            series=STATES,
            rows=[(name, name) for name in conditions],
            counts=by_condition,
        ),
    ]


def published_chart() -> charts.Chart:
    """Current publications by certainty (rows, highest first) and recommendation (segments)."""
    return charts.chart(
        id="published",
        title="Published claims by certainty and recommendation",
        row_header="certainty",
        series=_series(Recommendation.choices, "dash-rec"),
        rows=Certainty.choices,
        counts=selectors.published_grades(),
    )


def finished_chart(now: datetime.datetime | None = None) -> charts.Chart:
    """Reviews approved or rejected per week, the last selectors.WEEKS weeks, oldest first."""
    now = now or timezone.now()
    counts = Counter({(week.isoformat(), event): n for week, event, n in selectors.finished_per_week(now=now)})
    last = selectors.week_start(now)
    weeks = [last - datetime.timedelta(weeks=i) for i in reversed(range(selectors.WEEKS))]
    return charts.chart(
        id="finished-weekly",
        title="Reviews finished per week (approved or rejected)",
        row_header="week from",
        series=(
            Series(selectors.FINISHING_EVENTS[0], "Approved", "dash-state-approved"),
            Series(selectors.FINISHING_EVENTS[1], "Rejected", "dash-state-rejected"),
        ),
        rows=[(week.isoformat(), week.isoformat()) for week in weeks],
        counts=counts,
    )


def open_work_chart() -> charts.Chart:
    """Open reviews per assignee (unassigned last), by state."""
    counts, people = selectors.open_work()
    changelist = reverse("admin:reviews_review_changelist")
    rows = [(str(pk), name) for pk, name in sorted(people.items(), key=lambda item: item[1])]
    if any(key == "" for key, _ in counts):
        rows.append(("", "unassigned"))
    return charts.chart(
        id="open-per-reviewer",
        title="Open reviews per assignee",
        row_header="assignee",
        series=OPEN_SERIES,
        rows=rows,
        counts=counts,
        links={str(pk): f"{changelist}?assignee__id__exact={pk}" for pk in people},
    )


def dashboard(user, *, names: set[str] | None = None) -> dict:
    """The template context of the dashboard for this user ({} for someone who may not see it)."""
    names = mywork.group_names(user) if names is None else names
    if not names & set(DASHBOARD_ROLES):
        return {}
    context = {
        "progress": progress_charts(),
        "published": published_chart(),
        "finished": finished_chart(),
        "open_work": open_work_chart(),
        "oldest_waiting": selectors.oldest_waiting(),
        "waiting_articles": selectors.articles_with_pending_proposals(),
    }
    if names & {roles.SENIOR_REVIEWER, roles.AUDITOR}:  # reviews.agreement.can_see_agreement
        context["agreement"] = agreement_rows()
    if names & {roles.REVIEWER, roles.SENIOR_REVIEWER}:
        context["my_work"] = my_work(user, names)
    return {"dashboard": context}


def agreement_rows() -> dict:
    figures = agreement_figures().overall
    measures = (
        ("certainty", "Certainty", figures.certainty),
        ("direction", "Recommendation: direction", figures.direction),
        ("recommendation", "Recommendation: direction and strength", figures.recommendation),
    )
    return {
        "reviews": figures.reviews,
        "measures": [(key, label, m, percent(m)) for key, label, m in measures],
        "chart": charts.Chart(
            id="agreement",
            title="Percent agreement between the two graders of dual-graded reviews",
            row_header="on",
            series=(Series("percent", "percent agreement", "dash-agreement"),),
            rows=tuple(charts.Row(label, (percent(m) or 0,)) for _, label, m in measures),
        ),
    }


def percent(measure) -> float | None:
    """A percent agreement as the dashboard shows it, in its chart and its table alike."""
    return None if measure.percent is None else round(measure.percent, 1)


def my_work(user, names: set[str]) -> list[dict]:
    counts = mywork.my_counts(user, names)
    changelist = reverse("admin:reviews_review_changelist")
    return [
        {"key": key, "label": label, "count": counts[key], "url": f"{changelist}?mine={key}"}
        for key, label in mywork.CHOICES
    ]
