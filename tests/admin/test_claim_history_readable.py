"""A claim's history page reads as words: usernames, labels, each changed field by its label; and
every version of a review is accounted for — by the event that made it, or, where the reader may
not see that event (another grader's blinded grading), by a row that says how many versions it
does not show. The auditors' API keeps its codes."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from claims.models import Claim
from reviews import services
from reviews.history import readable_history
from reviews.models import Review
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return {u.username: u for u in get_user_model().objects.all()}


def page(user, claim) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index('<table id="audit-history">') : html.index("</table>", html.index('id="audit-history"'))]
    return re.sub(r'data-event-type="[^"]*"|href="[^"]*"', "", table)


def shown_versions(user, claim, review) -> list[int]:
    """The versions of the review the page accounts for, in order: an event's, or a gap's range."""
    seen = []
    for row in readable_history(user, claim):
        if row.gap is not None and row.gap.review_id == review.pk:
            seen += list(range(row.gap.first, row.gap.last + 1))
        elif row.event is not None and row.event.review_id == review.pk and row.version is not None:
            seen.append(row.version)
    return seen


def test_the_history_names_people_and_values_not_ids_and_codes(demo):
    quinine = Review.objects.get(claim__remedy__name="quinine").claim
    table = page(demo["admin"], quinine)
    for words in ("reviewer2", "senior", "Decided by", "Grader", "Strong against", "Published", "Randomised trials",
                  "Review started", "Approved", "Outcome “Cramp intensity” added", "In review (awaiting"):  # fmt: skip
        assert words in table, words
    for code in ("graded_by", "decided_by", "strong_against", "in_review", "very_low", "randomised<",
                 "review.started", "outcome.added", "last_edited_by"):  # fmt: skip
        assert code not in table, code
    assert not re.search(r"→\s*<ins>\d+</ins>", table)  # no bare user id after an arrow
    assert "Very low" in page(demo["admin"], Review.objects.get(claim__remedy__name="needle pricking").claim)


def test_every_version_of_every_demo_review_is_made_by_an_event_shown(demo):
    for review in Review.objects.select_related("claim"):
        rows = readable_history(demo["auditor"], review.claim)
        assert not [row for row in rows if row.gap], review
        assert shown_versions(demo["auditor"], review.claim, review) == list(range(1, review.version + 1)), review


def test_outcome_judgement_and_reference_edits_each_show_the_version_they_made(standard_claim, reviewer, reference):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    item = services.outcome_add(review=review, actor=reviewer, name="Cramp frequency", importance="critical",
                                design="randomised")  # fmt: skip
    services.judgement_save(outcome=item, actor=reviewer, domain="imprecision", severity="serious", rationale="Few.")
    services.reference_attach(review=review, actor=reviewer, reference=reference)
    services.review_save_grading(review=review, actor=reviewer, expected_version=None, recommendation="conditional_for")
    review.refresh_from_db()
    rows = [row for row in readable_history(reviewer, standard_claim) if row.event and row.event.review_id == review.pk]
    assert [row.version for row in rows] == [1, 2, 3, 4, 5] == list(range(1, review.version + 1))
    assert [row.what for row in rows] == [
        "Review started",
        "Outcome “Cramp frequency” added",
        "Judgement of “Imprecision” for “Cramp frequency” saved",
        f"Reference “{reference}” cited",
        "Grading of the review changed",
    ]
    judgement = dict((label, (old, new)) for label, old, new in rows[2].changes)
    assert judgement["Severity"] == ("", "Serious (−1)")
    assert rows[2].changes and ("Recommendation", "", "Conditional for") in rows[4].changes


def test_a_grader_sees_how_many_versions_the_other_blinded_grading_made(high_claim, reviewer, reviewer2, auditor):
    review = services.review_start(claim=high_claim, actor=reviewer)
    assert review.dual_grading
    grade_independently(review, reviewer, **FIRST)
    grade_independently(review, reviewer2, **SECOND)
    review.refresh_from_db()
    everything = list(range(1, review.version + 1))
    for user in (reviewer, reviewer2, auditor):
        assert shown_versions(user, high_claim, review) == everything, user
    gaps = [row.gap for row in readable_history(reviewer, high_claim) if row.gap]
    assert gaps and all(gap.blinded for gap in gaps)
    assert not [row for row in readable_history(auditor, high_claim) if row.gap]
    table = page(reviewer, high_claim)
    assert "made by another reviewer's independent grading, not shown until both gradings are submitted" in table
    assert "Heart failure" not in table and "rev2" not in table  # the second grading stays blinded


def test_the_auditors_api_still_gives_the_codes(demo):
    from rest_framework.test import APIClient

    from core.tokens import token_issue

    claim = Claim.objects.get(pk=Review.objects.get(claim__remedy__name="quinine").claim_id)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=demo['auditor'])}")
    body = api.get(f"/api/v1/audit/claims/{claim.pk}/history/").json()
    assert set(body) == {"claim_id", "statement", "remedy", "events", "publications"}
    started = body["events"][0]
    assert started["event_type"] == "review.started" and started["after"]["assignee"] == demo["reviewer"].pk


def test_a_remedy_wide_contraindication_names_its_remedy_and_its_values(standard_claim, reviewer):
    from reviews.models import Contraindication

    review = services.review_start(claim=standard_claim, actor=reviewer)
    services.contraindication_save(
        actor=reviewer,
        contraindication=Contraindication(
            remedy=standard_claim.remedy, kind="condition", condition="Deep vein thrombosis", severity="absolute",
            rationale="Stretching a leg with a clot.", source_kind="label",
        ),
    )  # fmt: skip
    [row] = [
        r for r in readable_history(reviewer, standard_claim) if r.event and r.event.event_type.startswith("contra")
    ]
    assert row.what == "Contraindication “Deep vein thrombosis” added"
    changes = {label: new for label, _, new in row.changes}
    assert changes["Remedy"] == standard_claim.remedy.name
    assert changes["Severity"] == Contraindication(severity="absolute").get_severity_display()
    # Remedy-wide, it is no review's edit: it makes no version (the open review's reader becomes a contributor).
    review.refresh_from_db()
    assert row.version is None and row.event.review_id is None and review.version == 1
    assert not [r for r in readable_history(reviewer, standard_claim) if r.gap]


def test_numbers_read_as_written_and_positions_count_from_one():
    from reviews.history.words import Lookups, words
    from reviews.models import Outcome

    field = Outcome._meta.get_field("relative_effect")
    lookups = Lookups.for_events([])
    assert words("-2.4500", key="absolute_effect", field=field, lookups=lookups) == "-2.45"
    assert words("33.0000", key="absolute_effect", field=field, lookups=lookups) == "33"
    assert words(0, key="position", field=None, lookups=lookups) == "1"
