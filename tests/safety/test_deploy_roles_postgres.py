"""The deployment sequence of docker-compose.yml's migrate service, on a fresh database: migrations
and grants as the owner (MIGRATE_DATABASE_URL), then the catalogue as the application role."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings

from tests.helpers import connect_as

pytestmark = pytest.mark.postgres

ROOT = Path(settings.BASE_DIR)


def url(settings_dict: dict, *, user: str, password: str, dbname: str) -> str:
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{quote(user, safe='')}:{quote(password or '', safe='')}@{host}:{port}/{dbname}"


@pytest.fixture
def fresh_database(app_role):
    owner = app_role["settings"]
    name = f"{owner['NAME']}_deploy"[:63]
    with connect_as(owner, user=owner["USER"], password=owner["PASSWORD"], dbname="postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connect_as(owner, user=owner["USER"], password=owner["PASSWORD"], dbname="postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_migrate_as_owner_then_the_service_as_the_app_role(app_role, fresh_database, tmp_path):
    owner = app_role["settings"]
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "CACHE_URL", "SECRET_KEY"}}
    env.update(
        DEBUG="true",
        CORPUS_DIR=str(settings.CORPUS_DIR),
        AUDIT_ANCHOR_PATH=str(tmp_path / "anchors.log"),
        DATABASE_URL=url(owner, user=app_role["user"], password=app_role["password"], dbname=fresh_database),
        MIGRATE_DATABASE_URL=url(owner, user=owner["USER"], password=owner["PASSWORD"], dbname=fresh_database),
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    manage("migrate", "--no-input", "-v0")  # as the owner: the app role could not create a table
    assert "no TRUNCATE, REFERENCES, TRIGGER, CREATE or TEMPORARY" in manage("grant_app_role", app_role["user"])
    assert "loaded:" in manage("load_catalogue")  # as the app role, like every command but the two above

    with connect_as(owner, user=app_role["user"], password=app_role["password"], dbname=fresh_database) as app:
        owners = app.execute("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'").fetchall()
        assert owners == [(owner["USER"],)]
        assert app.execute("SELECT count(*) FROM claims_claim").fetchone()[0] > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            app.execute("TRUNCATE reviews_auditevent")
