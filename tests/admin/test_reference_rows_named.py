"""The review page's reference rows (a tabular inline: a column's heading is no label of the
fields below it) name each field and the row's Delete box for screen readers — axe-core's
"form elements must have labels", critical, found by tests/e2e/test_layout_in_browser.py."""

import re

import pytest
from django.test import Client

from reviews.services.references import reference_attach
from tests.admin.pages import review_url
from tests.factories import ReferenceFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def test_each_field_of_a_reference_row_is_named(standard_claim, reviewer):
    review = ReviewFactory(claim=standard_claim, grader=reviewer)
    reference_attach(review=review, actor=reviewer, reference=ReferenceFactory(), note="Pooled RCTs.")
    client = Client()
    client.force_login(reviewer)
    page = client.get(review_url(review)).content.decode()
    for name, label in [
        ("review_references-0-note", "Note, row 1"),
        ("review_references-0-DELETE", "Delete, row 1"),
        ("review_references-__prefix__-note", "Note, new row"),
    ]:
        tag = re.search(rf'<input[^>]*name="{re.escape(name)}"[^>]*>', page)
        assert tag and f'aria-label="{label}"' in tag.group(0), (name, tag and tag.group(0))
