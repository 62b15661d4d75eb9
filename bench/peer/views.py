"""The peer's viewset: stock DRF classes throughout, the queries made flat with select_related
and prefetch_related (no N+1)."""

from django.db.models import Prefetch
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.authentication import TokenAuthentication
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.throttling import UserRateThrottle

from bench.app import model
from bench.peer.filters import PublishedClaimFilter
from bench.peer.serializers import PublishedClaimSerializer


class PeerCursorPagination(CursorPagination):
    ordering = "-published_at"  # as the API orders its pages
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class PeerClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Published claims: the current publication of each, nested."""

    serializer_class = PublishedClaimSerializer
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [UserRateThrottle]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]
    pagination_class = PeerCursorPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = PublishedClaimFilter
    lookup_field = "claim_id"

    def get_queryset(self):
        return (
            model("Publication")
            .objects.filter(is_current=True)
            .select_related("claim", "remedy", "review__decided_by", "published_by")
            .prefetch_related(
                "remedy__aliases",
                "remedy__contraindications__source_reference",
                "claim__appearances__source",
                "claim__contraindications__source_reference",
                Prefetch("review__outcomes", queryset=model("Outcome").objects.filter(grading__isnull=True)
                         .order_by("position", "id")),
                "review__outcomes__judgements",
                "review__outcomes__outcome_references__reference",
                "review__review_references__reference",
            )
        )
