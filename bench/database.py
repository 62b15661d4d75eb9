"""The throwaway bench database: create, migrate and load the real catalogue, drop."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _maintenance_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres"))


def _check_name(name: str) -> None:
    # The bench drops this database: refuse anything that does not look like a throwaway one.
    if "bench" not in name:
        raise SystemExit(f"bench: refusing to drop and recreate database {name!r} (its name must contain 'bench')")


def recreate(url: str) -> None:
    name = database_name(url)
    _check_name(name)
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop(url: str) -> None:
    name = database_name(url)
    _check_name(name)
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def server_version(url: str) -> str:
    with psycopg.connect(url) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True)


def migrate(env: dict) -> None:
    result = _run(["manage.py", "migrate", "--no-input", "-v0"], env)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("bench: manage.py migrate failed")


def load_catalogue(env: dict, corpus: Path, log=print) -> str:
    args = ["manage.py", "load_catalogue"] + ([] if corpus.is_dir() else ["--no-corpus"])
    result = _run(args, env)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("bench: manage.py load_catalogue failed")
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


# The code on the content API's path: settings, the API, the models it reads, its auth, migrations.
FINGERPRINTED = (
    "config/*.py",
    "claims/api/*.py",
    "claims/models.py",
    "claims/migrations/*.py",
    "reviews/models.py",
    "reviews/migrations/*.py",
    "reviews/selectors.py",
    "reviews/snapshots.py",
    "reviews/tokens.py",
    "reviews/roles.py",
    "reviews/permissions.py",
)


def code_fingerprint() -> str:
    """A hash of the code on the content API's path: the run checks that nobody changed it while
    the benchmark was running."""
    import hashlib

    digest = hashlib.sha256()
    for pattern in FINGERPRINTED:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
