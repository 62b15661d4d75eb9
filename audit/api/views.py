"""The auditors' API: the audit trail read-only, its chain head, and streaming exports."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.api.filters import AuditEventFilter
from audit.api.permissions import IsAuditor
from audit.api.serializers import AuditEventSerializer, ChainHeadSerializer
from audit.export import FORMATS, chain_head, export_bytes
from audit.models import AuditEvent
from audit.visibility import hides_events, visible_events
from core.api.pagination import CheckedCursorPagination
from core.api.parameters import KnownParametersMixin


class AuditCursorPagination(CheckedCursorPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
    ordering = "seq"


class AuditEventListView(KnownParametersMixin, generics.ListAPIView):
    """Every audit event, oldest first, filtered by time, claim, remedy, review, actor and type."""

    serializer_class = AuditEventSerializer
    permission_classes = [IsAuditor]
    pagination_class = AuditCursorPagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = AuditEventFilter
    queryset = AuditEvent.objects.all()

    def get_queryset(self):
        return visible_events(self.request.user, super().get_queryset())


class ChainHeadView(APIView):
    """The chain head now: compare it with an export's closing line."""

    permission_classes = [IsAuditor]

    @extend_schema(responses=ChainHeadSerializer)
    def get(self, request):
        head = chain_head()
        return Response({key: head[key] for key in ("events", "head_seq", "head_hash")})


EXPORT_FORMAT = OpenApiParameter(
    "format", OpenApiTypes.STR, enum=["csv", "ndjson"], default="ndjson", description="csv or ndjson"
)


class AuditExportView(KnownParametersMixin, APIView):
    """Stream the filtered audit trail as CSV or NDJSON, at any size, in constant memory.
    NDJSON ends with a signed `chain_head` line (the chain head and event count at export time,
    the number of events exported and whether they were filtered)."""

    permission_classes = [IsAuditor]
    filterset_class = AuditEventFilter  # the filters it reads (it applies them itself)

    def perform_content_negotiation(self, request, force=False):
        # `format` names the export format here, not a DRF renderer.
        return JSONRenderer(), JSONRenderer.media_type

    @extend_schema(
        parameters=[EXPORT_FORMAT],
        filters=True,
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
            (200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR),
        },
    )
    def get(self, request):
        fmt = request.query_params.get("format", "ndjson")
        if fmt not in FORMATS:
            raise ValidationError({"format": ["Use csv or ndjson."]})
        events = visible_events(request.user, AuditEvent.objects.all())
        filterset = AuditEventFilter(request.query_params, queryset=events, request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        # The head is read first and the rows stop there, so the closing line describes exactly
        # the chain the file holds even while reviewers keep appending events. Events hidden from
        # this reader (audit.visibility) make it a filtered export too.
        head = chain_head(filtered=filterset.narrows or hides_events(request.user))
        queryset = filterset.qs.filter(seq__lte=head["head_seq"] or 0)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
        response = StreamingHttpResponse(export_bytes(queryset, fmt, head=head), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.{fmt}"'
        return response
