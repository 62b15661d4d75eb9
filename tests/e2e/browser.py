"""The end-to-end harness: the service run for real in a subprocess on its own throwaway SQLite
file, and the helpers a test uses to act as a user would in Chromium (Playwright)."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "review-demo-2026")
SCREENSHOT = REPO_ROOT / "test-artifacts" / "review-approved.png"
TIMEOUT_MS = 15_000

# What the services write for the quinine scenario (test_review_in_browser), in order, as the
# claim's audit history page lists it, with who wrote it. reference.saved (the library entry) names
# no claim, so it is not on that page; the remedy-wide contraindication is there through the
# claim's remedy. Quinine is high-risk: two independent gradings first (each one outcome with two
# judgements, the recommendation, submitted), nothing to resolve, so the second submission lists no
# disagreement and makes their grading the review's (its outcome and judgements, grading.resolved).
INDEPENDENT_GRADING = [
    "grading.started",
    "outcome.added",
    "judgement.saved",
    "judgement.saved",
    "grading.changed",
    "grading.submitted",
]
CLAIM_HISTORY = [
    ("review.started", "reviewer"),
    *[(event, "reviewer") for event in INDEPENDENT_GRADING],
    *[(event, "reviewer2") for event in INDEPENDENT_GRADING],
    ("grading.disagreements_listed", "reviewer2"),
    ("outcome.added", "reviewer2"),
    ("judgement.saved", "reviewer2"),
    ("judgement.saved", "reviewer2"),
    ("grading.resolved", "reviewer2"),
    ("review.graded", "reviewer"),
    ("reference.attached", "reviewer"),
    ("contraindication.added", "reviewer"),
    ("review.submitted", "reviewer"),
    ("review.approved", "senior"),
]
CLAIM_EVENTS = [event for event, _ in CLAIM_HISTORY]

REFERENCE = {
    "title": "Quinine for muscle cramps (Cochrane systematic review, El-Tawil et al.)",
    "pmid": "25842375",
    "doi": "10.1002/14651858.CD005044.pub3",
    "year": "2015",
    "kind": "systematic_review",
}


# ---- the service, in a subprocess ------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Service:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.db_path = workdir / "db.sqlite3"
        self.log_path = workdir / "runserver.log"
        self.port = _free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        # The real settings on a fresh SQLite file, whatever DATABASE_URL the test pass uses.
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": f"sqlite:///{self.db_path}",
            # Its own anchors of the audit chain: verify_audit reads every anchor in the file, and
            # another service's (or the environment's) would not match this database's chain.
            "AUDIT_ANCHOR_PATH": str(workdir / "audit-anchors.log"),
            "DEBUG": "true",
            "CORPUS_DIR": str(settings.CORPUS_DIR),
            "DEMO_PASSWORD": DEMO_PASSWORD,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "PYTHONUNBUFFERED": "1",
        }
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=REPO_ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
            )
        return result

    def start(self, *, demo_reviews: bool = False) -> None:
        """Migrate, load the catalogue and the demo accounts (and, asked for, the demo reviews:
        published, dual-graded, sent back), then run the server."""
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_catalogue")
        self.manage("load_demo", *([] if demo_reviews else ["--accounts-only"]))
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=REPO_ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"runserver exited ({self.process.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/admin/login/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise AssertionError(f"runserver did not answer within 60 s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def query(self, sql: str, params=()) -> list[tuple]:
        """Read the service's database (read only; the server keeps running)."""
        connection = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()


# ---- helpers, as a user would act ---------------------------------------------------------------


def log_in(page, username: str) -> None:
    page.goto("/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("#login-form input[type=submit]")
    page.wait_for_url("**/admin/")
    page.locator("#user-tools").get_by_text("Log out").wait_for()


def log_out(page) -> None:
    page.locator("#logout-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Logged out" in page.content()


def messages(page, level: str) -> str:
    return " ".join(page.locator(f"ul.messagelist li.{level}").all_inner_texts())


def review_state(page) -> str:
    return page.locator(".field-state .readonly").inner_text().strip()


def choose_autocomplete(page, select_id: str, search: str, expected: str) -> None:
    """Pick an option of a Django admin autocomplete (select2) widget by typing, like a user."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-container--open .select2-results__option", has_text=expected).first.click()
    assert expected in page.locator(f"#{select_id} + .select2 .select2-selection__rendered").inner_text()


def add_inline_row(page, group_id: str) -> str:
    """Click the inline's "Add another …" link; return the new form's id prefix."""
    group = page.locator(f"#{group_id}")
    total = int(group.locator("input[name$='-TOTAL_FORMS']").input_value())
    group.locator(".add-row a").click()
    prefix = group_id.removesuffix("-group")
    page.locator(f"#id_{prefix}-{total}-{'reference' if prefix == 'review_references' else 'id'}").wait_for(
        state="attached"
    )
    return f"id_{prefix}-{total}"


def confirm_transition(page, label: str) -> None:
    confirm = page.locator("#confirm-transition")
    assert confirm.get_attribute("value") == label
    confirm.click()
    page.wait_for_load_state()


# ---- the scenario -----------------------------------------------------------------------------
