import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

CORPUS_DIR = Path(settings.CORPUS_DIR)


def pytest_collection_modifyitems(config, items):
    # PostgreSQL-only behaviour (locking, triggers under concurrency) runs in .ci/run's second
    # pass; on the SQLite pass these tests are reported as skipped, never silently dropped.
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    if os.environ.get("REQUIRE_POSTGRES"):
        raise pytest.UsageError("REQUIRE_POSTGRES is set but DATABASE_URL is not PostgreSQL")
    skip = pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL=postgres://...)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


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
