"""The top of the review page: the state and the workflow's buttons before the first fieldset;
a step the reader may not take disabled, with the reason; the grading in brief for a reader who
did not grade it."""

import pytest
from django.urls import reverse

from reviews import services

pytestmark = pytest.mark.django_db


def page(client, user, review) -> str:
    client.force_login(user)
    return client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()


def test_state_and_actions_come_before_the_first_fieldset(client, reviewer2, submitted_review):
    html = page(client, reviewer2, submitted_review)
    top, approve, fieldset = (
        html.index('id="review-top"'),
        html.index('id="transition-approve"'),
        html.index("<fieldset"),
    )
    assert top < approve < fieldset
    assert html.index('id="review-state"') < fieldset and "In review" in html[top:fieldset]


def test_submit_comes_before_the_save_buttons(client, reviewer, graded_review):
    html = page(client, reviewer, graded_review)
    assert html.index('id="transition-submit"') < html.index("<fieldset") < html.index('name="_save"')


def test_a_step_the_reader_may_not_take_is_disabled_with_the_reason(client, reviewer, submitted_review):
    html = page(client, reviewer, submitted_review)
    assert "transition-approve" not in html
    top = html[html.index('id="review-top"') : html.index("<fieldset")]
    assert 'id="refused-approve" aria-disabled="true"' in top
    assert "Four-eyes: you took part in this review; another reviewer must decide." in top


def test_a_high_risk_review_tells_a_reviewer_a_senior_decides(client, reviewer2, submitted_high_review):
    html = page(client, reviewer2, submitted_high_review)
    assert "transition-approve" not in html
    assert "only a senior reviewer may decide" in html


def test_the_second_reviewer_reads_the_grading_in_brief(client, reviewer2, submitted_review):
    html = page(client, reviewer2, submitted_review)
    summary = html[html.index('id="grading-summary"') : html.index("<fieldset")]
    assert "⊕" in summary
    assert submitted_review.get_recommendation_display() in summary
    assert "in force" in summary
    reference = submitted_review.review_references.first()
    assert str(reference).split(" (")[0][:30] in summary


def test_the_grader_does_not_get_the_summary(client, reviewer, submitted_review):
    assert 'id="grading-summary"' not in page(client, reviewer, submitted_review)


def test_the_workflow_buttons_are_no_longer_at_the_bottom(client, reviewer2, submitted_review):
    html = page(client, reviewer2, submitted_review)
    assert html.count('id="transitions"') == 1
    assert html.index('id="transitions"') < html.index('class="submit-row"')


def test_an_incomplete_review_cannot_be_submitted_and_the_button_says_why(client, reviewer, standard_claim):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    html = page(client, reviewer, review)
    assert "transition-submit" not in html
    top = html[html.index('id="review-top"') : html.index("<fieldset")]
    assert 'id="refused-submit"' in top and "Not ready: the review still needs what is listed below." in top
    assert 'id="approval-gaps"' in top and "a recommendation" in top
