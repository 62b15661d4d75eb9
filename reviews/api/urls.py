from django.urls import path, re_path

from reviews.api.views import AuditEventListView, AuditExportView, ChainHeadView, ClaimHistoryView

urlpatterns = [
    path("events/", AuditEventListView.as_view(), name="audit-events"),
    # At most 18 digits: a longer number cannot be an id and must 404, not overflow the database.
    re_path(r"^claims/(?P<claim_id>[0-9]{1,18})/history/$", ClaimHistoryView.as_view(), name="audit-claim-history"),
    path("export/", AuditExportView.as_view(), name="audit-export"),
    path("head/", ChainHeadView.as_view(), name="audit-head"),
]
