from rest_framework.throttling import SimpleRateThrottle

from reviews.models import ApiToken


class PerTokenRateThrottle(SimpleRateThrottle):
    """Each token has its own budget; session users are counted per user, anonymous per address."""

    scope = "token"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user is not None and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"anon-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
