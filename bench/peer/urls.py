"""The app's URLs, unchanged and first, then the peer under /peer/v1/."""

from importlib import import_module

from django.conf import settings
from django.urls import include, path
from rest_framework.routers import SimpleRouter

from bench.peer.views import PeerClaimViewSet

_app_urls = import_module(settings.APP_URLCONF)

router = SimpleRouter()
router.register("claims", PeerClaimViewSet, basename="peer-claim")

urlpatterns = [*_app_urls.urlpatterns, path("peer/v1/", include(router.urls))]

if hasattr(_app_urls, "handler404"):
    handler404 = _app_urls.handler404
