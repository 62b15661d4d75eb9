"""The catalogue loader changes reviewed data on the record, as a named system actor, and an
approval of what it changed lapses."""

import pytest

from audit.models import AuditEvent
from claims.models import Claim
from core.errors import InvalidTransition
from reviews.models import Review
from reviews.publishing import services as publishing
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved_brine(small_catalogue, reviewer, reviewer2):
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    claim = Claim.objects.get(remedy__name="test brine")
    return ReviewFactory(approved=True, claim=claim, grader=reviewer, second_reviewer=reviewer2)


def events_since(seq):
    return list(
        AuditEvent.objects.filter(seq__gt=seq)
        .order_by("seq")
        .values_list("event_type", "actor_id", "actor_username", "review_id")
    )


def test_a_risk_tier_changed_by_the_loader_is_on_record_and_the_approval_lapses(
    small_catalogue,  # noqa: F811
    approved_brine,
    senior,
):
    seq = AuditEvent.objects.order_by("-seq").first().seq
    small_catalogue.remedies[0]["risk_tier"] = "moderate"
    small_catalogue.write()
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert events_since(seq) == [
        ("remedy.changed", None, "system:load_catalogue", None),
        ("review.approval_lapsed", None, "system:load_catalogue", approved_brine.pk),
        ("catalogue.loaded", None, "system:load_catalogue", None),
    ]
    assert Review.objects.get(pk=approved_brine.pk).state == Review.State.IN_REVIEW
    with pytest.raises(InvalidTransition):
        publishing.review_publish(review=approved_brine, actor=senior)


def test_a_quote_s_dose_changed_by_the_loader_makes_the_approval_lapse(
    small_catalogue,  # noqa: F811
    approved_brine,
):
    seq = AuditEvent.objects.order_by("-seq").first().seq
    small_catalogue.source["claims"][0]["dose"] = "one glass"
    small_catalogue.write()
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert [event[0] for event in events_since(seq)] == ["catalogue.loaded", "review.approval_lapsed"]
    lapse = AuditEvent.objects.get(seq__gt=seq, event_type="review.approval_lapsed")
    assert "catalogue loader" in lapse.reason


def test_a_load_that_changes_nothing_records_nothing(small_catalogue, approved_brine):  # noqa: F811
    seq = AuditEvent.objects.order_by("-seq").first().seq
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert events_since(seq) == []
    assert Review.objects.get(pk=approved_brine.pk).state == Review.State.APPROVED
