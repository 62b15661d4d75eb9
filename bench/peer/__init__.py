"""A stock-DRF peer of the content API's /api/v1/claims/ list and detail: what a typical team
would write over the models (nested ModelSerializers, rest_framework.authtoken, CursorPagination,
a django-filter FilterSet). Served at /peer/v1/claims/ by the bench's gunicorn, next to the API,
with settings bench.peer.settings. See bench/README.md, "The stock-DRF peer"."""

PEER_PREFIX = "/peer/v1/claims/"


def issue_token(user_id: int) -> str:
    """A stock rest_framework.authtoken Token for the user (needs bench.peer.settings)."""
    from rest_framework.authtoken.models import Token

    return Token.objects.create(user_id=user_id).key
