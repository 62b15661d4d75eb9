from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "Remedy Claims Review"
admin.site.site_title = "Remedy Claims Review"
admin.site.index_title = "Claims, reviews and audit"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
]
