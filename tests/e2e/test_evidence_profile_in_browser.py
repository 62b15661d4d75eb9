"""End to end, in a real browser: a published claim's printable evidence profile, reached from the
publications admin — the Summary of Findings with its ⊕ symbols and footnotes, under the
Content-Security-Policy, from local assets only, untrusted text shown as text — and printed (the
print stylesheet, a PDF).

The service is its own (this module overrides the package's `service`): the review scenario of
test_review_in_browser.py counts every audit event of its service.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.browser import Service, log_in

pytestmark = pytest.mark.browser

SCREENSHOT = Path("/tmp/evidence_profile.png")
PDF = Path("/tmp/evidence_profile.pdf")
HOSTILE = '<img src=x onerror="document.title=1">'

# Published through the services (reviews.factories.take_review), as the demo's reviews are.
PUBLISH = f"""
from decimal import Decimal
from django.contrib.auth import get_user_model
from claims.models import Claim
from reviews import services
from reviews.factories import take_review
from reviews.models import Reference

people = {{u.username: u for u in get_user_model().objects.filter(username__in=["reviewer", "reviewer2", "senior"])}}
claim = Claim.objects.filter(remedy__name="stretching").order_by("pk").first()
trial = services.reference_save(actor=people["reviewer"], reference=Reference(
    title="Stretching before sleep reduces nocturnal leg cramps (Hallegraeff et al.)", kind="study", year=2012,
    pmid="22341378"))
frequency = dict(
    name="Nights with cramps", importance="critical", design="randomised", studies=1, participants=80,
    relative_measure="MD", relative_effect=Decimal("-1.2"), relative_ci_low=Decimal("-1.8"),
    relative_ci_high=Decimal("-0.6"), effect_text="About one fewer night with cramps a week.",
    judgements=[
        dict(domain="imprecision", severity="serious", rationale="One small trial " + {HOSTILE!r}),
        dict(domain="risk_of_bias", severity="serious", rationale="Unblinded outcome assessment."),
    ],
    references=[(trial, "The one randomised trial.")],
)
harms = dict(name="Adverse events", direction="harm", importance="important", design="observational",
             override=dict(certainty="very_low", reason="Case reports only."))
review = take_review(
    claim=claim, grader=people["reviewer"], second_reviewer=people["reviewer2"], senior=people["senior"],
    steps={{"graded", "submitted", "approved", "published"}}, outcomes=[frequency, harms], references=[trial],
    grading={{"recommendation": "conditional_for", "summary": "One small trial; harmless."}},
    notes={{"publish": "Published for the browser test."}},
)
print(review.claim_id)
"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    service = Service(tmp_path_factory.mktemp("e2e-evidence-profile"))
    try:
        service.start()
        yield service
    finally:
        service.stop()


def test_the_evidence_profile_from_the_admin_printed(service, page):
    claim_id = int(service.manage("shell", "-c", PUBLISH).stdout.strip().splitlines()[-1])
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    log_in(page, "reviewer")
    page.goto("/admin/reviews/publication/")
    link = page.get_by_role("link", name="Evidence profile")
    assert link.count() == 1
    href = link.get_attribute("href")
    assert href == f"/api/v1/claims/{claim_id}/evidence-profile/"
    response = page.goto(href)
    assert response.status == 200 and "default-src 'self'" in response.headers["content-security-policy"]

    rows = page.locator("table.sof tbody tr")
    assert rows.count() == 2
    first, second = (rows.nth(i).locator("th, td").all_inner_texts() for i in range(2))
    assert first[0].splitlines() == ["Nights with cramps", "Benefit"]
    assert first[1] == "1 study, 80 participants (randomised trials)"
    assert first[2].splitlines() == ["MD −1.2 (95 % CI −1.8 to −0.6)", "About one fewer night with cramps a week."]
    assert first[3] == "⊕⊕◯◯ Low1,2" and first[4] == "Critical"  # two footnotes: the downgrades
    assert second[3] == "⊕◯◯◯ Very low3" and second[4] == "Important"
    footnotes = page.locator("ol.footnotes li").all_inner_texts()
    assert footnotes == [
        "Risk of bias: serious (−1). Unblinded outcome assessment.",
        f"Imprecision: serious (−1). One small trial {HOSTILE}",  # shown as text, never run
        "Certainty set to very low by the reviewer (worked out from the domains: low). Case reports only.",
    ]
    assert page.locator("table.sof img").count() == 0 and page.title().startswith("Evidence profile:")
    assert "Conditional for" in page.locator(".recommendation").inner_text()
    assert all(url.startswith(service.base_url) for url in requested), requested

    page.screenshot(path=str(SCREENSHOT), full_page=True)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).maxWidth") == "none"  # the print stylesheet
    page.pdf(path=str(PDF), format="A4")
    assert PDF.read_bytes().startswith(b"%PDF")
    print(f"\nscreenshot: {SCREENSHOT}\nprinted: {PDF}")
