"""The API's Swagger UI in a real browser, under the Content-Security-Policy, from local assets only."""

import pytest

pytestmark = pytest.mark.browser


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
