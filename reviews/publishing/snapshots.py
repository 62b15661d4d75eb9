"""The published form of a claim: everything a content team may show.

It is built at approval (`approval_snapshot`) and frozen with its hash on the review; publishing
adds the publication's own fields (version, who published it and when, the change note) to that
frozen snapshot and nothing else.

Its shape is written once, here, as the serializers below: `approval_snapshot` and
`publication_snapshot` write a snapshot by running them over the rows it is frozen from
(`FrozenRows`), and the content API's serializers extend them, so the OpenAPI schema describes
exactly what was written. Enumerated values are declared with their model enums.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from rest_framework import serializers

from audit.keys import canonical
from audit.trail import to_json_value
from claims.models import Appearance, Category, Claim, ClaimKind, Population, Remedy, RiskTier
from reviews.models import (
    Certainty,
    Contraindication,
    ContraindicationKind,
    ContraindicationLevel,
    Domain,
    DomainJudgement,
    EvidenceSource,
    Importance,
    OutcomeDirection,
    Recommendation,
    ReferenceKind,
    Review,
    ReviewReference,
    Severity,
    StudyDesign,
)
from reviews.publishing.fields import OptionalChoice, OptionalText, UtcTime
from reviews.publishing.outcomes import EffectSerializer, FrozenOutcome, OutcomeCertaintySerializer, frozen_outcomes
from reviews.selectors import contraindications_for_claim
from reviews.sof import review_outcomes


class Scope(models.TextChoices):
    """Whom a published contraindication is about."""

    REMEDY = "remedy", "Every claim of the remedy"
    CLAIM = "claim", "This claim only"


@dataclass(frozen=True)
class FrozenRows:
    """The rows an approval freezes, each list in the snapshot's order."""

    claim: Claim
    remedy: Remedy
    aliases: list[str]
    appearances: list[Appearance]  # with their source
    review: Review
    judgements: list[DomainJudgement]  # every outcome's, outcome by outcome
    outcomes: list[FrozenOutcome]  # the review's own grading's, in Summary of Findings order
    contraindications: list[Contraindication]  # every one in force, with its source reference
    review_references: list[ReviewReference]  # with their reference
    approved_by: object  # the approver (a user)
    approved_at: datetime


# --- the shape -----------------------------------------------------------------------------------


class RemedyRefSerializer(serializers.Serializer):
    """The claim's remedy as it read at approval, with its risk tier and aliases."""

    id = serializers.IntegerField(source="remedy.pk")
    name = serializers.CharField(source="remedy.name")
    inn = serializers.SerializerMethodField(help_text="The INN: the name of a drug, null for anything else.")
    category = serializers.ChoiceField(choices=Category.choices, source="remedy.category")
    atc_code = OptionalText(source="remedy.atc_code")
    risk_tier = serializers.ChoiceField(choices=RiskTier.choices, source="remedy.risk_tier")
    risk_reason = serializers.CharField(source="remedy.risk_reason")
    aliases = serializers.ListField(child=serializers.CharField())

    def get_inn(self, rows: FrozenRows) -> str | None:
        return rows.remedy.name if rows.remedy.category == Category.DRUG else None


class ConditionRefSerializer(serializers.Serializer):
    """What the claim is about, as it read at approval."""

    name = serializers.CharField()
    slug = serializers.SlugField(help_text="What the `about` filter takes.")


class AppearanceSerializer(serializers.Serializer):
    source = serializers.CharField(source="source.file_name")
    source_title = serializers.CharField(source="source.title")
    source_sha256 = serializers.CharField(source="source.sha256")
    quote = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    dose = OptionalText()


class DomainSerializer(serializers.Serializer):
    domain = serializers.ChoiceField(choices=Domain.choices)
    severity = serializers.ChoiceField(choices=Severity.choices)
    rationale = serializers.CharField()


class EvidenceSerializer(serializers.Serializer):
    certainty = serializers.ChoiceField(
        choices=Certainty.choices,
        allow_blank=True,
        source="review.certainty",
        help_text="The overall certainty: the lowest among the critical outcomes (GRADE), worked out.",
    )
    summary = serializers.CharField(allow_blank=True, source="review.summary")
    domains = DomainSerializer(
        many=True,
        source="judgements",
        help_text="Every outcome's domain judgements in one list, outcome by outcome, as written before "
        "certainty was rated per outcome; `outcomes[].judgements` says which outcome each is for.",
    )


class ContraindicationSerializer(serializers.Serializer):
    condition = serializers.CharField()
    kind = serializers.ChoiceField(choices=ContraindicationKind.choices)
    severity = serializers.ChoiceField(choices=ContraindicationLevel.choices)
    rationale = serializers.CharField()
    scope = serializers.SerializerMethodField()
    source_kind = serializers.ChoiceField(choices=EvidenceSource.choices)
    source_date = serializers.DateField(allow_null=True)
    source_reference = serializers.CharField(allow_null=True)

    def get_scope(self, contraindication: Contraindication) -> Scope:
        return Scope.REMEDY if contraindication.remedy_id else Scope.CLAIM


class ReferenceSerializer(serializers.Serializer):
    title = serializers.CharField(source="reference.title")
    kind = serializers.ChoiceField(choices=ReferenceKind.choices, source="reference.kind")
    year = serializers.IntegerField(source="reference.year")
    pmid = OptionalText(source="reference.pmid")
    doi = OptionalText(source="reference.doi")
    url = OptionalText(source="reference.url")
    note = OptionalText()


class OutcomeSerializer(serializers.Serializer):
    """One outcome of the Summary of Findings: its body of evidence, effect and certainty, the
    judgements whose rationales are its footnotes, and the references it rests on."""

    name = serializers.CharField(source="outcome.name")
    direction = serializers.ChoiceField(choices=OutcomeDirection.choices, source="outcome.direction")
    importance = serializers.ChoiceField(choices=Importance.choices, source="outcome.importance")
    design = OptionalChoice(
        choices=StudyDesign.choices,
        source="outcome.design",
        help_text="Where the certainty starts: randomised trials high, observational studies low. Null on "
        "an outcome migrated from a single-certainty review (its certainty is an override).",
    )
    studies = serializers.IntegerField(allow_null=True, source="outcome.studies")
    participants = serializers.IntegerField(allow_null=True, source="outcome.participants")
    effect = EffectSerializer(source="*")
    certainty = OutcomeCertaintySerializer(source="*")
    overridden = serializers.SerializerMethodField(help_text="Whether a reviewer overrode the worked-out certainty.")
    override_reason = serializers.SerializerMethodField(help_text="Why it was overridden; null unless it was.")
    judgements = DomainSerializer(many=True, help_text="In GRADE's order: the downgrades, then the upgrades.")
    references = ReferenceSerializer(many=True)

    def get_overridden(self, row: FrozenOutcome) -> bool:
        return bool(row.outcome.certainty_override)

    def get_override_reason(self, row: FrozenOutcome) -> str | None:
        return row.outcome.override_reason if row.outcome.certainty_override else None


class ApprovalSnapshotSerializer(serializers.Serializer):
    """What an approval approves: the claim, its remedy, appearances, grading, every contraindication
    in force, references and the approver. Written from `FrozenRows`."""

    claim_id = serializers.IntegerField(source="claim.pk")
    condition = ConditionRefSerializer(
        source="claim.condition",
        required=False,
        help_text="The condition the claim is about. Absent from versions approved before claims carried one; "
        "the `about` filter finds those by the condition their claim was given then.",
    )
    statement = serializers.CharField(source="claim.statement")
    kind = serializers.ChoiceField(choices=ClaimKind.choices, source="claim.kind")
    population = serializers.ChoiceField(choices=Population.choices, allow_null=True, source="claim.population")
    remedy = RemedyRefSerializer(source="*")
    appearances = AppearanceSerializer(many=True)
    evidence = EvidenceSerializer(source="*")
    outcomes = OutcomeSerializer(
        many=True,
        required=False,
        help_text="The Summary of Findings: the outcomes graded, in order. Absent from versions published "
        "before certainty was rated per outcome (those stay as they were published).",
    )
    recommendation = serializers.ChoiceField(choices=Recommendation.choices, source="review.recommendation")
    contraindications = ContraindicationSerializer(many=True)
    no_known_contraindication = serializers.SerializerMethodField(
        help_text="Why no contraindication is known, when the reviewers said so; otherwise null."
    )
    references = ReferenceSerializer(many=True, source="review_references")
    approved_by = serializers.CharField(allow_null=True, source="approved_by.username")
    approved_at = UtcTime(allow_null=True)

    def get_no_known_contraindication(self, rows: FrozenRows) -> str | None:
        return rows.review.no_contraindication_reason if rows.review.no_known_contraindication else None


@dataclass(frozen=True)
class PublicationRow:
    version: int
    published_by: object  # the publisher (a user)
    published_at: datetime
    change_note: str


class PublicationFieldsSerializer(serializers.Serializer):
    """The publication's own fields, added to the approved snapshot. Written from a `PublicationRow`."""

    version = serializers.IntegerField()
    published_by = serializers.CharField(source="published_by.username")
    published_at = UtcTime()
    change_note = serializers.CharField(allow_blank=True)


class PublicationSnapshotSerializer(ApprovalSnapshotSerializer, PublicationFieldsSerializer):
    """A publication's snapshot: the approved snapshot, then the publication's own fields."""


PUBLICATION_FIELDS = tuple(PublicationFieldsSerializer._declared_fields)


# --- writing -------------------------------------------------------------------------------------


def snapshot_hash(snapshot: dict) -> str:
    """SHA-256 of the snapshot's canonical JSON: what an approval approved, in 64 characters."""
    return hashlib.sha256(canonical(snapshot)).hexdigest()


@functools.cache
def _writer(shape: type[serializers.Serializer]) -> serializers.Serializer:
    # One instance of each shape, reused: making one deep-copies every field of the shape, which
    # took ten times as long as writing a snapshot with it (2.5 ms against 0.25).
    return shape()


def publication_snapshot(*, review: Review, version: int, published_by, published_at, change_note: str) -> dict:
    """The approved snapshot with the publication's own fields added. Needs no database: `review`
    only gives its approved snapshot, `published_by` its username."""
    row = PublicationRow(version, published_by, published_at, change_note)
    return review.approved_snapshot | to_json_value(_writer(PublicationFieldsSerializer).to_representation(row))


def frozen_rows(*, review: Review, approved_by, approved_at) -> FrozenRows:
    """The rows the claim reads now, in the snapshot's order."""
    claim = review.claim
    outcomes = frozen_outcomes(review_outcomes(review).prefetch_related("outcome_references__reference"))
    return FrozenRows(
        claim=claim,
        remedy=claim.remedy,
        aliases=sorted(alias.alias for alias in claim.remedy.aliases.all()),
        appearances=list(claim.appearances.select_related("source").order_by("source__file_name", "start")),
        review=review,
        judgements=[judgement for outcome in outcomes for judgement in outcome.judgements],
        outcomes=outcomes,
        contraindications=list(contraindications_for_claim(claim).order_by("severity", "condition", "pk")),
        review_references=list(review.review_references.select_related("reference").order_by("reference__year", "pk")),
        approved_by=approved_by,
        approved_at=approved_at,
    )


def snapshot_of(rows: FrozenRows) -> dict:
    """The approval snapshot of these rows, as the JSON column stores it. Needs no database: the
    rows may be unsaved instances (the benchmark's seed writes its snapshots so)."""
    return to_json_value(_writer(ApprovalSnapshotSerializer).to_representation(rows))


def approval_snapshot(*, review: Review, approved_by, approved_at) -> dict:
    """The claim as it reads now — claim, remedy and its risk tier, appearances, grading,
    judgements, references, every contraindication in force (inherited ones included) — with the
    approver: what an approval approves."""
    return snapshot_of(frozen_rows(review=review, approved_by=approved_by, approved_at=approved_at))


# --- reading -------------------------------------------------------------------------------------


def search_text(snapshot: dict) -> str:
    parts = [
        snapshot["statement"],
        snapshot["remedy"]["name"],
        *snapshot["remedy"]["aliases"],
        *(a["quote"] for a in snapshot["appearances"]),
    ]
    return "\n".join(parts).lower()


def folded(name: str) -> str:
    """A remedy name or alias as the API's `remedy` filter compares it: in any case, every
    script's letters alike (the database's UPPER() folds only ASCII on SQLite)."""
    return name.casefold()


def remedy_names(snapshot: dict) -> set[str]:
    """The remedy's published name and aliases, folded: what the `remedy` filter matches."""
    remedy = snapshot["remedy"]
    return {folded(name) for name in (remedy["name"], *remedy["aliases"])}


def source_file_names(snapshot: dict) -> set[str]:
    """The file names of the sources the published claim appears in: what the `source` filter matches."""
    return {appearance["source"] for appearance in snapshot["appearances"]}
