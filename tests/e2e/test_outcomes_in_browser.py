"""End to end, in a real browser: a reviewer grades two outcomes of a magnesium claim with their
GRADE domains, sees each certainty worked out (randomised trials with serious imprecision:
moderate, ⊕⊕⊕◯), overrides one with a reason after the page refused the override without one, and
reads the Summary of Findings on the review page, its footnotes numbered from the rationales.

The service is its own (this module overrides the package's `service`): the review scenario of
test_review_in_browser.py counts every audit event of its service.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.browser import Service, log_in, messages

pytestmark = pytest.mark.browser

SCREENSHOT = Path("/tmp/sof_review_page.png")
OUTCOME_SCREENSHOT = Path("/tmp/sof_outcome_page.png")  # the refused override, on the outcome page
OVERRIDE_REASON = "The harms recur across every trial; the inconsistency is in their size only."


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    service = Service(tmp_path_factory.mktemp("e2e-outcomes"))
    try:
        service.start()
        yield service
    finally:
        service.stop()


def fill_outcome(page, *, name, direction, design, studies, participants, judgements, **effect):
    page.fill("#id_name", name)
    page.select_option("#id_direction", label=direction)
    page.select_option("#id_importance", label="Critical")
    page.select_option("#id_design", label=design)
    page.fill("#id_studies", str(studies))
    page.fill("#id_participants", str(participants))
    for field, value in effect.items():
        page.fill(f"#id_{field}", value)
    for domain, (severity, rationale) in judgements.items():
        page.select_option(f"#id_severity_{domain}", label=severity)
        page.fill(f"#id_rationale_{domain}", rationale)


def outcome_row(page, name):
    return page.locator("#outcomes tr.outcome", has=page.locator("td.outcome-name", has_text=name))


def save(page):
    page.click("input[name=_save]")
    page.wait_for_load_state()


def test_reviewer_grades_two_outcomes_overrides_one_and_reads_the_summary_of_findings(service, page):
    [(claim_id, statement)] = service.query(
        "SELECT c.id, c.statement FROM claims_claim c JOIN claims_remedy r ON r.id = c.remedy_id "
        "WHERE r.name = 'magnesium' ORDER BY c.id LIMIT 1"
    )
    log_in(page, "reviewer")
    page.goto(f"/admin/claims/claim/{claim_id}/change/")
    page.locator("#start-review").click()
    page.wait_for_url(re.compile(r".*/admin/reviews/review/\d+/change/$"))
    review_id = int(re.search(r"/review/(\d+)/change/", page.url).group(1))
    assert statement in page.locator(".field-claim_link .readonly").inner_text()
    # The certainty is not typed: the review form has no field for it.
    assert page.locator("#id_certainty").count() == 0
    assert "Not worked out yet" in page.locator(".field-overall_certainty .readonly").inner_text()
    assert "No outcome yet" in page.locator("#outcomes").inner_text()

    # 1. The first outcome: randomised trials, imprecision serious → moderate.
    page.click("#add-outcome")
    page.wait_for_url(f"**/admin/reviews/outcome/add/?review={review_id}")
    fill_outcome(
        page,
        name="Cramp frequency",
        direction="Benefit",
        design="Randomised trials",
        studies=11,
        participants=735,
        relative_measure="MD",
        absolute_effect="-0.18",
        absolute_ci_low="-0.84",
        absolute_ci_high="0.49",
        absolute_unit="cramps a week",
        judgements={
            "risk_of_bias": ("Not serious", "Most trials concealed allocation and blinded participants."),
            "imprecision": ("Serious (−1)", "The interval includes both a benefit and a harm."),
        },
    )
    save(page)
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/#outcomes")
    assert "was added successfully" in messages(page, "success"), page.locator("#content").inner_text()
    first = outcome_row(page, "Cramp frequency")
    assert first.locator("td.outcome-certainty").inner_text().strip() == "⊕⊕⊕◯ Moderate"
    assert page.locator("#overall-certainty").inner_text().strip() == "⊕⊕⊕◯ Moderate"

    # 2. The second outcome: inconsistency serious and publication bias likely → low.
    page.click("#add-outcome")
    page.wait_for_url("**/admin/reviews/outcome/add/**")
    fill_outcome(
        page,
        name="Minor adverse events",
        direction="Harm",
        design="Randomised trials",
        studies=6,
        participants=406,
        effect_text="Diarrhoea and nausea more common with magnesium.",
        judgements={
            "inconsistency": ("Serious (−1)", "Event rates range from 2 % to 30 % between trials."),
            "publication_bias": ("Likely (−1)", "Small industry-funded trials; the funnel plot is asymmetric."),
        },
    )
    save(page)
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/#outcomes")
    second = outcome_row(page, "Minor adverse events")
    assert second.locator("td.outcome-certainty").inner_text().strip() == "⊕⊕◯◯ Low"
    assert second.locator("td.outcome-overridden").inner_text().strip() == "no"
    assert page.locator("#overall-certainty").inner_text().strip() == "⊕⊕◯◯ Low"  # the lowest critical one

    # 3. An override without a reason is refused on the page; with one, it holds.
    second.locator("a.changelink").click()
    page.wait_for_url("**/admin/reviews/outcome/*/change/")
    outcome_url = page.url
    assert "⊕⊕◯◯ Low" in page.locator(".field-worked_out_certainty .readonly").inner_text()
    page.select_option("#id_override_certainty", label="Moderate")
    save(page)
    assert page.url == outcome_url
    assert (
        "An override of the worked-out certainty needs a written reason."
        in page.locator(".field-override_rationale .errorlist").inner_text()
    )
    page.screenshot(path=str(OUTCOME_SCREENSHOT), full_page=True)
    page.fill("#id_override_rationale", OVERRIDE_REASON)
    save(page)
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/#outcomes")
    assert not messages(page, "error")
    second = outcome_row(page, "Minor adverse events")
    assert second.locator("td.outcome-certainty").inner_text().strip() == "⊕⊕⊕◯ Moderate"
    assert OVERRIDE_REASON in second.locator("td.outcome-overridden").inner_text()
    assert page.locator("#overall-certainty").inner_text().strip() == "⊕⊕⊕◯ Moderate"

    # 4. The Summary of Findings: both outcomes, their certainty, footnotes numbered down the table.
    sof = page.locator("#sof-table")
    rows = sof.locator("tbody tr.sof-row")
    assert rows.count() == 2
    assert rows.nth(0).locator(".sof-outcome").inner_text().startswith("Cramp frequency")
    assert rows.nth(0).locator(".sof-evidence").inner_text() == "11 studies, 735 participants (randomised trials)"
    assert rows.nth(0).locator(".sof-effect").inner_text() == "−0.18 cramps a week (95 % CI −0.84 to 0.49)"
    assert rows.nth(0).locator(".sof-certainty").inner_text().startswith("⊕⊕⊕◯ MODERATE1")
    assert rows.nth(1).locator(".sof-certainty").inner_text().startswith("⊕⊕⊕◯ MODERATE2,3,4")
    notes = page.locator(".sof-footnotes li").all_inner_texts()
    assert notes == [
        "Imprecision: serious (−1). The interval includes both a benefit and a harm.",
        "Inconsistency: serious (−1). Event rates range from 2 % to 30 % between trials.",
        "Publication bias: likely (−1). Small industry-funded trials; the funnel plot is asymmetric.",
        f"Certainty set to moderate by the reviewer (worked out from the domains: low). {OVERRIDE_REASON}",
    ]
    page.locator("#summary-of-findings").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    print(f"\nscreenshot: {SCREENSHOT}")

    # 5. Server side: every step is on the record, in order, by the reviewer.
    events = service.query(
        "SELECT e.event_type, u.username FROM reviews_auditevent e JOIN auth_user u ON u.id = e.actor_id "
        "WHERE e.review_id = ? ORDER BY e.seq",
        (review_id,),
    )
    assert [t for t, _ in events] == [
        "review.started",
        "outcome.added",
        "judgement.saved",
        "judgement.saved",
        "outcome.added",
        "judgement.saved",
        "judgement.saved",
        "outcome.certainty_overridden",
    ]
    assert {who for _, who in events} == {"reviewer"}
    [(certainty,)] = service.query("SELECT certainty FROM reviews_review WHERE id = ?", (review_id,))
    assert certainty == "moderate"
    assert service.manage("verify_audit").stdout.startswith("ok, ")
