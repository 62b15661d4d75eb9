"""Published claims are served from their frozen snapshot (no joins, no N+1). The declared fields
document the shape in the OpenAPI schema; to_representation returns the snapshot itself."""

import orjson
from django.urls import reverse as django_reverse
from rest_framework import serializers
from rest_framework.reverse import reverse


class RemedyRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    inn = serializers.CharField(allow_null=True)
    category = serializers.CharField()
    atc_code = serializers.CharField(allow_null=True)
    risk_tier = serializers.CharField()
    risk_reason = serializers.CharField()
    aliases = serializers.ListField(child=serializers.CharField())


class AppearanceSerializer(serializers.Serializer):
    source = serializers.CharField()
    source_title = serializers.CharField()
    source_sha256 = serializers.CharField()
    quote = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    dose = serializers.CharField(allow_null=True)


class DomainSerializer(serializers.Serializer):
    domain = serializers.CharField()
    severity = serializers.CharField()
    rationale = serializers.CharField()


class EvidenceSerializer(serializers.Serializer):
    certainty = serializers.CharField()
    summary = serializers.CharField()
    domains = DomainSerializer(many=True)


class ContraindicationSerializer(serializers.Serializer):
    condition = serializers.CharField()
    kind = serializers.CharField()
    severity = serializers.CharField()
    rationale = serializers.CharField()
    scope = serializers.ChoiceField(choices=["remedy", "claim"])
    source_kind = serializers.CharField()
    source_date = serializers.DateField(allow_null=True)
    source_reference = serializers.CharField(allow_null=True)


class ReferenceSerializer(serializers.Serializer):
    title = serializers.CharField()
    kind = serializers.CharField()
    year = serializers.IntegerField()
    pmid = serializers.CharField(allow_null=True)
    doi = serializers.CharField(allow_null=True)
    url = serializers.CharField(allow_null=True)
    note = serializers.CharField(allow_null=True)


class PublishedClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The claim's id: stable across versions.")
    url = serializers.URLField()
    claim_id = serializers.IntegerField()
    version = serializers.IntegerField()
    current_version = serializers.IntegerField()
    statement = serializers.CharField()
    kind = serializers.CharField()
    population = serializers.CharField(allow_null=True)
    remedy = RemedyRefSerializer()
    appearances = AppearanceSerializer(many=True)
    evidence = EvidenceSerializer()
    recommendation = serializers.CharField()
    contraindications = ContraindicationSerializer(many=True)
    no_known_contraindication = serializers.CharField(allow_null=True)
    references = ReferenceSerializer(many=True)
    approved_by = serializers.CharField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    published_by = serializers.CharField()
    published_at = serializers.DateTimeField()
    change_note = serializers.CharField()

    def to_representation(self, publication):
        if isinstance(publication, dict):  # a list row (reviews.selectors.published_claim_rows)
            return self._listed(publication)
        current = getattr(publication, "current_version", None) or publication.version
        return {
            "id": publication.claim_id,
            "url": self._url(publication.claim_id),
            "current_version": current,
            **publication.snapshot,
        }

    def _listed(self, row: dict) -> orjson.Fragment:
        # The stored snapshot's JSON text goes out as it is, after the three fields it lacks:
        # decoding and re-encoding each snapshot was most of a list page's cost.
        head = orjson.dumps(
            {"id": row["claim_id"], "url": self._url(row["claim_id"]), "current_version": row["version"]}
        )
        return orjson.Fragment(head[:-1] + b"," + row["snapshot_text"].encode()[1:])

    def _url(self, claim_id: int) -> str:
        # One reverse() per request, not per row: every claim URL is the list path plus the id
        # (without the request's query string, which DRF's reverse() would keep).
        if not hasattr(self, "_list_url"):
            request = self.context.get("request")
            path = django_reverse("api:claim-list")
            self._list_url = request.build_absolute_uri(path) if request is not None else path
        return f"{self._list_url}{claim_id}/"


class RemedyContraindicationSerializer(serializers.Serializer):
    condition = serializers.CharField()
    kind = serializers.CharField()
    severity = serializers.CharField()
    rationale = serializers.CharField()
    source_kind = serializers.CharField()
    source_date = serializers.DateField(allow_null=True)
    source_reference = serializers.CharField(allow_null=True)


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
                if c["scope"] == "remedy"
            ],
            "published_claims": publication.published_claims,
        }


class ChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Cursor: pass as ?after= to read what happened since.")
    kind = serializers.ChoiceField(choices=["published", "republished", "withdrawn"])
    claim_id = serializers.IntegerField()
    version = serializers.IntegerField()
    occurred_at = serializers.DateTimeField()
    reason = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, change) -> str | None:
        if change.kind == "withdrawn":
            return None
        return reverse("api:claim-detail", args=[change.claim_id], request=self.context.get("request"))


RATINGS = {  # schema.org Rating: 1 (strongly against) .. 5 (strongly for)
    "strong_against": 1,
    "conditional_against": 2,
    "insufficient_evidence": 3,
    "conditional_for": 4,
    "strong_for": 5,
}
RATING_NAMES = {
    "strong_against": "Strong recommendation against",
    "conditional_against": "Conditional recommendation against",
    "insufficient_evidence": "Insufficient evidence",
    "conditional_for": "Conditional recommendation for",
    "strong_for": "Strong recommendation for",
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
