from rest_framework.permissions import BasePermission

from core.roles import is_auditor


class IsAuditor(BasePermission):
    message = "Only auditors may read the audit trail through the API."

    def has_permission(self, request, view):
        return is_auditor(request.user)
