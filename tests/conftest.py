import os

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from claims.models import Claim
from core import roles
from tests.claims.catalogue_files import write_small_catalogue
from tests.factories import ReferenceFactory, ReviewFactory, UserFactory
from tests.helpers import CORPUS_DIR


def pytest_collection_modifyitems(config, items):
    # PostgreSQL-only behaviour (locking, triggers under concurrency) and the cache the workers
    # share (Redis) run in .ci/run's second pass; on the first these tests are reported as
    # skipped, never silently dropped.
    _skip_unless(
        items,
        "postgres",
        settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        "REQUIRE_POSTGRES",
        "needs PostgreSQL (DATABASE_URL=postgres://...)",
    )
    _skip_unless(
        items,
        "redis",
        bool(os.environ.get("TEST_REDIS_URL")),
        "REQUIRE_REDIS",
        "needs Redis (TEST_REDIS_URL=redis://...)",
    )


def _skip_unless(items, marker, available, required_by, reason):
    if available:
        return
    if os.environ.get(required_by):
        raise pytest.UsageError(f"{required_by} is set, but: {reason}")
    for item in items:
        if marker in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real catalogue, loaded once from the articles, under every test."""
    if not CORPUS_DIR.is_dir():
        raise RuntimeError(f"the source articles are expected at {CORPUS_DIR} (../shared/corpus)")
    with django_db_blocker.unblock():
        call_command("load_catalogue", corpus=CORPUS_DIR, stdout=open(os.devnull, "w"))


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"


@pytest.fixture(autouse=True)
def audit_anchor_file(settings, tmp_path):
    """Each test anchors the audit chain in a file of its own, never in the environment's."""
    settings.AUDIT_ANCHOR_PATH = tmp_path / "audit-anchors.log"
    return settings.AUDIT_ANCHOR_PATH


# The people, claims and reviews the tests of reviews/ and the attacks of safety/ start from.


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rev1", role=roles.REVIEWER)


@pytest.fixture
def reviewer2(db):
    return UserFactory(username="rev2", role=roles.REVIEWER)


@pytest.fixture
def senior(db):
    return UserFactory(username="sen1", role=roles.SENIOR_REVIEWER)


@pytest.fixture
def senior2(db):
    return UserFactory(username="sen2", role=roles.SENIOR_REVIEWER)


@pytest.fixture
def auditor(db):
    return UserFactory(username="aud1", role=roles.AUDITOR)


@pytest.fixture
def content_reader(db):
    return UserFactory(username="cr1", role=roles.CONTENT_READER, is_staff=False)


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


@pytest.fixture
def graded_review(standard_claim, reviewer, reference):
    return ReviewFactory(graded=True, claim=standard_claim, grader=reviewer, reference=reference)


@pytest.fixture
def submitted_review(standard_claim, reviewer, reference):
    return ReviewFactory(submitted=True, claim=standard_claim, grader=reviewer, reference=reference)


@pytest.fixture
def approved_review(standard_claim, reviewer, reference, reviewer2):
    return ReviewFactory(
        approved=True, claim=standard_claim, grader=reviewer, reference=reference, second_reviewer=reviewer2
    )


@pytest.fixture
def graded_high_review(high_claim, reviewer, reference):
    """Graded with a contraindication of the claim, as a high-risk remedy's review must be."""
    return ReviewFactory(graded=True, claim=high_claim, grader=reviewer, reference=reference)


@pytest.fixture
def submitted_high_review(high_claim, reviewer, reference):
    return ReviewFactory(submitted=True, claim=high_claim, grader=reviewer, reference=reference)


@pytest.fixture
def approved_high_review(high_claim, reviewer, reference, senior):
    return ReviewFactory(approved=True, claim=high_claim, grader=reviewer, reference=reference, senior=senior)


@pytest.fixture
def small_catalogue(tmp_path):
    """A catalogue of one invented article, in a directory the test may break."""
    return write_small_catalogue(tmp_path)
