"""Ingested articles and their proposals never reach the content API, accepted or not: it serves
publications only. A claim made by accepting a proposal is reviewed, approved and published like
any other, and only then is it (with its quote) in the API."""

import json

import pytest
from rest_framework.test import APIClient

from claims.decisions import proposal_accept, proposal_reject
from claims.ingest.propose import propose
from core.tokens import token_issue
from reviews.publishing.services import review_publish
from tests.factories import ReviewFactory, UserFactory
from tests.helpers import ids
from tests.ingest.proposing import catalogue_lexicon  # noqa: F401 (a fixture)
from tests.ingest.store_helpers import store

pytestmark = pytest.mark.django_db

# Words of the article that are nowhere in the catalogue's published claims.
MARKERS = ("beetroot", "our readers tried", "one reader wrote", "Quinine eases")


@pytest.fixture
def content_api():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=UserFactory(role='content_reader'))}")
    return client


def everything_served(client) -> str:
    """Every page of every content API list, as one text."""
    served = []
    for url in ("/api/v1/claims/?page_size=200", "/api/v1/remedies/", "/api/v1/changes/"):
        while url:
            response = client.get(url)
            assert response.status_code == 200, (url, response.content[:300])
            body = response.json()
            served.append(json.dumps(body, ensure_ascii=False))
            url = body.get("next")
    return "\n".join(served)


def test_an_article_and_its_proposals_are_not_served(content_api, reviewer, senior):
    source = store(reviewer, title="What our readers tried")
    before = everything_served(content_api)
    quinine = source.proposals.get(remedy__name="quinine")
    claim = proposal_accept(proposal=quinine, actor=reviewer).claim
    beetroot = source.proposals.get(new_remedy_name="beetroot juice")
    proposal_accept(proposal=beetroot, actor=senior, risk_tier="low", risk_reason="A food.")
    proposal_reject(proposal=source.proposals.get(kind="caution"), actor=reviewer, reason="Not advice.")
    served = everything_served(content_api)
    assert served == before
    assert not any(marker.lower() in served.lower() for marker in MARKERS)
    assert content_api.get(f"/api/v1/claims/{claim.pk}/").status_code == 404
    assert content_api.get(f"/api/v1/remedies/{beetroot.remedy_id}/").status_code == 404


def test_an_accepted_claim_is_published_like_any_other(content_api, reviewer, reviewer2, senior, senior2):
    source = store(reviewer, title="What our readers tried")
    beetroot = source.proposals.get(new_remedy_name="beetroot juice")
    claim = proposal_accept(proposal=beetroot, actor=senior, risk_tier="low", risk_reason="A food.").claim
    review = ReviewFactory(approved=True, claim=claim, grader=reviewer, second_reviewer=reviewer2)
    review_publish(review=review, actor=senior2)
    response = content_api.get(f"/api/v1/claims/{claim.pk}/")
    assert response.status_code == 200
    body = json.dumps(response.json(), ensure_ascii=False)
    assert "beetroot juice" in body and beetroot.quote in body


def test_a_caution_for_people_with_asthma_is_published_and_filtered(
    catalogue_lexicon,  # noqa: F811
    content_api,
    reviewer,
    reviewer2,
    senior,
    senior2,
):
    text = "Headache: what helps\n\nIbuprofen eases a tension headache.\nAvoid ibuprofen if you have asthma.\n"
    source = store(reviewer, text=text, proposals=propose(text, catalogue_lexicon, "headache"), condition="headache")
    caution = source.proposals.get(kind="caution", population="asthma")
    claim = proposal_accept(proposal=caution, actor=senior, risk_tier="moderate", risk_reason="An NSAID.").claim
    assert (claim.remedy.name, claim.kind, claim.population) == ("ibuprofen", "caution", "asthma")
    review = ReviewFactory(approved=True, claim=claim, grader=reviewer, second_reviewer=reviewer2)
    review_publish(review=review, actor=senior2)
    assert ids(content_api.get("/api/v1/claims/?population=asthma")) == [claim.pk]
    assert claim.pk not in ids(content_api.get("/api/v1/claims/?population=pregnancy"))
    assert content_api.get(f"/api/v1/claims/{claim.pk}/").json()["population"] == "asthma"
