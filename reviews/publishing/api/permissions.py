from rest_framework.permissions import BasePermission

from core.roles import can_read_published
from reviews.models import ApiToken


class CanReadPublished(BasePermission):
    """Every role may read what is published; a token already says whether its user has a role."""

    message = "Your account has no role that may read the content API."

    def has_permission(self, request, view):
        if isinstance(request.auth, ApiToken):
            return request.auth.has_api_role
        return can_read_published(request.user)
