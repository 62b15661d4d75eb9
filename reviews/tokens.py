"""API tokens: issued and revoked here, checked by TokenAuthentication in one query."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone
from rest_framework import authentication, exceptions

from core.errors import NotAllowed
from core.roles import AUDITOR, CONTENT_READER, REVIEWER, SENIOR_REVIEWER, in_group
from reviews.models import ApiToken

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
        digest = _digest(token)
        for row in _tokens_with_prefix(token[:PREFIX_LENGTH]):
            if hmac.compare_digest(row.digest, digest):
                if not row.user.is_active:
                    break
                return row.user, row
        raise exceptions.AuthenticationFailed("Invalid or revoked token.")

    def authenticate_header(self, request):
        return self.keyword


@functools.cache
def _lookup_sql() -> tuple[str, list, list]:
    """The token lookup, written once in SQL: every API request runs it, and building the same
    query with the ORM (a join and an EXISTS) took several times longer than running it."""
    user_model = get_user_model()
    quote = connection.ops.quote_name
    # Only the fields the API reads, all without database converters (so from_db gets them as
    # stored on every backend); any other field loads on first access.
    wanted = {"id", user_model.USERNAME_FIELD, "is_active", "is_staff", "is_superuser"}
    user_fields = [field for field in user_model._meta.concrete_fields if field.name in wanted]  # from_db's order
    memberships = user_model.groups.through._meta
    roles = ", ".join(["%s"] * len(API_ROLES))
    sql = (
        f"SELECT t.id, t.user_id, t.prefix, t.digest, EXISTS (SELECT 1 FROM {quote(memberships.db_table)} m "
        f"JOIN {quote(Group._meta.db_table)} g ON g.id = m.group_id "
        f"WHERE m.{quote(memberships.get_field('user').column)} = t.user_id AND g.name IN ({roles})), "
        + ", ".join(f"u.{quote(field.column)}" for field in user_fields)
        + f" FROM {quote(ApiToken._meta.db_table)} t JOIN {quote(user_model._meta.db_table)} u ON u.id = t.user_id "
        "WHERE t.prefix = %s AND t.revoked_at IS NULL"
    )
    return sql, list(API_ROLES), [field.attname for field in user_fields]


def _tokens_with_prefix(prefix: str) -> list[ApiToken]:
    sql, roles, user_attnames = _lookup_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*roles, prefix])
        rows = cursor.fetchall()
    tokens = []
    for token_id, user_id, prefix, digest, has_api_role, *user_values in rows:
        token = ApiToken.from_db(
            connection.alias, ["id", "user_id", "prefix", "digest"], [token_id, user_id, prefix, digest]
        )
        token.user = get_user_model().from_db(connection.alias, user_attnames, user_values)
        token.has_api_role = bool(has_api_role)  # SQLite answers EXISTS with 0 or 1
        tokens.append(token)
    return tokens
