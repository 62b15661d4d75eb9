"""Seeds the bench database: the bench accounts and an API token (through the project's own code),
then 100,000 published claims written with COPY.

Every published claim gets what publishing would have written: a Review in state `published`, a
current Publication whose snapshot has exactly the shape of the app's publication snapshot (2-4
appearances, 2-4 contraindications, 1-3 references, 1-3 outcomes of 1-3 GRADE domains each), its
PublicationCondition, PublicationRemedyName and PublicationSource rows and its PublicationChange. The
review's own rows the snapshot was frozen from are there too (Outcome with its DomainJudgement and
OutcomeReference rows, ReviewReference, Contraindication, and the references in the library): the
content API never reads them, the stock-DRF peer does.
The texts (statements, quotes, doses, sources, remedy reasons) are drawn from the real catalogue
that `load_catalogue` loaded first, so rows have realistic sizes. 5 % of the claims were
republished: they also carry a superseded version 1 (is_current = false), as in production.

Not seeded: the audit trail. Only INSERTs are used: the publication tables refuse UPDATE and DELETE.
The steps are in bench/seed/tables.py, the snapshots in bench/seed/snapshots.py.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime

import psycopg

from bench import app
from bench.seed.data import KINDS
from bench.seed.snapshots import build_publications
from bench.seed.tables import (
    Run,
    reset_sequences,
    write_claims,
    write_publication_side_tables,
    write_publications,
    write_remedies,
    write_review_rows,
    write_reviews,
)

ACCOUNTS = (  # username, role (attribute of the roles module)
    ("bench-grader", "REVIEWER"),
    ("bench-approver", "REVIEWER"),
    ("bench-senior", "SENIOR_REVIEWER"),
    ("bench-content", "CONTENT_READER"),
)


def create_accounts() -> dict:
    """The bench accounts (no usable password) and a content token, through the project's code."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    roles = app.roles()
    user_model = get_user_model()
    users = {}
    for username, role in ACCOUNTS:
        user = user_model.objects.create_user(username=username, password=None)
        user.groups.set([Group.objects.get(name=getattr(roles, role))])
        users[username] = user
    return {"users": {name: user.pk for name, user in users.items()}, "token": app.token_issue(users["bench-content"])}


def read_catalogue(cur) -> dict:
    """The real catalogue that load_catalogue wrote, as templates for the seeded rows."""
    def rows(sql):
        cur.execute(sql)
        return cur.fetchall()

    remedy, alias, claim = app.table("Remedy"), app.table("RemedyAlias"), app.table("Claim")
    appearance, source, condition = app.table("Appearance"), app.table("Source"), app.table("Condition")
    catalogue = {
        # What the catalogue's articles are about: every seeded claim is about it too.
        "condition": rows(f"SELECT id, name, slug FROM {condition} ORDER BY id LIMIT 1"),
        "remedies": rows(f"SELECT name, category, atc_code, risk_tier, risk_reason FROM {remedy} ORDER BY id"),
        "aliases": [r[0] for r in rows(f"SELECT alias FROM {alias} ORDER BY id")],
        "statements": [r[0] for r in rows(f"SELECT statement FROM {claim} ORDER BY id")],
        "appearances": rows(
            "SELECT DISTINCT ON (a.source_id, a.start) a.source_id, s.file_name, s.title, s.sha256, a.quote, "
            f'a.start, a.end, a.dose FROM {appearance} a JOIN {source} s ON s.id = a.source_id '
            "ORDER BY a.source_id, a.start, a.id"
        ),
    }
    if not all(catalogue.values()):
        raise RuntimeError("the catalogue is empty: run load_catalogue before seeding")
    return catalogue


def seed(url: str, *, claims: int, users: dict, seed_value: int = 2026, log=print) -> dict:
    """Writes `claims` published claims (a multiple of 5: one per remedy and claim kind)."""
    publication_fields, snapshot_hash, remedy_names, search_text = app.snapshot_helpers()

    def approved_hash(publication: dict) -> str:
        return snapshot_hash({k: v for k, v in publication["snapshot"].items() if k not in publication_fields})

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SET TIME ZONE 'UTC'")
        cur.execute("SET CONSTRAINTS ALL IMMEDIATE")
        # Generated data never went through the workflow: written past the database's workflow
        # triggers (the app's database rules), which only a superuser's session can do.
        cur.execute("SET session_replication_role = replica")
        run = Run(cur, random.Random(seed_value), datetime.now(UTC).replace(microsecond=0), users, log)
        catalogue = read_catalogue(cur)
        remedies = write_remedies(run, catalogue, max(1, claims // len(KINDS)))
        claim_rows = write_claims(run, catalogue, remedies)
        _, name, slug = catalogue["condition"][0]
        about = {"name": name, "slug": slug}
        publications = build_publications(run.rng, claim_rows, condition=about, now=run.now,
                                          first_review=run.next_id("Review"),
                                          first_publication=run.next_id("Publication"))
        del claim_rows
        problems = [p for pub in publications[:500] for p in app.snapshot_shape_problems(pub["snapshot"])]
        if problems:
            raise SystemExit("bench seed: snapshots differ from the app's shape:\n  " + "\n  ".join(problems[:20]))
        run.done("snapshots built (their keys checked against the app's snapshot serializers)")
        write_reviews(run, publications, approved_hash)
        write_publications(run, publications, approved_hash, search_text)
        write_publication_side_tables(run, publications, remedy_names)
        write_review_rows(run, remedies, publications)
        reset_sequences(run)
        conn.commit()
    run.done("committed")
    settle(url)
    return {**run.counts, "seconds": round(time.perf_counter() - run.started, 1)}


def settle(url: str) -> None:
    """VACUUM ANALYZE, so that autovacuum does not wake up in the middle of the measurements."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
