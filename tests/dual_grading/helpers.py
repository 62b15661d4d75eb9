"""Independent gradings made through the services, and the hand-made pair the disagreement tests
read (test modules import from here; fixtures are in conftest.py)."""

from reviews import services
from reviews.models import ContraindicationLevel, EvidenceSource, Recommendation
from reviews.services.dual_grading import (
    grading_contraindication_save,
    grading_start,
    grading_submit,
    grading_update,
)


def outcome(name, *, importance="critical", design="randomised", judgements=(), **fields):
    return {"name": name, "importance": importance, "design": design, "judgements": judgements, **fields}


def judged(domain, severity, rationale="Judged from the trials."):
    return {"domain": domain, "severity": severity, "rationale": rationale}


def contraindication(condition, severity, rationale="Label contraindication.", source_kind=EvidenceSource.LABEL):
    return {"condition": condition, "severity": severity, "rationale": rationale, "source_kind": source_kind}


def grade_independently(review, grader, *, outcomes, recommendation, contraindications=(), references=(), submit=False):
    """A grader's independent grading of the review, written through the services."""
    grading = grading_start(review=review, actor=grader)
    for spec in outcomes:
        spec = dict(spec)
        judgements = spec.pop("judgements", ())
        item = services.outcome_add(review=review, actor=grader, grading=grading, **spec)
        for judgement in judgements:
            services.judgement_save(outcome=item, actor=grader, **judgement)
        for reference in references:
            services.outcome_reference_attach(outcome=item, actor=grader, reference=reference)
    grading = grading_update(grading=grading, actor=grader, recommendation=recommendation, summary="Independent.")
    for spec in contraindications:
        grading_contraindication_save(grading=grading, actor=grader, **spec)
    if submit:
        grading = grading_submit(grading=grading, actor=grader)
    grading.refresh_from_db()
    return grading


# The hand-made pair: what the first and the second grader say of quinine for night cramps.
FIRST = {
    "outcomes": [
        outcome(
            "Cramp frequency",
            judgements=[judged("risk_of_bias", "serious"), judged("imprecision", "serious", "Few events.")],
        ),
        outcome("Serious adverse events", judgements=[judged("imprecision", "serious")], direction="harm"),
    ],
    "recommendation": Recommendation.STRONG_AGAINST,
    "contraindications": [
        contraindication("Pregnancy", ContraindicationLevel.ABSOLUTE),
        contraindication("QT prolongation", ContraindicationLevel.CAUTION),
    ],
}
SECOND = {
    "outcomes": [
        outcome("cramp frequency ", judgements=[judged("risk_of_bias", "serious", "Unblinded trials.")]),
        outcome(
            "Serious adverse events",
            importance="important",
            judgements=[judged("imprecision", "serious")],
            direction="harm",
        ),
        outcome("Cramp intensity"),
    ],
    "recommendation": Recommendation.CONDITIONAL_AGAINST,
    "contraindications": [
        contraindication("pregnancy", ContraindicationLevel.ABSOLUTE),
        contraindication("Heart failure", ContraindicationLevel.RELATIVE),
    ],
}
# What the two disagree on, in order: (item, first value, second value).
EXPECTED = [
    ("outcome.certainty:cramp frequency", "low", "moderate"),
    ("outcome.domain:imprecision:cramp frequency", "serious", "none"),
    ("outcome.importance:serious adverse events", "critical", "important"),
    ("outcome:cramp intensity", "", "included"),
    ("recommendation", "strong_against", "conditional_against"),
    ("contraindication:heart failure", "", "relative"),
    ("contraindication:qt prolongation", "caution", ""),
]
# One grading both graders give: no disagreement at all.
SAME = {
    "outcomes": [outcome("Cramp frequency", design="observational")],
    "recommendation": Recommendation.CONDITIONAL_AGAINST,
    "contraindications": [contraindication("Pregnancy", ContraindicationLevel.ABSOLUTE)],
}
