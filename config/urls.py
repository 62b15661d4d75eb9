from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from audit.api.urls import urlpatterns as audit_api
from core.api import schema  # noqa: F401  registers the OpenAPI token scheme
from core.api.errors import not_found
from reviews.admin.agreement import agreement_view
from reviews.admin.dashboard import index_view
from reviews.api.urls import urlpatterns as claim_history_api

admin.site.site_header = "Remedy Claims Review"
admin.site.site_title = "Remedy Claims Review"
admin.site.index_title = "Claims, reviews and audit"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/reviews/agreement/", agreement_view, name="reviews_agreement"),
    path("admin/", index_view),  # the admin's index with the dashboard (reviews.dashboard)
    path("admin/", admin.site.urls),
    # The auditors' API: the trail itself (audit.api) and one claim's history (reviews.api).
    path("api/v1/audit/", include(([*audit_api, *claim_history_api], "audit"))),
    path("api/v1/", include(("reviews.publishing.api.urls", "api"))),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    # Any other API path is a JSON 404 whatever DEBUG says (the demo runs with DEBUG on, where
    # Django's own page answered); a path without its final slash still gets the redirect first.
    re_path(r"^api/(?:.*/)?$", not_found),
]

handler404 = "core.api.errors.not_found"
