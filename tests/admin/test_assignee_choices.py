"""A review is assigned only to people who review: the review page's assignee choices and the
queue's assignee filter list the active reviewers and senior reviewers, not the administrator,
the auditor or the API account (nor a reviewer whose account is switched off)."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from reviews.models import Review

pytestmark = pytest.mark.django_db

REVIEWERS = ["reviewer", "reviewer2", "senior", "senior2"]


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    users = {u.username: u for u in get_user_model().objects.all()}
    return users


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_assignee_choices_are_the_reviewers(demo):
    review = Review.objects.get(state=Review.State.CHANGES_REQUESTED)  # the magnesium draft sent back
    page = as_user(demo["reviewer"]).get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    select = re.search(r'(?s)<select name="assignee".*?</select>', page).group(0)
    assert re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select) == REVIEWERS


def test_the_queue_filters_by_reviewers_only(demo):
    inactive = get_user_model().objects.get(username="reviewer2")
    inactive.is_active = False
    inactive.save()
    page = as_user(demo["admin"]).get(reverse("admin:reviews_review_changelist")).content.decode()
    block = page[page.index("By assignee") :]
    block = block[: block.index("</ul>")]
    names = re.findall(r"assignee__id__exact=\d+\"[^>]*>([^<]+)</a>", block)
    assert names == ["reviewer", "senior", "senior2"]
    for other in ("admin", "auditor", "content", "reviewer2"):
        assert f">{other}</a>" not in block, other
