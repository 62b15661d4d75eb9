"""The admin's login form, saying plainly when an account has no admin access. Django's own says
"Please enter the correct username and password for a staff account" even when the password was
right, which sends API-only accounts (the content reader) hunting for a typo. The plain message is
given only after the password was accepted, so it says nothing about usernames nobody proved to
know; a wrong password still gets Django's message, and django-axes still counts it (the failure
is signalled by authenticate(), which this form does not change)."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from core.roles import can_read_published

NO_ADMIN_ACCESS = (
    "The account “%(username)s” has no access to the admin: it reads the content API (with a token) "
    "and nothing else here. Ask an administrator if you need admin access."
)
NO_ADMIN_ACCESS_NO_ROLE = (
    "The account “%(username)s” has no access to the admin. Ask an administrator if you need admin access."
)


class LoginForm(AdminAuthenticationForm):
    def confirm_login_allowed(self, user):
        if user.is_active and not user.is_staff:  # the password was right: authenticate() returned them
            message = NO_ADMIN_ACCESS if can_read_published(user) else NO_ADMIN_ACCESS_NO_ROLE
            raise ValidationError(message, code="no_admin_access", params={"username": user.get_username()})
        super().confirm_login_allowed(user)
