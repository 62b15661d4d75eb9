"""The dashboard's numbers on the demo, each counted again here from the rows themselves, and each
chart's bars the same numbers as its table."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from audit.models import AuditEventType as E
from claims.models import Category, Claim, RiskTier
from reviews.agreement import agreement_figures
from reviews.models import Certainty, Publication, Recommendation, Review, ReviewState
from tests.ingest.store_helpers import store

from .pages import INDEX, chart, chart_as_table, document, table, table_series

pytestmark = pytest.mark.django_db

STATES = ["not_started", *ReviewState.values]
CHARTS = [
    "progress-risk",
    "progress-category",
    "progress-condition",
    "published",
    "finished-weekly",
    "open-per-reviewer",
]


@pytest.fixture
def page(demo, login):
    return document(login(demo["senior"]).get(INDEX))


def claim_states() -> dict[int, str]:
    """Each claim's state: its latest review's, or not started."""
    latest = {}
    for review in Review.objects.order_by("created_at", "pk"):
        latest[review.claim_id] = review.state
    return {claim.pk: latest.get(claim.pk, "not_started") for claim in Claim.objects.all()}


def crosstab(pairs, rows, series) -> dict[str, list[str]]:
    """Counts of (row label, series key) pairs as table rows: each series, then the total."""
    counts = Counter(pairs)
    return {
        label: [str(counts[label, key]) for key in series] + [str(sum(counts[label, key] for key in series))]
        for label in rows
    }


def test_progress_by_risk_tier_category_and_condition(page):
    states = claim_states()
    claims = list(Claim.objects.select_related("remedy", "condition"))
    assert sum(1 for s in states.values() if s != "not_started") >= 5  # the demo's reviews are in
    tiers = crosstab([(c.remedy.get_risk_tier_display(), states[c.pk]) for c in claims], RiskTier.labels, STATES)
    assert table(page, "table-progress-risk") == tiers
    labels = dict(Category.choices)
    used = [labels[v] for v in Category.values if any(c.remedy.category == v for c in claims)]
    categories = crosstab([(labels[c.remedy.category], states[c.pk]) for c in claims], used, STATES)
    assert table(page, "table-progress-category") == categories
    conditions = sorted({c.condition.name for c in claims})
    assert table(page, "table-progress-condition") == crosstab(
        [(c.condition.name, states[c.pk]) for c in claims], conditions, STATES
    )
    assert sum(int(row[-1]) for row in tiers.values()) == Claim.objects.count()
    assert table_series(page, "table-progress-risk") == STATES


def test_a_claim_without_a_review_is_not_started(page):
    not_started = Claim.objects.filter(reviews__isnull=True).count()
    assert not_started > 0
    footer = page.xpath('//table[@id="table-progress-risk"]/tfoot/tr/td')
    assert footer[0].text_content() == str(not_started)


def test_published_claims_by_certainty_and_recommendation(page):
    current = Publication.objects.filter(is_current=True, withdrawn_at__isnull=True)
    assert current.exists()
    expected = crosstab(
        [(p.get_certainty_display(), p.recommendation) for p in current], Certainty.labels, Recommendation.values
    )
    assert table(page, "table-published") == expected


def test_reviews_finished_per_week(page):
    monday = timezone.now().date() - datetime.timedelta(days=timezone.now().weekday())
    events = AuditEvent.objects.filter(event_type__in=[E.REVIEW_APPROVED, E.REVIEW_REJECTED])
    approved = {e.review_id for e in events if e.event_type == E.REVIEW_APPROVED}
    rejected = {e.review_id for e in events if e.event_type == E.REVIEW_REJECTED}
    assert approved  # the demo approves its published reviews this week
    rows = table(page, "table-finished-weekly")
    assert len(rows) == 12 and list(rows)[-1] == monday.isoformat()
    assert rows[monday.isoformat()] == [str(len(approved)), str(len(rejected)), str(len(approved) + len(rejected))]
    assert all(cells == ["0", "0", "0"] for week, cells in rows.items() if week != monday.isoformat())


def test_open_work_per_reviewer(page):
    open_reviews = Review.objects.filter(state__in=Review.OPEN_STATES).select_related("assignee")
    assert open_reviews.exists()
    series = [s for s in ReviewState.values if s in Review.OPEN_STATES]
    pairs = [(r.assignee.username if r.assignee else "unassigned", r.state) for r in open_reviews]
    people = sorted({name for name, _ in pairs if name != "unassigned"})
    rows = people + (["unassigned"] if any(name == "unassigned" for name, _ in pairs) else [])
    assert table(page, "table-open-per-reviewer") == crosstab(pairs, rows, series)


def test_the_oldest_items_waiting(page):
    oldest = Review.objects.filter(state__in=Review.OPEN_STATES).order_by("updated_at", "pk")[:10]
    assert list(table(page, "table-oldest-waiting")) == [f"#{r.pk}" for r in oldest]


def test_articles_with_proposals_waiting(demo, login):
    source = store(demo["reviewer"], condition="heartburn")
    page = document(login(demo["senior"]).get(INDEX))
    pending = source.proposals.filter(status="pending").count()
    added = source.added_at.strftime("%Y-%m-%d")
    assert table(page, "table-proposals-waiting") == {source.title: ["heartburn", str(pending), added]}
    link = page.xpath('//table[@id="table-proposals-waiting"]//a/@href')
    assert link == [f"/admin/claims/source/{source.pk}/proposals/"]


def test_an_article_whose_proposals_are_still_to_come_is_listed_with_its_proposer(demo, login):
    text = "Heartburn at night\n\nChewing gum after meals eases heartburn for many readers.\n"
    source = store(demo["reviewer"], text=text, proposals=[], condition="heartburn", background=True)
    added = source.added_at.strftime("%Y-%m-%d")
    page = document(login(demo["senior"]).get(INDEX))
    assert table(page, "table-proposals-waiting") == {source.title: ["heartburn", "0 (proposer: queued)", added]}
    run = source.proposer_run
    run.state, run.error, run.finished_at = "failed", "MemoryError", timezone.now()
    run.save()
    page = document(login(demo["senior"]).get(INDEX))
    assert table(page, "table-proposals-waiting") == {source.title: ["heartburn", "0 (proposer: failed)", added]}


def test_agreement_figures_from_the_dual_grading(page):
    overall = agreement_figures().overall
    rows = table(page, "table-agreement")
    assert page.xpath('string(//*[@id="dash-agreement-reviews"])') == str(overall.reviews)
    for label, measure in [
        ("Certainty", overall.certainty),
        ("Recommendation: direction", overall.direction),
        ("Recommendation: direction and strength", overall.recommendation),
    ]:
        percent = "—" if measure.percent is None else str(round(measure.percent, 1))
        assert rows[label][:2] == [str(measure.n), percent]
        bars = chart(page, "agreement")
        assert bars[label]["total"] == (percent if measure.percent else "0")


def test_each_chart_has_a_table_with_the_same_numbers(page):
    for chart_id in CHARTS:
        series = table_series(page, f"table-{chart_id}")
        rows = table(page, f"table-{chart_id}")
        bars = chart(page, chart_id)
        assert list(bars) == list(rows), chart_id
        assert chart_as_table(bars, series) == rows, chart_id


def test_the_articles_waiting_are_counted_without_reading_their_texts(demo):
    """Grouped by every column of a source, the stored texts of two long articles took the admin's
    index (where every login lands) seven seconds."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reviews.dashboard.selectors import articles_with_pending_proposals

    source = store(demo["reviewer"], condition="heartburn")
    with CaptureQueriesContext(connection) as queries:
        waiting = articles_with_pending_proposals()
    assert [article.pk for article in waiting] == [source.pk]
    assert not any('"claims_source"."text"' in query["sql"] for query in queries.captured_queries)
