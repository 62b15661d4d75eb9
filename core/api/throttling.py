import logging
import math
import sys

from rest_framework.throttling import SimpleRateThrottle

from core.tokens import is_api_token

logger = logging.getLogger(__name__)


class PerTokenRateThrottle(SimpleRateThrottle):
    """Each token has its own budget; session users are counted per user, anonymous per address.

    Counted in fixed windows (one integer per token and window) rather than DRF's list of request
    times: that list is read, rewritten and pickled on every request, so its cost grew with the
    rate (0.6 ms a request at 6,000/min). A counter costs the same at any rate, and on a cache
    the workers share (CACHE_URL=redis://...) it is exact across them. The price: a client can
    spend two budgets across a window's edge.

    The throttle guards the service's capacity, not its data: when the cache is down it lets
    requests through (and logs), rather than turning every read into a 500.
    """

    scope = "token"

    def get_cache_key(self, request, view):
        if is_api_token(request.auth):
            ident = f"token-{request.auth.pk}"  # knox's primary key: the token's digest, never the token
        elif request.user is not None and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"anon-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request, view):
        if self.rate is None:
            return True
        ident = self.get_cache_key(request, view)
        if ident is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.window_ends = (window + 1) * self.duration
        key = f"{ident}:{window}"
        self.now = now
        try:
            count = self._count(key)
        except Exception as exc:
            if not _is_outage(exc):
                raise
            logger.warning("throttle cache unavailable: request let through", exc_info=True)
            return True
        return count <= self.num_requests

    def _count(self, key):
        # Only a window's first request finds no key; add() then creates it unless another worker
        # just did. Redis counts with INCR, so no increment is lost between workers. Django's incr()
        # checks the key exists first: a key that expired in between would come back without a
        # timeout. Keys outlive their window by a whole window, so that takes a request stalled for
        # one between reading the clock and counting.
        try:
            return self.cache.incr(key)
        except ValueError:
            return 1 if self.cache.add(key, 1, 2 * self.duration) else self.cache.incr(key)

    def wait(self):
        return max(1, math.ceil(self.window_ends - self.now))


def _is_outage(exc: Exception) -> bool:
    # redis is imported by Django's Redis cache when that is the cache in use; importing it here
    # would cost every process 5 MB and 0.1 s for nothing under the in-memory cache.
    redis = sys.modules.get("redis")
    return isinstance(exc, OSError) or (redis is not None and isinstance(exc, redis.RedisError))
