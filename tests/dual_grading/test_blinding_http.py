"""Blinding over HTTP: until both gradings are submitted, each grader sees only their own — in the
admin (grading and outcome pages, the review page, the claim's history), in the audit admin, the
auditors' API (events, exports) and the claim history API; a senior or auditor who grades nothing
sees both, other reviewers neither. Once both are in, every reviewer sees both."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from audit.models import AuditEvent
from core import roles
from core.tokens import token_issue
from reviews.models import Grading, Outcome
from reviews.services.dual_grading import grading_submit
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently
from tests.factories import UserFactory

# What only the first grading says, and what only the second says.
FIRST_ONLY, SECOND_ONLY = "QT prolongation", "Heart failure"


@pytest.fixture
def graded(dual_review, reviewer, reviewer2):
    """The first grader has submitted, the second (also an auditor) is still grading."""
    reviewer2.groups.add(*UserFactory(username="aud_group", role=roles.AUDITOR).groups.all())
    first = grade_independently(dual_review, reviewer, **FIRST, submit=True)
    second = grade_independently(dual_review, reviewer2, **SECOND)
    return {"review": dual_review, "first": first, "second": second}


def admin(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    return client


def text(response) -> str:
    return response.content.decode() if not getattr(response, "streaming", False) else b"".join(response).decode()


def grading_events(grading: Grading) -> set[int]:
    """The events that carry this grading (its start, changes, submission, outcomes, judgements)."""
    outcomes = set(Outcome.objects.filter(grading=grading).values_list("pk", flat=True))
    return {
        e.pk
        for e in AuditEvent.objects.all()
        if grading.pk in (e.after.get("grading"), e.before.get("grading"))
        or {e.after.get("outcome"), e.before.get("outcome")} & outcomes
    }


def admin_sees(user, graded) -> dict[str, bool]:
    """What of each grading the user's admin pages show."""
    client, review = admin(user), graded["review"]
    seen = {}
    for name in ("first", "second"):
        grading = graded[name]
        outcome = Outcome.objects.filter(grading=grading).first()
        grading_page = client.get(reverse("admin:reviews_grading_change", args=[grading.pk]))
        outcome_page = client.get(reverse("admin:reviews_gradingoutcome_change", args=[outcome.pk]))
        event = min(grading_events(grading))
        event_page = client.get(reverse("admin:audit_auditevent_change", args=[event]))
        seen[name] = {
            "grading page": grading_page.status_code == 200,
            "outcome page": outcome_page.status_code == 200,
            "audit event page": event_page.status_code == 200,
        }
    listing = text(client.get(reverse("admin:reviews_grading_changelist")))
    history = text(client.get(reverse("admin:claims_claim_history", args=[review.claim_id])))
    review_page = text(client.get(reverse("admin:reviews_review_change", args=[review.pk])))
    audit_list = text(client.get(reverse("admin:audit_auditevent_changelist") + f"?review__id={review.pk}&all="))
    for name, marker in (("first", FIRST_ONLY), ("second", SECOND_ONLY)):
        grading = graded[name]
        seen[name]["grading list"] = reverse("admin:reviews_grading_change", args=[grading.pk]) in listing
        seen[name]["claim history"] = marker in history
        seen[name]["review page"] = reverse("admin:reviews_grading_change", args=[grading.pk]) in review_page
        seen[name]["audit list"] = any(
            reverse("admin:audit_auditevent_change", args=[pk]) in audit_list for pk in grading_events(grading)
        )
    return {name: all(flags.values()) if all(flags.values()) or not any(flags.values()) else flags
            for name, flags in seen.items()}  # fmt: skip


def test_before_both_are_submitted_each_grader_sees_only_their_own_in_the_admin(graded, reviewer, reviewer2):
    assert admin_sees(reviewer, graded) == {"first": True, "second": False}
    assert admin_sees(reviewer2, graded) == {"first": False, "second": True}


def test_seniors_and_auditors_who_grade_nothing_see_both_other_reviewers_neither(graded, senior2, auditor, third):
    assert admin_sees(senior2, graded) == {"first": True, "second": True}
    assert admin_sees(auditor, graded) == {"first": True, "second": True}
    assert admin_sees(third, graded) == {"first": False, "second": False}


def test_once_both_are_submitted_every_reviewer_sees_both(graded, reviewer, reviewer2, third):
    grading_submit(grading=graded["second"], actor=reviewer2)
    for person in (reviewer, reviewer2, third):
        assert admin_sees(person, graded) == {"first": True, "second": True}


def test_the_disagreements_page_waits_for_both(graded, reviewer, reviewer2):
    url = reverse("admin:reviews_grading_disagreements", args=[graded["review"].pk])
    response = admin(reviewer).get(url)
    assert response.status_code == 302 and SECOND_ONLY not in text(admin(reviewer).get(response["Location"]))
    grading_submit(grading=graded["second"], actor=reviewer2)
    page = text(admin(reviewer).get(url))
    assert SECOND_ONLY in page and FIRST_ONLY in page and "7 still open" in page


def test_the_auditors_api_hides_the_other_grading_from_a_grader_who_audits(graded, reviewer2, auditor):
    """reviewer2 grades the second grading and is an auditor too: the events API, its export and
    the claim history API leave out the first grading until both are in (the export says it is
    filtered); an auditor who grades nothing reads every event."""
    review, first, second = graded["review"], graded["first"], graded["second"]
    first_events, second_events = grading_events(first), grading_events(second)

    def seen(user) -> dict:
        client = api(user)
        listed = client.get(f"/api/v1/audit/events/?review={review.pk}&page_size=1000").json()["results"]
        history = client.get(f"/api/v1/audit/claims/{review.claim_id}/history/").json()["events"]
        lines = [json.loads(line) for line in text(client.get("/api/v1/audit/export/?format=ndjson")).splitlines()]
        return {
            "list": {e["id"] for e in listed},
            "history": {e["id"] for e in history},
            "export": {row["id"] for row in lines if row.get("record") != "chain_head"},
            "filtered": lines[-1]["filtered"],
        }

    everything, mine = seen(auditor), seen(reviewer2)
    for where in ("list", "history", "export"):
        assert first_events | second_events <= everything[where], where
        assert second_events <= mine[where] and not first_events & mine[where], where
    assert (everything["filtered"], mine["filtered"]) == (False, True)
    grading_submit(grading=second, actor=reviewer2)
    after = seen(reviewer2)
    for where in ("list", "history", "export"):
        assert first_events | second_events <= after[where], where
    assert after["filtered"] is False
