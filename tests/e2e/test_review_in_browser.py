"""End to end, in a real browser: a reviewer takes the quinine claim through the admin, a senior
reviewer approves it, and the audit trail records every step. Quinine is high-risk, so the review
is graded by two reviewers independently first; their gradings (alike, made through the services
here: the browser walk of dual grading is test_dual_grading_in_browser's) become the review's.

The service runs for real in a subprocess (`manage.py runserver`) on its own throwaway SQLite
file, not through pytest-django's live_server: the audit table's triggers refuse DELETE, so a
transactional test could not flush it. The pytest database is never touched, on either pass.
"""

from __future__ import annotations

import re
import time
from collections import Counter

import pytest

from tests.e2e.browser import (
    CLAIM_EVENTS,
    CLAIM_HISTORY,
    REFERENCE,
    SCREENSHOT,
    add_inline_row,
    choose_autocomplete,
    confirm_transition,
    log_in,
    log_out,
    messages,
    review_state,
)
from tests.e2e.measure import screenshot

pytestmark = pytest.mark.browser

# The two independent gradings, alike: one critical outcome (randomised trials, serious risk of bias
# and imprecision: low) and a strong recommendation against; both submitted, so with nothing to
# resolve their grading becomes the review's.
GRADED_TWICE = """
from django.contrib.auth import get_user_model
from reviews.models import Review
from tests.dual_grading.helpers import grade_independently, judged, outcome

review = Review.objects.get(pk={review_id})
users = get_user_model().objects
cramps = outcome(
    "Cramp frequency",
    judgements=[
        judged("risk_of_bias", "serious", "Several small trials without allocation concealment."),
        judged("imprecision", "serious", "Few events; the confidence interval includes a trivial benefit."),
    ],
)
for grader in ("reviewer", "reviewer2"):
    grade_independently(
        review, users.get(username=grader), outcomes=[cramps], recommendation="strong_against", submit=True
    )
"""


WITHDRAWN_BECAUSE = "New safety communication under review: withdrawn until it is read."


def review_state_in_db(service, review_id: int) -> str:
    [(state,)] = service.query("SELECT state FROM reviews_review WHERE id = ?", (review_id,))
    return state


def publication_row(page, claim_statement: str):
    """The claim's row on the publications list, found by searching for its statement."""
    page.goto("/admin/reviews/publication/")
    page.fill("#searchbar", claim_statement)
    page.locator("#changelist-search input[type=submit]").click()
    page.wait_for_load_state()
    rows = page.locator("#result_list tbody tr", has=page.get_by_role("link", name=claim_statement, exact=True))
    assert rows.count() == 1, page.locator("#changelist").inner_text()
    return rows.first


def test_reviewer_grades_and_senior_approves_quinine_claim(service, page):
    started = time.monotonic()
    # Other scenarios share the service: this one's events are those after this point.
    [(first_seq,)] = service.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM reviews_auditevent")

    # 1. The reviewer finds the quinine claim and starts a review of it.
    log_in(page, "reviewer")

    # The reference the review will cite goes into the shared library first.
    page.goto("/admin/reviews/reference/add/")
    page.fill("#id_title", REFERENCE["title"])
    page.select_option("#id_kind", REFERENCE["kind"])
    page.fill("#id_pmid", REFERENCE["pmid"])
    page.fill("#id_doi", REFERENCE["doi"])
    page.fill("#id_year", REFERENCE["year"])
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/reviews/reference/")
    assert "was added successfully" in messages(page, "success")
    assert REFERENCE["pmid"] in page.locator("#result_list").inner_text()

    page.goto("/admin/")
    page.locator("#content-main").get_by_role("link", name="Claims", exact=True).click()
    page.fill("#searchbar", "quinine")
    page.locator("#changelist-search input[type=submit]").click()
    page.wait_for_url("**q=quinine**")
    first_claim = page.locator("#result_list tbody tr th a").first
    claim_statement = first_claim.inner_text().strip()
    assert "quinine" in claim_statement.lower()
    first_claim.click()
    claim_id = int(re.search(r"/claim/(\d+)/change/", page.url).group(1))

    page.locator("#start-review").click()
    page.wait_for_url(re.compile(r".*/admin/reviews/review/\d+/change/$"))
    review_id = int(re.search(r"/review/(\d+)/change/", page.url).group(1))
    assert f"Review #{review_id} started." in messages(page, "success")
    assert review_state(page) == "Draft"
    assert claim_statement in page.locator(".field-claim_link .readonly").inner_text()

    # 2. Two reviewers grade it independently, alike: their grading becomes the review's, with the
    #    outcome's certainty worked out from its GRADE domains.
    service.manage("shell", "-c", GRADED_TWICE.format(review_id=review_id))
    page.goto(f"/admin/reviews/review/{review_id}/change/")
    assert page.locator("#overall-certainty").inner_text().strip() == "⊕⊕◯◯ Low"
    assert page.locator("#id_recommendation").input_value() == "strong_against"

    # 3. The review's own part: summary, the reference and a remedy-wide contraindication, in one save.
    page.fill(
        "#id_summary",
        "Quinine reduces cramp frequency modestly (Cochrane 2015) but its serious "
        "haematological and cardiac harms outweigh the benefit for leg cramps.",
    )

    link = add_inline_row(page, "review_references-group")
    choose_autocomplete(page, f"{link}-reference", "25842375", "El-Tawil")
    page.fill(f"#{link}-note", "Pooled RCTs: modest reduction in cramp frequency; adverse events more common.")

    contra = add_inline_row(page, "contraindications_added-group")
    page.select_option(f"#{contra}-scope", label="Every claim of this remedy")
    page.fill(f"#{contra}-condition", "Nocturnal leg cramps (routine use)")
    page.select_option(f"#{contra}-severity", "absolute")
    page.select_option(f"#{contra}-source_kind", "regulator")
    page.fill(
        f"#{contra}-rationale",
        "FDA boxed warning: quinine must not be used for leg cramps; serious "
        "and life-threatening haematological reactions, QT prolongation.",
    )

    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert not page.locator(".errornote, .errorlist").count(), page.locator("#content-main").inner_text()
    assert "was changed successfully" in messages(page, "success"), page.locator("#content").inner_text()
    assert not messages(page, "error")
    assert review_state(page) == "Draft"
    assert page.locator("#id_recommendation").input_value() == "strong_against"
    assert "El-Tawil" in page.locator("#review_references-group").inner_text()
    assert "Nocturnal leg cramps (routine use)" in page.locator(".field-all_contraindications").inner_text()
    assert page.locator(f"#{contra}-scope").input_value() == "remedy"
    assert page.locator("#overall-certainty").inner_text().strip() == "⊕⊕◯◯ Low"
    assert not page.locator("#approval-gaps").count(), page.locator("#approval-gaps").inner_text()

    page.locator("#transition-submit").click()
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/transition/submit/")
    confirm_transition(page, "Submit for approval")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    assert "Submit for approval: done." in messages(page, "success")
    assert review_state(page) == "In review (awaiting second reviewer)"

    # 4. Four-eyes, in the UI: the grader's "Approve" is disabled, and forcing the URL is refused
    #    before its form.
    assert page.locator("#transition-approve").count() == 0
    assert page.locator("#refused-approve").get_attribute("aria-disabled") == "true"
    page.goto(f"/admin/reviews/review/{review_id}/transition/approve/")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    refusal = messages(page, "error")
    assert "Approve: refused." in refusal and "four-eyes" in refusal.lower(), refusal
    assert not messages(page, "success")
    assert review_state(page) == "In review (awaiting second reviewer)"
    log_out(page)

    # 5. The senior reviewer approves.
    log_in(page, "senior")
    page.goto(f"/admin/reviews/review/{review_id}/change/")
    assert review_state(page) == "In review (awaiting second reviewer)"
    page.locator("#transition-approve").click()
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/transition/approve/")
    page.fill("#id_reason", "Agreed: strong recommendation against, FDA boxed warning.")
    confirm_transition(page, "Approve")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    assert "Approve: done." in messages(page, "success")
    assert not messages(page, "error")
    assert review_state(page) == "Approved"
    assert "decided by: senior" in page.locator(".field-people .readonly").inner_text()
    assert page.locator("#transition-approve").count() == 0
    # The page is read-only now; the contraindication's scope still reads as the reviewer chose it.
    contra_view = page.locator("#contraindications_added-group")
    assert "Every claim of this remedy" in contra_view.locator(".field-scope .readonly").inner_text()
    assert "Nocturnal leg cramps (routine use)" in contra_view.inner_text()

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    print(f"\nscreenshot: {SCREENSHOT}")

    # 6. The claim's audit history, through the link on the review page.
    page.get_by_role("link", name="Audit history of this claim").click()
    page.wait_for_url(f"**/admin/claims/claim/{claim_id}/history/")
    rows = page.locator("#audit-history tr.audit-event")
    assert [row.get_attribute("data-event-type") for row in rows.all()] == CLAIM_EVENTS
    actors = [row.locator("td.actor").inner_text() for row in rows.all()]
    assert actors == [actor for _, actor in CLAIM_HISTORY]

    # 7. Server side: the hash chain holds, and the database says what the page said.
    verify = service.manage("verify_audit")
    # The chain, and the service's own anchors of it when it has written any.
    verified = re.fullmatch(r"ok, (\d+) events(\nanchors: matches .*)?", verify.stdout.strip())
    assert verified, verify.stdout + verify.stderr
    events = service.query("SELECT event_type FROM reviews_auditevent WHERE seq >= ? ORDER BY seq", (first_seq,))
    assert [t for (t,) in events] == ["reference.saved", *CLAIM_EVENTS]
    assert service.query(
        "SELECT event_type FROM reviews_auditevent WHERE claim_id = ? OR review_id = ? ORDER BY seq",
        (claim_id, review_id),
    ) == [(t,) for t in CLAIM_EVENTS]  # a contraindication attached in the review is on its record
    [(state, decided_by, graded_by, submitted_by, claim_of_review)] = service.query(
        "SELECT r.state, d.username, g.username, s.username, r.claim_id FROM reviews_review r "
        "JOIN auth_user d ON d.id = r.decided_by_id JOIN auth_user g ON g.id = r.graded_by_id "
        "JOIN auth_user s ON s.id = r.submitted_by_id WHERE r.id = ?",
        (review_id,),
    )
    # graded_by: the last to change the grading (the summary and the rest, on the review page).
    assert (state, decided_by, graded_by, submitted_by, claim_of_review) == (
        "approved",
        "senior",
        "reviewer",
        "reviewer",
        claim_id,
    )
    [(remedy_wide,)] = service.query(
        "SELECT COUNT(*) FROM reviews_contraindication c JOIN claims_claim cl ON cl.remedy_id = c.remedy_id "
        "WHERE cl.id = ? AND c.claim_id IS NULL AND c.condition = ? AND c.severity = 'absolute' "
        "AND c.source_kind = 'regulator' AND c.review_id = ?",
        (claim_id, "Nocturnal leg cramps (routine use)", review_id),
    )
    assert remedy_wide == 1

    # 8. The senior reviewer publishes it: the publications list shows it, served (not withdrawn).
    page.goto(f"/admin/reviews/review/{review_id}/change/")
    page.locator("#transition-publish").click()
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/transition/publish/")
    page.fill("#id_reason", "First publication.")
    confirm_transition(page, "Publish")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    assert "Publish: done." in messages(page, "success"), messages(page, "error")
    assert review_state(page) == "Published"
    screenshot(page, "review-published")
    row = publication_row(page, claim_statement)
    assert row.locator("td.field-version").inner_text().strip() == "1"
    assert row.locator("td.field-withdrawn_at").inner_text().strip() == "-"
    assert row.get_by_role("link", name="Evidence profile").count() == 1

    # 9. And withdraws it from the content API, with a reason (refused without one).
    page.goto(f"/admin/reviews/review/{review_id}/change/")
    page.locator("#transition-withdraw").click()
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/transition/withdraw/")
    confirm_transition(page, "Withdraw from the API")
    assert review_state_in_db(service, review_id) == "published"
    assert not messages(page, "success")
    page.goto(f"/admin/reviews/review/{review_id}/transition/withdraw/")
    page.fill("#id_reason", WITHDRAWN_BECAUSE)
    confirm_transition(page, "Withdraw from the API")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    assert "Withdraw from the API: done." in messages(page, "success"), messages(page, "error")
    assert review_state(page) == "Withdrawn"
    screenshot(page, "review-withdrawn")
    row = publication_row(page, claim_statement)
    assert row.locator("td.field-withdrawn_at").inner_text().strip() != "-"
    assert row.get_by_role("link", name="Evidence profile").count() == 0
    screenshot(page, "publications-withdrawn", full_page=False)

    # The database says what the pages said: one publication, withdrawn; two more audit events.
    [(version, withdrawn_at, published_by)] = service.query(
        "SELECT p.version, p.withdrawn_at, u.username FROM reviews_publication p "
        "JOIN auth_user u ON u.id = p.published_by_id WHERE p.claim_id = ?",
        (claim_id,),
    )
    assert (version, published_by) == (1, "senior") and withdrawn_at is not None
    assert review_state_in_db(service, review_id) == "withdrawn"
    assert service.query(
        "SELECT e.event_type, u.username, e.reason FROM reviews_auditevent e JOIN auth_user u ON u.id = e.actor_id "
        "WHERE e.review_id = ? AND e.seq > (SELECT MAX(seq) FROM reviews_auditevent WHERE event_type = ? "
        "AND review_id = ?) ORDER BY e.seq",
        (review_id, "review.approved", review_id),
    ) == [("review.published", "senior", "First publication."), ("review.withdrawn", "senior", WITHDRAWN_BECAUSE)]
    verify = service.manage("verify_audit")
    assert verify.stdout.startswith("ok, "), verify.stdout + verify.stderr

    print(f"scenario took {time.monotonic() - started:.1f} s (review #{review_id}, claim #{claim_id})")


def dashboard_table(page, table_id: str) -> tuple[list[str], dict[str, list[int]]]:
    """A dashboard table's series keys (its columns) and each row's numbers, by row label; read
    from the markup, so a table folded in its <details> reads as well."""
    table = page.locator(f"#{table_id}")
    keys = [th.get_attribute("data-series") for th in table.locator("thead th[data-series]").all()]
    rows = {}
    for row in table.locator("tbody tr").all():
        label = row.locator("th").text_content().strip()
        rows[label] = [int(td.text_content()) for td in row.locator("td").all()][: len(keys)]
    return keys, rows


def test_the_dashboard_counts_what_the_database_holds(service, page):
    """After the scenario above (the quinine claim published, then withdrawn): the dashboard's
    tables on the admin index count what the service's database holds."""
    from claims.models import RiskTier
    from reviews.models import Certainty, ReviewState

    log_in(page, "senior")
    page.goto("/admin/")
    assert page.locator("#dashboard").count() == 1
    screenshot(page, "dashboard")

    # Each claim once, in the state of its latest review; a claim without one is "not started".
    claims = service.query(
        "SELECT m.risk_tier, COALESCE((SELECT r.state FROM reviews_review r WHERE r.claim_id = c.id "
        "ORDER BY r.created_at DESC, r.id DESC LIMIT 1), '') FROM claims_claim c "
        "JOIN claims_remedy m ON m.id = c.remedy_id"
    )
    keys, rows = dashboard_table(page, "table-progress-risk")
    [not_started] = [key for key in keys if key not in ReviewState.values]
    counts = Counter((tier, state or not_started) for tier, state in claims)
    assert rows == {label: [counts[tier, key] for key in keys] for tier, label in RiskTier.choices}
    assert sum(map(sum, rows.values())) == len(claims)

    # Current publications (what the content API serves) by certainty and recommendation.
    published = service.query(
        "SELECT certainty, recommendation, COUNT(*) FROM reviews_publication "
        "WHERE is_current AND withdrawn_at IS NULL GROUP BY certainty, recommendation"
    )
    keys, rows = dashboard_table(page, "table-published")
    counts = {(certainty, recommendation): n for certainty, recommendation, n in published}
    assert rows == {label: [counts.get((value, key), 0) for key in keys] for value, label in Certainty.choices}
