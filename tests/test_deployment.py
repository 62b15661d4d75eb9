"""The production shape: settings from the environment and the compose file."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-0123456789abcdef",
    "ALLOWED_HOSTS": "claims.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def run(args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "SECRET_KEY",
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


def test_docker_compose_file_is_valid():
    result = run(["docker-compose", "-f", "docker-compose.yml", "config", "-q"], {"SECRET_KEY": "x"})
    assert result.returncode == 0, result.stderr


def test_docker_compose_validator_catches_a_bad_key(tmp_path):
    bad = tmp_path / "docker-compose.yml"
    bad.write_text((ROOT / "docker-compose.yml").read_text().replace("healthcheck:", "healthchek:"))
    result = run(["docker-compose", "-f", str(bad), "config", "-q"], {"SECRET_KEY": "x"})
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
