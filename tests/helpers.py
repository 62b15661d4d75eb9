"""Helpers shared by the test modules. Fixtures stay in the conftest modules (and may use these);
test modules import from here, never from a conftest."""

from pathlib import Path

import psycopg
from django.conf import settings

from audit.models import AuditEvent
from reviews import services
from reviews.factories import add_outcome, outcome_with
from reviews.models import Certainty, Contraindication, ContraindicationLevel, EvidenceSource, Recommendation

# The source articles the real catalogue is loaded from (../shared/corpus).
CORPUS_DIR = Path(settings.CORPUS_DIR)


# Reviews, through the services.


# The grading a test review gets unless it says otherwise: its certainty is worked out from one
# critical outcome (reviews.factories.outcome_with: observational evidence, low).
CERTAINTY = Certainty.LOW
GRADING = {"recommendation": Recommendation.CONDITIONAL_AGAINST, "summary": "Small trials."}
# A contraindication of a claim: what a high-risk remedy needs to be approved.
PREGNANCY = {
    "condition": "Pregnancy",
    "severity": ContraindicationLevel.ABSOLUTE,
    "rationale": "Label contraindication.",
    "source_kind": EvidenceSource.LABEL,
}


# The events of a high-risk review graded by the factory: two independent gradings, alike (one
# outcome, the recommendation and summary), submitted; no disagreement, so their grading becomes the
# review's at once; then the summary, the reference and the claim's contraindication.
INDEPENDENT_GRADING = ["grading.started", "outcome.added", "grading.changed", "grading.submitted"]
HIGH_GRADED = [
    "review.started",
    *INDEPENDENT_GRADING,
    *INDEPENDENT_GRADING,
    "grading.disagreements_listed",
    "outcome.added",
    "grading.resolved",
    "review.graded",
    "reference.attached",
    "contraindication.added",
]


def grade(review, actor, reference, certainty=CERTAINTY, **overrides):
    """Grade a draft (GRADING unless overridden, and, unless it has outcomes already, one critical
    outcome of that certainty) and attach the reference, if one is given."""
    review = services.review_save_grading(
        review=review, actor=actor, expected_version=review.version, **{**GRADING, **overrides}
    )
    if certainty and not review.outcomes.filter(grading__isnull=True).exists():
        add_outcome(review=review, actor=actor, **outcome_with(certainty))
    if reference is not None:
        services.reference_attach(review=review, actor=actor, reference=reference)
    review.refresh_from_db()
    return review


def add_contraindication(review, actor):
    """A contraindication of the review's claim: what a high-risk remedy needs to be approved."""
    return services.contraindication_save(
        actor=actor, contraindication=Contraindication(claim=review.claim, review=review, **PREGNANCY)
    )


def take_to_approved(claim, people, **grading):
    """A review of the claim graded by people["reviewer"] and approved by people["reviewer2"] (by
    people["senior"] for a high-risk remedy), as tests/api/conftest.py's `people` names them."""
    from tests.factories import ReviewFactory  # the factory grades with the helpers above

    return ReviewFactory(
        approved=True,
        claim=claim,
        grader=people["reviewer"],
        second_reviewer=people["reviewer2"],
        senior=people["senior"],
        **grading,
    )


def audit_types(review) -> list[str]:
    """The review's audit events, oldest first."""
    return list(AuditEvent.objects.filter(review_id=review.pk).order_by("seq").values_list("event_type", flat=True))


# The content API.


def ids(response):
    """The ids of a content API page's results, in order."""
    return [row["id"] for row in response.json()["results"]]


def published_claim_ids(content_api) -> set[int]:
    """The ids of every claim the content API shows."""
    return {row["id"] for row in content_api.get("/api/v1/claims/?page_size=200").json()["results"]}


# PostgreSQL.


def connect_as(settings_dict: dict, *, user: str, password: str, dbname: str | None = None) -> psycopg.Connection:
    """A raw psycopg connection (autocommit) to the database of a Django connection's settings, as
    another role."""
    params = {"dbname": dbname or settings_dict["NAME"], "user": user, "password": password}
    params.update({key.lower(): settings_dict[key] for key in ("HOST", "PORT") if settings_dict.get(key)})
    return psycopg.connect(**params, autocommit=True)
