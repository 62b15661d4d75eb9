"""The demo's evidence: quinine published with the Cochrane El-Tawil 2015 outcomes (and the FDA's
post-marketing harms) after two independent gradings, its Summary of Findings in the snapshot, the
content API and the printable profile; the needle-pricking review dual-graded with disagreements
waiting for a senior to adjudicate, and the path from there walkable by the demo accounts. All of
it through the services: the audit chain verifies, and a second load changes nothing."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

from audit.models import AuditEvent
from core.errors import InvalidTransition, NotAllowed, NotReady
from core.tokens import token_issue
from reviews import permissions, services
from reviews.demo_dual import DEMO
from reviews.models import (
    Contraindication,
    Disagreement,
    DomainJudgement,
    Grading,
    Outcome,
    Publication,
    Reference,
    Review,
)
from reviews.publishing import services as publishing
from reviews.services.disagreements import disagreement_resolve

pytestmark = pytest.mark.django_db
Event = AuditEvent.Type

# name -> (direction, importance, design, certainty, overridden): as the references give them.
QUININE_OUTCOMES = {
    "Cramp number over two weeks": ("benefit", "critical", "randomised", "low", True),
    "Cramp intensity": ("benefit", "important", "randomised", "moderate", True),
    "Minor adverse events": ("harm", "important", "randomised", "moderate", True),
    "Major adverse events": ("harm", "critical", "randomised", "moderate", True),
    "Serious haematological reactions (post-marketing reports)": ("harm", "critical", "observational", "low", False),
}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def users(demo):
    return {u.username: u for u in get_user_model().objects.all()}


def _review(remedy: str) -> Review:
    return Review.objects.select_related("claim__remedy").get(claim__remedy__name=remedy)


def _quinine_publication() -> Publication:
    return Publication.objects.get(claim__remedy__name="quinine", is_current=True)


def _sof(outcomes: list[dict]) -> dict:
    return {
        o["name"]: (o["direction"], o["importance"], o["design"], o["certainty"]["value"], o["overridden"])
        for o in outcomes
    }


def test_quinine_is_published_with_the_cochrane_outcomes_and_their_certainties(demo):
    snapshot = _quinine_publication().snapshot
    assert list(_sof(snapshot["outcomes"])) == list(QUININE_OUTCOMES)  # in Summary of Findings order
    assert _sof(snapshot["outcomes"]) == QUININE_OUTCOMES
    assert snapshot["evidence"]["certainty"] == "low"  # the lowest among the critical outcomes
    assert snapshot["recommendation"] == "strong_against"
    cramps = snapshot["outcomes"][0]
    assert (cramps["studies"], cramps["participants"]) == (13, 952)  # grade.md: this outcome's numbers
    absolute = cramps["effect"]["absolute"]
    assert [Decimal(str(absolute[k])) for k in ("value", "ci_low", "ci_high")] == [
        Decimal("-2.45"),
        Decimal("-3.54"),
        Decimal("-1.36"),
    ]
    assert cramps["certainty"]["symbols"] == "⊕⊕◯◯"
    minor = snapshot["outcomes"][2]
    assert "127 per 1,000" in minor["effect"]["text"] and "94 per 1,000" in minor["effect"]["text"]
    # Every override says why, as demo data; the post-marketing harms are low as worked out.
    for outcome in snapshot["outcomes"]:
        assert outcome["references"], outcome["name"]
        if outcome["overridden"]:
            assert outcome["override_reason"].startswith(DEMO)
    harms = snapshot["outcomes"][4]
    assert harms["certainty"]["worked_out"] == "low" and harms["override_reason"] is None
    assert harms["references"][0]["title"].startswith("FDA Drug Safety Communication, 8 July 2010")


def test_quinine_was_graded_twice_settled_by_its_graders_and_approved_by_a_senior_who_took_no_part(users):
    review = _review("quinine")
    assert review.dual_grading and review.state == Review.State.PUBLISHED
    gradings = list(Grading.objects.filter(review=review).order_by("created_at", "id"))
    assert [g.grader.username for g in gradings] == ["reviewer", "reviewer2"]
    assert all(g.is_submitted and g.certainty == "low" for g in gradings)
    [point] = Disagreement.objects.filter(review=review)
    assert (point.item, point.first_value, point.second_value) == (
        "outcome.importance:minor adverse events",
        "important",
        "not_important",
    )
    assert (point.resolution, point.resolved_value, point.proposed_by, point.resolved_by) == (
        "agreed",
        "important",
        users["reviewer2"],
        users["reviewer"],
    )
    assert point.proposal_reason.startswith(DEMO) and point.resolution_reason.startswith(DEMO)
    assert review.decided_by == users["senior"] and not permissions.contributed(users["senior"], review)
    assert _quinine_publication().published_by == users["senior"]
    # The path on the record, in order (outcome, judgement and reference events in between).
    path = [
        Event.GRADING_SUBMITTED,
        Event.GRADING_SUBMITTED,
        Event.DISAGREEMENTS_LISTED,
        Event.DISAGREEMENT_PROPOSED,
        Event.DISAGREEMENT_RESOLVED,
        Event.GRADING_RESOLVED,
        Event.REVIEW_GRADED,
        Event.REVIEW_SUBMITTED,
        Event.REVIEW_APPROVED,
        Event.REVIEW_PUBLISHED,
    ]
    events = list(AuditEvent.objects.filter(review=review, event_type__in=path).order_by("seq"))
    assert [e.event_type for e in events] == path
    assert [e.actor.username for e in events[-3:]] == ["reviewer", "senior", "senior"]


def test_the_content_api_and_the_printable_profile_carry_the_quinine_outcomes(users):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=users['content'])}")
    claim_id = _quinine_publication().claim_id
    response = client.get(f"/api/v1/claims/{claim_id}/")
    assert response.status_code == 200
    body = response.json()
    assert _sof(body["outcomes"]) == QUININE_OUTCOMES
    assert body["evidence"]["certainty"] == "low"
    profile = client.get(body["evidence_profile_url"])
    assert profile.status_code == 200
    page = profile.content.decode()
    for name in QUININE_OUTCOMES:
        assert name in page
    assert "⊕⊕◯◯" in page and "⊕⊕⊕◯" in page and "[DEMO DATA]" in page


def test_the_needle_review_waits_for_adjudication_with_real_disagreements(users):
    review = _review("needle pricking")
    assert review.dual_grading and review.state == Review.State.DRAFT
    gradings = Grading.objects.filter(review=review).order_by("created_at", "id")
    assert [(g.grader.username, g.is_submitted) for g in gradings] == [("reviewer2", True), ("reviewer", True)]
    points = {
        d.item: (d.first_value, d.second_value, d.resolution)
        for d in Disagreement.objects.filter(review=review).order_by("id")
    }
    assert points == {
        "outcome.certainty:infection, vessel or nerve injury": ("very_low", "low", ""),
        "outcome.domain:indirectness:infection, vessel or nerve injury": ("serious", "none", ""),
        "recommendation": ("insufficient_evidence", "conditional_against", ""),
        "contraindication:bleeding disorder or anticoagulant treatment": ("", "caution", ""),
    }
    assert services.approval_gaps(review)[0] == "every disagreement between the two gradings resolved (4 still open)"
    with pytest.raises(NotReady):
        services.review_submit(review=review, actor=users["reviewer2"])
    with pytest.raises(InvalidTransition):
        services.review_approve(review=review, actor=users["senior2"])
    # The review's own grading is empty until the disagreements are resolved; nothing on the claim.
    assert not Outcome.objects.filter(review=review, grading=None).exists()
    assert not Contraindication.objects.filter(claim=review.claim).exists()
    # Either senior may adjudicate; the graders may not.
    assert [permissions.can_adjudicate(users[name], review) for name in ("senior", "senior2", "reviewer")] == [
        True,
        True,
        False,
    ]


def test_the_needle_path_can_be_walked_by_the_demo_accounts(users):
    """Adjudicated by one senior, submitted by a grader, approved and published by the other senior;
    the adjudicator may neither approve nor publish."""
    review = _review("needle pricking")
    resolved = {"recommendation": "insufficient_evidence"}
    for point in Disagreement.objects.filter(review=review).order_by("id"):
        value = resolved.get(point.item, point.second_value)
        disagreement_resolve(disagreement=point, actor=users["senior"], value=value, reason="Adjudicated.")
    review.refresh_from_db()
    assert (review.certainty, review.recommendation) == ("very_low", "insufficient_evidence")
    conditions = set(Contraindication.objects.filter(claim=review.claim).values_list("condition", flat=True))
    assert conditions == {"Self-treatment without a sterile needle", "Bleeding disorder or anticoagulant treatment"}
    review = services.review_submit(review=review, actor=users["reviewer2"])
    for name in ("senior", "reviewer", "reviewer2"):
        with pytest.raises(NotAllowed):
            services.review_approve(review=review, actor=users[name])
    review = services.review_approve(review=review, actor=users["senior2"])
    assert publishing.review_publish(review=review, actor=users["senior2"]).version == 1


def test_the_demo_says_it_is_demo_data(demo):
    texts = [
        *DomainJudgement.objects.values_list("rationale", flat=True),
        *Outcome.objects.exclude(override_reason="").values_list("override_reason", flat=True),
        *Grading.objects.values_list("summary", flat=True),
        *Review.objects.exclude(summary="").values_list("summary", flat=True),
        *Contraindication.objects.filter(review__isnull=False).values_list("rationale", flat=True),
        *Disagreement.objects.exclude(resolution="").values_list("resolution_reason", flat=True),
    ]
    assert texts and all(text.startswith(DEMO) for text in texts), [t for t in texts if not t.startswith(DEMO)]


def test_a_second_load_changes_nothing_and_the_audit_trail_verifies(demo, settings):
    def state():
        return {
            model.__name__: model.objects.count()
            for model in (Review, Outcome, Grading, Disagreement, Publication, Reference, Contraindication, AuditEvent)
        } | {"users": get_user_model().objects.count()}

    before = state()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "demo reviews already present" in out.getvalue()
    assert state() == before
    verified = io.StringIO()
    call_command("verify_audit", stdout=verified)
    assert verified.getvalue().startswith("ok, ")
