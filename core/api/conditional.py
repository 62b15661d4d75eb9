"""ETag / Last-Modified for the content API, computed from one cheap query before a page is built.

Every publication, republication and withdrawal appends to the changes feed, so the feed's last id
changes exactly when published data does. Every answer is built from publications only (a remedy
edit shows once a publication carries it), so nothing else enters the validators.
"""

import hashlib

from django.db import connection
from django.utils.cache import patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from rest_framework import status
from rest_framework.response import Response

# Index-only lookups: the newest change by primary key (ids grow with time).
STATE_SQL = (
    "SELECT (SELECT id FROM reviews_publicationchange ORDER BY id DESC LIMIT 1), "
    "(SELECT occurred_at FROM reviews_publicationchange ORDER BY id DESC LIMIT 1)"
)


def _published_state():
    with connection.cursor() as cursor:
        cursor.execute(STATE_SQL)
        last_change, last_at = cursor.fetchone()
    if isinstance(last_at, str):  # SQLite returns the raw text of an aggregate
        from django.utils.dateparse import parse_datetime

        last_at = parse_datetime(last_at)
    return last_change, last_at


class ConditionalGetMixin:
    """Answers 304 Not Modified when the client's ETag (or date) is still good."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Revalidate before every reuse (a 304 is cheap): a claim's Last-Modified may be months old,
        # and a cache guessing freshness from it could keep serving the claim after a withdrawal.
        patch_cache_control(response, private=True, no_cache=True)
        return response

    def finalize_conditional(self, request, handler, *args, **kwargs):
        """Validators from the published state as a whole: for pages that any publication or
        withdrawal may change."""
        last_change, last_at = _published_state()
        return self.respond_conditionally(
            request,
            state=f"{last_change}",
            last_modified=last_at,
            build=lambda: handler(request, *args, **kwargs),
        )

    def respond_conditionally(self, request, *, state, last_modified, build):
        """`state` is whatever changes exactly when the response would; `build` makes the response."""
        # The whole URL: the body's links name the host and scheme the request came by.
        seed = f"{request.build_absolute_uri()}|{state}|{request.accepted_renderer.format}"
        etag = quote_etag(hashlib.sha256(seed.encode()).hexdigest()[:32])
        headers = {"ETag": etag}
        if last_modified is not None:
            headers["Last-Modified"] = http_date(last_modified.timestamp())
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            not_modified = etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
        else:
            since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
            not_modified = since is not None and last_modified is not None and int(last_modified.timestamp()) <= since
        if not_modified:
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        response = build()
        if response.status_code == 200:
            for name, value in headers.items():
                response[name] = value
        return response
