"""The read-only content API: published claims, remedies, the changes feed, ClaimReview JSON-LD."""

import functools

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from core.api.conditional import ConditionalGetMixin, conditional
from core.api.filters import NamedFiltersBackend, StrictOrderingFilter
from core.api.parameters import KnownParametersMixin
from core.api.renderers import ScriptSafeJSONRenderer
from reviews.models import Publication
from reviews.publishing.api.filters import ChangeFilter, PublishedClaimFilter
from reviews.publishing.api.pagination import ChangesCursorPagination, PublishedCursorPagination, RemedyCursorPagination
from reviews.publishing.api.permissions import CanReadPublished
from reviews.publishing.api.serializers import (
    ChangeSerializer,
    PublishedClaimSerializer,
    RemedySerializer,
    claim_review_jsonld,
)
from reviews.publishing.selectors import (
    publication_changes,
    published_claim_row,
    published_claim_rows,
    published_claims,
    published_remedies,
    published_remedy,
    published_state,
)

NOT_PUBLISHED = "No published claim with this id (it may be unpublished or withdrawn)."
VERSION_PARAM = OpenApiParameter("version", OpenApiTypes.INT, description="An earlier published version.")


class PublishedStateValidators(ConditionalGetMixin):
    """Validators from the published state as a whole: for answers that any publication or
    withdrawal may change. Every answer is built from publications only (a remedy edit shows once
    a publication carries it), so nothing else enters them."""

    def validators(self):
        last_change, last_at = published_state()
        return f"{last_change}", last_at


class PublishedClaimViewSet(KnownParametersMixin, PublishedStateValidators, viewsets.ReadOnlyModelViewSet):
    """Published claims: the current version of each, with its evidence, contraindications and
    references, exactly as a senior reviewer published it."""

    serializer_class = PublishedClaimSerializer
    permission_classes = [CanReadPublished]
    pagination_class = PublishedCursorPagination
    filter_backends = [NamedFiltersBackend, StrictOrderingFilter]
    filterset_class = PublishedClaimFilter
    ordering_fields = ["published_at", "claim_id"]
    ordering = ["-published_at"]
    detail_parameters = ("version",)
    lookup_field = "claim_id"
    lookup_value_regex = r"[0-9]{1,18}"  # longer numbers cannot be ids: they 404 instead of overflowing

    def get_queryset(self):
        return published_claim_rows() if self.action == "list" else published_claims()

    @functools.cached_property
    def current_row(self) -> dict | None:
        """The claim's current version as a list row: one query, which its validators and its body share."""
        return published_claim_row(int(self.kwargs["claim_id"]))

    def validators(self):
        if self.action == "retrieve" and "version" not in self.request.query_params:
            # A published version never changes, so the claim and its version are the validators,
            # and they cost no query of their own: a republication or a withdrawal changes the row.
            row = self.current_row
            if row is None:
                return None, None
            return f"claim {row['claim_id']} version {row['version']}", row["published_at"]
        # An earlier version's body names the current one, which any republication changes.
        return super().validators()

    @conditional
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[VERSION_PARAM])
    @conditional
    def retrieve(self, request, *args, **kwargs):
        if "version" in request.query_params:
            return Response(self.get_serializer(self.get_object()).data)
        if self.current_row is None:
            raise Http404(NOT_PUBLISHED)
        return Response(self.get_serializer().to_representation(self.current_row))

    def get_object(self):
        current = self.get_queryset().filter(claim_id=self.kwargs["claim_id"]).first()
        if current is None:
            raise Http404(NOT_PUBLISHED)
        wanted = self.request.query_params.get("version")
        if wanted is None:
            return current
        if not (wanted.isascii() and wanted.isdigit()) or int(wanted) < 1:  # "²".isdigit() is true
            raise ValidationError({"version": ["A version is a positive whole number."]})
        if int(wanted) == current.version:
            return current
        earlier = (
            Publication.objects.only("id", "claim_id", "version", "snapshot")
            # A withdrawn version was taken out of the API: it is not served as history either.
            .filter(claim_id=current.claim_id, version=int(wanted), withdrawn_at__isnull=True)
            .first()
        )
        if earlier is None:
            raise Http404(f"Claim {current.claim_id} has no published version {wanted}.")
        earlier.current_version = current.version
        return earlier

    @extend_schema(parameters=[VERSION_PARAM], responses={(200, "application/ld+json"): OpenApiTypes.OBJECT})
    @action(
        detail=True,
        url_path="claimreview",
        filter_backends=[],
        pagination_class=None,
        renderer_classes=[ScriptSafeJSONRenderer],
    )
    @conditional
    def claimreview(self, request, *args, **kwargs):
        """schema.org ClaimReview JSON-LD: the recommendation as a 1–5 rating. Safe to paste into a
        page's <script type="application/ld+json">: <, > and & are escaped in every string."""
        publication = self.get_object()
        url = request.build_absolute_uri(request.path.removesuffix("claimreview/"))
        return Response(claim_review_jsonld(publication, url), content_type="application/ld+json")


class PublishedRemedyCursorPagination(RemedyCursorPagination):
    """In the order of the names the remedies were published under, the remedy's id breaking ties
    (two remedies may have been published under one name, at different times). Any text without
    NUL is a position: names compare as text, whatever their length."""

    ordering = ("name", "remedy_id")

    def _fits_ordering(self, position: str) -> bool:
        return "\x00" not in position  # PostgreSQL refuses NUL in text


REMEDY_ID_PARAM = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The remedy's id.")


@extend_schema_view(retrieve=extend_schema(parameters=[REMEDY_ID_PARAM]))
class RemedyViewSet(KnownParametersMixin, PublishedStateValidators, viewsets.ReadOnlyModelViewSet):
    """Remedies with at least one current publication, each as its latest current publication
    says it: name, aliases, risk tier, remedy-wide contraindications. An edit reaches this
    endpoint only once a publication carries it."""

    serializer_class = RemedySerializer
    permission_classes = [CanReadPublished]
    lookup_value_regex = r"[0-9]{1,18}"
    pagination_class = PublishedRemedyCursorPagination
    filter_backends = []

    def get_queryset(self):
        return published_remedies()

    def get_object(self):
        publication = published_remedy(int(self.kwargs["pk"]))
        if publication is None:
            raise Http404("No remedy with this id has a published claim.")
        return publication

    @conditional
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @conditional
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


class ChangesView(KnownParametersMixin, PublishedStateValidators, generics.ListAPIView):
    """Published, republished and withdrawn events in order. Keep the last `id` you saw and ask
    for `?after=<id>` (or follow `next`) to mirror the API."""

    serializer_class = ChangeSerializer
    permission_classes = [CanReadPublished]
    pagination_class = ChangesCursorPagination
    filter_backends = [NamedFiltersBackend]
    filterset_class = ChangeFilter

    def get_queryset(self):
        return publication_changes()

    @conditional
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)
