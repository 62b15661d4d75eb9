"""API tokens: issued and revoked here, checked by TokenAuthentication in one query."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from rest_framework import authentication, exceptions

from reviews.errors import NotAllowed
from reviews.models import ApiToken
from reviews.roles import AUDITOR, CONTENT_READER, REVIEWER, SENIOR_REVIEWER, in_group

API_ROLES = (CONTENT_READER, REVIEWER, SENIOR_REVIEWER, AUDITOR)
PREFIX_LENGTH = 8


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_issue(*, user) -> str:
    """Create a token for an API account and return it; it cannot be shown again."""
    if not user.is_active or not in_group(user, *API_ROLES):
        raise NotAllowed(f"{user.username} has no API role ({', '.join(API_ROLES)}).")
    token = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, prefix=token[:PREFIX_LENGTH], digest=_digest(token))
    return token


@transaction.atomic
def token_revoke_all(*, user) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())


class TokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Token <token>`. The token row, its user and whether the user holds an API
    role come back in one query, so the request's query budget stays small."""

    keyword = "Token"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("Invalid token header: expected 'Token <token>'.")
        try:
            token = parts[1].decode()
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed("Invalid token.") from exc
        from django.contrib.auth.models import Group

        roles = Group.objects.filter(user=OuterRef("user_id"), name__in=API_ROLES)
        row = (
            ApiToken.objects.filter(prefix=token[:PREFIX_LENGTH], revoked_at__isnull=True)
            .select_related("user")
            .annotate(has_api_role=Exists(roles))
            .first()
        )
        if row is None or not hmac.compare_digest(row.digest, _digest(token)) or not row.user.is_active:
            raise exceptions.AuthenticationFailed("Invalid or revoked token.")
        return row.user, row

    def authenticate_header(self, request):
        return self.keyword
