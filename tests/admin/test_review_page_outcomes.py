"""The review page with outcomes: the outcomes section with its links, the Summary of Findings with
its numbered footnotes, and a review form that no longer takes a certainty."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from reviews import services
from reviews.factories import add_outcome
from reviews.models import Review
from reviews.sof import review_outcomes, summary_of_findings
from tests.admin.pages import add_outcome_url, form_data, messages_of, outcome_url, review_url
from tests.factories import ReviewFactory
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db

IMPRECISION = {"domain": "imprecision", "severity": "serious", "rationale": "Few events."}
BIAS = {"domain": "risk_of_bias", "severity": "very_serious", "rationale": "Unblinded, unconcealed."}
NOT_SERIOUS = {"domain": "inconsistency", "severity": "none", "rationale": "Consistent across trials."}


@pytest.fixture
def two_outcomes(standard_claim, reviewer):
    """A draft with a critical benefit (randomised, imprecise: moderate) and a harm overridden."""
    review = ReviewFactory(claim=standard_claim, grader=reviewer)
    add_outcome(
        review=review, actor=reviewer, name="Cramp frequency", design="randomised", importance="critical",
        studies=13, participants=952, judgements=[IMPRECISION, NOT_SERIOUS],
        absolute_effect="-2.45", absolute_ci_low="-3.54", absolute_ci_high="-1.36", absolute_unit="cramps in 2 weeks",
    )  # fmt: skip
    add_outcome(
        review=review, actor=reviewer, name="Serious adverse events", direction="harm", design="observational",
        importance="critical", judgements=[BIAS], effect_text="Thrombocytopenia, haemolytic-uraemic syndrome.",
        override={"certainty": "low", "reason": "Post-marketing reports of the same rare harms, consistently."},
    )  # fmt: skip
    review.refresh_from_db()
    return review


def test_the_summary_of_findings_numbers_its_footnotes_down_the_table(two_outcomes):
    table = summary_of_findings(review_outcomes(two_outcomes))
    assert [(r.name, r.symbols, r.label, r.overridden, r.notes) for r in table.rows] == [
        ("Cramp frequency", "⊕⊕⊕◯", "Moderate", False, [1]),
        ("Serious adverse events", "⊕⊕◯◯", "Low", True, [2, 3]),
    ]
    assert table.footnotes == [
        (1, "Imprecision: serious (−1). Few events."),
        (2, "Risk of bias: very serious (−2). Unblinded, unconcealed."),
        (
            3,
            "Certainty set to low by the reviewer (worked out from the domains: very low). "
            "Post-marketing reports of the same rare harms, consistently.",
        ),
    ]
    assert table.rows[0].evidence == "13 studies, 952 participants (randomised trials)"
    assert table.rows[0].effect == ["−2.45 cramps in 2 weeks (95 % CI −3.54 to −1.36)"]
    assert two_outcomes.certainty == "low"  # the lowest among the critical outcomes


def test_the_template_tag_draws_the_same_table(two_outcomes):
    template = Template("{% load sof %}{% sof_table outcomes %}")
    html = template.render(Context({"outcomes": review_outcomes(two_outcomes)}))
    assert html.count('class="sof-row"') == 2
    assert '<sup class="sof-refs">2,3</sup>' in html and 'id="sof-note-3"' in html
    assert '⊕⊕⊕◯</span> <span class="sof-label">MODERATE</span>' in html


def test_the_review_page_lists_the_outcomes_and_shows_the_summary_of_findings(client, reviewer, two_outcomes):
    client.force_login(reviewer)
    response = client.get(review_url(two_outcomes))
    html = response.content.decode()
    assert html.count('class="outcome"') == 2
    for outcome in two_outcomes.outcomes.all():
        assert outcome_url(outcome) in html
        assert f"/admin/reviews/outcome/{outcome.pk}/delete/" in html
    assert f'href="{add_outcome_url(two_outcomes)}"' in html
    assert "yes: Post-marketing reports of the same rare harms, consistently. (worked out: very low)" in html
    assert 'id="summary-of-findings"' in html and 'id="sof-note-3"' in html
    assert "⊕⊕◯◯</span> Low — the lowest certainty among the critical outcomes" in html
    assert 'id="overall-certainty">⊕⊕◯◯ Low<' in html
    assert "reviews/sof.css" in html


def test_the_review_form_no_longer_takes_a_certainty(client, reviewer, graded_review):
    client.force_login(reviewer)
    page = client.get(review_url(graded_review))
    assert "certainty" not in page.context["adminform"].form.fields
    assert 'name="certainty"' not in page.content.decode()
    data = {**form_data(page), "certainty": "high", "summary": "Small observational studies.", "_continue": "1"}
    response = client.post(review_url(graded_review), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    graded_review.refresh_from_db()
    assert (graded_review.summary, graded_review.certainty) == ("Small observational studies.", "low")
    assert audit_types(graded_review)[-1] == "review.graded"


def test_a_stale_review_page_is_refused(client, reviewer, reviewer2, graded_review):
    client.force_login(reviewer)
    stale = {**form_data(client.get(review_url(graded_review))), "summary": "Mine."}
    outcome = graded_review.outcomes.get()
    services.outcome_update(outcome=outcome, actor=reviewer2, expected_version=graded_review.version, studies=3)
    response = client.post(review_url(graded_review), stale)
    assert "Nothing was saved; reload the review" in " ".join(messages_of(response))
    assert Review.objects.get(pk=graded_review.pk).summary != "Mine."


@pytest.mark.parametrize("who", ["auditor", "reviewer2"])
def test_whoever_may_not_edit_gets_view_links_only(client, request, who, submitted_review):
    client.force_login(request.getfixturevalue(who))
    html = client.get(review_url(submitted_review)).content.decode()
    outcome = submitted_review.outcomes.get()
    assert outcome_url(outcome) in html and 'class="viewlink"' in html
    assert "/delete/" not in html and 'id="add-outcome"' not in html
    assert 'id="sof-table"' in html


def test_the_review_page_asks_no_more_queries_for_more_outcomes(client, reviewer, standard_claim):
    review = ReviewFactory(claim=standard_claim, grader=reviewer)
    client.force_login(reviewer)
    counts = []
    for n in range(1, 4):
        add_outcome(
            review=review, actor=reviewer, name=f"Outcome {n}", design="randomised", judgements=[IMPRECISION, BIAS]
        )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(review_url(review)).status_code == 200
        counts.append(len(queries))
    assert counts[1] == counts[2], counts
