"""DEMO DATA: the two dual-graded demo reviews, graded by two demo reviewers independently, via
the services (so the audit trail records every step).

- Quinine: the Cochrane El-Tawil 2015 outcomes and the FDA's post-marketing harms, graded alike
  but for one point the graders settle between them; approved and published by a senior who took
  no part, so the claim's Summary of Findings is in the API and its printable evidence profile.
- Needle pricking: both gradings submitted, with real disagreements left for a senior to
  adjudicate (and the other senior to approve and publish).

Facts are from shared/reference/clinical_references.md and grade.md, and only those: where the
reference gives a certainty but not the domains behind it, the certainty is an override whose
reason says so. The verdicts are illustrations, not the product's."""

from __future__ import annotations

import datetime
from decimal import Decimal

from reviews import services
from reviews.factories import add_outcome
from reviews.models import (
    Certainty,
    Contraindication,
    ContraindicationKind,
    ContraindicationLevel,
    Domain,
    EvidenceSource,
    Importance,
    OutcomeDirection,
    Recommendation,
    Review,
    Severity,
    StudyDesign,
)
from reviews.publishing import services as publishing
from reviews.services import disagreements, dual_grading

DEMO = "[DEMO DATA] "
COCHRANE = "Cochrane review (El-Tawil et al. 2015)"

# -- quinine ----------------------------------------------------------------------------------

MINOR_EVENTS = "Minor adverse events"


def _as_rated(certainty: str, where: str = COCHRANE) -> dict:
    return dict(
        certainty=certainty,
        reason=DEMO + f"{Certainty(certainty).label} certainty, as the {where} rates this outcome; the "
        "reference this demo draws on does not say which domains it was rated down for, so none is "
        "entered here.",
    )


def quinine_outcomes(refs: dict, minor_importance: str) -> list[dict]:
    """The outcomes one grader grades (add_outcome's fields): the Cochrane review's, and the
    serious haematological reactions behind the FDA's actions, from post-marketing reports."""
    cochrane = refs["cochrane_quinine"]
    return [
        dict(
            name="Cramp number over two weeks",
            direction=OutcomeDirection.BENEFIT,
            importance=Importance.CRITICAL,
            design=StudyDesign.RANDOMISED,
            studies=13,
            participants=952,
            absolute_effect=Decimal("-2.45"),
            absolute_ci_low=Decimal("-3.54"),
            absolute_ci_high=Decimal("-1.36"),
            absolute_unit="cramps per 2 weeks (mean difference)",
            effect_text="Cramp number −28 % versus placebo.",
            references=[(cochrane, "13 trials, 952 participants")],
            override=_as_rated(Certainty.LOW),
        ),
        dict(
            name="Cramp intensity",
            direction=OutcomeDirection.BENEFIT,
            importance=Importance.IMPORTANT,
            design=StudyDesign.RANDOMISED,
            effect_text="Intensity −10 % versus placebo.",
            references=[(cochrane, "Cramp intensity")],
            override=_as_rated(Certainty.MODERATE),
        ),
        dict(
            name=MINOR_EVENTS,
            direction=OutcomeDirection.HARM,
            importance=minor_importance,
            design=StudyDesign.RANDOMISED,
            absolute_effect=Decimal("33"),
            absolute_unit="more per 1,000",
            effect_text="127 per 1,000 with quinine versus 94 per 1,000 with placebo.",
            references=[(cochrane, "Minor adverse events")],
            override=dict(
                certainty=Certainty.MODERATE,
                reason=DEMO + "The reference this demo draws on gives the figures (127 vs 94 per 1,000) "
                "but no certainty for this outcome: rated as the same trials' major adverse events "
                "(moderate), an illustration to check against the Cochrane review's own table.",
            ),
        ),
        dict(
            name="Major adverse events",
            direction=OutcomeDirection.HARM,
            importance=Importance.CRITICAL,
            design=StudyDesign.RANDOMISED,
            effect_text="Not different from placebo.",
            references=[(cochrane, "Major adverse events")],
            override=_as_rated(Certainty.MODERATE),
        ),
        dict(
            name="Serious haematological reactions (post-marketing reports)",
            direction=OutcomeDirection.HARM,
            importance=Importance.CRITICAL,
            # Observational evidence starts low; nothing rates it up or down: low, worked out.
            design=StudyDesign.OBSERVATIONAL,
            effect_text="Serious and life-threatening haematological reactions (thrombocytopenia, "
            "HUS/TTP; Qualaquin boxed warning). FDA, 8 July 2010: 38 serious US cases April 2005 – "
            "October 2008, 2 deaths. FDA, December 2006: 665 serious adverse-event reports since "
            "1969, 93 deaths.",
            references=[(refs["fda_2010"], "Post-marketing reports")],
        ),
    ]


QUININE_SUMMARY = (
    DEMO + "Cochrane 2015 (23 trials, 1,586 participants): cramp number −2.45 per 2 weeks, low "
    "certainty; intensity −10 %, moderate; more minor adverse events (127 vs 94 per 1,000), major "
    "adverse events not different. Serious haematological reactions (FDA boxed warning, post-"
    "marketing reports) outweigh the modest benefit."
)


def _grade(review: Review, grader, outcomes, recommendation: str, summary: str, contraindications=()):
    """One grader's independent grading, from start to submission."""
    grading = dual_grading.grading_start(review=review, actor=grader)
    for outcome in outcomes:
        add_outcome(review=review, actor=grader, grading=grading, **outcome)
    dual_grading.grading_update(grading=grading, actor=grader, recommendation=recommendation, summary=summary)
    for values in contraindications:
        dual_grading.grading_contraindication_save(grading=grading, actor=grader, **values)
    return dual_grading.grading_submit(grading=grading, actor=grader)


def quinine_review(claim, refs: dict, *, reviewer, reviewer2, senior) -> Review:
    """Graded by `reviewer` and `reviewer2` independently; the one point they differ on (how
    important minor adverse events are) settled by the two of them; submitted by `reviewer`,
    approved and published by `senior`, who took no part."""
    review = services.review_start(claim=claim, actor=reviewer)
    for grader, minor in ((reviewer, Importance.IMPORTANT), (reviewer2, Importance.NOT_IMPORTANT)):
        _grade(review, grader, quinine_outcomes(refs, minor), Recommendation.STRONG_AGAINST, QUININE_SUMMARY)
    [point] = review.disagreements.all()
    disagreements.disagreement_propose(
        disagreement=point,
        actor=reviewer2,
        value=Importance.IMPORTANT,
        reason=DEMO + "On reflection: 127 versus 94 per 1,000 matters to someone weighing a drug for "
        "cramps, even if it is not critical.",
    )
    disagreements.disagreement_resolve(
        disagreement=point,
        actor=reviewer,
        value=Importance.IMPORTANT,
        reason=DEMO + "Agreed: important, not critical.",
    )
    review.refresh_from_db()
    review = services.review_save_grading(
        review=review, actor=reviewer, expected_version=review.version, summary=QUININE_SUMMARY
    )
    for key, note in (
        ("cochrane_quinine", "Efficacy and trial harms"),
        ("aan_2010", "Avoid for routine use"),
        ("fda_2010", "Haematological harms"),
    ):
        services.reference_attach(review=review, actor=reviewer, reference=refs[key], note=note)
    services.contraindication_save(
        actor=reviewer,
        contraindication=Contraindication(
            review=review,
            remedy=claim.remedy,
            kind=ContraindicationKind.CONDITION,
            condition="Routine use for nocturnal leg cramps (haematologic risk)",
            severity=ContraindicationLevel.ABSOLUTE,
            source_kind=EvidenceSource.REGULATOR,
            source_reference=refs["fda_2010"],
            source_date=datetime.date(2010, 7, 8),
            rationale=DEMO + "Qualaquin boxed warning and FDA Drug Safety Communication (8 July 2010): "
            "serious and life-threatening haematologic reactions (thrombocytopenia, HUS/TTP).",
        ),
    )
    review = services.review_submit(review=review, actor=reviewer, note=DEMO + "Ready for approval.")
    review = services.review_approve(review=review, actor=senior, note=DEMO + "Agree: against.")
    publishing.review_publish(review=review, actor=senior, note=DEMO + "First publication.")
    review.refresh_from_db()
    return review


# -- needle pricking --------------------------------------------------------------------------

NO_STUDY = "No study of pricking a cramped muscle was found"


def needle_outcomes(*, indirect: bool) -> list[dict]:
    """A grader's outcomes: no evidence of benefit; the harms the articles themselves state,
    judged indirect (very low) by one grader and not (low) by the other."""
    indirectness = (
        dict(
            domain=Domain.INDIRECTNESS,
            severity=Severity.SERIOUS,
            rationale=DEMO + f"{NO_STUDY}: the risks are those of breaking the skin with a needle, as "
            "the articles state them, not observed in people who pricked a cramp.",
        )
        if indirect
        else dict(
            domain=Domain.INDIRECTNESS,
            severity=Severity.NONE,
            rationale=DEMO + "The articles that advise pricking are the ones that state its risks: "
            "they speak of this very practice.",
        )
    )
    return [
        dict(
            name="Cramp relief",
            direction=OutcomeDirection.BENEFIT,
            importance=Importance.CRITICAL,
            effect_text="No evidence found for benefit.",
            override=dict(
                certainty=Certainty.VERY_LOW,
                reason=DEMO + f"{NO_STUDY}: no body of evidence to rate.",
            ),
        ),
        dict(
            name="Infection, vessel or nerve injury",
            direction=OutcomeDirection.HARM,
            importance=Importance.CRITICAL,
            design=StudyDesign.OBSERVATIONAL,
            effect_text="Risks of infection and of injuring vessels and nerves, stated by the articles themselves.",
            judgements=[indirectness],
        ),
    ]


STERILE = dict(
    kind=ContraindicationKind.CONDITION,
    condition="Self-treatment without a sterile needle",
    severity=ContraindicationLevel.ABSOLUTE,
    source_kind=EvidenceSource.STUDY,
    rationale=DEMO + "Skin-breaking procedure: the articles themselves warn of infection and of "
    "injury to vessels and nerves.",
)
BLEEDING = dict(
    kind=ContraindicationKind.CONDITION,
    condition="Bleeding disorder or anticoagulant treatment",
    severity=ContraindicationLevel.CAUTION,
    source_kind=EvidenceSource.STUDY,
    rationale=DEMO + "A caution of this grader's, not a finding of a source: the articles warn of "
    "injury to vessels, which weighs more for anyone who bleeds easily. No source on bleeding was "
    "looked up; for the adjudicator to keep or drop.",
)


def needle_review(claim, *, first, second) -> Review:
    """Graded by `first` and `second` independently and both submitted, disagreeing on the harms'
    indirectness and certainty, on the recommendation and on one contraindication: left for a
    senior reviewer who graded nothing to adjudicate. (A recommendation other than "insufficient
    evidence" needs a reference before submission, and the library has none on pricking: an
    adjudicator who chooses "against" must cite one.)"""
    review = services.review_start(claim=claim, actor=first)
    _grade(
        review,
        first,
        needle_outcomes(indirect=True),
        Recommendation.INSUFFICIENT,
        DEMO + f"{NO_STUDY}, and the harms are stated by the articles, not observed: too little to "
        "recommend on either way.",
        contraindications=[STERILE],
    )
    _grade(
        review,
        second,
        needle_outcomes(indirect=False),
        Recommendation.CONDITIONAL_AGAINST,
        DEMO + f"{NO_STUDY}; the articles themselves warn of infection and of injury to vessels and "
        "nerves. No benefit to set against those harms: against, conditionally.",
        contraindications=[STERILE, BLEEDING],
    )
    review.refresh_from_db()
    return review
