"""The parts of a published outcome (its Summary of Findings row): the effect and the certainty.

Part of the snapshot's one shape: reviews.publishing.snapshots declares `outcomes` with its
`OutcomeSerializer`, made of these (kept apart only for length). Each outcome is written from a
`FrozenOutcome` — the outcome, its judgements and its references — so writing needs no database.

Numbers (the effect and its interval) are JSON numbers, as the rest of the snapshot writes its
numbers; null where not given. A certainty is frozen with its label and its ⊕⊕◯◯ symbols, so a
reader of the snapshot (the printable evidence profile) never works anything out again.
"""

from __future__ import annotations

from dataclasses import dataclass

from rest_framework import serializers

from reviews import grade
from reviews.models import (
    Certainty,
    DomainJudgement,
    Outcome,
    OutcomeReference,
)
from reviews.publishing.fields import Number, OptionalChoice, OptionalText

# The order an outcome's judgements are listed in (GRADE's): the five downgrades, then the upgrades.


@dataclass(frozen=True)
class FrozenOutcome:
    """One outcome of the review's own grading, with its judgements (in grade.DOMAIN_ORDER) and its
    references (each with its reference, oldest first)."""

    outcome: Outcome
    judgements: list[DomainJudgement]
    references: list[OutcomeReference]

    @property
    def worked_out(self) -> Certainty | None:
        return grade.worked_out(self.outcome.design, [(j.domain, j.severity) for j in self.judgements])


def frozen_outcomes(outcomes) -> list[FrozenOutcome]:
    """FrozenOutcomes of Outcome rows whose judgements and outcome_references (with their
    reference) were prefetched."""
    return [
        FrozenOutcome(
            outcome=outcome,
            judgements=sorted(outcome.judgements.all(), key=lambda j: grade.DOMAIN_ORDER.index(j.domain)),
            references=sorted(outcome.outcome_references.all(), key=lambda r: (r.reference.year, r.pk)),
        )
        for outcome in outcomes
    ]


class RelativeEffectSerializer(serializers.Serializer):
    measure = OptionalText(source="outcome.relative_measure", help_text="E.g. RR, OR, MD.")
    value = Number(source="outcome.relative_effect")
    ci_low = Number(source="outcome.relative_ci_low", help_text="Lower bound of the 95 % confidence interval.")
    ci_high = Number(source="outcome.relative_ci_high", help_text="Upper bound of the 95 % confidence interval.")


class AbsoluteEffectSerializer(serializers.Serializer):
    value = Number(source="outcome.absolute_effect")
    ci_low = Number(source="outcome.absolute_ci_low", help_text="Lower bound of the 95 % confidence interval.")
    ci_high = Number(source="outcome.absolute_ci_high", help_text="Upper bound of the 95 % confidence interval.")
    unit = OptionalText(source="outcome.absolute_unit", help_text="E.g. “per 1,000”.")


class EffectSerializer(serializers.Serializer):
    relative = RelativeEffectSerializer(source="*")
    absolute = AbsoluteEffectSerializer(source="*")
    text = OptionalText(source="outcome.effect_text", help_text="The effect in words, as the evidence reports it.")


class OutcomeCertaintySerializer(serializers.Serializer):
    value = OptionalChoice(
        choices=Certainty.choices, source="outcome.certainty", help_text="The certainty in force (null: none yet)."
    )
    label = serializers.SerializerMethodField(help_text="E.g. “Low”.")
    symbols = serializers.SerializerMethodField(help_text="As Summary of Findings tables show it: “⊕⊕◯◯” is low.")
    worked_out = OptionalChoice(
        choices=Certainty.choices,
        help_text="The certainty worked out from the design and the judgements (`value` is the reviewer's "
        "override where `overridden`). Null without a design: an outcome migrated from a "
        "single-certainty review.",
    )

    def get_label(self, row: FrozenOutcome) -> str | None:
        return Certainty(row.outcome.certainty).label if row.outcome.certainty else None

    def get_symbols(self, row: FrozenOutcome) -> str | None:
        return grade.symbols(row.outcome.certainty) if row.outcome.certainty else None
