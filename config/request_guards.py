"""Input no page can use, refused before any view: a 400, never a server error.

A NUL character in a query string or form reaches PostgreSQL as a DataError, and a changelist
action's selection that is not a list of ids makes the admin raise ValueError. Both are answered
here with a 400 (in the API's JSON error form under /api/). A form over
DATA_UPLOAD_MAX_MEMORY_SIZE (an article pasted whole, say) is a 413 that says the size and the
limit.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse

DATE_PARTS = ("__year", "__month", "__day")


def too_big(request) -> HttpResponse:
    size = request.META.get("CONTENT_LENGTH") or "?"
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    message = (
        f"The form's data ({size} bytes) is over the limit of {limit:,} bytes; nothing was written. "
        "An article may have 2 MB of text: paste less, or upload it as a .txt, .md or .html file."
    )
    return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")


def refused(request, message: str) -> HttpResponse:
    """A 400 in the form the caller reads: the API's JSON error (README "Errors"), or plain text."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"status": 400, "message": message}}, status=400)
    return HttpResponseBadRequest(message)


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in v for values in request.GET.lists() for v in values[1]):
            return refused(request, "A NUL character is not allowed in a request.")
        for key, value in request.GET.items():
            # A date list's year, month or day beyond the calendar is an OverflowError in Django.
            if key.endswith(DATE_PARTS) and not (value.isascii() and value.isdigit() and len(value) <= 4):
                return refused(request, f"{key}: a year, month or day, not {value[:20]!r}.")
        if request.method == "POST" and request.path.startswith("/admin/"):
            try:
                request.POST  # noqa: B018 (read here, where a refusal can still be worded)
            except RequestDataTooBig:
                return too_big(request)
            selected = request.POST.getlist("_selected_action")
            if any(not (value.isascii() and value.isdigit() and len(value) <= 18) for value in selected):
                return HttpResponseBadRequest("_selected_action: the selection must be ids.")
            if any("\x00" in v for _key, values in request.POST.lists() for v in values):
                return HttpResponseBadRequest("A NUL character is not allowed in a request.")
        return self.get_response(request)
