from django.urls import re_path

from reviews.api.views import ClaimHistoryView

urlpatterns = [
    # At most 18 digits: a longer number cannot be an id and must 404, not overflow the database.
    re_path(r"^claims/(?P<claim_id>[0-9]{1,18})/history/$", ClaimHistoryView.as_view(), name="audit-claim-history"),
]
