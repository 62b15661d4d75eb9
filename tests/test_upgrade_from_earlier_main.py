"""A database built by an earlier release, with the demo loaded, migrates to this code without
losing a row: the audit trail moved from the reviews app to its own (audit 0001) and the chain,
the content types and the auditors' permissions must come through intact.

One table legitimately goes: the hand-written API tokens (reviews_apitoken) gave way to
django-rest-knox's (knox_authtoken). The old tokens cannot be converted (only their SHA-256 digest
and first 8 characters were kept; knox needs the first 15 and a SHA-512 digest), so reviews 0014
drops them, and the accounts re-issue theirs with `issue_token`.

The earlier release is checked out from this repository's history into a temporary worktree and
run with this virtualenv (same pinned requirements); on PostgreSQL a throwaway database is used.
"""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
# The last commit before the audit trail became its own app.
BEFORE_AUDIT_APP = "e321b1c"
CORPUS = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None
    or subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{BEFORE_AUDIT_APP}^{{commit}}"]).returncode != 0,
    reason=f"needs this repository's history (commit {BEFORE_AUDIT_APP})",
)


def _database_url(tmp_path) -> tuple[str, callable]:
    """A fresh database of the kind the suite runs on, and how to drop it."""
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{tmp_path / 'upgrade.sqlite3'}", lambda: None
    import psycopg

    name = f"upgrade_{uuid.uuid4().hex[:10]}"
    params = {
        "host": default["HOST"] or "127.0.0.1",
        "port": default["PORT"] or 5432,
        "user": default["USER"],
        "dbname": "postgres",
    }
    if default["PASSWORD"]:
        params["password"] = default["PASSWORD"]
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(**params, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    password = f":{default['PASSWORD']}" if default["PASSWORD"] else ""
    return f"postgres://{default['USER']}{password}@{params['host']}:{params['port']}/{name}", drop


def _manage(checkout: Path, env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=checkout, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} in {checkout}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


_SNAPSHOT = """
import json
from django.db import connection
from django.contrib.contenttypes.models import ContentType
with connection.cursor() as cursor:
    tables = sorted(
        t for t in connection.introspection.table_names() if not t.startswith(("sqlite_", "django_migrations"))
    )
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    cursor.execute("SELECT seq, hash FROM reviews_auditevent ORDER BY seq DESC LIMIT 1")
    head = list(cursor.fetchone())
types = {f"{c.app_label}.{c.model}": c.pk for c in ContentType.objects.all()}
print(json.dumps({"counts": counts, "head": head, "types": types}))
"""


_RAW_TRIGGERS = """
from django.db import connection
from reviews.append_only import append_only_tables
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = ANY(%s::regclass[]) AND NOT tgisinternal "
        "AND tgname NOT LIKE 'pgtrigger%%' ORDER BY 1",
        [[*append_only_tables(), "reviews_review"]],
    )
    print([name for (name,) in cursor.fetchall()])
"""


def _snapshot(checkout: Path, env: dict) -> dict:
    import json

    return json.loads(_manage(checkout, env, "shell", "-c", _SNAPSHOT).strip().splitlines()[-1])


def test_a_database_of_the_earlier_release_with_the_demo_migrates_without_loss(tmp_path):
    earlier = tmp_path / "earlier"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(earlier), BEFORE_AUDIT_APP],
        check=True,
        capture_output=True,
    )
    url, drop = _database_url(tmp_path)
    try:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": url,
            "DEBUG": "true",
            "DEMO_PASSWORD": "upgrade-test",
            "AUDIT_CHAIN_KEY": "upgrade-test-chain-key-0123456789abcdef",
            "AUDIT_ANCHOR_PATH": str(tmp_path / "anchors.log"),
        }
        env.pop("MIGRATE_DATABASE_URL", None)
        _manage(earlier, env, "migrate", "--no-input", "-v0")
        _manage(earlier, env, "load_catalogue", *([] if CORPUS.is_dir() else ["--no-corpus"]))
        _manage(earlier, env, "load_demo")
        before = _snapshot(earlier, env)

        _manage(ROOT, env, "migrate", "--no-input", "-v0")
        after = _snapshot(ROOT, env)

        # Every table and every row is still there; nothing was added but the migration records,
        # except the API tokens: the old table (one demo token) is gone, knox's starts empty. Its
        # content type and permissions replace the old table's, so those counts hold too.
        assert before["counts"]["reviews_apitoken"] == 1
        expected = {table: n for table, n in before["counts"].items() if table != "reviews_apitoken"}
        assert after["counts"] == {**expected, "knox_authtoken": 0}
        assert "reviews.apitoken" not in after["types"] and "knox.authtoken" in after["types"]
        assert after["head"] == before["head"]
        # The audit trail's content type moved, keeping its id (so its permissions and log entries).
        assert "reviews.auditevent" not in after["types"]
        assert after["types"]["audit.auditevent"] == before["types"]["reviews.auditevent"]
        assert "ok, " in _manage(ROOT, env, "verify_audit")
        check = (
            "from django.contrib.auth import get_user_model\n"
            "users = get_user_model().objects\n"
            "print(sorted(u.username for u in users.all() if u.has_perm('audit.view_auditevent')))"
        )
        viewers = _manage(ROOT, env, "shell", "-c", check).strip().splitlines()[-1]
        assert viewers == str(sorted(["admin", "auditor", "reviewer", "reviewer2", "senior"]))
        if url.startswith("postgres"):
            # The append-only and immutability rules are the models' pgtrigger triggers now: the raw
            # ones the earlier release installed are gone, none left beside them.
            assert _manage(ROOT, env, "shell", "-c", _RAW_TRIGGERS).strip().splitlines()[-1] == str(
                ["reviews_publication_rules", "reviews_publicationchange_rules", "reviews_review_rules"]
            )
    finally:
        drop()
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)], capture_output=True)
