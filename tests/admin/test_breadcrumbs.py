"""The admin's breadcrumbs, styled as the admin styles them (an ordered list of class
"breadcrumbs"), on the claim's history, a review's transition page and the agreement page; and
never "Reviews › Reviews": the app is the review workspace, its list of reviews is Reviews."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from reviews import services

pytestmark = pytest.mark.django_db


def crumbs(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    assert '<div class="breadcrumbs">' not in page, url
    block = re.search(r'(?s)<ol class="breadcrumbs">(.*?)</ol>', page)
    assert block, url
    return [
        re.sub(r"<[^>]+>|\s+", " ", item).strip() for item in re.findall(r"(?s)<li[^>]*>(.*?)</li>", block.group(1))
    ]


def test_the_breadcrumbs_are_the_admins_and_do_not_repeat(standard_claim, reviewer, senior):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    client = Client()
    client.force_login(senior)
    pages = {
        "history": reverse("admin:claims_claim_history", args=[standard_claim.pk]),
        "transition": reverse("admin:reviews_review_transition", args=[review.pk, "submit"]),
        "review": reverse("admin:reviews_review_change", args=[review.pk]),
        "queue": reverse("admin:reviews_review_changelist"),
        "agreement": reverse("reviews_agreement"),
    }
    trails = {name: crumbs(client, url) for name, url in pages.items()}
    for name, trail in trails.items():
        assert trail[0] == "Home", name
        assert all(a != b for a, b in zip(trail, trail[1:], strict=False)), (name, trail)
    assert trails["history"][:3] == ["Home", "Claims catalogue", "Claims"] and trails["history"][-1] == "Audit history"
    assert trails["transition"] == [
        "Home",
        "Review workspace",
        "Reviews",
        f"Review #{review.pk}",
        "Submit for approval",
    ]
    assert trails["review"][:3] == ["Home", "Review workspace", "Reviews"]


def test_the_article_pages_breadcrumbs_are_the_admins_too(reviewer):
    from tests.ingest.store_helpers import store

    source = store(reviewer)
    proposal = source.proposals.order_by("start").first()
    client = Client()
    client.force_login(reviewer)
    head = ["Home", "Claims catalogue", "Sources"]
    assert crumbs(client, reverse("admin:claims_source_add_article")) == [*head, "Add an article"]
    proposals = crumbs(client, reverse("admin:claims_source_proposals", args=[source.pk]))
    assert proposals == [*head, source.title[:60], "Proposals"]
    accept = crumbs(client, reverse("admin:claims_source_proposal_accept", args=[source.pk, proposal.pk]))
    assert accept[:3] == head and accept[-1] == f"#{proposal.pk}"


def test_a_review_s_history_link_leads_to_its_claim_s_audit_history(standard_claim, reviewer):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    client = Client()
    client.force_login(reviewer)
    response = client.get(reverse("admin:reviews_review_history", args=[review.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:claims_claim_history", args=[standard_claim.pk])
