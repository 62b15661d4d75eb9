"""The people of tests/conftest.py with an email address each, plus the rest of the staff: who
may decide is worked out over every active user."""

import pytest

from core import roles
from tests.factories import UserFactory


def person(username, role=None, **fields):
    return UserFactory(username=username, role=role, email=f"{username}@example.org", **fields)


@pytest.fixture
def reviewer(db):
    return person("rev1", roles.REVIEWER)


@pytest.fixture
def reviewer2(db):
    return person("rev2", roles.REVIEWER)


@pytest.fixture
def senior(db):
    return person("sen1", roles.SENIOR_REVIEWER)


@pytest.fixture
def senior2(db):
    return person("sen2", roles.SENIOR_REVIEWER)


@pytest.fixture
def staff(reviewer, reviewer2, senior, senior2):
    """Everyone else who might be addressed, and is not: an auditor, a content reader, a
    superuser without a role, a reviewer whose account is inactive."""
    return [
        person("aud1", roles.AUDITOR),
        person("cr1", roles.CONTENT_READER, is_staff=False),
        person("root1", is_superuser=True),
        person("gone1", roles.REVIEWER, is_active=False),
    ]
