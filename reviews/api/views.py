"""The auditors' view of one claim: its audit events and its publication versions."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from audit.api.permissions import IsAuditor
from audit.visibility import visible_events
from claims.models import Claim
from reviews.api.serializers import ClaimHistorySerializer
from reviews.models import Publication
from reviews.selectors import claim_history


class ClaimHistoryView(APIView):
    """One claim's full record: its events (with field diffs) and its publication versions."""

    permission_classes = [IsAuditor]

    @extend_schema(responses=ClaimHistorySerializer)
    def get(self, request, claim_id: int):
        claim = Claim.objects.select_related("remedy").filter(pk=claim_id).first()
        if claim is None:
            raise Http404("No claim with this id.")
        publications = Publication.objects.filter(claim=claim).select_related("published_by").order_by("version")
        data = {
            "claim_id": claim.pk,
            "statement": claim.statement,
            "remedy": claim.remedy.name,
            "events": visible_events(request.user, claim_history(claim)),
            "publications": publications,
        }
        return Response(ClaimHistorySerializer(data).data)
