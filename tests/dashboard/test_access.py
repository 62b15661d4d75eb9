"""Who sees the dashboard: reviewers, senior reviewers and auditors (read-only: nothing on it
changes anything), with "my work" for those who review and the agreement figures for those who
may read them; the administrator sees the plain index; the content account has no admin at all.
Every asset is the service's own: no CDN, no script, no inline style."""

import re

import pytest

from reviews.agreement import can_see_agreement

from .pages import INDEX, document

pytestmark = pytest.mark.django_db

PARTS = {
    "reviewer": {"dashboard", "my-work"},
    "reviewer2": {"dashboard", "my-work"},
    "senior": {"dashboard", "my-work", "dash-agreement"},
    "senior2": {"dashboard", "my-work", "dash-agreement"},
    "auditor": {"dashboard", "dash-agreement"},
    "admin": set(),
}


def test_who_sees_which_part(demo, login):
    for name, parts in PARTS.items():
        page = document(login(demo[name]).get(INDEX))
        for part in ("dashboard", "my-work", "dash-agreement"):
            assert bool(page.xpath(f'//*[@id="{part}"]')) == (part in parts), (name, part)
        assert bool(page.xpath('//*[@id="dash-agreement"]')) == can_see_agreement(demo[name]), name
        assert page.xpath('//*[@id="app-list"]//*[contains(@class, "app-reviews")]'), name  # the app list stays


def test_the_content_account_gets_no_dashboard(demo, login, client):
    response = login(demo["content"]).get(INDEX)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get(INDEX).status_code == 302  # nor does anyone logged out


def test_the_auditor_reads_only(demo, login):
    page = document(login(demo["auditor"]).get(INDEX))
    dashboard = page.xpath('//*[@id="dashboard"]')[0]
    assert not dashboard.xpath(".//form|.//button|.//input")


def test_no_cdn_no_script_no_inline_style(demo, login):
    response = login(demo["senior"]).get(INDEX)
    html = response.content.decode()
    page = document(response)
    assets = page.xpath("//script/@src|//link/@href|//img/@src|//*[local-name()='image']/@href")
    assert assets and all(a.startswith("/") and not a.startswith("//") for a in assets), assets
    assert "/static/reviews/dashboard.css" in assets
    assert not re.search(r"""(src|href)=["'](https?:)?//""", html)
    # in what the page loads or links (not in a random token: a CSRF token once held "cDN")
    assert not re.search(r"""(?:src|href|srcset|action)=["'][^"']*(?:cdn|unpkg|jsdelivr)""", html, re.I)
    dashboard = page.xpath('//*[@id="dashboard"]')[0]
    assert not dashboard.xpath(".//script|.//style|.//*[@style]")
    assert "default-src 'self'" in response["Content-Security-Policy"]
