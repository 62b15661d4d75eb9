"""Who may act is on the record too: a change to an account's password, flags or groups made in a
request (the admin's user pages) is an audit event by the person who made it.

Four-eyes stops nobody who can take over a senior reviewer's account: a superuser who resets a
senior's password and then approves as them would leave only genuine-looking events. With this
record an auditor sees the reset, by whom and when, before the approvals that followed it. Changes
made outside a request (tests, data migrations, the shell) are not recorded here: whoever holds a
shell holds the chain key too (README, "What the key does not protect against").
"""

from __future__ import annotations

from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_save, pre_save

from audit.models import AuditEvent
from audit.trail import audit_record

FLAGS = ("username", "is_active", "is_staff", "is_superuser")
_request_user: ContextVar = ContextVar("request_user", default=None)


class RequestActorMiddleware:
    """Remembers who is signed in for the length of the request, for the account events below."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = _request_user.set(user if user is not None and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            _request_user.reset(token)


def _record(account, before: dict, after: dict) -> None:
    actor = _request_user.get()
    if actor is None or before == after:
        return
    with transaction.atomic():  # the admin's own transaction, when the change comes from it
        audit_record(
            event_type=AuditEvent.Type.ACCOUNT_CHANGED,
            actor=actor,
            before=before | {"account": account.username},
            after=after | {"account": account.username},
        )


def _remember(sender, instance, **kwargs):
    if _request_user.get() is None:
        return
    old = sender.objects.filter(pk=instance.pk).values(*FLAGS, "password").first() if instance.pk else None
    instance._account_before = old


def _saved(sender, instance, created, **kwargs):
    old = getattr(instance, "_account_before", None)
    if _request_user.get() is None or (old is None and not created):
        return
    before = {flag: old[flag] for flag in FLAGS} if old else {}
    after = {flag: getattr(instance, flag) for flag in FLAGS}
    if old and old["password"] != instance.password:
        before["password"], after["password"] = "(previous)", "changed"
    _record(instance, before, after)


def _groups_changed(sender, instance, action, **kwargs):
    if _request_user.get() is None or not isinstance(instance, get_user_model()):
        return  # outside a request, or a group's members changed from the group's side
    names = sorted(instance.groups.values_list("name", flat=True))
    if action in {"pre_add", "pre_remove", "pre_clear"}:
        instance._groups_before = names
    elif action in {"post_add", "post_remove", "post_clear"}:
        _record(instance, {"groups": getattr(instance, "_groups_before", [])}, {"groups": names})


def connect() -> None:
    user_model = get_user_model()
    pre_save.connect(_remember, sender=user_model, dispatch_uid="audit.account_trail.remember")
    post_save.connect(_saved, sender=user_model, dispatch_uid="audit.account_trail.saved")
    m2m_changed.connect(_groups_changed, sender=user_model.groups.through, dispatch_uid="audit.account_trail.groups")
