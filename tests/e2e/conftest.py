"""Fixtures of the browser tests: one service and one Chromium for the whole package, a fresh page per test."""

from pathlib import Path

import pytest

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS, Service


@pytest.fixture(scope="package")
def service(tmp_path_factory):
    service = Service(tmp_path_factory.mktemp("e2e-service"))
    try:
        service.start()
        yield service
    finally:
        service.stop()


@pytest.fixture(scope="package")
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
