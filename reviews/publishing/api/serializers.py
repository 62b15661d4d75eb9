"""Published claims are served from their frozen snapshot (no joins, no N+1). The snapshot's shape
is declared once, in reviews.publishing.snapshots, which writes every snapshot through it; these
serializers extend it with what the API adds, so the OpenAPI schema is the shape that was written,
and to_representation passes the stored snapshot through."""

import orjson
from django.urls import reverse as django_reverse
from rest_framework import serializers
from rest_framework.reverse import reverse

from reviews.models import PublicationChange, Recommendation
from reviews.publishing.profile import EVIDENCE_PROFILE
from reviews.publishing.snapshots import (
    ContraindicationSerializer,
    PublicationSnapshotSerializer,
    RemedyRefSerializer,
    Scope,
)


class PublishedClaimSerializer(PublicationSnapshotSerializer):
    """A claim's published version: its snapshot, after the claim's id, URL and current version."""

    id = serializers.IntegerField(help_text="The claim's id: stable across versions.")
    url = serializers.URLField()
    evidence_profile_url = serializers.URLField(
        help_text="The claim's printable evidence profile (HTML): its current version's Summary of Findings."
    )
    current_version = serializers.IntegerField()

    HEAD = ("id", "url", "evidence_profile_url", "current_version")

    def get_fields(self):
        fields = super().get_fields()  # the snapshot's first: put the API's own before them, as in the body
        return {name: fields.pop(name) for name in self.HEAD} | fields

    def to_representation(self, publication):
        if isinstance(publication, dict):  # a list row (reviews.publishing.selectors.published_claim_rows)
            return spliced(self._head(publication["claim_id"], publication["version"]), publication["snapshot_text"])
        current = getattr(publication, "current_version", None) or publication.version
        return self._head(publication.claim_id, current) | publication.snapshot

    def _head(self, claim_id: int, current_version: int) -> dict:
        url = self._url(claim_id)
        return {
            "id": claim_id,
            "url": url,
            "evidence_profile_url": f"{url}{EVIDENCE_PROFILE}/",
            "current_version": current_version,
        }

    def _url(self, claim_id: int) -> str:
        # Every claim URL is the list's absolute URL plus the id, so reverse() and
        # build_absolute_uri() run once per page instead of once per row: both per row made a
        # 50-row page 18 % slower (p50 15.6 -> 18.4 ms in the same bench run; deep cursor +20 %).
        # (DRF's reverse() would also keep the request's ?format= in every URL.)
        if not hasattr(self, "_list_url"):
            request = self.context.get("request")
            path = django_reverse("api:claim-list")
            self._list_url = request.build_absolute_uri(path) if request is not None else path
        return f"{self._list_url}{claim_id}/"


def spliced(head: dict, snapshot_text: str) -> orjson.Fragment:
    """`head`'s fields, then the stored snapshot's, as one JSON object, the snapshot's JSON text
    passed through undecoded (rendered by core.api.renderers.FastJSONRenderer, which takes
    fragments). Decoding and re-encoding every snapshot made a 50-row page 32 % slower (p50 15.6 ->
    20.5 ms in the same bench run; deep cursor +34 %)."""
    return orjson.Fragment(orjson.dumps(head)[:-1] + b"," + snapshot_text.encode()[1:])


class RemedyContraindicationSerializer(ContraindicationSerializer):
    """A contraindication of the whole remedy: its scope goes without saying."""

    scope = None


class RemedySerializer(RemedyRefSerializer):
    """A remedy as the latest current publication of its claims says it: that publication's remedy
    block, and its contraindications that apply to the whole remedy."""

    contraindications = RemedyContraindicationSerializer(many=True)
    published_claims = serializers.IntegerField(help_text="Number of published claims.")

    REMEDY_FIELDS = tuple(RemedyRefSerializer._declared_fields)
    CONTRAINDICATION_FIELDS = tuple(RemedyContraindicationSerializer._declared_fields)

    def to_representation(self, publication):
        snapshot = publication.snapshot
        remedy = snapshot["remedy"]
        return {
            **{field: remedy[field] for field in self.REMEDY_FIELDS},
            "contraindications": [
                {field: c[field] for field in self.CONTRAINDICATION_FIELDS}
                for c in snapshot["contraindications"]
                if c["scope"] == Scope.REMEDY
            ],
            "published_claims": publication.published_claims,
        }


class ChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Cursor: pass as ?after= to read what happened since.")
    kind = serializers.ChoiceField(choices=PublicationChange.Kind.choices)
    claim_id = serializers.IntegerField()
    version = serializers.IntegerField()
    occurred_at = serializers.DateTimeField()
    reason = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, change) -> str | None:
        if change.kind == PublicationChange.Kind.WITHDRAWN:
            return None
        return reverse("api:claim-detail", args=[change.claim_id], request=self.context.get("request"))


RATINGS = {  # schema.org Rating: 1 (strongly against) .. 5 (strongly for)
    Recommendation.STRONG_AGAINST: 1,
    Recommendation.CONDITIONAL_AGAINST: 2,
    Recommendation.INSUFFICIENT: 3,
    Recommendation.CONDITIONAL_FOR: 4,
    Recommendation.STRONG_FOR: 5,
}
RATING_NAMES = {
    Recommendation.STRONG_AGAINST: "Strong recommendation against",
    Recommendation.CONDITIONAL_AGAINST: "Conditional recommendation against",
    Recommendation.INSUFFICIENT: "Insufficient evidence",
    Recommendation.CONDITIONAL_FOR: "Conditional recommendation for",
    Recommendation.STRONG_FOR: "Strong recommendation for",
}


def claim_review_jsonld(publication, url: str) -> dict:
    snapshot = publication.snapshot
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": snapshot["statement"],
        "datePublished": snapshot["published_at"],
        "author": {"@type": "Organization", "name": "Remedy Claims Review"},
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [
                {"@type": "CreativeWork", "name": a["source_title"], "text": a["quote"]}
                for a in snapshot["appearances"]
            ],
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATINGS[snapshot["recommendation"]],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": RATING_NAMES[snapshot["recommendation"]],
            "ratingExplanation": snapshot["evidence"]["summary"],
        },
    }
