"""Input no page can use, refused before any view: a 400, never a server error.

A NUL character in a query string or form reaches PostgreSQL as a DataError, and a changelist
action's selection that is not a list of ids makes the admin raise ValueError. Both are answered
here with a plain 400.
"""

from django.http import HttpResponseBadRequest


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in v for values in request.GET.lists() for v in values[1]):
            return HttpResponseBadRequest("A NUL character is not allowed in a request.")
        if request.method == "POST" and request.path.startswith("/admin/"):
            selected = request.POST.getlist("_selected_action")
            if any(not (value.isascii() and value.isdigit() and len(value) <= 18) for value in selected):
                return HttpResponseBadRequest("_selected_action: the selection must be ids.")
            if any("\x00" in v for _key, values in request.POST.lists() for v in values):
                return HttpResponseBadRequest("A NUL character is not allowed in a request.")
        return self.get_response(request)
