"""page_size on every paginated endpoint: a whole number from 1 to the endpoint's maximum. Anything
else is a 400 in the API's error shape, naming page_size and the allowed range, never a silent
default or a clamp."""

import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = {  # path: maximum page size
    "/api/v1/claims/": 200,
    "/api/v1/remedies/": 200,
    "/api/v1/changes/": 500,
    "/api/v1/audit/events/": 1000,
}
BAD = ["-1", "0", "abc", "1.5", "", " 5", "²", "9" * 5000]


def client_for(path, api, auditor_api):
    return auditor_api if "/audit/" in path else api


def assert_400_naming_page_size(response, maximum):
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["status"] == 400
    assert "page_size" in error["message"]
    assert f"1 to {maximum}" in str(error["detail"]["page_size"])


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize("value", BAD)
def test_a_bad_page_size_is_a_400_naming_it(api, auditor_api, published, path, value):
    response = client_for(path, api, auditor_api).get(path, {"page_size": value})
    assert_400_naming_page_size(response, ENDPOINTS[path])


@pytest.mark.parametrize("path", ENDPOINTS)
def test_one_over_the_maximum_is_a_400_naming_the_maximum(api, auditor_api, published, path):
    maximum = ENDPOINTS[path]
    response = client_for(path, api, auditor_api).get(path, {"page_size": str(maximum + 1)})
    assert_400_naming_page_size(response, maximum)


@pytest.mark.parametrize("path", ENDPOINTS)
def test_page_sizes_in_range_are_served(api, auditor_api, published, path):
    client = client_for(path, api, auditor_api)
    assert len(client.get(path, {"page_size": "1"}).json()["results"]) == 1
    assert client.get(path, {"page_size": str(ENDPOINTS[path])}).status_code == 200
    assert client.get(path).status_code == 200  # no page_size: the endpoint's default


def test_the_schema_declares_the_range(api, published):
    from django.test import Client

    schema = Client().get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path, maximum in ENDPOINTS.items():
        [parameter] = [p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "page_size"]
        assert parameter["schema"] == {"type": "integer", "minimum": 1, "maximum": maximum}
