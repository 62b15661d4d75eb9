"""ClaimReview JSON-LD is meant to be pasted into a page's <script type="application/ld+json">.
Every string in it escapes <, > and & (as \\u003c, \\u003e, \\u0026), so a statement, quote or
summary holding "</script>" cannot close the script element; the JSON still parses to the text."""

import hashlib
import json

import pytest

from claims.models import Appearance, Claim, Source

pytestmark = pytest.mark.django_db

PAYLOAD = "</script><script>alert(1)</script>"
STATEMENT = f"Stretching helps {PAYLOAD} & more"
QUOTE = f"Stretch the calf {PAYLOAD} <!-- for 30 s & > repeat"
SUMMARY = f"Small trials {PAYLOAD} & nothing more"


@pytest.fixture
def hostile_claim(publish, stretching_claim):
    Claim.objects.filter(pk=stretching_claim.pk).update(statement=STATEMENT)
    appearance = stretching_claim.appearances.order_by("pk").first()
    # an article that says it (an appearance quotes its article's text: reviews.db_rules.quotes)
    article = Source.objects.create(
        file_name="hostile.txt", title="Hostile", condition=stretching_claim.condition, text=QUOTE,
        sha256=hashlib.sha256(QUOTE.encode()).hexdigest(),
    )  # fmt: skip
    Appearance.objects.filter(pk=appearance.pk).update(source=article, quote=QUOTE, start=0, end=len(QUOTE))
    stretching_claim.refresh_from_db()
    publish(stretching_claim, certainty="moderate", recommendation="conditional_for", summary=SUMMARY)
    return stretching_claim


def test_claimreview_strings_cannot_close_a_script_element(api, hostile_claim):
    response = api.get(f"/api/v1/claims/{hostile_claim.pk}/claimreview/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    raw = response.content.decode()
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert "\\u003c/script\\u003e" in raw and "\\u0026" in raw

    body = json.loads(raw)
    assert body["claimReviewed"] == STATEMENT
    assert QUOTE in [appearance["text"] for appearance in body["itemReviewed"]["appearance"]]
    assert body["reviewRating"]["ratingExplanation"] == SUMMARY
