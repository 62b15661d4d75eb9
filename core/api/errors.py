"""Every API error is JSON with a clear message; a bad query parameter is named."""

from rest_framework import exceptions
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # a real server error: Django's handler logs it
    detail = response.data
    if isinstance(exc, exceptions.ValidationError) and isinstance(detail, dict):
        names = ", ".join(sorted(detail))
        message = f"Invalid query parameter: {names}."
    elif isinstance(detail, dict) and "detail" in detail:
        message = str(detail["detail"])
        detail = None
    else:
        message = str(exc)
    response.data = {"error": {"status": response.status_code, "message": message}}
    if detail:
        response.data["error"]["detail"] = detail
    return response


def not_found(request, exception=None):
    """404 for unknown URLs: JSON under /api/, Django's page elsewhere."""
    from django.http import JsonResponse
    from django.views.defaults import page_not_found

    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"status": 404, "message": "No such API endpoint or object."}}, status=404)
    return page_not_found(request, exception)
