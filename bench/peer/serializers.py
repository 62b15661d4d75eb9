"""Nested ModelSerializers over the models, mirroring the fields of the content API's JSON (one
published claim: its current Publication, with the claim, remedy, review and their rows)."""

from rest_framework import serializers

from bench.app import model, worked_out


class RemedySerializer(serializers.ModelSerializer):
    inn = serializers.SerializerMethodField()
    aliases = serializers.SlugRelatedField(many=True, read_only=True, slug_field="alias")

    class Meta:
        model = model("Remedy")
        fields = ["id", "name", "inn", "category", "atc_code", "risk_tier", "risk_reason", "aliases"]

    def get_inn(self, remedy) -> str | None:
        return remedy.name if remedy.category == "drug" else None


class AppearanceSerializer(serializers.ModelSerializer):
    source = serializers.SlugRelatedField(read_only=True, slug_field="file_name")
    source_title = serializers.CharField(source="source.title")
    source_sha256 = serializers.CharField(source="source.sha256")

    class Meta:
        model = model("Appearance")
        fields = ["source", "source_title", "source_sha256", "quote", "start", "end", "dose"]


# GRADE's order of the domains, in which the API lists an outcome's judgements.
DOMAIN_ORDER = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias", "large_effect",
                "dose_response", "plausible_confounding")
LEVELS = ("very_low", "low", "moderate", "high")


class JudgementSerializer(serializers.ModelSerializer):
    class Meta:
        model = model("DomainJudgement")
        fields = ["domain", "severity", "rationale"]


def judgements_of(outcome) -> list:
    return sorted(outcome.judgements.all(), key=lambda j: DOMAIN_ORDER.index(j.domain))


class EvidenceSerializer(serializers.ModelSerializer):
    """The review's grading: certainty, summary and its GRADE domains (every outcome's)."""

    domains = serializers.SerializerMethodField()

    class Meta:
        model = model("Review")
        fields = ["certainty", "summary", "domains"]

    def get_domains(self, review) -> list:
        judgements = [j for outcome in review.outcomes.all() for j in judgements_of(outcome)]
        return JudgementSerializer(judgements, many=True).data


class OutcomeReferenceSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="reference.title")
    kind = serializers.CharField(source="reference.kind")
    year = serializers.IntegerField(source="reference.year")
    pmid = serializers.CharField(source="reference.pmid")
    doi = serializers.CharField(source="reference.doi")
    url = serializers.CharField(source="reference.url")

    class Meta:
        model = model("OutcomeReference")
        fields = ["title", "kind", "year", "pmid", "doi", "url", "note"]


def _number(value):
    return None if value is None else float(value)


class OutcomeSerializer(serializers.ModelSerializer):
    """An outcome of the review's Summary of Findings."""

    effect = serializers.SerializerMethodField()
    certainty = serializers.SerializerMethodField()
    overridden = serializers.SerializerMethodField()
    override_reason = serializers.SerializerMethodField()
    judgements = serializers.SerializerMethodField()
    references = OutcomeReferenceSerializer(source="outcome_references", many=True)

    class Meta:
        model = model("Outcome")
        fields = ["name", "direction", "importance", "design", "studies", "participants", "effect", "certainty",
                  "overridden", "override_reason", "judgements", "references"]

    def get_effect(self, o) -> dict:
        return {
            "relative": {"measure": o.relative_measure or None, "value": _number(o.relative_effect),
                         "ci_low": _number(o.relative_ci_low), "ci_high": _number(o.relative_ci_high)},
            "absolute": {"value": _number(o.absolute_effect), "ci_low": _number(o.absolute_ci_low),
                         "ci_high": _number(o.absolute_ci_high), "unit": o.absolute_unit or None},
            "text": o.effect_text or None,
        }

    def get_certainty(self, o) -> dict:
        filled = LEVELS.index(o.certainty) + 1
        return {"value": o.certainty, "label": o.get_certainty_display(), "symbols": "⊕" * filled + "◯" * (4 - filled),
                "worked_out": worked_out(o.design, [(j.domain, j.severity) for j in o.judgements.all()])}

    def get_overridden(self, o) -> bool:
        return bool(o.certainty_override)

    def get_override_reason(self, o) -> str | None:
        return o.override_reason if o.certainty_override else None

    def get_judgements(self, o) -> list:
        return JudgementSerializer(judgements_of(o), many=True).data


class ContraindicationSerializer(serializers.ModelSerializer):
    scope = serializers.SerializerMethodField()
    source_reference = serializers.StringRelatedField()

    class Meta:
        model = model("Contraindication")
        fields = [
            "condition", "kind", "severity", "rationale", "scope", "source_kind", "source_date", "source_reference",
        ]

    def get_scope(self, contraindication) -> str:
        return "remedy" if contraindication.remedy_id else "claim"


class InForceContraindications(serializers.ListSerializer):
    """The contraindications in force for the publication's claim: the remedy's (every claim of it
    inherits them) and the claim's own, in the API's order."""

    def get_attribute(self, publication):
        rows = [*publication.remedy.contraindications.all(), *publication.claim.contraindications.all()]
        return sorted(rows, key=lambda c: (c.severity, c.condition))


class ReferenceSerializer(serializers.ModelSerializer):
    """A reference the review cites, with the review's note."""

    title = serializers.CharField(source="reference.title")
    kind = serializers.CharField(source="reference.kind")
    year = serializers.IntegerField(source="reference.year")
    pmid = serializers.CharField(source="reference.pmid")
    doi = serializers.CharField(source="reference.doi")
    url = serializers.CharField(source="reference.url")

    class Meta:
        model = model("ReviewReference")
        fields = ["title", "kind", "year", "pmid", "doi", "url", "note"]


class PublishedClaimSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(source="claim_id")
    url = serializers.HyperlinkedIdentityField(view_name="peer-claim-detail", lookup_field="claim_id")
    evidence_profile_url = serializers.SerializerMethodField()
    current_version = serializers.IntegerField(source="version")
    statement = serializers.CharField(source="claim.statement")
    kind = serializers.CharField(source="claim.kind")
    population = serializers.CharField(source="claim.population", allow_null=True)
    remedy = RemedySerializer()
    appearances = AppearanceSerializer(source="claim.appearances", many=True)
    evidence = EvidenceSerializer(source="review")
    outcomes = OutcomeSerializer(source="review.outcomes", many=True)
    contraindications = InForceContraindications(child=ContraindicationSerializer())
    no_known_contraindication = serializers.SerializerMethodField()
    references = ReferenceSerializer(source="review.review_references", many=True)
    approved_by = serializers.CharField(source="review.decided_by.username")
    approved_at = serializers.DateTimeField(source="review.decided_at")
    published_by = serializers.CharField(source="published_by.username")

    class Meta:
        model = model("Publication")
        fields = [
            "id", "url", "evidence_profile_url", "current_version", "claim_id", "version", "statement", "kind",
            "population", "remedy", "appearances", "evidence", "outcomes", "recommendation", "contraindications",
            "no_known_contraindication",
            "references", "approved_by", "approved_at", "published_by", "published_at", "change_note",
        ]

    def get_evidence_profile_url(self, publication) -> str:
        return self.fields["url"].to_representation(publication) + "evidence-profile/"

    def get_no_known_contraindication(self, publication) -> str | None:
        review = publication.review
        return review.no_contraindication_reason if review.no_known_contraindication else None
