"""What every admin of ours shares: service refusals shown as messages, and read-only admins."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse

from core.errors import ServiceError


class ServiceErrorsAsMessages:
    """Run the admin's saves, deletions and actions inside one transaction each; a service refusal
    rolls it back and becomes an error message, never a server error."""

    def _refusal_as_message(self, request, view, *args, redirect_to=None):
        try:
            with transaction.atomic():
                return view(request, *args)
        except ServiceError as exc:
            self.message_user(request, f"Nothing was changed: {exc}", messages.ERROR)
            return HttpResponseRedirect(redirect_to or request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._refusal_as_message(request, super().changeform_view, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return self._refusal_as_message(request, super().delete_view, object_id, extra_context, redirect_to=change_url)

    def changelist_view(self, request, extra_context=None):
        return self._refusal_as_message(request, super().changelist_view, extra_context)


class ReadOnlyAdmin:
    """Viewed in the admin, changed only by the services (or, for sources, the loader)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
