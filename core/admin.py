"""knox registers an admin for its tokens whose add form issues a token to any account, role or
not, and shows digests. Tokens are issued and revoked with `manage.py issue_token` only."""

from django.contrib import admin

from core.tokens import token_model

if admin.site.is_registered(token_model()):
    admin.site.unregister(token_model())
