"""Accepting an article's proposal into an existing claim adds an appearance to what that claim
reads: a standing approval of the claim's review lapses on the record, and nothing of it reaches
the content API until someone decides again."""

import pytest

from audit.models import AuditEvent
from claims.decisions import proposal_accept
from claims.models import Claim
from core.errors import Conflict, InvalidTransition
from reviews.models import Publication, Review
from reviews.publishing import services as publishing
from tests.factories import ReviewFactory
from tests.ingest.store_helpers import store

pytestmark = pytest.mark.django_db


def test_a_proposal_accepted_into_an_approved_claim_lapses_the_approval(reviewer, reviewer2, senior):
    claim = Claim.objects.get(remedy__name="magnesium", kind="prevention", population=None)
    review = ReviewFactory(approved=True, claim=claim, grader=reviewer, second_reviewer=reviewer2)
    source = store(senior, title="What readers tried")
    magnesium = next(p for p in source.proposals.order_by("start") if p.remedy_name == "magnesium")

    accepted = proposal_accept(proposal=magnesium, actor=senior)

    assert accepted.claim_id == claim.pk  # merged: one more appearance of the approved claim
    assert_lapsed_and_unpublishable(review, senior)


def test_a_proposal_filed_under_another_condition_lapses_that_condition_s_approval(reviewer, reviewer2, senior):
    """An article on heartburn whose sentence a reviewer files under night leg cramps ("About"):
    it merges into the approved cramps claim, whose approval lapses as above."""
    claim = Claim.objects.get(remedy__name="magnesium", kind="prevention", population=None)
    review = ReviewFactory(approved=True, claim=claim, grader=reviewer, second_reviewer=reviewer2)
    source = store(senior, title="Heartburn notes", condition="heartburn")
    magnesium = next(p for p in source.proposals.order_by("start") if p.remedy_name == "magnesium")

    accepted = proposal_accept(proposal=magnesium, actor=senior, changes={"condition": claim.condition.name})

    assert accepted.claim_id == claim.pk and source.condition != claim.condition
    assert_lapsed_and_unpublishable(review, senior)


def assert_lapsed_and_unpublishable(review, senior):
    """The approval lapsed, on the record, and nothing can be published until it is decided again."""
    review.refresh_from_db()
    assert review.state == Review.State.IN_REVIEW
    assert AuditEvent.objects.filter(review=review).latest("seq").event_type == AuditEvent.Type.REVIEW_APPROVAL_LAPSED
    with pytest.raises((Conflict, InvalidTransition)):
        publishing.review_publish(review=review, actor=senior)
    assert not Publication.objects.filter(review=review).exists()


def test_a_new_remedy_since_known_accepted_plainly_lapses_the_approval_of_its_claim(reviewer, reviewer2, senior):
    """A proposal's "new" name that has since become a remedy's (here, an alias a senior added) is
    accepted with the plain Accept (the proposals page offers it): it merges into that remedy's
    approved claim, whose approval lapses as above."""
    from claims.models import Remedy, RemedyAlias
    from tests.ingest.store_helpers import proposed

    claim = Claim.objects.get(remedy__name="magnesium", kind="prevention", population=None)
    review = ReviewFactory(approved=True, claim=claim, grader=reviewer, second_reviewer=reviewer2)
    new = proposed("A glass of beetroot", "beet kvass", "food_drink", "kvass", "prevention", is_new=True)
    source = store(reviewer, proposals=[new])
    RemedyAlias.objects.create(remedy=Remedy.objects.get(name="magnesium"), alias="beet kvass")
    [pending] = source.proposals.all()
    assert pending.remedy_id is None

    accepted = proposal_accept(proposal=pending, actor=reviewer)

    assert accepted.claim_id == claim.pk
    assert_lapsed_and_unpublishable(review, senior)


def test_rejecting_the_selected_changes_no_claim_nor_its_approval(client, reviewer, reviewer2, senior):
    """The proposals page's "Reject selected": one proposal.rejected for each, on the record, and
    nothing else; the approved claim a proposal would have merged into keeps its approval."""
    from django.urls import reverse

    claim = Claim.objects.get(remedy__name="magnesium", kind="prevention", population=None)
    review = ReviewFactory(approved=True, claim=claim, grader=reviewer, second_reviewer=reviewer2)
    source = store(senior, title="What readers tried")
    appearances = claim.appearances.count()
    last = AuditEvent.objects.order_by("-seq").values_list("seq", flat=True).first()
    selected = [p.pk for p in source.proposals.all()]
    client.force_login(reviewer)
    url = reverse("admin:claims_source_proposals", args=[source.pk])
    client.post(url, {"action": "bulk_reject", "selected": selected, "bulk-reason": "Not advice of the article."})

    events = list(AuditEvent.objects.filter(seq__gt=last).values_list("event_type", flat=True))
    assert events == ["proposal.rejected"] * len(selected)
    review.refresh_from_db()
    assert review.state == Review.State.APPROVED and claim.appearances.count() == appearances
