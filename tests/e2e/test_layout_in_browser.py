"""In a real browser, on the demo's data: the admin's pages at 1280 and 1920 px, with nothing that
spills out of its box (no table cell beyond the box that shows it, no form control beyond its
cell or row: tests/e2e/measure.py), and the dashboard, the review queue and the review page with
no critical accessibility violation (axe-core). Each page is saved as a screenshot under
test-artifacts/layout/ and test-artifacts/accessibility/.

The service is this module's own (it overrides the package's `service`): the demo's reviews
(published, dual-graded, sent back) and a short article of our own with its proposals, loaded
once for every test here."""

from __future__ import annotations

import pytest

from tests.e2e.browser import TIMEOUT_MS, Service, log_in
from tests.e2e.measure import axe_violations, overflows, screenshot

pytestmark = pytest.mark.browser

ARTICLE = (
    "Night cramps: what our readers asked\n\n"
    "Magnesium taken daily helps prevent night cramps in older adults.\n"
    "Stretching the calf for a minute before bed reduces cramps.\n"
)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    service = Service(tmp_path_factory.mktemp("e2e-layout"))
    try:
        service.start(demo_reviews=True)
        article = service.workdir / "readers-questions.txt"
        article.write_text(ARTICLE)
        service.manage("ingest_article", str(article), "--condition", "night leg cramps")
        yield service
    finally:
        service.stop()


def review_of(service, remedy: str) -> int:
    [(review_id,)] = service.query(
        "SELECT r.id FROM reviews_review r JOIN claims_claim c ON c.id = r.claim_id "
        "JOIN claims_remedy m ON m.id = c.remedy_id WHERE m.name = ?",
        (remedy,),
    )
    return review_id


@pytest.fixture(scope="module")
def urls(service) -> dict[str, str]:
    quinine = review_of(service, "quinine")
    [(claim_id,)] = service.query("SELECT claim_id FROM reviews_review WHERE id = ?", (quinine,))
    [(source_id,)] = service.query("SELECT MAX(id) FROM claims_source WHERE format != ''")
    return {
        "index": "/admin/",
        "queue": "/admin/reviews/review/",
        # Published, read-only, with a contraindication; sent back, editable; dual-graded.
        "review-quinine": f"/admin/reviews/review/{quinine}/change/",
        "review-magnesium": f"/admin/reviews/review/{review_of(service, 'magnesium')}/change/",
        "review-needle-pricking": f"/admin/reviews/review/{review_of(service, 'needle pricking')}/change/",
        "claims": "/admin/claims/claim/",
        "publications": "/admin/reviews/publication/",
        "audit-events": "/admin/audit/auditevent/",
        "claim-history": f"/admin/claims/claim/{claim_id}/history/",
        "sources": "/admin/claims/source/",
        "proposals": f"/admin/claims/source/{source_id}/proposals/",
        "agreement": "/admin/reviews/agreement/",
    }


def add_contraindication_rows(page) -> None:
    """Two empty rows of the review's own contraindications, their rationale boxes shown."""
    add = page.locator("#contraindications_added-group .add-row a")
    for _ in range(2):
        add.click()
    page.locator("#contraindications_added-group textarea[name$='-rationale']").nth(1).wait_for()


@pytest.mark.parametrize("width", [1280, 1920])
def test_nothing_spills_out_of_its_box(service, page, urls, width):
    page.set_viewport_size({"width": width, "height": 1000})
    log_in(page, "senior")  # a senior reviewer sees every page here, the dashboard included
    found = {}
    for name, url in urls.items():
        response = page.goto(url)
        assert response.status == 200, f"{name}: {url} answered {response.status}"
        if name == "review-magnesium":
            add_contraindication_rows(page)
        if spilled := overflows(page):
            found[name] = spilled
        screenshot(page, f"layout/{name}-{width}")
    assert not found, "\n".join(f"{name} at {width} px: {line}" for name, lines in found.items() for line in lines)


@pytest.fixture
def axe_page(browser, service):
    """A page whose context bypasses the Content-Security-Policy, so axe-core may be injected
    (the other tests keep the policy and fail on anything it blocks)."""
    context = browser.new_context(base_url=service.base_url, viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def test_no_critical_accessibility_violation(service, axe_page, urls):
    page = axe_page
    log_in(page, "senior")
    found = {}
    for name in ("index", "queue", "review-quinine", "review-magnesium"):
        response = page.goto(urls[name])
        assert response.status == 200
        if name == "index" and not page.locator("#dashboard").count():
            print("\nthe admin index has no dashboard (#dashboard) yet: checked as it is")
        if name == "review-magnesium":
            add_contraindication_rows(page)
        if violations := axe_violations(page, impact="critical"):
            found[name] = violations
        screenshot(page, f"accessibility/{name}")
    assert not found, "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)
