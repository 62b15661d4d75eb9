"""Every admin page names its icon, a static file of the service: the browser asks for nothing the
service does not have (no /favicon.ico 404 in the log on every page)."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_admin_pages_link_their_icon_and_the_file_exists():
    page = Client().get("/admin/login/").content.decode()
    assert '<link rel="icon" href="/static/core/favicon.svg" type="image/svg+xml">' in page
    assert finders.find("core/favicon.svg")
