"""The per-token throttle under several worker processes: each has its own cache connection, and
only a cache they share keeps one budget per token."""

import os
import uuid

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from core.api.throttling import PerTokenRateThrottle
from core.tokens import token_issue, token_model

pytestmark = pytest.mark.django_db


class ThreePerMinute(PerTokenRateThrottle):
    THROTTLE_RATES = {"token": "3/min"}

    def timer(self):  # mid-window, so that no request of the test falls into the next one
        return 60 * 30_000_000 + 30.0


def requests_through(workers, *, token, user, n):
    """n requests with one token, dealt to the workers in turn; which ones the throttle lets by."""
    allowed = []
    for i in range(n):
        throttle = ThreePerMinute()
        throttle.cache = workers[i % len(workers)]
        request = Request(APIRequestFactory().get("/api/v1/claims/"))
        request.user, request.auth = user, token
        allowed.append(throttle.allow_request(request, view=None))
    return allowed


@pytest.fixture
def token(people):
    token_issue(user=people["content"])
    return token_model().objects.get(user=people["content"])


@pytest.mark.redis
def test_workers_sharing_redis_keep_one_budget_per_token(people, token):
    # Keys of this run's own in a server others may use; the counters expire after their window.
    prefix = f"test-{uuid.uuid4().hex}"
    workers = [RedisCache(os.environ["TEST_REDIS_URL"], {"KEY_PREFIX": prefix}) for _ in range(3)]
    assert requests_through(workers, token=token, user=people["content"], n=6) == [True] * 3 + [False] * 3


def test_workers_with_caches_of_their_own_each_grant_the_budget(people, token):
    # Why production shares Redis: in-memory caches, one per worker process, each count apart.
    workers = [LocMemCache(f"worker-{n}-{uuid.uuid4().hex}", {}) for n in range(3)]
    assert requests_through(workers, token=token, user=people["content"], n=6) == [True] * 6


def test_a_cache_outage_lets_requests_through_and_is_logged(api, published, settings, caplog):
    # Nothing listens on port 1: every cache call fails at once, as when Redis is down.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    assert [api.get("/api/v1/claims/").status_code for _ in range(2)] == [200, 200]
    assert "throttle cache unavailable" in caplog.text
