from rest_framework.permissions import BasePermission

from core.roles import can_read_published
from core.tokens import is_api_token


class CanReadPublished(BasePermission):
    """Every role may read what is published; a token already says whether its user has a role."""

    message = "Your account has no role that may read the content API."

    def has_permission(self, request, view):
        if is_api_token(request.auth) and hasattr(request.auth, "has_api_role"):
            return request.auth.has_api_role
        return can_read_published(request.user)
