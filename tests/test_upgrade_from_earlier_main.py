"""A database built by an earlier release, with the demo loaded, migrates to this code without
losing a row: the audit trail moved from the reviews app to its own (audit 0001) and the chain,
the content types and the auditors' permissions must come through intact; and since outcomes came
in (reviews 0016-0018), every review graded with a single certainty keeps it, through one outcome
"overall, migrated" that carries its judgements.

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
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
# The last commit before the audit trail became its own app.
BEFORE_AUDIT_APP = "e321b1c"
# The last commit before outcomes: a review had one certainty and one set of judgements.
BEFORE_OUTCOMES = "73c91d0"
# The tables the releases since added, each with what it holds right after the upgrade: the outcomes
# the single-certainty reviews became, with the references they cite (and, on PostgreSQL, their
# row history); the rest start empty.
MIGRATED = "migrated"  # as many rows as the reviews graded before (or their references, or history)
NEW_TABLES = {
    "knox_authtoken": 0,
    "reviews_outcome": MIGRATED,
    "reviews_outcomeevent": MIGRATED,
    "reviews_outcomereference": MIGRATED,
    "reviews_outcomereferenceevent": MIGRATED,
    "reviews_grading": 0,
    "reviews_gradingevent": 0,
    "reviews_gradingcontraindication": 0,
    "reviews_gradingcontraindicationevent": 0,
    "reviews_disagreement": 0,
    "reviews_disagreementevent": 0,
    "claims_proposal": 0,
    "claims_proposerrun": 0,
    "claims_condition": 1,  # night leg cramps, what every article and claim then was about
    "django_tasks_database_dbtaskresult": 0,
    "notifications_notification": 0,
    "notifications_notificationsetting": 0,
}
# Tables whose rows grow with the models added (their content types, permissions and the roles'
# grants of them), checked by what they hold rather than by count.
GROWN_WITH_MODELS = ("django_content_type", "auth_permission", "auth_group_permissions")
# Grants of earlier models added since (claims 0007: reviewers take in articles).
GRANTED_SINCE = {"reviewer:claims.add_source", "senior_reviewer:claims.add_source"}
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
    cursor.execute(
        "SELECT ct.app_label || '.' || p.codename FROM auth_permission p "
        "JOIN django_content_type ct ON ct.id = p.content_type_id"
    )
    permissions = sorted(row[0] for row in cursor.fetchall())
    cursor.execute(
        "SELECT g.name || ':' || ct.app_label || '.' || p.codename FROM auth_group_permissions gp "
        "JOIN auth_group g ON g.id = gp.group_id JOIN auth_permission p ON p.id = gp.permission_id "
        "JOIN django_content_type ct ON ct.id = p.content_type_id"
    )
    grants = sorted(row[0] for row in cursor.fetchall())
    cursor.execute(
        "SELECT COUNT(*) FROM reviews_review WHERE certainty <> '' "
        "OR id IN (SELECT review_id FROM reviews_domainjudgement)"
    )
    graded = cursor.fetchone()[0]
    cursor.execute(
        "SELECT COUNT(*) FROM reviews_reviewreference WHERE review_id IN (SELECT id FROM reviews_review "
        "WHERE certainty <> '' OR id IN (SELECT review_id FROM reviews_domainjudgement))"
    )
    cited = cursor.fetchone()[0]
types = {f"{c.app_label}.{c.model}": c.pk for c in ContentType.objects.all()}
print(json.dumps({
    "counts": counts, "head": head, "types": types, "permissions": permissions, "grants": grants,
    "graded": graded, "cited": cited, "vendor": connection.vendor,
}))
"""


_ABOUT = """
from claims.models import Claim, Condition, Source
from reviews.models import Publication
print((
    list(Condition.objects.values_list("name", "slug")),
    list(Source.objects.exclude(condition__slug="night-leg-cramps").values_list("pk", flat=True)),
    list(Claim.objects.exclude(condition__slug="night-leg-cramps").values_list("pk", flat=True)),
    sorted(set(Publication.objects.values_list("condition_slug", "condition_name"))),
))
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


_REVIEWS = """
import json
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("SELECT id, certainty FROM reviews_review ORDER BY id")
    reviews = {str(pk): {"certainty": certainty, "outcomes": []} for pk, certainty in cursor.fetchall()}
    cursor.execute(
        "SELECT review_id, domain, severity, rationale FROM reviews_domainjudgement ORDER BY review_id, domain"
    )
    judgements = {}
    for review, *judgement in cursor.fetchall():
        judgements.setdefault(str(review), []).append(judgement)
    if "reviews_outcome" in connection.introspection.table_names():
        cursor.execute(
            "SELECT id, review_id, grading_id, name, design, importance, certainty, certainty_override, "
            "override_reason FROM reviews_outcome ORDER BY review_id, position, id"
        )
        for pk, review, grading, name, design, importance, certainty, override, reason in cursor.fetchall():
            cursor2 = connection.cursor()
            cursor2.execute(
                "SELECT domain, severity, rationale FROM reviews_domainjudgement WHERE outcome_id = %s ORDER BY domain",
                [pk],
            )
            reviews[str(review)]["outcomes"].append({
                "name": name, "grading": grading, "design": design, "importance": importance,
                "certainty": certainty, "certainty_override": override, "override_reason": reason,
                "judgements": [list(row) for row in cursor2.fetchall()],
            })
for pk, review in reviews.items():
    review["judgements"] = judgements.get(pk, [])
print(json.dumps(reviews))
"""


def _reviews(checkout: Path, env: dict) -> dict:
    import json

    return json.loads(_manage(checkout, env, "shell", "-c", _REVIEWS).strip().splitlines()[-1])


def _snapshot(checkout: Path, env: dict) -> dict:
    import json

    return json.loads(_manage(checkout, env, "shell", "-c", _SNAPSHOT).strip().splitlines()[-1])


@contextmanager
def _earlier_release_with_the_demo(tmp_path, commit: str):
    """A database built and filled (catalogue and demo) by the release at `commit`, checked out into a
    temporary worktree: yields the checkout, the environment that reaches the database, and its URL."""
    earlier = tmp_path / "earlier"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(earlier), commit],
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
        yield earlier, env, url
    finally:
        drop()
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(earlier)], capture_output=True)


def test_a_database_of_the_earlier_release_with_the_demo_migrates_without_loss(tmp_path):
    with _earlier_release_with_the_demo(tmp_path, BEFORE_AUDIT_APP) as (earlier, env, url):
        before = _snapshot(earlier, env)

        _manage(ROOT, env, "migrate", "--no-input", "-v0")
        after = _snapshot(ROOT, env)

        # Every table and every row is still there; nothing was added but the migration records,
        # except the API tokens: the old table (one demo token) is gone, knox's starts empty; and the
        # tables of outcomes and dual grading, which hold the outcomes the graded reviews became.
        assert before["counts"]["reviews_apitoken"] == 1
        _assert_kept_and_added(before, after)
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
        # Every article, claim and publication is about night leg cramps (claims 0009, reviews 0023).
        about = _manage(ROOT, env, "shell", "-c", _ABOUT).strip().splitlines()[-1]
        assert about == str(
            ([("night leg cramps", "night-leg-cramps")], [], [], [("night-leg-cramps", "night leg cramps")])
        )
        assert before["counts"]["reviews_publication"] > 0
        if url.startswith("postgres"):
            # The append-only and immutability rules are the models' pgtrigger triggers now: the raw
            # ones the earlier release installed are gone, none left beside them.
            assert _manage(ROOT, env, "shell", "-c", _RAW_TRIGGERS).strip().splitlines()[-1] == str(
                [
                    "reviews_publication_rules",
                    "reviews_publicationchange_rules",
                    # a publication's rows for the API's filters come with it (reviews.db_rules)
                    "reviews_publicationcondition_with_its_publication",
                    "reviews_publicationremedyname_with_its_publication",
                    "reviews_publicationsource_quoted",
                    "reviews_publicationsource_with_its_publication",
                    "reviews_review_rules",
                ]
            )


def _assert_kept_and_added(before: dict, after: dict) -> None:
    """Every row of every earlier table kept (the API tokens aside); the new tables exactly
    NEW_TABLES; the content types, permissions and grants only grown by those of the new models."""
    gone = {"reviews_apitoken"}
    kept = {t: n for t, n in before["counts"].items() if t not in gone and t not in GROWN_WITH_MODELS}
    added = {t: n for t, n in after["counts"].items() if t not in before["counts"]}
    postgres = after["vendor"] == "postgresql"
    migrated = {
        "reviews_outcome": before["graded"],
        "reviews_outcomereference": before["cited"],
        # pghistory's triggers record the rows the migration wrote (PostgreSQL only).
        "reviews_outcomeevent": before["graded"] if postgres else 0,
        "reviews_outcomereferenceevent": before["cited"] if postgres else 0,
    }
    expected_new = {t: migrated.get(t, n) for t, n in NEW_TABLES.items() if t not in before["counts"]}
    assert added == expected_new
    judgements = before["counts"]["reviews_domainjudgement"]
    if postgres and "reviews_outcome" not in before["counts"]:
        # Each judgement moved to its outcome: an update, which its row history records.
        kept["reviews_domainjudgementevent"] += judgements
    assert {t: after["counts"][t] for t in kept} == kept
    assert before["graded"] > 0 and judgements > 0  # the demo graded reviews, with judgements
    # The content types, permissions and role grants: the earlier ones kept (the audit trail's
    # and the old API tokens' aside), the new ones only those of the models added.
    moved = {"reviews.auditevent", "reviews.apitoken"}
    new_types = set(after["types"]) - set(before["types"])
    assert {t: pk for t, pk in before["types"].items() if t not in moved} == {
        t: after["types"][t] for t in before["types"] if t not in moved
    }

    def model(permission: str) -> str:  # "reviews.add_outcome" (or "auditor:reviews.add_outcome") -> "reviews.outcome"
        app, codename = permission.split(":")[-1].split(".")
        return f"{app}.{codename.split('_', 1)[1]}"

    for key in ("permissions", "grants"):
        lost = {p for p in set(before[key]) - set(after[key]) if model(p) not in moved}
        gained = {p for p in set(after[key]) - set(before[key]) if model(p) not in new_types} - GRANTED_SINCE
        assert (lost, gained) == (set(), set()), key


def test_single_certainty_reviews_of_the_release_before_outcomes_keep_their_certainty_and_judgements(tmp_path):
    """A database built on the release before outcomes, with the demo loaded: every review keeps its
    certainty; one graded with a certainty or judgements has exactly one outcome, "overall,
    migrated", whose certainty is the old one through an override that says so, and which carries
    every judgement the review had."""
    with _earlier_release_with_the_demo(tmp_path, BEFORE_OUTCOMES) as (earlier, env, _url):
        before = _reviews(earlier, env)
        _manage(ROOT, env, "migrate", "--no-input", "-v0")
        after = _reviews(ROOT, env)

        assert set(after) == set(before)
        graded = {pk for pk, review in before.items() if review["certainty"] or review["judgements"]}
        assert len(graded) >= 5 and any(before[pk]["judgements"] for pk in graded)  # the demo's reviews
        for pk, old in before.items():
            new = after[pk]
            assert new["certainty"] == old["certainty"], pk
            # The judgements keep their review, and now belong to the review's one outcome.
            assert new["judgements"] == old["judgements"], pk
            if pk not in graded:
                assert new["outcomes"] == [], pk
                continue
            assert new["outcomes"] == [
                {
                    "name": "overall, migrated",
                    "grading": None,
                    "design": "",
                    "importance": "critical",
                    "certainty": old["certainty"],
                    "certainty_override": old["certainty"],
                    "override_reason": "migrated from a single-certainty review" if old["certainty"] else "",
                    "judgements": old["judgements"],
                }
            ], pk
        assert "ok, " in _manage(ROOT, env, "verify_audit")
