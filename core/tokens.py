"""API tokens, from django-rest-knox: issued and revoked here, checked by TokenAuthentication in
one query.

knox stores a token's SHA-512 digest and its first 15 characters (to find the row); the token
itself is shown once, when issued. Tokens do not expire (`REST_KNOX["TOKEN_TTL"]` is None): they
last until `issue_token USER --revoke` deletes them. Only an account with an API role gets one, and
whether its user still holds such a role comes back with the token (`has_api_role`)."""

from __future__ import annotations

import re
import weakref
from hmac import compare_digest

from django.contrib.auth import get_user_model
from django.db import connections, router, transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Now
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.crypto import hash_token
from knox.models import AbstractAuthToken, get_token_model
from knox.settings import CONSTANTS
from rest_framework import exceptions

from core.errors import NotAllowed
from core.roles import API_ROLES, in_group

# What a knox token can look like (hex, after an optional prefix of letters, digits, _ or -):
# anything else is refused without a query.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,200}")
INVALID = "Invalid or revoked token."


def token_model():
    return get_token_model()


def is_api_token(auth) -> bool:
    """Whether a request's `auth` is one of these tokens (rather than a session)."""
    return isinstance(auth, AbstractAuthToken)


@transaction.atomic
def token_issue(*, user) -> str:
    """Create a token for an API account and return it; it cannot be shown again."""
    if not user.is_active or not in_group(user, *API_ROLES):
        raise NotAllowed(f"{user.username} has no API role ({', '.join(API_ROLES)}).")
    _, token = token_model().objects.create(user=user, expiry=None)
    return token


@transaction.atomic
def token_revoke_all(*, user) -> int:
    """Revoke every token of `user`: knox keeps no revoked rows, so they are deleted."""
    deleted, _ = token_model().objects.filter(user=user).delete()
    return deleted


TOKEN_FIELDS = ("digest", "token_key", "user_id", "created", "expiry")
_KEY = "core.tokens:token_key"  # stands for the presented token's key in the compiled query


def _candidates_query(token_key: str):
    """The unexpired tokens that start like the presented one, each with its user's columns and
    whether the user holds an API role: one query (a join and an EXISTS)."""
    memberships = get_user_model().groups.through
    has_api_role = Exists(memberships.objects.filter(user_id=OuterRef("user_id"), group__name__in=API_ROLES))
    return (
        token_model()
        .objects.filter(Q(expiry__isnull=True) | Q(expiry__gt=Now()), token_key=token_key)
        .annotate(has_api_role=has_api_role)
        .values_list(*TOKEN_FIELDS, "has_api_role", *(f"user__{name}" for name in _user_fields()))
    )


def _user_fields() -> list[str]:
    """The user's fields the API reads; any other loads on first access."""
    user_model = get_user_model()
    wanted = {"id", user_model.USERNAME_FIELD, "is_active", "is_staff", "is_superuser"}
    return [field.attname for field in user_model._meta.concrete_fields if field.name in wanted]


class _CompiledLookup:
    """The ORM's query above, compiled once per database connection: every API request runs it,
    and building and compiling it took five times as long as running it (3.0 ms against 0.5 ms
    here on PostgreSQL), so a request runs the compiled SQL with the presented key in its place,
    and Django's compiler converts the rows as the ORM would."""

    def __init__(self, connection):
        self.user_fields = _user_fields()
        self.compiler = _candidates_query(_KEY).query.get_compiler(connection=connection)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        (self.key_at,) = (i for i, value in enumerate(self.params) if value == _KEY)
        self.converters = self.compiler.get_converters([column for column, *_ in self.compiler.select])

    def rows(self, token_key: str):
        params = self.params.copy()
        params[self.key_at] = token_key
        with self.compiler.connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        return self.compiler.apply_converters(rows, self.converters) if self.converters else rows


_lookups: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # one per connection (so per thread)


def _candidates(token_key: str) -> list:
    connection = connections[router.db_for_read(token_model())]
    lookup = _lookups.get(connection)
    if lookup is None:
        lookup = _lookups[connection] = _CompiledLookup(connection)
    user_model, alias = get_user_model(), connection.alias
    tokens = []
    for row in lookup.rows(token_key):
        token = token_model().from_db(alias, TOKEN_FIELDS, row[: len(TOKEN_FIELDS)])
        token.has_api_role = bool(row[len(TOKEN_FIELDS)])
        token.user = user_model.from_db(alias, lookup.user_fields, row[len(TOKEN_FIELDS) + 1 :])
        tokens.append(token)
    return tokens


class TokenAuthentication(KnoxTokenAuthentication):
    """`Authorization: Token <token>` (knox's header). knox's own check runs a second query per
    request (its clean-up of the user's expired tokens) and leaves the role to a third; here the
    token, its user and whether the user holds an API role come back in one query, and expired
    tokens are refused rather than deleted on the read path."""

    def authenticate_credentials(self, token: bytes):
        try:
            token = token.decode("ascii")
        except UnicodeError as exc:
            raise exceptions.AuthenticationFailed(INVALID) from exc
        if not TOKEN_SHAPE.fullmatch(token):
            raise exceptions.AuthenticationFailed(INVALID)
        digest = hash_token(token)
        for auth_token in _candidates(token[: CONSTANTS.TOKEN_KEY_LENGTH]):
            if compare_digest(digest, auth_token.digest):
                return self.validate_user(auth_token)
        raise exceptions.AuthenticationFailed(INVALID)

    def validate_user(self, auth_token):
        if not auth_token.user.is_active:
            raise exceptions.AuthenticationFailed(INVALID)
        return auth_token.user, auth_token
