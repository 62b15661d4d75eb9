"""The publications admin links each claim's current publication to its printable evidence
profile; a superseded or withdrawn version has no link (the profile shows the current one only)."""

import pytest
from django.urls import reverse

from reviews.publishing import services as publishing
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publication(standard_claim, reviewer, reviewer2, senior, reference):
    review = ReviewFactory(
        approved=True, claim=standard_claim, grader=reviewer, second_reviewer=reviewer2, reference=reference
    )
    return publishing.review_publish(review=review, actor=senior)


def profile_link(claim_id: int) -> str:
    return f'<a href="/api/v1/claims/{claim_id}/evidence-profile/" target="_blank" rel="noopener">Evidence profile</a>'


def test_the_current_publication_links_its_evidence_profile(client, publication, reviewer):
    client.force_login(reviewer)
    change = client.get(reverse("admin:reviews_publication_change", args=[publication.pk]))
    assert change.status_code == 200 and profile_link(publication.claim_id) in change.content.decode()
    listing = client.get(reverse("admin:reviews_publication_changelist"))
    assert profile_link(publication.claim_id) in listing.content.decode()
    assert client.get(f"/api/v1/claims/{publication.claim_id}/evidence-profile/").status_code == 200


def test_a_withdrawn_publication_links_nothing(client, publication, reviewer, senior):
    publishing.review_withdraw(review=publication.review, actor=senior, reason="New safety signal.")
    client.force_login(reviewer)
    page = client.get(reverse("admin:reviews_publication_change", args=[publication.pk])).content.decode()
    assert "evidence-profile" not in page
