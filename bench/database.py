"""The throwaway bench databases: recreate, migrate and load the real catalogue, drop; manage.py;
the server's version; the fingerprint of the code on the content API's path."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from bench.env import PYTHON, ROOT


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def check_name(url: str) -> str:
    """The database's name; the bench drops it, so anything not named like a throwaway is refused."""
    name = database_name(url)
    if not name or "bench" not in name:
        raise SystemExit(f"bench: refusing to drop and recreate database {name!r} (its name must contain 'bench')")
    return name


def _maintenance_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def _drop(conn, name: str) -> None:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def recreate(url: str) -> None:
    name = check_name(url)
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        _drop(conn, name)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop(url: str) -> None:
    name = check_name(url)
    with psycopg.connect(_maintenance_url(url), autocommit=True) as conn:
        _drop(conn, name)


def server_version(url: str) -> str:
    with psycopg.connect(url) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """`manage.py ARGS` with the venv's Python; a failure stops the bench with its output."""
    proc = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        raise SystemExit(f"bench: manage.py {' '.join(args)} failed ({proc.returncode})")
    return proc


def migrate(env: dict) -> None:
    manage(env, "migrate", "--no-input", "-v0")


def load_catalogue(env: dict, corpus: Path | None, *, check: bool = True) -> subprocess.CompletedProcess:
    """The real catalogue; checked against the articles when `corpus` is a folder."""
    return manage(env, "load_catalogue", *([] if corpus and corpus.is_dir() else ["--no-corpus"]), check=check)


def last_line(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stdout.strip().splitlines()
    return lines[-1] if lines else ""


_reported: set[str] = set()


def code_fingerprint() -> str:
    """A hash of the code on the content API's path (bench.app.FINGERPRINTED): the run checks that
    nobody changed it while the benchmark was running."""
    from bench import app

    files, missing = app.fingerprint_files()
    for entry in set(missing) - _reported:
        print(f"  note: the code fingerprint found no {entry} (bench/app.py FINGERPRINTED)")
        _reported.add(entry)
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
