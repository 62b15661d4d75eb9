"""The outcome page shows an effect's numbers as a reader writes them (−2.45, not −2.4500), and
keeps the stored value; resubmitting the page unchanged changes nothing."""

from decimal import Decimal

import pytest

from reviews.admin.outcome_forms import NormalisedDecimalInput
from reviews.models import Outcome
from tests.admin.pages import add_outcome_url, form_data, new_outcome, outcome_url
from tests.factories import ReviewFactory
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (Decimal("-2.4500"), "-2.45"),
        (Decimal("100.0000"), "100"),  # no exponent (1E+2)
        (Decimal("0.0010"), "0.001"),
        (Decimal("-0.0000"), "0"),
        (Decimal("7"), "7"),
        (None, None),
        ("-2.4500", "-2.4500"),  # what was typed, redisplayed as it is
    ],
)
def test_the_widget_normalises_decimals(stored, shown):
    assert NormalisedDecimalInput().format_value(stored) == shown


def test_the_outcome_page_shows_normalised_decimals_and_keeps_the_stored_value(client, standard_claim, reviewer):
    client.force_login(reviewer)
    draft = ReviewFactory(claim=standard_claim, grader=reviewer)
    fields = {
        "relative_measure": "MD",
        "relative_effect": "-2.45",
        "relative_ci_low": "-3.54",
        "relative_ci_high": "-1.36",
    }
    assert client.post(add_outcome_url(draft), new_outcome(draft.version, **fields)).status_code == 302
    outcome = Outcome.objects.get(review=draft)
    assert str(outcome.relative_effect) == "-2.4500"
    response = client.get(outcome_url(outcome))
    page = response.content.decode()
    assert 'name="relative_effect" value="-2.45"' in page and 'name="relative_ci_low" value="-3.54"' in page
    assert "-2.4500" not in page and "-3.5400" not in page
    events = audit_types(draft)
    posted = {
        **form_data(response),
        "relative_effect": "-2.45",
        "relative_ci_low": "-3.54",
        "relative_ci_high": "-1.36",
    }
    assert client.post(outcome_url(outcome), posted).status_code == 302  # as the browser sends it back
    assert audit_types(draft) == events  # nothing changed
    outcome.refresh_from_db()
    assert str(outcome.relative_effect) == "-2.4500"
