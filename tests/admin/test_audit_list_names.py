"""The audit events list names what each event is about — the claim by its remedy and kind, the
review as a review of that claim, the remedy by its name — each linked to its page, and shortens a
long reason (the whole of it in the title) so that it does not widen the list."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from audit.models import AuditEvent
from reviews.models import Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    return get_user_model().objects.get(username="auditor")


def listing(user, query="") -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("admin:audit_auditevent_changelist") + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_names_claims_and_reviews_with_links(auditor):
    review = Review.objects.select_related("claim__remedy").get(claim__remedy__name="magnesium")
    claim = review.claim
    page = listing(auditor, f"?review__id__exact={review.pk}")
    claim_name = f"magnesium — {claim.get_kind_display().lower()} (claim #{claim.pk})"
    claim_url = reverse("admin:claims_claim_change", args=[claim.pk])
    review_url = reverse("admin:reviews_review_change", args=[review.pk])
    assert re.search(rf'<a href="{claim_url}" title="[^"]*">{re.escape(claim_name)}</a>', page)
    assert re.search(rf'<a href="{review_url}" title="[^"]*">review #{review.pk} of magnesium</a>', page)
    assert 'class="field-claim_id"' not in page and 'class="field-review_id"' not in page


def test_a_long_reason_is_shortened_with_the_whole_in_its_title(auditor):
    long_reason = max(AuditEvent.objects.exclude(reason=""), key=lambda e: len(e.reason))
    assert len(long_reason.reason) > 140, "the demo has a long reason"
    page = listing(auditor, "?all=")
    cell = re.search(r'<span title="([^"]*)">([^<]*)</span>', page[page.index(f">{long_reason.seq}<") :])
    assert cell and len(cell.group(2)) <= 141 and cell.group(2).endswith("…")
