"""The framework floor: Django and DRF as the API runs them, with none of the app's own work.

The app's settings and middleware, and a DRF view with the API's authentication (the content
token), permission and throttle, that answers each benchmarked URL with the floor's body
(Floor.run, on its own psycopg connection). So:
- framework floor − HTTP floor = what the fixed stack (Django, DRF, token auth) costs per request
  before the app does anything;
- API − framework floor = the app's own work (filters, pagination, ETag, serializers, the ORM).

Environment: as bench.floor_wsgi (BENCH_FLOOR_CASES, BENCH_FLOOR_DB, BENCH_FLOOR_BASE), plus the
app's own settings, which the bench passes to both.
"""

import os

import django
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
settings.ROOT_URLCONF = __name__  # this module's one route instead of the app's URLs

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import re_path  # noqa: E402
from rest_framework.views import APIView  # noqa: E402

from bench.app import content_permission  # noqa: E402
from bench.floor_wsgi import CASES, floor  # noqa: E402


class FloorView(APIView):
    # The API's authentication, throttle and renderer settings are DRF's defaults from settings.py.
    permission_classes = [content_permission()]

    def get(self, request, *args, **kwargs):
        case = CASES.get(request.get_full_path())
        if case is None:
            return HttpResponse(b"unknown bench case", status=404, content_type="text/plain")
        body, _ = floor().run(case)
        return HttpResponse(body, content_type="application/json")


urlpatterns = [re_path(r"^api/v1/", FloorView.as_view())]
application = get_wsgi_application()
