"""The content API carries each published claim's outcomes (its Summary of Findings) from the
publication's snapshot, in list and detail, as the OpenAPI schema documents them; versions published
before outcomes (no `outcomes` in their snapshot) are still served as they were published, and the
schema allows both. The queries per request stay what they were."""

from decimal import Decimal

import pytest
import schemathesis
from django.db import close_old_connections
from schemathesis.specs.openapi.checks import response_schema_conformance

from claims.models import Claim
from config.wsgi import application
from core.tokens import token_issue
from reviews.models import Certainty, Domain, Importance, OutcomeDirection, Severity, StudyDesign
from reviews.publishing import snapshots
from reviews.publishing.snapshots import ApprovalSnapshotSerializer, PublicationFieldsSerializer
from tests.factories import ReferenceFactory

pytestmark = pytest.mark.django_db

FREQUENCY = {
    "name": "Cramp frequency (cramps over two weeks)",
    "direction": OutcomeDirection.BENEFIT,
    "importance": Importance.CRITICAL,
    "design": StudyDesign.RANDOMISED,
    "studies": 13,
    "participants": 952,
    "relative_measure": "MD",
    "relative_effect": Decimal("-2.45"),
    "relative_ci_low": Decimal("-3.54"),
    "relative_ci_high": Decimal("-1.36"),
    "effect_text": "About two and a half fewer cramps in two weeks.",
    "judgements": [
        {"domain": Domain.IMPRECISION, "severity": Severity.SERIOUS, "rationale": "Wide confidence interval."},
        {"domain": Domain.RISK_OF_BIAS, "severity": Severity.SERIOUS, "rationale": "Unclear allocation concealment."},
        {"domain": Domain.INCONSISTENCY, "severity": Severity.NONE, "rationale": "Consistent across trials."},
    ],
}
HARMS = {
    "name": "Serious adverse events",
    "direction": OutcomeDirection.HARM,
    "importance": Importance.IMPORTANT,
    "design": StudyDesign.OBSERVATIONAL,
    "studies": 4,
    "participants": 300,
    "absolute_effect": Decimal("3"),
    "absolute_ci_low": Decimal("1"),
    "absolute_ci_high": Decimal("9.5"),
    "absolute_unit": "per 1,000",
    "override": {"certainty": Certainty.VERY_LOW, "reason": "Post-marketing reports only."},
}

EXPECTED_OUTCOMES = [
    {
        "name": "Cramp frequency (cramps over two weeks)",
        "direction": "benefit",
        "importance": "critical",
        "design": "randomised",
        "studies": 13,
        "participants": 952,
        "effect": {
            "relative": {"measure": "MD", "value": -2.45, "ci_low": -3.54, "ci_high": -1.36},
            "absolute": {"value": None, "ci_low": None, "ci_high": None, "unit": None},
            "text": "About two and a half fewer cramps in two weeks.",
        },
        "certainty": {"value": "low", "label": "Low", "symbols": "⊕⊕◯◯", "worked_out": "low"},
        "overridden": False,
        "override_reason": None,
        "judgements": [  # GRADE's order, not the order they were saved in
            {"domain": "risk_of_bias", "severity": "serious", "rationale": "Unclear allocation concealment."},
            {"domain": "inconsistency", "severity": "none", "rationale": "Consistent across trials."},
            {"domain": "imprecision", "severity": "serious", "rationale": "Wide confidence interval."},
        ],
        "references": [
            {
                "title": "Quinine for muscle cramps",
                "kind": "systematic_review",
                "year": 2015,
                "pmid": "26358940",
                "doi": "10.1002/14651858.CD005044.pub3",
                "url": None,
                "note": "Cochrane review, 13 trials.",
            }
        ],
    },
    {
        "name": "Serious adverse events",
        "direction": "harm",
        "importance": "important",
        "design": "observational",
        "studies": 4,
        "participants": 300,
        "effect": {
            "relative": {"measure": None, "value": None, "ci_low": None, "ci_high": None},
            "absolute": {"value": 3, "ci_low": 1, "ci_high": 9.5, "unit": "per 1,000"},
            "text": None,
        },
        "certainty": {"value": "very_low", "label": "Very low", "symbols": "⊕◯◯◯", "worked_out": "low"},
        "overridden": True,
        "override_reason": "Post-marketing reports only.",
        "judgements": [],
        "references": [],
    },
]


@pytest.fixture
def cochrane(db):
    return ReferenceFactory(
        title="Quinine for muscle cramps",
        kind="systematic_review",
        year=2015,
        pmid="26358940",
        doi="10.1002/14651858.CD005044.pub3",
        url="",
    )


@pytest.fixture
def sof_publication(publish, stretching_claim, cochrane):
    """The stretching claim (a low-risk remedy) published with two outcomes."""
    frequency = {**FREQUENCY, "references": [(cochrane, "Cochrane review, 13 trials.")]}
    return publish(stretching_claim, recommendation="conditional_for", outcomes=[frequency, HARMS])


def pre_outcome_snapshot(**kwargs) -> dict:
    """The approval snapshot as the release before outcomes wrote it: no `outcomes`."""
    snapshot = real_approval_snapshot(**kwargs)
    del snapshot["outcomes"]
    return snapshot


real_approval_snapshot = snapshots.approval_snapshot


@pytest.fixture
def b6_claim(db):
    """A claim of a low-risk remedy other than stretching."""
    return Claim.objects.filter(remedy__name="vitamin B6").order_by("pk").first()


@pytest.fixture
def old_publication(publish, b6_claim, monkeypatch):
    """A claim approved and published by the release before outcomes: its snapshot has no
    `outcomes` (the approval and the publisher's check both wrote and read that shape)."""
    from reviews.publishing import services as publishing_services
    from reviews.services import transitions

    for module in (transitions, publishing_services):
        monkeypatch.setattr(module, "approval_snapshot", pre_outcome_snapshot)
    publication = publish(b6_claim, recommendation="conditional_for")
    monkeypatch.undo()
    return publication


def row(response, claim_id: int) -> dict:
    return next(item for item in response.json()["results"] if item["id"] == claim_id)


def test_the_detail_carries_the_outcomes_in_order_with_numbers_as_numbers(api, sof_publication):
    body = api.get(f"/api/v1/claims/{sof_publication.claim_id}/").json()
    assert body["outcomes"] == EXPECTED_OUTCOMES
    assert body["evidence"]["certainty"] == "low"  # the lowest among the critical outcomes
    # every outcome's judgements, outcome by outcome, as before outcomes
    assert [d["rationale"] for d in body["evidence"]["domains"]] == [
        "Unclear allocation concealment.",
        "Consistent across trials.",
        "Wide confidence interval.",
    ]


def test_the_list_carries_the_outcomes_spliced_from_the_stored_snapshot(api, sof_publication):
    item = row(api.get("/api/v1/claims/?page_size=200"), sof_publication.claim_id)
    assert item["outcomes"] == EXPECTED_OUTCOMES
    assert item == api.get(f"/api/v1/claims/{sof_publication.claim_id}/").json()


def jsonb_order(keys) -> list[str]:
    """The order PostgreSQL's jsonb keeps an object's keys in: shorter keys first, then bytewise."""
    return sorted(keys, key=lambda key: (len(key.encode()), key.encode()))


def test_keys_come_in_a_stable_order_the_head_first(api, sof_publication, is_postgres):
    """The API's own fields in their declared order, then the stored snapshot's: in the declared
    order as written, which PostgreSQL's jsonb column keeps in its own order."""
    body = api.get(f"/api/v1/claims/{sof_publication.claim_id}/").json()
    head = ["id", "url", "evidence_profile_url", "current_version"]
    snapshot_keys = [*ApprovalSnapshotSerializer().fields, *PublicationFieldsSerializer().fields]
    assert snapshot_keys.index("outcomes") == snapshot_keys.index("evidence") + 1
    outcome_keys = list(EXPECTED_OUTCOMES[0])
    if is_postgres:
        snapshot_keys, outcome_keys = jsonb_order(snapshot_keys), jsonb_order(outcome_keys)
    assert list(body) == head + snapshot_keys
    assert list(body["outcomes"][0]) == outcome_keys
    item = row(api.get("/api/v1/claims/?page_size=200"), sof_publication.claim_id)
    assert list(item) == list(body) and list(item["outcomes"][1]) == list(body["outcomes"][1])
    assert body["evidence_profile_url"] == (
        f"http://testserver/api/v1/claims/{sof_publication.claim_id}/evidence-profile/"
    )


def test_a_version_published_before_outcomes_is_served_as_it_was(api, old_publication, sof_publication):
    old = api.get(f"/api/v1/claims/{old_publication.claim_id}/").json()
    assert "outcomes" not in old and old["evidence"]["certainty"] == "low"
    assert old["evidence_profile_url"].endswith(f"/claims/{old_publication.claim_id}/evidence-profile/")
    page = api.get("/api/v1/claims/?page_size=200")
    assert "outcomes" not in row(page, old_publication.claim_id)
    assert row(page, sof_publication.claim_id)["outcomes"] == EXPECTED_OUTCOMES


def test_the_schema_documents_the_outcomes_with_typed_enums(client):
    schema = client.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    claim = components["PublishedClaim"]
    assert claim["properties"]["outcomes"]["items"] == {"$ref": "#/components/schemas/Outcome"}
    assert "outcomes" not in claim["required"]  # versions published before outcomes lack it
    assert "before certainty was rated per outcome" in claim["properties"]["outcomes"]["description"]
    assert "evidence_profile_url" in claim["required"]
    outcome = components["Outcome"]["properties"]
    enum = {name: components[name]["enum"] for name in components if "enum" in components[name]}
    assert enum[outcome["direction"]["$ref"].rsplit("/", 1)[1]] == ["benefit", "harm"]
    assert enum[outcome["importance"]["$ref"].rsplit("/", 1)[1]] == ["critical", "important", "not_important"]
    design, _null = (ref["$ref"].rsplit("/", 1)[1] for ref in outcome["design"]["oneOf"])
    assert enum[design] == ["randomised", "observational"]
    certainty = components["OutcomeCertainty"]["properties"]
    assert certainty["value"]["oneOf"][0] == {"$ref": "#/components/schemas/CertaintyEnum"}
    assert enum["CertaintyEnum"] == ["high", "moderate", "low", "very_low"]
    assert components["RelativeEffect"]["properties"]["value"]["type"] == "number"
    assert components["Domain"]["properties"]["severity"] == {"$ref": "#/components/schemas/DomainSeverityEnum"}


@pytest.fixture
def wsgi_schema(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    from django.core import signals

    # Django closes "old" connections around each WSGI request: that would close the test transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_both_shapes_conform_to_the_schema(wsgi_schema, people, old_publication, sof_publication):
    headers = {"Authorization": f"Token {token_issue(user=people['content'])}"}
    detail = wsgi_schema["/api/v1/claims/{claim_id}/"]["GET"]
    for publication in (old_publication, sof_publication):
        case = detail.Case(path_parameters={"claim_id": publication.claim_id}, headers=headers)
        response = case.call()
        assert response.status_code == 200
        case.validate_response(response, checks=[response_schema_conformance])
    listing = wsgi_schema["/api/v1/claims/"]["GET"].Case(query={"page_size": 50}, headers=headers)
    response = listing.call()
    assert len(response.json()["results"]) == 2
    listing.validate_response(response, checks=[response_schema_conformance])


def test_outcomes_cost_no_query_on_a_list_or_a_detail(api, sof_publication, old_publication, django_assert_num_queries):
    with django_assert_num_queries(3):  # token (with user and role), list validators, the page
        assert api.get("/api/v1/claims/").status_code == 200
    with django_assert_num_queries(2):  # token, the claim's current version (validators and body)
        assert api.get(f"/api/v1/claims/{sof_publication.claim_id}/").status_code == 200
