"""The API never shows a draft, an unapproved edit or a withdrawn claim."""

import pytest

from reviews import services
from reviews.factories import add_outcome, outcome_with
from reviews.models import Review
from reviews.publishing import services as publishing
from tests.helpers import ids, take_to_approved

pytestmark = pytest.mark.django_db


def test_only_published_claims_are_listed(api, published, people, quinine_claim):
    from claims.models import Claim

    draft_claim = Claim.objects.filter(remedy__name="magnesium").first()
    services.review_start(claim=draft_claim, actor=people["reviewer"])
    approved_claim = Claim.objects.filter(remedy__name="lemon juice").first()
    take_to_approved(approved_claim, people)
    listed = ids(api.get("/api/v1/claims/"))
    assert sorted(listed) == sorted([quinine_claim.pk, published["stretching"].claim_id])
    assert api.get(f"/api/v1/claims/{draft_claim.pk}/").status_code == 404
    assert api.get(f"/api/v1/claims/{approved_claim.pk}/").status_code == 404


def test_withdrawn_claim_vanishes_at_once(api, published, people, quinine_claim):
    review = published["quinine"].review
    publishing.review_withdraw(review=review, actor=people["senior"], reason="New safety signal.")
    assert quinine_claim.pk not in ids(api.get("/api/v1/claims/"))
    assert api.get(f"/api/v1/claims/{quinine_claim.pk}/").status_code == 404
    assert api.get(f"/api/v1/claims/{quinine_claim.pk}/?version=1").status_code == 404
    assert api.get(f"/api/v1/claims/{quinine_claim.pk}/claimreview/").status_code == 404


def test_edit_after_publication_shows_only_the_published_snapshot(api, published, people, stretching_claim):
    review = services.review_start(claim=stretching_claim, actor=people["reviewer"], reason="New evidence.")
    services.review_save_grading(
        review=review, actor=people["reviewer"], expected_version=review.version, summary="Work in progress"
    )
    add_outcome(review=review, actor=people["reviewer"], **outcome_with("very_low"))
    assert Review.objects.get(pk=review.pk).certainty == "very_low"
    body = api.get(f"/api/v1/claims/{stretching_claim.pk}/").json()
    assert body["version"] == 1 and body["evidence"]["certainty"] == "moderate"
    assert "Work in progress" not in str(body)


def test_snapshot_carries_what_content_teams_need(api, published, quinine_claim):
    body = api.get(f"/api/v1/claims/{quinine_claim.pk}/").json()
    assert body["remedy"]["name"] == "quinine" and body["remedy"]["atc_code"] == "P01BC01"
    assert body["remedy"]["inn"] == "quinine" and "Qualaquin" in body["remedy"]["aliases"]
    assert body["appearances"] and all(a["quote"] for a in body["appearances"])
    assert body["recommendation"] == "strong_against" and body["evidence"]["certainty"] == "low"
    assert [c["condition"] for c in body["contraindications"]] == ["Pregnancy"]
    assert body["references"][0]["pmid"]
    assert body["approved_by"] == "api_sen" and body["published_by"] == "api_sen"
