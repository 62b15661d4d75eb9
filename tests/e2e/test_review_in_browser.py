"""End to end, in a real browser: a reviewer grades the quinine claim in the admin, a senior
reviewer approves it, and the audit trail records every step.

The service runs for real in a subprocess (`manage.py runserver`) on its own throwaway SQLite
file, not through pytest-django's live_server: the audit table's triggers refuse DELETE, so a
transactional test could not flush it. The pytest database is never touched, on either pass.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser

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

# What the services write for the saves below (reviews/services.py), in order, as the claim's
# audit history page lists it. reference.saved (the library entry) names no claim, so it is not
# on that page; the remedy-wide contraindication is there through the claim's remedy.
CLAIM_EVENTS = [
    "review.started",
    "review.graded",
    "judgement.saved",
    "reference.attached",
    "contraindication.added",
    "review.submitted",
    "review.approved",
]
ALL_EVENTS = ["catalogue.loaded", "reference.saved", *CLAIM_EVENTS]  # the service loads the catalogue first

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

    def start(self) -> None:
        self.manage("migrate", "--no-input", "-v0")
        self.manage("load_catalogue")
        self.manage("load_demo", "--accounts-only")
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


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    service = Service(tmp_path_factory.mktemp("e2e-service"))
    try:
        service.start()
        yield service
    finally:
        service.stop()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-system-deps (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, service):
    context = browser.new_context(base_url=service.base_url, viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    server_errors = []
    page.on("response", lambda r: server_errors.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    # Every page runs under the service's Content-Security-Policy: anything it blocks is a bug.
    page.csp_violations = []
    page.on(
        "console",
        lambda m: page.csp_violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    yield page
    context.close()
    assert not server_errors, f"server errors: {server_errors}\n{service.log()[-5000:]}"
    assert not page.csp_violations, "\n".join(page.csp_violations)


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


def test_reviewer_grades_and_senior_approves_quinine_claim(service, page):
    started = time.monotonic()

    # 1. The reviewer finds the quinine claim and starts a review of it.
    log_in(page, "reviewer")

    # The reference the review will cite goes into the shared library first.
    page.goto("/admin/reviews/reference/add/")
    page.fill("#id_title", REFERENCE["title"])
    page.select_option("#id_kind", REFERENCE["kind"])
    page.fill("#id_pmid", REFERENCE["pmid"])
    page.fill("#id_doi", REFERENCE["doi"])
    page.fill("#id_year", REFERENCE["year"])
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/reviews/reference/")
    assert "was added successfully" in messages(page, "success")
    assert REFERENCE["pmid"] in page.locator("#result_list").inner_text()

    page.goto("/admin/")
    page.locator("#content-main").get_by_role("link", name="Claims", exact=True).click()
    page.fill("#searchbar", "quinine")
    page.locator("#changelist-search input[type=submit]").click()
    page.wait_for_url("**q=quinine**")
    first_claim = page.locator("#result_list tbody tr th a").first
    claim_statement = first_claim.inner_text().strip()
    assert "quinine" in claim_statement.lower()
    first_claim.click()
    claim_id = int(re.search(r"/claim/(\d+)/change/", page.url).group(1))

    page.locator("#start-review").click()
    page.wait_for_url(re.compile(r".*/admin/reviews/review/\d+/change/$"))
    review_id = int(re.search(r"/review/(\d+)/change/", page.url).group(1))
    assert f"Review #{review_id} started." in messages(page, "success")
    assert review_state(page) == "Draft"
    assert claim_statement in page.locator(".field-claim_link .readonly").inner_text()

    # 2. Grading: certainty, recommendation, summary, one GRADE domain, the reference and a
    #    remedy-wide contraindication, in one save.
    page.select_option("#id_certainty", label="Low")
    page.select_option("#id_recommendation", label="Strong against")
    page.fill(
        "#id_summary",
        "Quinine reduces cramp frequency modestly (Cochrane 2015) but its serious "
        "haematological and cardiac harms outweigh the benefit for leg cramps.",
    )

    judgement = add_inline_row(page, "judgements-group")
    page.select_option(f"#{judgement}-domain", label="Imprecision")
    page.select_option(f"#{judgement}-severity", label="Serious (−1)")
    page.fill(f"#{judgement}-rationale", "Few events; the confidence interval includes a trivial benefit.")

    link = add_inline_row(page, "review_references-group")
    choose_autocomplete(page, f"{link}-reference", "25842375", "El-Tawil")
    page.fill(f"#{link}-note", "Pooled RCTs: modest reduction in cramp frequency; adverse events more common.")

    contra = add_inline_row(page, "contraindications_added-group")
    page.select_option(f"#{contra}-scope", label="Every claim of this remedy")
    page.fill(f"#{contra}-condition", "Nocturnal leg cramps (routine use)")
    page.select_option(f"#{contra}-severity", "absolute")
    page.select_option(f"#{contra}-source_kind", "regulator")
    page.fill(
        f"#{contra}-rationale",
        "FDA boxed warning: quinine must not be used for leg cramps; serious "
        "and life-threatening haematological reactions, QT prolongation.",
    )

    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert not page.locator(".errornote, .errorlist").count(), page.locator("#content-main").inner_text()
    assert "was changed successfully" in messages(page, "success"), page.locator("#content").inner_text()
    assert not messages(page, "error")
    assert review_state(page) == "Draft"
    assert page.locator("#id_certainty").input_value() == "low"
    assert page.locator("#id_recommendation").input_value() == "strong_against"
    assert page.locator("#judgements-group").locator("select[name$='-domain']").first.input_value() == "imprecision"
    assert "El-Tawil" in page.locator("#review_references-group").inner_text()
    assert "Nocturnal leg cramps (routine use)" in page.locator(".field-all_contraindications").inner_text()
    assert page.locator(f"#{contra}-scope").input_value() == "remedy"
    assert not page.locator("#approval-gaps").count(), page.locator("#approval-gaps").inner_text()

    page.locator("#transition-submit").click()
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/transition/submit/")
    confirm_transition(page, "Submit for approval")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    assert "Submit for approval: done." in messages(page, "success")
    assert review_state(page) == "In review (awaiting second reviewer)"

    # 3. Four-eyes, in the UI: the grader is not offered "Approve", and forcing the URL is refused.
    assert page.locator("#transition-approve").count() == 0
    page.goto(f"/admin/reviews/review/{review_id}/transition/approve/")
    confirm_transition(page, "Approve")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    refusal = messages(page, "error")
    assert "Approve: refused." in refusal and "Four-eyes" in refusal, refusal
    assert not messages(page, "success")
    assert review_state(page) == "In review (awaiting second reviewer)"
    log_out(page)

    # 4. The senior reviewer approves.
    log_in(page, "senior")
    page.goto(f"/admin/reviews/review/{review_id}/change/")
    assert review_state(page) == "In review (awaiting second reviewer)"
    page.locator("#transition-approve").click()
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/transition/approve/")
    page.fill("#id_reason", "Agreed: strong recommendation against, FDA boxed warning.")
    confirm_transition(page, "Approve")
    page.wait_for_url(f"**/admin/reviews/review/{review_id}/change/")
    assert "Approve: done." in messages(page, "success")
    assert not messages(page, "error")
    assert review_state(page) == "Approved"
    assert "decided by: senior" in page.locator(".field-people .readonly").inner_text()
    assert page.locator("#transition-approve").count() == 0
    # The page is read-only now; the contraindication's scope still reads as the reviewer chose it.
    contra_view = page.locator("#contraindications_added-group")
    assert "Every claim of this remedy" in contra_view.locator(".field-scope .readonly").inner_text()
    assert "Nocturnal leg cramps (routine use)" in contra_view.inner_text()

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    print(f"\nscreenshot: {SCREENSHOT}")

    # 5. The claim's audit history, through the link on the review page.
    page.get_by_role("link", name="Audit history of this claim").click()
    page.wait_for_url(f"**/admin/claims/claim/{claim_id}/history/")
    rows = page.locator("#audit-history tr.audit-event")
    assert rows.locator("td.event-type").all_inner_texts() == CLAIM_EVENTS
    actors = [row.locator("td").nth(3).inner_text() for row in rows.all()]
    assert actors == ["reviewer"] * 6 + ["senior"]

    # 6. Server side: the hash chain holds, and the database says what the page said.
    verify = service.manage("verify_audit")
    match = re.fullmatch(r"ok, (\d+) events", verify.stdout.strip())
    assert match, verify.stdout + verify.stderr
    assert int(match.group(1)) == len(ALL_EVENTS)
    assert [t for (t,) in service.query("SELECT event_type FROM reviews_auditevent ORDER BY seq")] == ALL_EVENTS
    assert service.query(
        "SELECT event_type FROM reviews_auditevent WHERE claim_id = ? OR review_id = ? ORDER BY seq",
        (claim_id, review_id),
    ) == [(t,) for t in CLAIM_EVENTS]  # a contraindication attached in the review is on its record
    [(state, decided_by, graded_by, submitted_by, claim_of_review)] = service.query(
        "SELECT r.state, d.username, g.username, s.username, r.claim_id FROM reviews_review r "
        "JOIN auth_user d ON d.id = r.decided_by_id JOIN auth_user g ON g.id = r.graded_by_id "
        "JOIN auth_user s ON s.id = r.submitted_by_id WHERE r.id = ?",
        (review_id,),
    )
    assert (state, decided_by, graded_by, submitted_by, claim_of_review) == (
        "approved",
        "senior",
        "reviewer",
        "reviewer",
        claim_id,
    )
    [(remedy_wide,)] = service.query(
        "SELECT COUNT(*) FROM reviews_contraindication c JOIN claims_claim cl ON cl.remedy_id = c.remedy_id "
        "WHERE cl.id = ? AND c.claim_id IS NULL AND c.condition = ? AND c.severity = 'absolute' "
        "AND c.source_kind = 'regulator' AND c.review_id = ?",
        (claim_id, "Nocturnal leg cramps (routine use)", review_id),
    )
    assert remedy_wide == 1

    print(f"scenario took {time.monotonic() - started:.1f} s (review #{review_id}, claim #{claim_id})")


def test_swagger_ui_renders_under_the_content_security_policy(service, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto("/api/docs/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    page.locator(".swagger-ui .info .title").get_by_text("Remedy Claims Review").wait_for()
    page.locator(".opblock-summary-path", has_text="/api/v1/claims/").first.wait_for()
    assert page.locator(".opblock").count() > 5
    assert any(url.endswith("swagger-ui-bundle.js") for url in requested)
    assert all(url.startswith(service.base_url) or url.startswith("data:") for url in requested), requested
