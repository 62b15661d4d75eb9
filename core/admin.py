"""The admin site's login form (core.admin_login), and no token admin: knox registers an admin for
its tokens whose add form issues a token to any account, role or not, and shows digests. Tokens
are issued and revoked with `manage.py issue_token` only."""

from django.contrib import admin

from core.admin_login import LoginForm
from core.tokens import token_model

# An account whose password is right but that has no admin access is told so (core.admin_login).
admin.site.login_form = LoginForm

if admin.site.is_registered(token_model()):
    admin.site.unregister(token_model())
