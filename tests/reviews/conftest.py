import pytest

from claims.models import Claim
from reviews import services
from reviews.models import AuditEvent, Contraindication
from tests.factories import ReferenceFactory, UserFactory


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rev1", role="reviewer")


@pytest.fixture
def reviewer2(db):
    return UserFactory(username="rev2", role="reviewer")


@pytest.fixture
def senior(db):
    return UserFactory(username="sen1", role="senior_reviewer")


@pytest.fixture
def senior2(db):
    return UserFactory(username="sen2", role="senior_reviewer")


@pytest.fixture
def auditor(db):
    return UserFactory(username="aud1", role="auditor")


@pytest.fixture
def content_reader(db):
    return UserFactory(username="cr1", role="content_reader", is_staff=False)


@pytest.fixture
def superuser(db):
    return UserFactory(username="root1", is_superuser=True)


@pytest.fixture
def standard_claim(db):
    """A claim of a low-risk remedy from the catalogue (stretching)."""
    return Claim.objects.filter(remedy__name="stretching").order_by("pk").first()


@pytest.fixture
def high_claim(db):
    """A claim of a high-risk remedy from the catalogue (quinine)."""
    return Claim.objects.filter(remedy__name="quinine").order_by("pk").first()


@pytest.fixture
def reference(db):
    return ReferenceFactory()


def grade(review, actor, reference, **overrides):
    values = {"certainty": "low", "recommendation": "conditional_against", "summary": "Small trials."}
    review = services.review_save_grading(
        review=review, actor=actor, expected_version=review.version, **{**values, **overrides}
    )
    if reference is not None:
        services.reference_attach(review=review, actor=actor, reference=reference)
    review.refresh_from_db()
    return review


def add_contraindication(review, actor):
    return services.contraindication_save(
        actor=actor,
        contraindication=Contraindication(
            claim=review.claim,
            review=review,
            condition="Pregnancy",
            severity="absolute",
            rationale="Label contraindication.",
            source_kind="label",
        ),
    )


@pytest.fixture
def graded_review(standard_claim, reviewer, reference):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    return grade(review, reviewer, reference)


@pytest.fixture
def submitted_review(graded_review, reviewer):
    return services.review_submit(review=graded_review, actor=reviewer)


@pytest.fixture
def graded_high_review(high_claim, reviewer, reference):
    review = services.review_start(claim=high_claim, actor=reviewer)
    review = grade(review, reviewer, reference)
    add_contraindication(review, reviewer)
    review.refresh_from_db()
    return review


@pytest.fixture
def submitted_high_review(graded_high_review, reviewer):
    return services.review_submit(review=graded_high_review, actor=reviewer)


@pytest.fixture
def approved_review(submitted_review, reviewer2):
    return services.review_approve(review=submitted_review, actor=reviewer2)


@pytest.fixture
def approved_high_review(submitted_high_review, senior):
    return services.review_approve(review=submitted_high_review, actor=senior)


def audit_types(review) -> list[str]:
    return list(AuditEvent.objects.filter(review_id=review.pk).order_by("seq").values_list("event_type", flat=True))
