"""Every API example of README.md returns data on the demo: each `curl` line's query, each API path
the README names (the auditors' endpoints, the content API's table), with `{id}` a published
claim's (or remedy's), asked as the demo's content account — or its auditor, for /audit/ — over
the test client after `load_demo`."""

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from rest_framework.test import APIClient

from core.tokens import token_issue
from reviews.models import Publication

README = Path(__file__).resolve().parents[2] / "README.md"

pytestmark = pytest.mark.django_db


def curl_examples(text: str) -> list[str]:
    """The path and query of each URL a `curl` line of the README fetches from the service."""
    found = []
    for line in text.splitlines():
        if line.lstrip().startswith("curl "):
            for url in re.findall(r"https?://[^\s\"']+", line):
                parts = urlsplit(url)
                found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def named_paths(text: str) -> list[str]:
    """The API paths the README names in backticks: absolute ones, and the content API table's
    (relative to /api/v1/); `a|b` in a query is each of them. Headings name sections, not examples."""
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    paths = re.findall(r"`(/api/[^`\s]*)`", body)
    for row in re.findall(r"^\| (`[^|]+) \|", body, flags=re.M):
        paths += [f"/api/v1/{p}" for p in re.findall(r"`([a-z][^`\s]*/)`", row)]
    expanded = []
    for path in dict.fromkeys(paths):
        match = re.search(r"=([\w|]+\|[\w|]+)", path)
        options = match.group(1).split("|") if match else [None]
        expanded += [path.replace(match.group(1), option) if option else path for option in options]
    return expanded


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    users = {u.username: u for u in get_user_model().objects.all()}
    clients = {}
    for name in ("content", "auditor"):
        clients[name] = APIClient()
        clients[name].credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=users[name])}")
    return clients


def fetch(clients, path: str):
    publication = Publication.objects.filter(is_current=True).order_by("pk").first()
    path = path.replace("{id}", "{claim}").replace("<id>", "{claim}")
    if path.startswith("/api/v1/remedies/"):
        path = path.replace("{claim}", str(publication.snapshot["remedy"]["id"]))
    path = path.replace("{claim}", str(publication.claim_id))
    client = clients["auditor" if path.startswith("/api/v1/audit/") else "content"]
    return path, client.get(path)


def has_data(response) -> bool:
    if response.status_code != 200:
        return False
    content_type = response.get("Content-Type", "").split(";")[0]
    if content_type != "application/json" and not content_type.endswith("+json"):
        return bool(b"".join(response) if response.streaming else response.content)
    body = response.json()
    if isinstance(body, dict) and "results" in body:
        return bool(body["results"])
    return bool(body)


def test_the_readme_has_examples_to_check():
    text = README.read_text()
    assert curl_examples(text) and len(named_paths(text)) >= 8


def test_every_curl_example_of_the_readme_returns_data_on_the_demo(demo):
    for example in curl_examples(README.read_text()):
        path, response = fetch(demo, example)
        assert has_data(response), f"{path}: {response.status_code} {response.content[:300]!r}"


def test_every_api_path_the_readme_names_answers_with_data_on_the_demo(demo):
    for example in named_paths(README.read_text()):
        path, response = fetch(demo, example)
        assert has_data(response), f"{path}: {response.status_code}"
