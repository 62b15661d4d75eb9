"""Conditional GET through Django's own `condition` (django.views.decorators.http): ETag and
Last-Modified on the answer, 304 Not Modified when If-None-Match names the ETag (weak or strong)
or If-Modified-Since is not older than Last-Modified, 412 when If-Match fails.

A view says what its answer depends on (`validators()`); the validators are computed before the
answer is built, so a 304 costs only their query. Every answer is to be revalidated before reuse.
"""

import functools
import hashlib
from datetime import datetime

from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition


def conditional(method):
    """A view method answered through Django's `condition`, with the view's validators."""

    @functools.wraps(method)
    def answer(view, request, *args, **kwargs):
        state, last_modified = view.validators()
        etag = None if state is None else entity_tag(request, state)

        @condition(etag_func=lambda *_, **__: etag, last_modified_func=lambda *_, **__: last_modified)
        def build(request, *args, **kwargs):
            return method(view, request, *args, **kwargs)

        return build(request, *args, **kwargs)

    return answer


def entity_tag(request, state: str) -> str:
    """The ETag of the answer to this request in this state. The whole URL: the body's links name
    the host and scheme the request came by; the format too."""
    seed = f"{request.build_absolute_uri()}|{state}|{request.accepted_renderer.format}"
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


class ConditionalGetMixin:
    """For views whose methods are `@conditional`; every answer says to revalidate before reuse."""

    def validators(self) -> tuple[str | None, datetime | None]:
        """(state, last modified) of this request's answer: `state` is whatever changes exactly
        when the answer would (None: no ETag)."""
        raise NotImplementedError

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Revalidate before every reuse (a 304 is cheap): a claim's Last-Modified may be months old,
        # and a cache guessing freshness from it could keep serving the claim after a withdrawal.
        patch_cache_control(response, private=True, no_cache=True)
        return response
