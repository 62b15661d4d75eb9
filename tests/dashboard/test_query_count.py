"""The admin index with its dashboard reads a bounded number of queries: as many on the demo as
with many more reviews, publications, rejections, assignees and proposals."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim
from core import roles
from reviews import services
from reviews.models import Review
from tests.factories import ReviewFactory, UserFactory
from tests.ingest.store_helpers import store

from .pages import INDEX

pytestmark = pytest.mark.django_db

# Session and user, the user's groups, the dashboard's aggregates (progress, published, finished,
# open work, oldest, agreement, articles), my work, and the admin's app list.
MAX_QUERIES = 20


def index_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX).status_code == 200
    return len(queries)


def grow(demo):
    """More of everything the dashboard counts: reviews in every state, by more people, assigned
    to them; another condition's article with its proposals."""
    people = [UserFactory(role=roles.REVIEWER) for _ in range(3)]
    seniors = [UserFactory(role=roles.SENIOR_REVIEWER) for _ in range(2)]
    claims = Claim.objects.filter(remedy__risk_tier="low", reviews__isnull=True).order_by("pk")[:12]
    for i, claim in enumerate(claims):
        step = ["graded", "submitted", "approved", "published", "sent_back", "withdrawn"][i % 6]
        review = ReviewFactory(
            claim=claim,
            grader=people[i % 3],
            second_reviewer=people[(i + 1) % 3],
            senior=seniors[i % 2],
            notes={"send_back": "Cite the trial."},
            **{step: True},
        )
        if i == 1:
            services.review_reject(review=review, actor=seniors[0], reason="Not a claim about cramps.")
        Review.objects.filter(pk=review.pk).update(assignee=people[(i + 1) % 3])
    store(demo["reviewer"], condition="heartburn")


@pytest.mark.parametrize("name", ["reviewer", "senior", "auditor"])
def test_the_index_reads_as_many_queries_whatever_the_data(demo, login, name, django_assert_max_num_queries):
    client = login(demo[name])
    client.get(INDEX)  # the session's first read
    small = index_queries(client)
    grow(demo)
    assert Review.objects.count() >= 17
    with django_assert_max_num_queries(MAX_QUERIES):
        large = index_queries(client)
    assert large == small
