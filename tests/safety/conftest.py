"""The database as production's application role sees it (PostgreSQL only).

Attack tests connect as a role set up by `manage.py grant_app_role`, exactly as the web service
does in production, and check what the database refuses it.
"""

import os
import secrets

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from tests.helpers import connect_as

# The people, claims and reviews the attacks start from are tests/conftest.py's.


@pytest.fixture(scope="session")
def app_role(django_db_setup, django_db_blocker) -> dict:
    """A login role set up like production's application role, on the test database.

    Created for this run (named after the test database, with a random password), given its
    privileges by `grant_app_role` as the test run's own (superuser) connection, and dropped at the
    end. Yields {"user", "password", "settings"}: the Django connection settings to reach the test
    database as that role. Needs a connection allowed to CREATE ROLE (.ci/run uses `postgres`).
    """
    if connection.vendor != "postgresql":
        pytest.skip("database roles are PostgreSQL's (DATABASE_URL=postgres://...)")
    settings_dict = dict(connection.settings_dict)
    role = f"{settings_dict['NAME']}_app"[:63]
    password = secrets.token_urlsafe(16)
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
            verb = "ALTER" if cursor.fetchone() else "CREATE"
            # Utility statements take no parameters; the password is URL-safe base64.
            cursor.execute(f"{verb} ROLE \"{role}\" LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB PASSWORD '{password}'")
        call_command("grant_app_role", role, stdout=open(os.devnull, "w"))
    yield {"user": role, "password": password, "settings": settings_dict}
    with django_db_blocker.unblock():
        connection.close()  # a connection left in a failed transaction by a test
        with connection.cursor() as cursor:
            # Its privileges in this database go with it; the database itself is dropped next.
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')


@pytest.fixture(scope="session")
def app_role_connection(app_role) -> psycopg.Connection:
    """A raw psycopg connection (autocommit) to the test database as the application role.

    Use it to attack the database the way someone holding the web service's credentials could:
    `app_role_connection.execute("TRUNCATE reviews_auditevent")` must raise
    psycopg.errors.InsufficientPrivilege. For statements that must not leave anything behind, wrap
    them in `with app_role_connection.transaction(force_rollback=True): ...`.

    This is a second connection: it does not see what a test writes through Django in the test's
    transaction (the default `db` fixture), only committed rows. A test that needs Django-made data
    here must use `transactional_db` / `@pytest.mark.django_db(transaction=True)` (its rows are
    committed, and flushed afterwards), or insert the rows through this connection inside a
    transaction it rolls back. The role is dropped at the end of the run.
    """
    conn = connect_as(app_role["settings"], user=app_role["user"], password=app_role["password"])
    yield conn
    conn.close()


@pytest.fixture
def as_app_role(app_role, transactional_db):
    """Run this test's Django code (services, admin, API) as the application role.

    The default connection reconnects as that role for the test and back as the test run's user
    afterwards (before the flush that ends a transactional test, which only the owner may do).
    Everything the test writes is committed: see `transactional_db`.
    """
    connection.close()
    saved = connection.settings_dict["USER"], connection.settings_dict["PASSWORD"]
    connection.settings_dict.update(USER=app_role["user"], PASSWORD=app_role["password"])
    try:
        yield app_role["user"]
    finally:
        connection.close()
        connection.settings_dict["USER"], connection.settings_dict["PASSWORD"] = saved


@pytest.fixture
def content_api(db):
    """A content team's client: what it gets from /api/v1/claims/ is what is published."""
    from rest_framework.test import APIClient

    from core.tokens import token_issue
    from tests.factories import UserFactory

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=UserFactory(role='content_reader'))}")
    return client
