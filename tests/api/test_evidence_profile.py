"""The printable evidence profile of a published claim (/api/v1/claims/<id>/evidence-profile/): its
current publication's Summary of Findings, recommendation, contraindications and references as an
HTML page, from the snapshot alone, for the content API's readers; 404 for a claim that is not
published (never published, or withdrawn); every text escaped."""

import re
from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from claims import edits as catalogue_edits
from claims.models import Claim
from reviews.models import Certainty, Domain, Importance, Outcome, Publication, Severity, StudyDesign
from reviews.publishing import services as publishing
from reviews.publishing import snapshots
from tests.factories import ReferenceFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

FREQUENCY = {
    "name": "Cramp frequency",
    "importance": Importance.CRITICAL,
    "design": StudyDesign.RANDOMISED,
    "studies": 13,
    "participants": 952,
    "relative_measure": "MD",
    "relative_effect": Decimal("-2.45"),
    "relative_ci_low": Decimal("-3.54"),
    "relative_ci_high": Decimal("-1.36"),
    "judgements": [
        {"domain": Domain.RISK_OF_BIAS, "severity": Severity.SERIOUS, "rationale": "Unclear allocation concealment."},
        {"domain": Domain.IMPRECISION, "severity": Severity.SERIOUS, "rationale": "Wide confidence interval."},
        {"domain": Domain.INCONSISTENCY, "severity": Severity.NONE, "rationale": "Consistent across trials."},
    ],
}
HARMS = {
    "name": "Serious adverse events",
    "direction": "harm",
    "importance": Importance.IMPORTANT,
    "design": StudyDesign.OBSERVATIONAL,
    "absolute_effect": Decimal("3"),
    "absolute_ci_low": Decimal("1"),
    "absolute_ci_high": Decimal("9.5"),
    "absolute_unit": "per 1,000",
    "override": {"certainty": Certainty.VERY_LOW, "reason": "Post-marketing reports only."},
}
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def url(claim_id: int) -> str:
    return f"/api/v1/claims/{claim_id}/evidence-profile/"


def text(response) -> str:
    """The page's text, tags removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())).strip()


@pytest.fixture
def sof_publication(publish, stretching_claim):
    return publish(
        stretching_claim, note="First publication.", recommendation="conditional_for", outcomes=[FREQUENCY, HARMS]
    )


def test_the_profile_shows_the_summary_of_findings_from_the_snapshot(api, sof_publication):
    response = api.get(url(sof_publication.claim_id))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = text(response)
    frequency = (
        "Cramp frequency Benefit 13 studies, 952 participants (randomised trials) "
        "MD −2.45 (95 % CI −3.54 to −1.36) ⊕⊕◯◯ Low 1 , 2 Critical"
    )
    harms = (
        "Serious adverse events Harm — (observational studies) 3 per 1,000 (95 % CI 1 to 9.5) ⊕◯◯◯ Very low 3 Important"
    )
    assert frequency in page and harms in page
    assert page.index(frequency) < page.index(harms)
    footnotes = re.findall(r'<li id="note-(\d)" value="\d">([^<]*)</li>', response.content.decode())
    assert footnotes == [  # what moved a certainty, downgrades in GRADE's order, then the override
        ("1", "Risk of bias: serious (−1). Unclear allocation concealment."),
        ("2", "Imprecision: serious (−1). Wide confidence interval."),
        (
            "3",
            "Certainty set to very low by the reviewer (worked out from the domains: low). "
            "Post-marketing reports only.",
        ),
    ]
    snapshot = sof_publication.snapshot
    assert "Recommendation Conditional for" in page
    assert "Overall certainty of the evidence: ⊕⊕◯◯ Low (the lowest among the critical outcomes)" in page
    assert f"Version 1, {snapshot['published_at'][8:10].lstrip('0')} " in page and "First publication." in page
    reference = snapshot["references"][0]
    assert f"{reference['title']} ({reference['year']})" in page
    assert "Consistent across trials." not in page  # a judgement that moved nothing is no footnote


def test_the_profile_reads_the_publication_not_the_live_review(api, sof_publication):
    """Whatever the rows say now (changed past the services), the page says what was published."""
    Outcome.objects.filter(review=sof_publication.review, name="Cramp frequency").update(name="Something else")
    page = text(api.get(url(sof_publication.claim_id)))
    assert "Cramp frequency" in page and "Something else" not in page


def test_the_profile_is_printable_with_local_static_only(api, sof_publication):
    response = api.get(url(sof_publication.claim_id))
    html = response.content.decode()
    assert re.findall(r'<link rel="stylesheet" href="([^"]+)">', html) == ["/static/reviews/evidence_profile.css"]
    assert "@media print" in open(finders.find("reviews/evidence_profile.css")).read()
    assert "<script" not in html and not re.search(r"<style\b|\sstyle=", html)
    assert "'self'" in response["Content-Security-Policy"] and "http" not in re.sub(r"https?://testserver", "", html)


def test_an_unpublished_claim_has_no_profile(api, publish, sof_publication, people):
    draft = ReviewFactory(
        graded=True, claim=Claim.objects.filter(remedy__name="vitamin B6").first(), grader=people["reviewer"]
    )
    for claim_id in (draft.claim_id, 987654321):
        response = api.get(url(claim_id))
        assert response.status_code == 404
        assert response.json()["error"]["message"].startswith("No published claim with this id")


def test_a_withdrawn_claim_has_no_profile(api, sof_publication, people):
    publishing.review_withdraw(review=sof_publication.review, actor=people["senior"], reason="New safety signal.")
    response = api.get(url(sof_publication.claim_id))
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_a_version_published_before_outcomes_says_so(api, people, monkeypatch):
    from reviews.publishing import services as publishing_services
    from reviews.services import transitions

    real = snapshots.approval_snapshot

    def pre_outcome_snapshot(**kwargs):
        snapshot = real(**kwargs)
        del snapshot["outcomes"]
        return snapshot

    for module in (transitions, publishing_services):
        monkeypatch.setattr(module, "approval_snapshot", pre_outcome_snapshot)
    claim = Claim.objects.filter(remedy__name="vitamin B6").order_by("pk").first()
    review = ReviewFactory(approved=True, claim=claim, grader=people["reviewer"], second_reviewer=people["reviewer2"])
    publication = publishing.review_publish(review=review, actor=people["senior"])
    monkeypatch.undo()
    assert "outcomes" not in Publication.objects.get(pk=publication.pk).snapshot
    page = text(api.get(url(claim.pk)))
    assert "published before certainty was rated per outcome: it has no Summary of Findings" in page
    assert "Overall certainty of the evidence: ⊕⊕◯◯ Low" in page


def test_every_text_is_escaped(api, publish, people):
    """The claim's statement, outcome names, effects, rationales, override reasons and references
    are untrusted text: none of it becomes markup."""
    claim = Claim.objects.filter(remedy__name="vitamin B6").order_by("pk").first()
    catalogue_edits.claim_update(claim=claim, actor=people["senior"], statement=f"Cures cramps {HOSTILE}")
    hostile_reference = ReferenceFactory(title=f"Trial {HOSTILE}")
    outcome = {
        **FREQUENCY,
        "name": f"Cramps {HOSTILE}",
        "effect_text": f"Fewer {HOSTILE}",
        "judgements": [{"domain": Domain.RISK_OF_BIAS, "severity": Severity.SERIOUS, "rationale": f"Bias {HOSTILE}"}],
        "override": {"certainty": Certainty.LOW, "reason": f"Because {HOSTILE}"},
        "references": [(hostile_reference, f"Note {HOSTILE}")],
    }
    publication = publish(claim, note=f"Note {HOSTILE}", recommendation="conditional_for", outcomes=[outcome])
    html = api.get(url(publication.claim_id)).content.decode()
    assert "<script" not in html and "<img" not in html
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
    # the statement (title and heading), the change note, the outcome's name (its row, its
    # references' heading), effect, footnotes (rationale, override), reference title and note
    assert html.count(escaped) == 10


@pytest.mark.parametrize("accept", ["text/html", "*/*", "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_browsers_get_the_page(api, sof_publication, accept):
    response = api.get(url(sof_publication.claim_id), HTTP_ACCEPT=accept)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_readers_are_the_content_apis(sof_publication, people):
    anonymous = Client().get(url(sof_publication.claim_id))
    assert anonymous.status_code == 401 and anonymous.json()["error"]["status"] == 401
    no_role = Client()
    no_role.force_login(UserFactory(username="no_role", is_staff=True))
    assert no_role.get(url(sof_publication.claim_id)).status_code == 403
    reviewer = Client()  # the admin's link: a session of anyone with a role
    reviewer.force_login(people["reviewer"])
    assert reviewer.get(url(sof_publication.claim_id)).status_code == 200


def test_json_only_clients_are_told_406(api, sof_publication):
    response = api.get(url(sof_publication.claim_id), HTTP_ACCEPT="application/json")
    assert response.status_code == 406 and response.json()["error"]["status"] == 406


def test_conditional_get_and_two_queries(api, sof_publication, django_assert_num_queries):
    with django_assert_num_queries(2):  # the token, the claim's current version
        first = api.get(url(sof_publication.claim_id))
    assert first["ETag"] and "no-cache" in first["Cache-Control"]
    again = api.get(url(sof_publication.claim_id), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert api.get(f"/api/v1/claims/{sof_publication.claim_id}/")["ETag"] != first["ETag"]


def test_the_api_links_the_profile(api, sof_publication):
    body = api.get(f"/api/v1/claims/{sof_publication.claim_id}/").json()
    assert api.get(body["evidence_profile_url"]).status_code == 200
