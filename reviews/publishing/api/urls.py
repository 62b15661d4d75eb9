from django.urls import path
from rest_framework.routers import SimpleRouter

from reviews.publishing.api.views import ChangesView, PublishedClaimViewSet, RemedyViewSet

router = SimpleRouter()
router.register("claims", PublishedClaimViewSet, basename="claim")
router.register("remedies", RemedyViewSet, basename="remedy")

urlpatterns = [path("changes/", ChangesView.as_view(), name="changes"), *router.urls]
