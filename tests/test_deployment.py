"""The production shape: settings from the environment and the compose file."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-0123456789abcdef",
    "AUDIT_CHAIN_KEY": "a-production-like-audit-chain-key-0123456789abcdef0123456789abcdef",
    "AUDIT_ANCHOR_PATH": "/var/lib/claims/anchors/audit-anchors.log",
    "ALLOWED_HOSTS": "claims.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


COMPOSE_ENV = {"SECRET_KEY": "x", "AUDIT_CHAIN_KEY": "y"}


def run(args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "SECRET_KEY",
            "AUDIT_CHAIN_KEY",
            "AUDIT_CHAIN_KEY_ID",
            "AUDIT_CHAIN_OLD_KEYS",
            "AUDIT_ANCHOR_PATH",
            "DATABASE_URL",
            "SECURE_SSL_REDIRECT",
            "CACHE_URL",
        }
    }
    return subprocess.run(args, cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_values():
    result = run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_required_when_debug_is_off():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run([sys.executable, "manage.py", "check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_audit_chain_key_and_anchor_path_are_required_when_debug_is_off():
    for name in ("AUDIT_CHAIN_KEY", "AUDIT_ANCHOR_PATH"):
        result = run([sys.executable, "manage.py", "check"], {**PRODUCTION_ENV, name: ""})
        assert result.returncode != 0
        assert f"{name} must be set" in result.stderr


def test_a_short_audit_chain_key_is_a_deploy_warning():
    env = {**PRODUCTION_ENV, "AUDIT_CHAIN_KEY": "short", "AUDIT_CHAIN_OLD_KEYS": "k0:" + "0" * 64}
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "reviews.W001" in result.stderr and "'k1' is shorter than 32" in result.stderr
    assert "'k0'" not in result.stderr


def test_retired_chain_keys_are_id_key_pairs():
    for bad in ("k0", "k1:" + "0" * 64, "k0:a,k0:b", "k 0:" + "0" * 64):
        result = run([sys.executable, "manage.py", "check"], {**PRODUCTION_ENV, "AUDIT_CHAIN_OLD_KEYS": bad})
        assert result.returncode != 0, bad
        assert "ImproperlyConfigured" in result.stderr, bad


def test_docker_compose_file_is_valid():
    result = run(["docker-compose", "-f", "docker-compose.yml", "config", "-q"], COMPOSE_ENV)
    assert result.returncode == 0, result.stderr


def test_docker_compose_validator_catches_a_bad_key(tmp_path):
    bad = tmp_path / "docker-compose.yml"
    bad.write_text((ROOT / "docker-compose.yml").read_text().replace("healthcheck:", "healthchek:"))
    result = run(["docker-compose", "-f", str(bad), "config", "-q"], COMPOSE_ENV)
    assert result.returncode != 0


def test_cache_url_selects_the_cache_the_workers_share():
    show = (
        "from django.conf import settings; c = settings.CACHES['default']; "
        "print(c['BACKEND'], c.get('LOCATION'), c.get('OPTIONS'))"
    )
    shared = run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", show],
        {**PRODUCTION_ENV, "CACHE_URL": "redis://cache:6379/0"},
    )
    assert shared.stdout.split(maxsplit=2) == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache:6379/0",
        "{'socket_connect_timeout': 0.5, 'socket_timeout': 0.5}\n",
    ], shared.stderr
    alone = run([sys.executable, "manage.py", "shell", "-v", "0", "-c", show], PRODUCTION_ENV)
    assert alone.stdout.split()[0] == "django.core.cache.backends.locmem.LocMemCache", alone.stderr


def test_web_connects_as_the_application_role_never_as_the_owner():
    """The owner's credentials reach the one-shot migrate service only; web starts once it has
    migrated, granted and loaded the catalogue."""
    result = run(["docker-compose", "-f", "docker-compose.yml", "config"], COMPOSE_ENV)
    assert result.returncode == 0, result.stderr
    services = yaml.safe_load(result.stdout)["services"]
    owner = services["postgres"]["environment"]["POSTGRES_USER"]
    app_user = services["postgres"]["environment"]["APP_DB_USER"]
    assert any(volume.endswith(":/docker-entrypoint-initdb.d:ro") for volume in services["postgres"]["volumes"])

    web = services["web"]
    assert urlsplit(web["environment"]["DATABASE_URL"]).username == app_user != owner
    assert "MIGRATE_DATABASE_URL" not in web["environment"]
    assert "migrate" not in web["command"]
    assert web["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}

    migrate = services["migrate"]
    assert urlsplit(migrate["environment"]["MIGRATE_DATABASE_URL"]).username == owner
    assert migrate["environment"]["DATABASE_URL"] == web["environment"]["DATABASE_URL"]
    assert f"grant_app_role {app_user}" in migrate["command"]
    assert migrate["command"].index("migrate --no-input") < migrate["command"].index("grant_app_role")


def test_the_worker_runs_background_tasks_as_the_application_role():
    result = run(["docker-compose", "-f", "docker-compose.yml", "config"], COMPOSE_ENV)
    services = yaml.safe_load(result.stdout)["services"]
    worker, web = services["worker"], services["web"]
    assert worker["command"] == "python manage.py db_worker --no-reload"
    assert worker["environment"] == web["environment"]  # the application role, the chain key
    assert worker["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}


def test_compose_needs_the_chain_key_and_keeps_the_anchors_on_a_volume():
    missing = run(["docker-compose", "-f", "docker-compose.yml", "config", "-q"], {"SECRET_KEY": "x"})
    assert missing.returncode != 0 and "AUDIT_CHAIN_KEY" in missing.stderr
    result = run(["docker-compose", "-f", "docker-compose.yml", "config"], COMPOSE_ENV)
    config = yaml.safe_load(result.stdout)
    web = config["services"]["web"]
    assert web["environment"]["AUDIT_CHAIN_KEY"] == COMPOSE_ENV["AUDIT_CHAIN_KEY"]
    folder = str(Path(web["environment"]["AUDIT_ANCHOR_PATH"]).parent)
    mounts = [v if isinstance(v, str) else f"{v['source']}:{v['target']}" for v in web["volumes"]]
    volume = next(mount.split(":")[0] for mount in mounts if mount.split(":")[1] == folder)
    assert volume in config["volumes"]
    assert volume not in str(config["services"]["postgres"].get("volumes"))
    assert f"RUN mkdir -p {folder} && chown nobody {folder}" in (ROOT / "Dockerfile").read_text()


def test_migrate_database_url_is_used_by_migrate_and_grant_app_role_only(tmp_path):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.sqlite3'}",
        "MIGRATE_DATABASE_URL": f"sqlite:///{tmp_path / 'owner.sqlite3'}",
    }
    show = "from django.db import connection; print(connection.settings_dict['NAME'])"
    shell = run([sys.executable, "manage.py", "shell", "-v", "0", "-c", show], env)
    assert shell.stdout.strip() == str(tmp_path / "app.sqlite3"), shell.stderr
    plan = run([sys.executable, "manage.py", "migrate", "--plan"], env)
    assert plan.returncode == 0, plan.stderr
    assert (tmp_path / "owner.sqlite3").exists() and not (tmp_path / "app.sqlite3").exists()
    grant = run([sys.executable, "manage.py", "grant_app_role", "claims_app"], env)
    assert "PostgreSQL only" in grant.stderr


def test_the_demo_s_sqlite_waits_for_a_writer_and_keeps_a_write_ahead_log(tmp_path):
    """`make run` and `make worker` share one SQLite file: a reviewer's login waited five seconds
    for the worker storing a long article's proposals, then failed ("database is locked"), and so
    did the worker's own loop. A real file, opened the way the settings open it."""
    database = tmp_path / "demo.sqlite3"
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings; from django.db import connection\n"
        "print(settings.DATABASES['default']['OPTIONS']['timeout'])\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0])\n"
    )
    env = {"DEBUG": "true", "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = run([sys.executable, "-c", code], env)
    assert result.returncode == 0, result.stderr
    timeout, mode = result.stdout.split()
    assert int(timeout) >= 30 and mode == "wal"
