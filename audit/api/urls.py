from django.urls import path

from audit.api.views import AuditEventListView, AuditExportView, ChainHeadView

urlpatterns = [
    path("events/", AuditEventListView.as_view(), name="audit-events"),
    path("export/", AuditExportView.as_view(), name="audit-export"),
    path("head/", ChainHeadView.as_view(), name="audit-head"),
]
