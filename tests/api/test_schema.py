"""The OpenAPI schema validates, and a property-based run over the whole API finds no 5xx and no
status code the schema does not declare."""

import io

import pytest
import schemathesis
from django.core.management import call_command
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from config.wsgi import application

pytestmark = pytest.mark.django_db


def test_schema_validates_without_warnings():
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out)
    assert '"/api/v1/claims/{claim_id}/"' in out.getvalue()


def test_swagger_ui_is_served_from_local_static_files(client):
    page = client.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert client.get("/api/schema/").status_code == 200


@pytest.fixture
def api_schema(published, people, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    from django.core import signals

    # Django closes "old" connections around each WSGI request: that would close the test transaction.
    from django.db import close_old_connections as closer

    signals.request_started.disconnect(closer)
    signals.request_finished.disconnect(closer)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    signals.request_started.connect(closer)
    signals.request_finished.connect(closer)


@pytest.mark.parametrize("authenticated", [True, False], ids=["token", "anonymous"])
def test_schemathesis_finds_no_server_error_or_undeclared_status(api_schema, people, authenticated):
    from core.tokens import token_issue

    headers = {"Authorization": f"Token {token_issue(user=people['content'])}"} if authenticated else {}
    failures = []

    @hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=[not_a_server_error, status_code_conformance])
        except AssertionError as exc:  # collect, so the report names every operation that failed
            failures.append(f"{case.method} {case.formatted_path}: {exc}")

    for operation in api_schema.get_all_operations():
        test = operation.ok().as_strategy()
        from hypothesis import given

        given(case=test)(run)()
    assert not failures, "\n".join(failures[:10])


def test_unknown_api_urls_answer_json_404(api, published):
    for url in ("/api/v1/nothing-here/", "/api/v1/claims/12345678901234567890123/"):
        response = api.get(url)
        assert response.status_code == 404
        assert response.json()["error"]["status"] == 404


def test_a_client_that_will_not_take_json_gets_the_declared_406(api, published):
    from django.test import Client

    schema = Client().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    assert "406" in schema["paths"]["/api/v1/claims/"]["get"]["responses"]
    response = api.get("/api/v1/claims/", HTTP_ACCEPT="text/html")
    assert response.status_code == 406 and response.json()["error"]["status"] == 406
