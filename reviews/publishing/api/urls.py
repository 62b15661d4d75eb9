from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from reviews.publishing.api.views import ChangesView, PublishedClaimViewSet, RemedyViewSet
from reviews.publishing.profile import EVIDENCE_PROFILE, EvidenceProfileView

router = SimpleRouter()
router.register("claims", PublishedClaimViewSet, basename="claim")
router.register("remedies", RemedyViewSet, basename="remedy")

urlpatterns = [
    path("changes/", ChangesView.as_view(), name="changes"),
    # The claim's id as the claim URLs take it: longer numbers cannot be ids, and 404.
    re_path(
        rf"^claims/(?P<claim_id>[0-9]{{1,18}})/{EVIDENCE_PROFILE}/$",
        EvidenceProfileView.as_view(),
        name="claim-evidence-profile",
    ),
    *router.urls,
]
