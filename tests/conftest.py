import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

CORPUS_DIR = Path(settings.CORPUS_DIR)


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
