from rest_framework.permissions import BasePermission

from reviews import permissions


class IsAuditor(BasePermission):
    message = "Only auditors may read the audit trail through the API."

    def has_permission(self, request, view):
        return permissions.is_auditor(request.user)
