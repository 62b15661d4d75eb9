"""Audit-trail export benchmark: `.venv/bin/python -m bench.audit_export` (PostgreSQL only).

What it does, in one run, on its own throwaway database (BENCH_AUDIT_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/claims_bench_audit, dropped and re-created, dropped again at the end):

1. `manage.py migrate` and `manage.py load_catalogue --no-corpus` (real remedies and claims), then, in
   this process through the project's own code: an auditor account with an API token
   (reviews.tokens.token_issue), a dozen reviewer accounts and one review per catalogue claim.
2. Generates a valid hash chain of audit events in stages (10k, then 100k, then 1M events: each stage
   appends to the chain of the previous one). Every hash is computed by reviews.audit.compute_hash (an
   HMAC under the bench's chain key) on the same field values `audit_record` would hash; rows go in with
   COPY FROM STDIN (the append-only triggers refuse only UPDATE and DELETE). At the first stage
   `manage.py verify_audit` must say ok, and so must `verify_audit --file` on the NDJSON export.
3. At each size measures, in the same run:
   - the floor: `COPY (SELECT <the 15 export columns> ... ORDER BY seq) TO STDOUT WITH CSV` read
     through psycopg;
   - `manage.py export_audit --format csv|ndjson --output FILE` as a subprocess: wall time (Django start-up
     included; also shown net of the start-up of an empty export) and peak RSS (/usr/bin/time %M);
   - GET /api/v1/audit/export/?format=csv|ndjson against gunicorn (1 sync worker), read with http.client:
     wall time and the worker's peak RSS (psutil, sampled every 50 ms), absolute and above its
     pre-request baseline.
4. At the 100k stage, a breakdown in this process: the COPY floor, the shipped export for each
   format, and the Python rendering the SQLite path uses, in rows/s and µs per row.

Targets (from the issue): rows/s at least half the COPY floor's; peak RSS under 100 MB and flat
across sizes (max - min <= 10 MB). Missed targets are printed as MISSED. Results:
bench/results/audit_export.json. See bench/README_audit.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import orjson
import psutil
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
_VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(_VENV_PYTHON) if _VENV_PYTHON.exists() else sys.executable
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claims_bench_audit"
RESULTS = ROOT / "bench" / "results" / "audit_export.json"
# The generated chain is keyed like the application's: by a chain key from the environment.
BENCH_CHAIN_KEY = "bench-only-audit-chain-key-0123456789abcdef"
SIZES = (10_000, 100_000, 1_000_000)
# reviews.actors.CATALOGUE_LOADER.username: system events carry it in actor_username, with no actor_id.
SYSTEM_ACTOR = "system:load_catalogue"
BREAKDOWN_SIZE = 100_000

EXPORT_COLUMNS = (
    "id",
    "seq",
    "occurred_at",
    "actor_id",
    "actor_username",
    "event_type",
    "claim_id",
    "review_id",
    "remedy_id",
    "reason",
    "before",
    "after",
    "prev_hash",
    "key_id",
    "hash",
)
FLOOR_SQL = f"COPY (SELECT {', '.join(EXPORT_COLUMNS)} FROM reviews_auditevent ORDER BY seq) TO STDOUT WITH CSV"
LOAD_COLUMNS = (
    "seq",
    "occurred_at",
    "event_type",
    "actor_id",
    "actor_username",
    "claim_id",
    "review_id",
    "remedy_id",
    "before",
    "after",
    "reason",
    "prev_hash",
    "key_id",
    "hash",
)

RATIO_TARGET = 0.5
RSS_LIMIT_MB = 100.0
FLAT_TOLERANCE_MB = 10.0

_T0 = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _T0:7.1f}s] {message}", flush=True)


# --------------------------------------------------------------------------------------------------
# Environment, database, processes
# --------------------------------------------------------------------------------------------------


def django_env(db_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="bench",
        AUDIT_CHAIN_KEY=BENCH_CHAIN_KEY,
        # The run's own anchor file: the database is re-created on every run.
        AUDIT_ANCHOR_PATH=str(Path(tempfile.gettempdir()) / f"bench-audit-anchors-{os.getpid()}.log"),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        API_THROTTLE_RATE="1000000/min",
        DATABASE_URL=db_url,
        LOG_LEVEL="WARNING",
    )
    return env


def _split_url(db_url: str) -> tuple[str, str]:
    parts = urlsplit(db_url)
    name = parts.path.lstrip("/")
    if not name or "bench" not in name:
        raise SystemExit(f"refusing to drop and re-create {name!r}: the bench database's name must contain 'bench'")
    return urlunsplit(parts._replace(path="/postgres")), name


def recreate_database(db_url: str) -> None:
    admin, name = _split_url(db_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(db_url: str) -> None:
    admin, name = _split_url(db_url)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc


_OTHER_BENCH = [re.compile(r"claims_bench([^_]|$)"), re.compile(r"python -m bench$")]


def other_benchmarks() -> list[str]:
    """Processes of another benchmark: `pgrep -f 'claims_bench[^_]'` and `pgrep -f 'python -m bench$'`."""
    mine = {os.getpid(), *(p.pid for p in psutil.Process().parents())}
    hits = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        if proc.info["pid"] in mine:
            continue
        try:
            cmdline = " ".join(proc.info["cmdline"] or [])
        except TypeError:
            continue
        if any(p.search(cmdline) for p in _OTHER_BENCH):
            hits.append(f"{proc.info['pid']}: {cmdline[:100]}")
    return hits


class QuietWaiter:
    """Waits (polling every `interval` s) while another benchmark runs, 15 minutes in all over the run."""

    def __init__(self, budget: float = 900, interval: float = 30, enabled: bool = True):
        self.budget, self.interval, self.enabled = budget, interval, enabled
        self.waits: list[dict] = []

    def wait(self, before: str) -> None:
        if not self.enabled:
            return
        started = time.perf_counter()
        hits = other_benchmarks()
        spent = sum(w["waited_s"] for w in self.waits)
        while hits and spent + time.perf_counter() - started < self.budget:
            log(f"another benchmark is running ({len(hits)} processes, e.g. {hits[0]}); waiting {self.interval:.0f} s")
            time.sleep(self.interval)
            hits = other_benchmarks()
        waited = time.perf_counter() - started
        if hits:
            log("WARNING: another benchmark still runs (wait budget spent); measuring anyway: figures may be distorted")
        if waited > 1 or hits:
            self.waits.append({"before": before, "waited_s": round(waited, 1), "still_busy": hits})


class BusyWatcher(threading.Thread):
    """Notes, every 2 s, whether another benchmark runs, so a measurement it overlapped can be flagged."""

    def __init__(self, interval: float = 2.0):
        super().__init__(daemon=True)
        self.interval = interval
        self.sightings: list[tuple[float, str]] = []
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            hits = other_benchmarks()
            if hits:
                self.sightings.append((time.perf_counter(), hits[0]))
            self._stop_event.wait(self.interval)

    def seen_since(self, since: float) -> list[str]:
        return sorted({hit for moment, hit in self.sightings if moment >= since})

    def stop(self):
        self._stop_event.set()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PeakSampler(threading.Thread):
    """Peak RSS of one process, sampled every `interval` seconds until stop()."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def _sample(self) -> bool:
        try:
            self.peak = max(self.peak, self.process.memory_info().rss)
            self.samples += 1
            return True
        except psutil.Error:
            return False

    def run(self):
        while not self._stop_event.is_set() and self._sample():
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        self._sample()
        return self.peak


class Gunicorn:
    def __init__(self, env: dict, log_path: Path):
        self.env, self.log_path = env, log_path
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self._log = None

    def start(self) -> None:
        self._log = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--timeout",
                "600",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.proc.returncode}); see {self.log_path}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    if self.worker() is not None:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not start within 60 s")

    def worker(self) -> psutil.Process | None:
        children = psutil.Process(self.proc.pid).children()
        return children[0] if children else None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)  # the session we started: master and its worker
                self.proc.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=15)
        if self._log is not None:
            self._log.close()


# --------------------------------------------------------------------------------------------------
# Accounts and the generated hash chain
# --------------------------------------------------------------------------------------------------


def setup_django(env: dict) -> None:
    for key in (
        "DJANGO_SETTINGS_MODULE",
        "DEBUG",
        "SECRET_KEY",
        "AUDIT_CHAIN_KEY",
        "AUDIT_ANCHOR_PATH",
        "ALLOWED_HOSTS",
        "SECURE_SSL_REDIRECT",
        "API_THROTTLE_RATE",
        "DATABASE_URL",
        "LOG_LEVEL",
    ):
        os.environ[key] = env[key]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


REVIEWER_NAMES = [
    "a.martin",
    "b.nguyen",
    "c.okafor",
    "d.schmidt",
    "e.rossi",
    "f.haddad",
    "g.kowalski",
    "h.tanaka",
    "i.fernandez",
    "j.andersen",
    "k.dubois",
    "l.o'brien",
]


def create_accounts() -> dict:
    """The auditor (with an API token) and the reviewers, through the project's code; one review per claim."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from claims.models import Claim, Remedy
    from reviews.models import Reference, Review
    from reviews.roles import AUDITOR, REVIEWER, SENIOR_REVIEWER
    from reviews.tokens import token_issue

    User = get_user_model()
    auditor = User.objects.create_user("bench_auditor", email="auditor@example.org")
    auditor.groups.add(Group.objects.get(name=AUDITOR))
    token = token_issue(user=auditor)

    reviewers = []
    for i, name in enumerate(REVIEWER_NAMES):
        user = User.objects.create_user(name, email=f"{name.replace(chr(39), '')}@example.org")
        user.groups.add(Group.objects.get(name=SENIOR_REVIEWER if i % 3 == 0 else REVIEWER))
        reviewers.append(user)

    rng = random.Random(7)
    claims = list(Claim.objects.order_by("id").values_list("id", "remedy_id"))
    reviews = []
    for claim_id, remedy_id in claims:
        review = Review.objects.create(claim_id=claim_id, started_by=rng.choice(reviewers))
        reviews.append((claim_id, review.pk, remedy_id))
    remedies = list(
        Remedy.objects.order_by("id").values_list("id", "name", "category", "atc_code", "risk_tier", "risk_reason")
    )
    if not Reference.objects.exists():  # the catalogue brings none: a small library, as reviewers would build
        for title, kind, year, pmid, doi, url in LIBRARY:
            Reference.objects.create(title=title, kind=kind, year=year, pmid=pmid, doi=doi, url=url)
    references = [(r.pk, r.title, r.kind, r.pmid, r.doi, r.url, r.year, str(r)) for r in Reference.objects.all()]
    statements = list(Claim.objects.values_list("statement", flat=True))
    return {
        "token": token,
        "actors": [(u.pk, u.username) for u in reviewers],
        "reviews": reviews,
        "remedies": remedies,
        "references": references,
        "statements": statements,
    }


LIBRARY = [
    (
        "Quinine for muscle cramps (Cochrane review)",
        "systematic_review",
        2015,
        "25842375",
        "10.1002/14651858.CD005044.pub3",
        "",
    ),
    (
        "Magnesium for skeletal muscle cramps (Cochrane review)",
        "systematic_review",
        2020,
        "",
        "10.1002/14651858.CD009402.pub3",
        "",
    ),
    (
        "Assessment: symptomatic treatment for muscle cramps (AAN guideline)",
        "guideline",
        2010,
        "20177124",
        "10.1212/WNL.0b013e3181d0ccca",
        "",
    ),
    ("Nocturnal leg cramps (AAFP)", "guideline", 2012, "22963024", "", ""),
    ("Stretching before sleep reduces nocturnal leg cramps", "study", 2012, "22341378", "", ""),
    ("Pickle juice and electrically induced muscle cramps", "study", 2010, "", "10.1249/MSS.0b013e3181c0647e", ""),
    (
        "Quinine sulfate label: boxed warning",
        "label",
        2019,
        "",
        "",
        "https://www.accessdata.fda.gov/drugsatfda_docs/label/2019/021799s020lbl.pdf",
    ),
    ("Greater celandine hepatotoxicity", "study", 2012, "23109446", "", ""),
]

EVENT_WEIGHTS = {
    "review.started": 6,
    "review.assigned": 2,
    "review.graded": 14,
    "review.submitted": 6,
    "review.changes_requested": 3,
    "review.approved": 4,
    "review.approval_lapsed": 0.5,
    "review.rejected": 1,
    "review.published": 4,
    "review.withdrawn": 0.5,
    "reference.attached": 10,
    "reference.detached": 2,
    "reference.saved": 3,
    "judgement.saved": 20,
    "judgement.removed": 2,
    "contraindication.added": 8,
    "contraindication.changed": 5,
    "contraindication.removed": 1.5,
    "remedy.added": 0.5,
    "remedy.changed": 2,
    "claim.changed": 0.5,
    "catalogue.loaded": 0.05,
}
CERTAINTIES = ["high", "moderate", "low", "very_low"]
CLAIM_KINDS = ["relief", "treatment", "prevention", "cause", "caution"]
POPULATIONS = ["pregnancy", "children", "elderly", "athletes", "kidney_disease", "liver_disease"]
RECOMMENDATIONS = ["strong_for", "conditional_for", "conditional_against", "strong_against", "insufficient_evidence"]
DOMAINS = {
    "risk_of_bias": ["none", "serious", "very_serious"],
    "inconsistency": ["none", "serious", "very_serious"],
    "indirectness": ["none", "serious"],
    "imprecision": ["none", "serious", "very_serious"],
    "publication_bias": ["none", "serious"],
    "large_effect": ["none", "upgrade_one", "upgrade_two"],
    "dose_response": ["none", "upgrade_one"],
    "plausible_confounding": ["none", "upgrade_one"],
}
PHRASES = [
    "Two small randomised trials (n=48 and n=62) with unclear allocation concealment",
    "the effect on nocturnal cramp frequency is small and the confidence interval crosses no effect",
    "consistent with the Cochrane review, which found no benefit over placebo",
    "adverse events were rare but include hepatotoxicity at doses above 1 g/day",
    "the population studied (adults over 65) differs from the claim's population",
    "no dose-response relation was reported",
    "quinine's haematological risks outweigh a modest reduction in cramp frequency",
    "evidence limited to case series; risk of bias is very serious",
    "magnesium citrate 300 mg at night did not reduce cramps in older adults",
    "stretching of the calf muscles before sleep reduced cramp intensity in one trial",
    "pickle juice shortened electrically induced cramps by 49 s in 10 men",
    "the label carries a boxed warning: serious and life-threatening haematological reactions",
    "contraindicated with QT-prolonging drugs (e.g. clarithromycin, amiodarone)",
    "pregnancy: avoid — teratogenic at high doses",
    "Beobachtungsstudie, keine Kontrollgruppe; Übertragbarkeit fraglich",
    "effet modeste, étude unique, « biais de publication » probable",
]
REASONS = [
    "Please add the 2020 Cochrane update and re-grade imprecision.",
    'Certainty looks too high for two small trials; see "risk of bias" notes.',
    "Approved after second review.",
    "Duplicate of an earlier claim, rejected.",
    "Withdrawn: new safety signal (EMA, 2024-03).\nRe-review scheduled.",
    "- contraindication list incomplete\n- missing the label reference",
    '=HYPERLINK("http://example.org") pasted from a spreadsheet, kept verbatim',
    "Publication note: wording simplified, no change in recommendation.",
    "Résumé revu ; références vérifiées.",
]


def _text(rng: random.Random, lo: int, hi: int) -> str:
    text = "; ".join(rng.sample(PHRASES, rng.randint(lo, hi)))
    return text[0].upper() + text[1:] + "."


def _review_snapshot(rng, ctx, state: str, version: int) -> dict:
    users = [a[0] for a in ctx["actors"]]
    graded = state != "draft" or rng.random() < 0.5
    none_known = rng.random() < 0.1
    return {
        "state": state,
        "certainty": rng.choice(CERTAINTIES) if graded else "",
        "recommendation": rng.choice(RECOMMENDATIONS) if graded else "",
        "summary": _text(rng, 1, 4) if graded else "",
        "no_known_contraindication": none_known,
        "no_contraindication_reason": "No interaction or condition reported in the label or the trials."
        if none_known
        else "",
        "assignee": rng.choice(users + [None]),
        "graded_by": rng.choice(users) if graded else None,
        "submitted_by": rng.choice(users) if state not in ("draft",) else None,
        "last_edited_by": rng.choice(users),
        "decided_by": rng.choice(users)
        if state in ("approved", "rejected", "published", "withdrawn", "changes_requested")
        else None,
        "approved_hash": _approved_hash(rng) if state in APPROVED_STATES else "",
        "version": version,
    }


# States in which a review carries the hash of its frozen approval (Review.approved_hash).
APPROVED_STATES = ("approved", "published", "withdrawn")


def _approved_hash(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"


def _lapse_cause(rng: random.Random, ctx: dict) -> str:
    """What reviews/contributions.content_changed gives as the reason an approval lapsed."""
    remedy = rng.choice(ctx["remedies"])[1] if ctx["remedies"] else "Quinine"
    return rng.choice(
        [
            f"remedy {remedy} changed: risk_tier 'moderate' → 'high'",
            f"aliases of remedy {remedy} changed: ['{remedy.lower()}'] → ['{remedy.lower()}', 'bench alias']",
            f"claim #{rng.randint(1, 400)} changed: population None → 'pregnancy'",
            "contraindication 'QT prolongation' of remedy-wide scope added",
        ]
    )


def _contraindication(rng, ctx, claim_id, remedy_id) -> dict:
    ref = rng.choice(ctx["references"]) if ctx["references"] and rng.random() < 0.6 else None
    return {
        "remedy_id": remedy_id if rng.random() < 0.5 else None,
        "claim_id": claim_id,
        "kind": rng.choice(["condition", "population", "interacting_drug"]),
        "condition": rng.choice(
            [
                "pregnancy",
                "liver disease",
                "warfarin",
                "QT prolongation",
                "children < 12",
                "G6PD deficiency",
                "kidney disease (eGFR < 30)",
            ]
        ),
        "severity": rng.choice(["absolute", "relative"]),
        "rationale": _text(rng, 1, 2),
        "source_kind": "reference" if ref else rng.choice(["label", "expert"]),
        "source_reference_id": ref[0] if ref else None,
        "source_date": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "contraindication_id": rng.randint(1, 5000),
    }


def _reference(rng, ctx) -> tuple:
    if ctx["references"]:
        return rng.choice(ctx["references"])
    n = rng.randint(1, 60)
    return (n, f"Reference {n}", "study", None, None, None, 2015, f"Reference {n}")


STATE_FLOW = {
    "review.started": ("", "draft"),
    "review.assigned": ("draft", "draft"),
    "review.graded": ("draft", "draft"),
    "review.submitted": ("draft", "in_review"),
    "review.changes_requested": ("in_review", "changes_requested"),
    "review.approved": ("in_review", "approved"),
    "review.approval_lapsed": ("approved", "in_review"),
    "review.rejected": ("in_review", "rejected"),
    "review.published": ("approved", "published"),
    "review.withdrawn": ("published", "withdrawn"),
}


def build_template(rng: random.Random, ctx: dict, event_type: str) -> dict:
    """(before, after, reason, scope) shaped as the services record them (reviews/services.py)."""
    before, after, reason, scope = {}, {}, "", "review"
    if event_type in STATE_FLOW:
        was, now = STATE_FLOW[event_type]
        version = rng.randint(1, 12)
        if was:
            before = _review_snapshot(rng, ctx, was, version)
            after = dict(before, state=now, version=version + 1, last_edited_by=rng.choice(ctx["actors"])[0])
            if event_type == "review.graded":
                after.update(
                    certainty=rng.choice(CERTAINTIES),
                    recommendation=rng.choice(RECOMMENDATIONS),
                    summary=_text(rng, 1, 4),
                )
            elif event_type == "review.assigned":  # only the assignee changes (reviews/services.py)
                users = [a[0] for a in ctx["actors"]]
                after.update(assignee=rng.choice(users), last_edited_by=before["last_edited_by"])
            elif event_type == "review.approved":  # the approval is frozen with its hash
                after.update(decided_by=rng.choice(ctx["actors"])[0], approved_hash=_approved_hash(rng))
            elif event_type == "review.approval_lapsed":  # reviews/contributions.lapse
                after.update(decided_by=None, approved_hash="", last_edited_by=before["last_edited_by"])
        else:
            after = _review_snapshot(rng, ctx, now, 1)
        if event_type in ("review.published", "review.withdrawn"):
            after["publication_version"] = rng.randint(1, 3)
        if event_type == "review.approval_lapsed":
            reason = _lapse_cause(rng, ctx)
        elif event_type in ("review.changes_requested", "review.rejected", "review.withdrawn") or rng.random() < 0.2:
            reason = rng.choice(REASONS)
    elif event_type.startswith("judgement."):
        domain = rng.choice(list(DOMAINS))
        judgement = {"domain": domain, "severity": rng.choice(DOMAINS[domain]), "rationale": _text(rng, 1, 3)}
        if event_type == "judgement.saved":
            after = judgement
            if rng.random() < 0.4:
                before = dict(judgement, severity=rng.choice(DOMAINS[domain]), rationale=_text(rng, 1, 2))
        else:
            before = judgement
    elif event_type == "reference.saved":
        scope = "library"
        pk, title, kind, pmid, doi, url, year, _ = _reference(rng, ctx)
        after = {
            "title": title,
            "kind": kind,
            "pmid": pmid or "",
            "doi": doi or "",
            "url": url or "",
            "year": year,
            "reference_id": pk,
        }
        if rng.random() < 0.5:
            before = {k: v for k, v in after.items() if k != "reference_id"} | {"year": (year or 2000) - 1}
    elif event_type.startswith("reference."):
        ref = _reference(rng, ctx)
        if event_type == "reference.attached":
            note = _text(rng, 1, 1) if rng.random() < 0.7 else ""
            after = {"reference_id": ref[0], "reference": ref[7], "note": note}
        else:
            before = {"reference_id": ref[0], "reference": ref[7]}
    elif event_type.startswith("contraindication."):
        scope = "contraindication"
        snap = _contraindication(rng, ctx, None, None)
        if event_type == "contraindication.added":
            after = snap
        elif event_type == "contraindication.changed":
            before, after = snap, dict(snap, severity="absolute", rationale=_text(rng, 1, 2))
        else:
            before = snap
    elif event_type in ("remedy.added", "remedy.changed"):
        scope = "remedy"
        if ctx["remedies"]:
            _, name, category, atc, tier, risk_reason = rng.choice(ctx["remedies"])
        else:
            name, category, atc, tier, risk_reason = "Quinine", "drug", "P01BC01", "high", "Haematological toxicity."
        before = {"name": name, "category": category, "atc_code": atc, "risk_tier": tier, "risk_reason": risk_reason}
        if event_type == "remedy.added":
            before, after = {}, before
        elif rng.random() < 0.3:  # reviews/catalogue_edits.remedy_set_aliases
            aliases = [name.lower(), f"{name.lower()} extract", f"{name.split()[0].lower()} (bench)"]
            before, after = {"aliases": aliases[:2]}, {"aliases": aliases}
        else:
            after = dict(before, risk_tier=rng.choice(["low", "moderate", "high"]), risk_reason=_text(rng, 1, 2))
    elif event_type == "catalogue.loaded":  # reviews/catalogue_edits.catalogue_loaded, by the loader
        scope = "catalogue"
        kinds = ("remedies", "aliases", "sources", "claims", "appearances")
        after = {
            "created": {k: rng.randint(0, 40) for k in kinds if rng.random() < 0.6},
            "updated": {k: rng.randint(1, 12) for k in kinds if rng.random() < 0.3},
            "verified_against_corpus": rng.random() < 0.8,
        }
    elif event_type == "claim.changed":  # reviews/catalogue_edits.claim_update
        scope = "claim"
        remedy_ids = [r[0] for r in ctx["remedies"]] or [1]
        statement = rng.choice(ctx["statements"]) if ctx["statements"] else _text(rng, 1, 2)
        before = {
            "remedy": rng.choice(remedy_ids),
            "kind": rng.choice(CLAIM_KINDS),
            "population": rng.choice([None, *POPULATIONS]),
            "statement": statement,
        }
        after = dict(before)
        changed = rng.choice(["remedy", "kind", "population", "statement"])
        after[changed] = {
            "remedy": rng.choice(remedy_ids),
            "kind": rng.choice(CLAIM_KINDS),
            "population": rng.choice(POPULATIONS),
            "statement": statement.rstrip(".") + " (reworded).",
        }[changed]
    else:
        raise ValueError(event_type)
    return {"before": before, "after": after, "reason": reason, "scope": scope}


def _copy_escape(text: str) -> str:
    """COPY text format: backslash, tab, newline and carriage return are escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class ChainGenerator:
    """Appends valid events to the chain, continuing from the last one already in the database."""

    N_TEMPLATES = 6000

    def __init__(
        self, ctx: dict, last_seq: int, last_hash: str, last_at: datetime | None = None, seed: int = 20240611
    ):
        from reviews.audit import compute_hash, iso_utc, to_json_value
        from reviews.audit_keys import chain_keys
        from reviews.models import AuditEventType

        missing = set(AuditEventType.values) - set(EVENT_WEIGHTS)
        assert not missing, f"EVENT_WEIGHTS must name every event type; missing: {sorted(missing)}"
        self.compute_hash, self.iso_utc = compute_hash, iso_utc
        self.keys = chain_keys()
        self.rng = random.Random(seed)
        self.seq, self.prev_hash = last_seq, last_hash
        # Generated events come after the ones already in the chain (the catalogue loader's).
        self.start = max(datetime(2023, 1, 2, 8, 0, tzinfo=UTC), last_at or datetime.min.replace(tzinfo=UTC))
        self.micros = 0
        types = [t for t in EVENT_WEIGHTS if t in AuditEventType.values]  # the types this version knows
        weights = [EVENT_WEIGHTS[t] for t in types]
        self.templates = []
        for event_type in self.rng.choices(types, weights, k=self.N_TEMPLATES):
            tpl = build_template(self.rng, ctx, event_type)
            before, after = to_json_value(tpl["before"]), to_json_value(tpl["after"])  # as audit_record stores them
            self.templates.append(
                (
                    event_type,
                    before,
                    after,
                    tpl["reason"],
                    tpl["scope"],
                    _copy_escape(orjson.dumps(before).decode()),
                    _copy_escape(orjson.dumps(after).decode()),
                    _copy_escape(tpl["reason"]),
                )
            )
        self.actors = [(pk, name, _copy_escape(name)) for pk, name in ctx["actors"]]
        self.reviews = ctx["reviews"] or [(None, None, None)]
        self.remedy_ids = [r[0] for r in ctx["remedies"]] or [None]

    def lines(self, count: int):
        rng, templates, actors = self.rng, self.templates, self.actors
        reviews, remedy_ids = self.reviews, self.remedy_ids
        compute_hash, iso_utc, start = self.compute_hash, self.iso_utc, self.start
        keys, key_id = self.keys, self.keys.current_id
        n_tpl, n_actor, n_review, n_remedy = len(templates), len(actors), len(reviews), len(remedy_ids)
        null = "\\N"
        for _ in range(count):
            self.seq += 1
            self.micros += rng.randrange(200_000, 60_000_000)
            occurred_at = iso_utc(start + timedelta(microseconds=self.micros))
            event_type, before, after, reason, scope, before_c, after_c, reason_c = templates[rng.randrange(n_tpl)]
            if rng.random() < 0.01 or scope == "catalogue":  # a system event: no user row, named as reviews.actors
                actor_id, username, username_c = None, SYSTEM_ACTOR, SYSTEM_ACTOR
            else:
                actor_id, username, username_c = actors[rng.randrange(n_actor)]
            claim_id = review_id = remedy_id = None
            if scope == "review":
                claim_id, review_id, _ = reviews[rng.randrange(n_review)]
            elif scope == "contraindication":
                claim_id, review_id, remedy_id = reviews[rng.randrange(n_review)]
            elif scope == "remedy":
                remedy_id = remedy_ids[rng.randrange(n_remedy)]
            elif scope == "claim":
                claim_id = reviews[rng.randrange(n_review)][0]
            row = {
                "seq": self.seq,
                "occurred_at": occurred_at,
                "event_type": event_type,
                "actor_id": actor_id,
                "actor_username": username,
                "claim_id": claim_id,
                "review_id": review_id,
                "remedy_id": remedy_id,
                "before": before,
                "after": after,
                "reason": reason,
                "prev_hash": self.prev_hash,
                "key_id": key_id,
            }
            digest = compute_hash(row, keys)
            yield (
                "\t".join(
                    (
                        str(self.seq),
                        occurred_at,
                        event_type,
                        null if actor_id is None else str(actor_id),
                        username_c,
                        null if claim_id is None else str(claim_id),
                        null if review_id is None else str(review_id),
                        null if remedy_id is None else str(remedy_id),
                        before_c,
                        after_c,
                        reason_c,
                        self.prev_hash,
                        key_id,
                        digest,
                    )
                )
                + "\n"
            )
            self.prev_hash = digest


def chain_tail(db_url: str) -> tuple[int, str, datetime | None]:
    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT seq, hash, occurred_at FROM reviews_auditevent ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1], row[2]) if row else (0, "0" * 64, None)


def load_events(db_url: str, generator: ChainGenerator, count: int) -> float:
    started = time.perf_counter()
    with psycopg.connect(db_url) as conn, conn.cursor() as cur:
        with cur.copy(f"COPY reviews_auditevent ({', '.join(LOAD_COLUMNS)}) FROM STDIN") as copy:
            block = []
            for line in generator.lines(count):
                block.append(line)
                if len(block) >= 5000:
                    copy.write("".join(block))
                    block.clear()
            if block:
                copy.write("".join(block))
        conn.commit()
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE) reviews_auditevent")
        conn.execute("CHECKPOINT")  # so that no checkpoint of the load lands in the middle of a measurement
    return time.perf_counter() - started


# --------------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------------


def measure_floor(db_url: str) -> dict:
    with psycopg.connect(db_url) as conn, conn.cursor() as cur:
        started = time.perf_counter()
        nbytes = 0
        with cur.copy(FLOOR_SQL) as copy:
            for block in copy:
                nbytes += len(block)
        seconds = time.perf_counter() - started
        rows = cur.rowcount
    return {"seconds": seconds, "rows": rows, "bytes": nbytes}


def measure_floor_server_only(db_url: str) -> float | None:
    """The same COPY written by the server to /dev/null: how much of the floor is the client's reading."""
    try:
        with psycopg.connect(db_url) as conn:
            started = time.perf_counter()
            conn.execute(FLOOR_SQL.replace("TO STDOUT", "TO '/dev/null'"))
            return time.perf_counter() - started
    except psycopg.Error:  # not a superuser, or not allowed to write server files
        return None


TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_command(env: dict, args: list[str], workdir: Path) -> dict:
    """Run `manage.py export_audit ARGS`: wall time, peak RSS (KB -> MB), CPU seconds, events exported."""
    cmd = [PYTHON, "manage.py", "export_audit", *args]
    timing = workdir / "time.txt"
    if TIME_BIN:
        cmd = [TIME_BIN, "-f", "%M %U %S", "-o", str(timing), *cmd]
        started = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr}")
        maxrss_kb, user, system = timing.read_text().strip().splitlines()[-1].split()
        peak_mb, cpu = int(maxrss_kb) / 1024, float(user) + float(system)
    else:  # psutil polling of the child
        started = time.perf_counter()
        popen = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sampler = PeakSampler(popen.pid, interval=0.02)
        sampler.start()
        _, stderr = popen.communicate()
        seconds = time.perf_counter() - started
        peak_mb, cpu = sampler.stop() / 2**20, float("nan")
        proc = subprocess.CompletedProcess(cmd, popen.returncode, "", stderr)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    match = re.search(r"(\d+) events exported", proc.stderr)
    exported = int(match.group(1)) if match else None
    return {"seconds": seconds, "peak_rss_mb": peak_mb, "cpu_s": cpu, "exported": exported}


def http_get(port: int, token: str, query: str, worker: psutil.Process) -> dict:
    baseline = worker.memory_info().rss
    cpu_before = sum(worker.cpu_times()[:2])
    sampler = PeakSampler(worker.pid, interval=0.05)
    sampler.start()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    started, client_cpu = time.perf_counter(), time.thread_time()
    conn.request("GET", f"/api/v1/audit/export/?{query}", headers={"Authorization": f"Token {token}"})
    resp = conn.getresponse()
    first_byte = time.perf_counter() - started
    if resp.status != 200:
        body = resp.read()[:500]
        sampler.stop()
        raise RuntimeError(f"HTTP {resp.status} for {query}: {body!r}")
    nbytes = newlines = 0
    while True:
        chunk = resp.read(1 << 16)
        if not chunk:
            break
        nbytes += len(chunk)
        newlines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    client_cpu = time.thread_time() - client_cpu
    conn.close()
    peak = sampler.stop()
    return {
        "seconds": seconds,
        "first_byte_s": first_byte,
        "bytes": nbytes,
        "newlines": newlines,
        "peak_rss_mb": peak / 2**20,
        "baseline_rss_mb": baseline / 2**20,
        "delta_rss_mb": (peak - baseline) / 2**20,
        "worker_cpu_s": sum(worker.cpu_times()[:2]) - cpu_before,
        "client_cpu_s": client_cpu,
        "rss_samples": sampler.samples,
    }


def best(runs: list[dict]) -> dict:
    """The fastest run, with the highest peak RSS seen over all runs."""
    fastest = dict(min(runs, key=lambda r: r["seconds"]))
    for key in ("peak_rss_mb", "delta_rss_mb"):
        if key in fastest:
            fastest[key] = max(r[key] for r in runs)
    fastest["runs"] = len(runs)
    fastest["all_seconds"] = [round(r["seconds"], 4) for r in runs]
    return fastest


def measure_size(
    size: int, db_url: str, env: dict, server: Gunicorn, token: str, workdir: Path, startup: dict
) -> list[dict]:
    repeats = 3 if size <= 10_000 else 2 if size <= 100_000 else 1
    results = []
    measure_floor(db_url)  # warm-up: the table and its index in the page cache
    floor = best([measure_floor(db_url) for _ in range(repeats)])
    if floor["rows"] != size:
        raise RuntimeError(f"COPY returned {floor['rows']} rows, expected {size}")
    floor_rate = size / floor["seconds"]
    server_only = min(filter(None, [measure_floor_server_only(db_url) for _ in range(repeats)]), default=None)
    floor["server_only_seconds"] = server_only
    floor["server_only_rows_per_s"] = size / server_only if server_only else None
    results.append(
        {
            "size": size,
            "format": "csv",
            "path": "floor COPY",
            "rows_per_s": floor_rate,
            "ratio": 1.0,
            "peak_rss_mb": None,
            **floor,
        }
    )
    log(
        f"  floor COPY: {floor_rate:,.0f} rows/s ({floor['bytes'] / 2**20:.1f} MB in {floor['seconds']:.2f} s)"
        + (f"; the server alone (COPY TO '/dev/null'): {size / server_only:,.0f} rows/s" if server_only else "")
    )

    files = {}
    for fmt in ("csv", "ndjson"):
        out = workdir / f"export-{size}.{fmt}"
        runs = [run_command(env, ["--format", fmt, "--output", str(out)], workdir) for _ in range(repeats)]
        run = best(runs)
        if run["exported"] != size:
            raise RuntimeError(f"export_audit --format {fmt} exported {run['exported']} events, expected {size}")
        run["bytes"] = out.stat().st_size
        files[fmt] = out
        rate = size / run["seconds"]
        net = run["seconds"] - startup["seconds"]
        results.append(
            {
                "size": size,
                "format": fmt,
                "path": "command",
                "rows_per_s": rate,
                "ratio": rate / floor_rate,
                "rows_per_s_net_of_startup": size / net if net > 0 else None,
                **run,
            }
        )
        log(
            f"  command {fmt:6}: {rate:,.0f} rows/s (net of start-up {size / net if net > 0 else float('nan'):,.0f}),"
            f" ratio {rate / floor_rate:.3f}, peak RSS {run['peak_rss_mb']:.1f} MB, {run['seconds']:.2f} s"
        )

    worker = server.worker()
    for fmt in ("csv", "ndjson"):
        runs = [http_get(server.port, token, f"format={fmt}", worker) for _ in range(repeats)]
        run = best(runs)
        expected = files[fmt].stat().st_size
        if run["bytes"] != expected:  # same generators, same data: the body is the command's file, byte for byte
            raise RuntimeError(f"HTTP {fmt} body has {run['bytes']} bytes, the command's file {expected}")
        if fmt == "ndjson" and run["newlines"] != size + 1:
            raise RuntimeError(f"HTTP ndjson has {run['newlines']} lines, expected {size + 1}")
        rate = size / run["seconds"]
        results.append(
            {"size": size, "format": fmt, "path": "HTTP", "rows_per_s": rate, "ratio": rate / floor_rate, **run}
        )
        log(
            f"  HTTP    {fmt:6}: {rate:,.0f} rows/s, ratio {rate / floor_rate:.3f}, worker peak RSS "
            f"{run['peak_rss_mb']:.1f} MB (+{run['delta_rss_mb']:.1f}), worker CPU {run['worker_cpu_s']:.1f} s, "
            f"client CPU {run['client_cpu_s']:.1f} s, {run['seconds']:.2f} s"
        )
    return results


def measure_startup(env: dict, workdir: Path) -> dict:
    """An export of nothing: Django's start-up, the filter, chain_head; the RSS baseline of the command."""
    runs = [
        run_command(
            env,
            ["--format", "ndjson", "--since", "2100-01-01T00:00:00Z", "--output", str(workdir / "empty.ndjson")],
            workdir,
        )
        for _ in range(3)
    ]
    return best(runs)


# --------------------------------------------------------------------------------------------------
# Where the time goes (in this process, at the 100k stage)
# --------------------------------------------------------------------------------------------------


def _drain(blocks) -> tuple[int, int, float | None]:
    rows = nbytes = 0
    first = None
    started = time.perf_counter()
    for block, n in blocks:
        if first is None:
            first = time.perf_counter() - started
        rows += n
        nbytes += len(block)
    return rows, nbytes, first


def breakdown(db_url: str, size: int, csv_file: Path, ndjson_file: Path) -> dict:
    """The export's own work in this process, without HTTP or a file: the COPY floor drained by
    psycopg, the shipped path (reviews.audit_export.export_blocks: COPY renders the rows), and the
    Python rendering the SQLite demo uses, for comparison."""
    from django.db import connection

    from reviews import audit_export
    from reviews.models import AuditEvent

    assert tuple(audit_export.COLUMNS) == EXPORT_COLUMNS, "bench columns differ from reviews.audit_export.COLUMNS"
    stages: dict[str, dict] = {}

    def stage(name, fn):
        started = time.perf_counter()
        rows, nbytes, first = fn()
        seconds = time.perf_counter() - started
        stages[name] = {
            "seconds": seconds,
            "rows": rows,
            "bytes": nbytes,
            "rows_per_s": rows / seconds,
            "us_per_row": seconds / rows * 1e6,
            "first_block_s": first,
        }
        log(
            f"  {name:58} {rows / seconds:>11,.0f} rows/s  {seconds / rows * 1e6:6.2f} µs/row"
            + (f"  (first block after {first * 1000:.1f} ms)" if first is not None else "")
        )

    def floor():
        with psycopg.connect(db_url, autocommit=True) as conn, conn.cursor() as cur, cur.copy(FLOOR_SQL) as copy:
            return _drain((block, 1) for block in copy)

    qs = AuditEvent.objects.all()
    connection.close()
    stage("floor: COPY ... WITH CSV drained by psycopg", floor)
    for fmt in ("csv", "ndjson"):
        stage(
            f"export_blocks(format={fmt}) (COPY renders the rows)",
            lambda fmt=fmt: _drain(audit_export.export_blocks(qs, fmt, head=audit_export.chain_head())),
        )
    for fmt in ("csv", "ndjson"):
        stage(
            f"rendered in Python ({fmt}), the SQLite path, for comparison",
            lambda fmt=fmt: _drain(audit_export._rendered_blocks(qs.order_by("seq"), fmt, audit_export.BLOCK_BYTES)),
        )
    connection.close()
    return {"size": size, "stages": stages}


def judge(results: list[dict]) -> dict:
    verdicts = {"ratio": [], "rss": [], "flat": []}
    for r in results:
        if r["path"] == "floor COPY":
            continue
        r["ratio_ok"] = r["ratio"] >= RATIO_TARGET
        r["rss_ok"] = r["peak_rss_mb"] < RSS_LIMIT_MB
        if not r["ratio_ok"]:
            verdicts["ratio"].append(f"{r['path']} {r['format']} at {r['size']:,}: ratio {r['ratio']:.3f}")
        if not r["rss_ok"]:
            verdicts["rss"].append(f"{r['path']} {r['format']} at {r['size']:,}: {r['peak_rss_mb']:.1f} MB")
    flat = {}
    for path in ("command", "HTTP"):
        for fmt in ("csv", "ndjson"):
            peaks = [r["peak_rss_mb"] for r in results if r["path"] == path and r["format"] == fmt]
            if len(peaks) > 1:
                spread = max(peaks) - min(peaks)
                flat[f"{path} {fmt}"] = {
                    "peaks_mb": [round(p, 1) for p in peaks],
                    "spread_mb": round(spread, 1),
                    "flat": spread <= FLAT_TOLERANCE_MB,
                }
                if spread > FLAT_TOLERANCE_MB:
                    verdicts["flat"].append(f"{path} {fmt}: spread {spread:.1f} MB")
    return {"missed": verdicts, "flatness": flat}


def print_table(results: list[dict], verdict: dict, startup: dict) -> None:
    print()
    print(f"{'size':>10}  {'format':6}  {'path':10}  {'rows/s':>11}  {'ratio vs COPY':>15}  {'peak RSS MB':>14}  notes")
    print("-" * 110)
    for r in results:
        if r["path"] == "floor COPY":
            ratio, rss, notes = "1 (floor)", "-", f"{r['bytes'] / 2**20:.0f} MB of CSV"
            if r.get("server_only_rows_per_s"):
                notes += f"; server alone (TO '/dev/null') {r['server_only_rows_per_s']:,.0f} rows/s"
        else:
            ratio = f"{r['ratio']:.3f} {'ok' if r['ratio_ok'] else 'MISSED'}"
            rss = f"{r['peak_rss_mb']:.1f} {'ok' if r['rss_ok'] else 'MISSED'}"
            if r["path"] == "command":
                net = r.get("rows_per_s_net_of_startup")
                notes = f"net of start-up {net:,.0f} rows/s; CPU {r['cpu_s']:.1f} s" if net else ""
            else:
                notes = (
                    f"+{r['delta_rss_mb']:.1f} MB over idle worker; worker CPU {r['worker_cpu_s']:.1f} s "
                    f"of {r['seconds']:.1f} s"
                )
        if r.get("concurrent_benchmark"):
            notes += "; ANOTHER BENCHMARK RAN MEANWHILE"
        print(
            f"{r['size']:>10,}  {r['format']:6}  {r['path']:10}  {r['rows_per_s']:>11,.0f}  {ratio:>15}  "
            f"{rss:>14}  {notes}"
        )
    print()
    print(f"command start-up (an empty export): {startup['seconds']:.2f} s, peak RSS {startup['peak_rss_mb']:.1f} MB")
    for name, f in verdict["flatness"].items():
        print(
            f"RSS across sizes, {name:14}: {f['peaks_mb']} MB, spread {f['spread_mb']} MB -> "
            f"{'flat' if f['flat'] else 'NOT FLAT (MISSED)'}"
        )
    missed = verdict["missed"]
    print(
        f"target ratio >= {RATIO_TARGET}: "
        + (
            "ok"
            if not missed["ratio"]
            else f"MISSED ({len(missed['ratio'])} of "
            f"{sum(1 for r in results if r['path'] != 'floor COPY')} measurements)"
        )
    )
    print(
        f"target peak RSS < {RSS_LIMIT_MB:.0f} MB: "
        + ("ok" if not missed["rss"] else "MISSED: " + "; ".join(missed["rss"]))
    )
    print(
        f"target RSS flat across sizes (spread <= {FLAT_TOLERANCE_MB:.0f} MB): "
        + ("ok" if not missed["flat"] else "MISSED: " + "; ".join(missed["flat"]))
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.audit_export", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in SIZES),
        help="comma-separated chain sizes, ascending (default 10000,100000,1000000)",
    )
    parser.add_argument("--no-wait", action="store_true", help="do not wait for another benchmark to finish")
    parser.add_argument("--no-breakdown", action="store_true", help="skip the in-process breakdown")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database at the end")
    parser.add_argument(
        "--breakdown-size",
        type=int,
        default=BREAKDOWN_SIZE,
        help=f"the size at which the breakdown runs, if it is one of the sizes (default {BREAKDOWN_SIZE})",
    )
    parser.add_argument(
        "--results",
        type=Path,
        default=Path(os.environ.get("BENCH_AUDIT_RESULTS", RESULTS)),
        help=f"where the JSON goes (default BENCH_AUDIT_RESULTS or {RESULTS.relative_to(ROOT)})",
    )
    args = parser.parse_args(argv)
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",")})
    results_path = args.results.resolve()
    db_url = os.environ.get("BENCH_AUDIT_DATABASE_URL", DEFAULT_URL)
    env = django_env(db_url)
    _split_url(db_url)  # refuses a database whose name lacks "bench" before anything is touched

    waiter = QuietWaiter(budget=900, interval=30, enabled=not args.no_wait)
    waiter.wait("start")
    watcher = BusyWatcher()
    watcher.start()
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    server = Gunicorn(env, workdir / "gunicorn.log")
    results: list[dict] = []
    stages: list[dict] = []
    report: dict = {}
    try:
        log(f"database {_split_url(db_url)[1]}: drop, create, migrate, load_catalogue")
        recreate_database(db_url)
        manage(env, "migrate", "--no-input", "-v0")
        catalogue = manage(env, "load_catalogue", "--no-corpus", check=False)
        if catalogue.returncode != 0:
            log(f"load_catalogue failed (events will have no claim/review ids): {catalogue.stderr.strip()[-300:]}")
        setup_django(env)
        ctx = create_accounts()
        from django.db import connections

        connections.close_all()
        log(
            f"accounts: auditor + {len(ctx['actors'])} reviewers; {len(ctx['reviews'])} reviews of catalogue claims, "
            f"{len(ctx['remedies'])} remedies, {len(ctx['references'])} references"
        )

        # The setup's own events (load_catalogue records one) start the chain; generated ones continue it.
        last_seq, last_hash, last_at = chain_tail(db_url)
        if last_seq >= sizes[0]:
            raise RuntimeError(f"the setup left {last_seq} audit events, more than the first size ({sizes[0]})")
        if last_seq:
            log(f"the chain starts with the setup's {last_seq} audit event(s); generated events continue it")
        generator = ChainGenerator(ctx, last_seq, last_hash, last_at)
        startup = measure_startup(env, workdir)
        log(f"command start-up (empty export): {startup['seconds']:.2f} s, peak RSS {startup['peak_rss_mb']:.1f} MB")
        server.start()
        worker = server.worker()
        for fmt in ("csv", "ndjson"):  # warm the worker (imports, URL resolver) with empty exports
            http_get(server.port, ctx["token"], f"format={fmt}&since=2100-01-01T00:00:00Z", worker)
        log(
            f"gunicorn on port {server.port}, worker pid {worker.pid}, "
            f"idle RSS {worker.memory_info().rss / 2**20:.1f} MB"
        )

        for index, size in enumerate(sizes):
            waiter.wait(f"stage {size}")
            add = size - generator.seq
            seconds = load_events(db_url, generator, add)
            stages.append({"size": size, "added": add, "load_seconds": round(seconds, 2)})
            log(
                f"stage {size:,}: generated and loaded {add:,} events in {seconds:.1f} s "
                f"({add / seconds:,.0f} events/s)"
            )
            if index == 0:
                verdict = manage(env, "verify_audit").stdout.strip()
                log(f"  verify_audit: {verdict}")
                if verdict != f"ok, {size} events":
                    raise RuntimeError(f"generated chain is not valid: {verdict}")
                stages[-1]["verify_audit"] = verdict
            measured_from = time.perf_counter()
            measured = measure_size(size, db_url, env, server, ctx["token"], workdir, startup)
            overlap = watcher.seen_since(measured_from)
            if overlap:
                log(f"  WARNING: another benchmark ran during these measurements ({overlap[0]}): figures distorted")
                for r in measured:
                    r["concurrent_benchmark"] = overlap
            results.extend(measured)
            if index == 0:
                verdict = manage(env, "verify_audit", "--file", str(workdir / f"export-{size}.ndjson")).stdout.strip()
                log(f"  verify_audit --file (the command's NDJSON): {verdict}")
                stages[-1]["verify_audit_file"] = verdict
            if size == args.breakdown_size and not args.no_breakdown:
                waiter.wait("breakdown")
                log(f"breakdown at {size:,} events (in this process)")
                measured_from = time.perf_counter()
                report["breakdown"] = breakdown(
                    db_url, size, workdir / f"export-{size}.csv", workdir / f"export-{size}.ndjson"
                )
                report["breakdown"]["concurrent_benchmark"] = watcher.seen_since(measured_from)
                connections.close_all()
            for path in workdir.glob(f"export-{size}.*"):
                path.unlink()
        verdict = judge(results)
        print_table(results, verdict, startup)
        report.update(
            {
                "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "machine": {
                    "cpus": os.cpu_count(),
                    "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                    "python": sys.version.split()[0],
                    "postgres": _server_version(db_url),
                },
                "database": _split_url(db_url)[1],
                "waited_for_other_benchmark": waiter.waits,
                "targets": {
                    "ratio_vs_copy_min": RATIO_TARGET,
                    "peak_rss_mb_max": RSS_LIMIT_MB,
                    "flat_spread_mb_max": FLAT_TOLERANCE_MB,
                },
                "command_startup": startup,
                "stages": stages,
                "results": results,
                "verdict": verdict,
            }
        )
    finally:
        watcher.stop()
        server.stop()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 (Django may not be set up yet)
            pass
        if not args.keep_db:
            try:
                drop_database(db_url)
            except psycopg.Error as exc:
                log(f"could not drop the bench database: {exc}")
        shutil.rmtree(workdir, ignore_errors=True)
    waited = sum(w["waited_s"] for w in waiter.waits)
    report["total_seconds"] = round(time.perf_counter() - began, 1)
    waited_during_run = sum(w["waited_s"] for w in waiter.waits if w["before"] != "start")  # `began` is after "start"
    report["total_seconds_excluding_waits"] = round(report["total_seconds"] - waited_during_run, 1)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    log(
        f"done in {report['total_seconds']:.0f} s ({report['total_seconds_excluding_waits']:.0f} s without waiting "
        f"for another benchmark, {waited:.0f} s waited in all); results in "
        f"{results_path.relative_to(ROOT) if results_path.is_relative_to(ROOT) else results_path}"
    )
    return 0


def _server_version(db_url: str) -> str:
    with psycopg.connect(db_url) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
