"""Digits that are not ids: "²" and "١١" are digits to str.isdigit() but int() refuses the first
and reads the second as 11. Every page that takes a row's id from a request reads it with
core.numbers.row_id: a clear refusal or nothing found, never a server error or another row."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from core.numbers import row_id
from tests.ingest.store_helpers import events_since, last_seq, store

pytestmark = pytest.mark.django_db

NOT_IDS = ["²", "١١", "１", "9" * 19, "-1", " 1", "1.0", ""]


@pytest.mark.parametrize("value", NOT_IDS)
def test_what_is_not_an_id(value):
    assert row_id(value) is None


def test_what_is():
    assert (row_id("7"), row_id("9223372036854775807"), row_id(None)) == (7, 2**63 - 1, None)


@pytest.mark.parametrize("value", ["²", "١١"])
@pytest.mark.parametrize(
    "url",
    [
        lambda v: reverse("admin:reviews_outcome_add") + f"?review={v}",
        lambda v: reverse("admin:reviews_gradingoutcome_add") + f"?grading={v}",
        lambda v: f"/admin/claims/source/{v}/change/",
        lambda v: reverse("admin:claims_claim_changelist") + f"?source={v}",
    ],
    ids=["outcome for a review", "outcome for a grading", "source page", "claims of a source"],
)
def test_pages_given_one_answer_without_a_server_error(client, senior, url, value):
    client.force_login(senior)
    response = client.get(url(value))
    assert response.status_code < 500


@pytest.mark.parametrize("value", ["²", "١١"])
def test_a_proposal_named_in_other_digits_is_an_unknown_action(client, reviewer, value):
    source = store(reviewer)
    client.force_login(reviewer)
    url = reverse("admin:claims_source_proposals", args=[source.pk])
    seq = last_seq()
    for form in ({"action": f"accept:{value}"}, {"action": f"reject:{value}", f"reason-{value}": "No."}):
        response = client.post(url, form)
        assert response.status_code == 302
        assert [str(m) for m in get_messages(response.wsgi_request)][-1] == "Nothing was changed: Unknown action."
    response = client.post(url, {"action": "bulk_accept", "selected": [value]})
    assert response.status_code == 302
    assert "Select at least one proposal." in str(list(get_messages(response.wsgi_request))[-1])
    assert events_since(seq) == []
