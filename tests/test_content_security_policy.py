"""Every answer carries a strict Content-Security-Policy (Django's CSP middleware): scripts, styles
and everything else only from the service itself, no plugins, no framing, forms post only back to
it. The pages the project renders keep to it: no inline script, no inline style."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Claim
from core.tokens import token_issue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_strict(response):
    directives = policy(response)
    for name, values in STRICT.items():
        assert directives.get(name) == values, f"{name}: {directives.get(name)}"
    for values in directives.values():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"} & set(values)


def assert_no_inline_script_or_style(html: str):
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, f"inline script: {tag}"
    assert not re.search(r"<style\b", html), "inline <style> block"
    assert not re.search(r"\sstyle=", html), "inline style attribute"


@pytest.fixture
def admin_client(db):
    client = Client()
    client.force_login(UserFactory(username="csp_admin", is_superuser=True))
    return client


@pytest.fixture
def claim(db):
    return Claim.objects.filter(remedy__name="stretching").order_by("pk").first()


@pytest.mark.parametrize("path", ["/admin/login/", "/api/docs/", "/api/schema/", "/api/v1/nothing-here/"])
def test_anonymous_pages_and_api_answers_carry_the_policy(client, path):
    assert_strict(client.get(path))


def test_swagger_ui_and_its_init_script_keep_to_the_policy(client):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    assert_no_inline_script_or_style(page.content.decode())
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_api_answers_carry_the_policy(db):
    client = Client(
        HTTP_AUTHORIZATION=f"Token {token_issue(user=UserFactory(username='csp_reader', role='content_reader'))}"
    )
    response = client.get("/api/v1/claims/")
    assert response.status_code == 200
    assert_strict(response)


def test_admin_pages_carry_the_policy_and_keep_to_it(admin_client, claim):
    for url in (
        reverse("admin:index"),
        reverse("admin:claims_claim_changelist"),
        reverse("admin:claims_claim_change", args=[claim.pk]),
        reverse("admin:claims_claim_change", args=[claim.pk]).replace("/change/", "/history/"),
        reverse("admin:reviews_review_changelist"),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_strict(response)
        assert_no_inline_script_or_style(response.content.decode())
