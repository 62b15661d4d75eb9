"""End to end, in a real browser: blinded dual grading of a high-risk claim (tolperisone). The first
reviewer's grading is in (made through the services); the second grades in the admin, blind to the
first, and submits; the two gradings appear side by side with every disagreement; a senior
reviewer who graded nothing adjudicates one, with a reason. The side-by-side view is saved as a
screenshot at 1400 px (/tmp/disagreements.png)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.browser import log_in, log_out, messages

pytestmark = pytest.mark.browser

SCREENSHOT = Path("/tmp/disagreements.png")
# The first reviewer's grading, through the services, in the service's own database.
FIRST_GRADING = """
from claims.models import Claim
from django.contrib.auth import get_user_model
from reviews import services
from tests.dual_grading.helpers import FIRST, grade_independently

claim = Claim.objects.filter(remedy__name="tolperisone").order_by("pk").first()
reviewer = get_user_model().objects.get(username="reviewer")
review = services.review_start(claim=claim, actor=reviewer)
grade_independently(review, reviewer, **FIRST, submit=True)
print(review.pk)
"""


def test_second_grader_blind_then_side_by_side_then_a_senior_adjudicates(service, page):
    review_id = int(service.manage("shell", "-c", FIRST_GRADING).stdout.strip().splitlines()[-1])
    review_url = f"/admin/reviews/review/{review_id}/change/"

    # The second grader sees the conflict gate and nothing of the first grading.
    log_in(page, "reviewer2")
    page.goto(review_url)
    assert "1 of 2 gradings submitted" in page.locator("#dual-grading").inner_text()
    assert "Conflict gate" in page.locator("#conflict-gate").inner_text()
    assert page.locator("#visible-gradings").count() == 0
    page.click("#start-grading")
    page.wait_for_url(re.compile(r"/admin/reviews/grading/\d+/change/"))
    grading_url = page.url

    # An outcome of their own grading, on the outcome page: randomised trials, risk of bias serious.
    page.click("#add-grading-outcome")
    page.fill("#id_name", "Cramp frequency")
    page.select_option("#id_design", "randomised")
    page.select_option("select[name=severity_risk_of_bias]", "serious")
    page.fill("textarea[name=rationale_risk_of_bias]", "Unblinded trials.")
    page.click("input[name=_save]")
    page.wait_for_url(grading_url + "#outcomes")
    assert "Moderate" in page.locator("#outcomes").inner_text()
    page.select_option("#id_recommendation", "conditional_against")
    page.fill("#id_summary", "Moderate evidence of a small benefit.")
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert "was changed successfully" in messages(page, "success")
    page.fill("#id_contraindication-condition", "Liver disease")
    page.select_option("#id_contraindication-severity", "relative")
    page.fill("#id_contraindication-rationale", "Hepatic metabolism.")
    page.select_option("#id_contraindication-source_kind", "label")
    page.locator("#contraindication-form input[type=submit]").click()
    page.wait_for_load_state()
    assert "Liver disease" in page.locator("#contraindications").inner_text()
    assert "QT prolongation" not in page.content()  # the first grading's, still hidden
    page.click("#submit-grading-button")
    page.wait_for_url(re.compile(rf"/admin/reviews/grading/disagreements/{review_id}/"))
    table = page.locator("#disagreements").inner_text()
    assert "QT prolongation" in table and "Liver disease" in table
    log_out(page)

    # A senior reviewer who graded nothing adjudicates the recommendation, with a reason.
    log_in(page, "senior")
    page.goto(f"/admin/reviews/grading/disagreements/{review_id}/")
    row = page.locator("tr.disagreement", has_text="Recommendation")
    row.locator("select[name=value]").select_option("strong_against")
    row.locator("input[name=reason]").fill("Serious cardiac harms outweigh a small benefit.")
    row.locator("input[type=submit][value=Adjudicate]").click()
    page.wait_for_load_state()
    assert "Adjudicate" in messages(page, "success")
    assert "Adjudicated: Strong against" in page.locator("tr.disagreement", has_text="Recommendation").inner_text()
    assert "still open" in page.locator("#disagreement-summary").inner_text()
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 10_000
    rows = service.query(
        "SELECT event_type FROM reviews_auditevent WHERE review_id = ? ORDER BY seq DESC LIMIT 1", (review_id,)
    )
    assert rows == [("grading.disagreement_resolved",)]
