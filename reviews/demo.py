"""DEMO DATA: a starter reference library and a few claims taken through the workflow by the demo
accounts, via the services, so `make run` shows every state. Facts are from
shared/reference/clinical_references.md; the verdicts are illustrations, not the product's."""

import datetime

from django.db import transaction

from claims.models import Claim, ClaimKind
from reviews import services
from reviews.factories import ReviewFactory
from reviews.models import (
    Certainty,
    ContraindicationKind,
    ContraindicationLevel,
    Domain,
    EvidenceSource,
    Recommendation,
    Reference,
    ReferenceKind,
    Review,
    Severity,
)

DEMO = "[DEMO DATA] "

LIBRARY = {
    "cochrane_quinine": dict(
        title="Quinine for muscle cramps (Cochrane review, El-Tawil et al.)",
        kind=ReferenceKind.SYSTEMATIC_REVIEW,
        year=2015,
        pmid="25842375",
        doi="10.1002/14651858.CD005044.pub3",
    ),
    "aan_2010": dict(
        title="Assessment: symptomatic treatment for muscle cramps (AAN, Katzberg et al.)",
        kind=ReferenceKind.GUIDELINE,
        year=2010,
        pmid="20177124",
        doi="10.1212/WNL.0b013e3181d0ccca",
    ),
    "cochrane_magnesium": dict(
        title="Magnesium for skeletal muscle cramps (Cochrane review, Garrison et al.)",
        kind=ReferenceKind.SYSTEMATIC_REVIEW,
        year=2020,
        doi="10.1002/14651858.CD009402.pub3",
    ),
    "aafp_2012": dict(
        title="Nocturnal leg cramps (AAFP, Allen & Kirby)", kind=ReferenceKind.GUIDELINE, year=2012, pmid="22963024"
    ),
    "hallegraeff_2012": dict(
        title="Stretching before sleep reduces nocturnal leg cramps (Hallegraeff et al.)",
        kind=ReferenceKind.STUDY,
        year=2012,
        pmid="22341378",
    ),
    "coppin_2005": dict(
        title="Calf stretching for nocturnal leg cramps (Coppin et al.)",
        kind=ReferenceKind.STUDY,
        year=2005,
        pmid="15808033",
    ),
    "miller_2010": dict(
        title="Pickle juice and electrically induced muscle cramps (Miller et al.)",
        kind=ReferenceKind.STUDY,
        year=2010,
        doi="10.1249/MSS.0b013e3181c0647e",
    ),
    "teschke_2012": dict(
        title="Greater celandine hepatotoxicity (Teschke et al.)", kind=ReferenceKind.STUDY, year=2012, pmid="23109446"
    ),
    "manoguerra_2006": dict(
        title="Camphor poisoning: evidence-based practice guideline (Manoguerra et al.)",
        kind=ReferenceKind.GUIDELINE,
        year=2006,
        doi="10.1080/15563650600671696",
    ),
}


def _claim(remedy: str, *kinds: str) -> Claim:
    for kind in kinds:
        claim = Claim.objects.filter(remedy__name=remedy, kind=kind, population__isnull=True).first()
        if claim:
            return claim
    return Claim.objects.filter(remedy__name=remedy).order_by("kind").first()


def _judgement(domain: str, severity: str, rationale: str) -> dict:
    return dict(domain=domain, severity=severity, rationale=DEMO + rationale)


@transaction.atomic
def load_demo_reviews(*, reviewer, reviewer2, senior) -> list[Review]:
    """Idempotent: does nothing once any review exists."""
    if Review.objects.exists():
        return []
    refs = {}
    for key, values in LIBRARY.items():
        refs[key] = Reference.objects.filter(title=values["title"]).first() or services.reference_save(
            actor=reviewer, reference=Reference(**values)
        )
    people = {"second_reviewer": reviewer2, "senior": senior}
    reviews = []

    # Quinine: graded from the Cochrane review, FDA boxed warning as the contraindication source,
    # approved by the senior reviewer (four-eyes, high-risk rule).
    quinine = _claim("quinine", ClaimKind.TREATMENT, ClaimKind.RELIEF, ClaimKind.PREVENTION)
    if quinine:
        reviews.append(
            ReviewFactory(
                claim=quinine,
                grader=reviewer,
                second_grader=reviewer2,  # high-risk: graded twice, independently (alike here)
                **people,
                published=True,
                grading=dict(
                    certainty=Certainty.LOW,
                    recommendation=Recommendation.STRONG_AGAINST,
                    summary=DEMO + "Cochrane 2015 (23 trials, 1,586 participants): cramp number −28 %, low "
                    "certainty; serious haematologic harms (FDA boxed warning) outweigh the modest benefit.",
                ),
                judgements=[
                    dict(
                        domain=Domain.IMPRECISION,
                        severity=Severity.SERIOUS,
                        rationale=DEMO + "95 % CI −1.36 to −3.54 cramps per 2 weeks; small trials.",
                    ),
                    dict(
                        domain=Domain.RISK_OF_BIAS,
                        severity=Severity.SERIOUS,
                        rationale=DEMO + "Many small crossover trials with unclear allocation.",
                    ),
                ],
                references=[
                    (refs["cochrane_quinine"], "Efficacy estimates"),
                    (refs["aan_2010"], "Avoid for routine use"),
                ],
                contraindications=[
                    dict(
                        remedy=quinine.remedy,
                        kind=ContraindicationKind.CONDITION,
                        condition="Routine use for nocturnal leg cramps (haematologic risk)",
                        severity=ContraindicationLevel.ABSOLUTE,
                        source_kind=EvidenceSource.REGULATOR,
                        source_date=datetime.date(2010, 7, 8),
                        rationale=DEMO + "Qualaquin boxed warning and FDA Drug Safety Communication (8 July "
                        "2010): serious and life-threatening haematologic reactions (thrombocytopenia, HUS/TTP).",
                    )
                ],
                notes={
                    "submit": DEMO + "Ready for approval.",
                    "approve": DEMO + "Agree: against.",
                    "publish": DEMO + "First publication.",
                },
            )
        )

    # Stretching and pickle brine: standard-risk claims, approved by the other reviewer, published.
    # A certainty is worked out from an outcome's design and judgements (reviews.factories.outcome_with).
    for remedy, kinds, grader, approver, grading, judgements, refs_used in [
        (
            "stretching",
            (ClaimKind.RELIEF, ClaimKind.PREVENTION),
            reviewer,
            reviewer2,
            dict(
                certainty=Certainty.LOW,
                recommendation=Recommendation.CONDITIONAL_FOR,
                summary=DEMO + "RCTs conflict: Hallegraeff 2012 (n = 80, 1.2 fewer cramps a night) against "
                "Coppin 2005 (n = 191, no effect at 12 weeks); harmless.",
            ),
            [
                _judgement(Domain.INCONSISTENCY, Severity.SERIOUS, "The two RCTs point in opposite directions."),
                _judgement(Domain.IMPRECISION, Severity.SERIOUS, "Two small trials (271 participants in all)."),
            ],
            ("hallegraeff_2012", "coppin_2005"),
        ),
        (
            "pickle brine",
            (ClaimKind.TREATMENT, ClaimKind.RELIEF),
            reviewer2,
            reviewer,
            dict(
                certainty=Certainty.VERY_LOW,
                recommendation=Recommendation.INSUFFICIENT,
                summary=DEMO + "One study of 10 dehydrated men with electrically induced cramps (Miller 2010): "
                "indirect for night cramps.",
            ),
            [
                _judgement(
                    Domain.INDIRECTNESS, Severity.VERY_SERIOUS, "Electrically induced cramps, not night cramps."
                ),
                _judgement(Domain.IMPRECISION, Severity.SERIOUS, "One study of 10 participants."),
            ],
            ("miller_2010",),
        ),
    ]:
        claim = _claim(remedy, *kinds)
        if claim is None:
            continue
        reviews.append(
            ReviewFactory(
                claim=claim,
                grader=grader,
                second_reviewer=approver,
                senior=senior,
                published=True,
                grading=grading,
                judgements=judgements,
                references=[refs[key] for key in refs_used],
                notes={"publish": DEMO + "First publication."},
            )
        )

    # Needle pricking: high-risk, graded and submitted; waits for a senior reviewer.
    needle = _claim("needle pricking", ClaimKind.RELIEF, ClaimKind.TREATMENT)
    if needle:
        reviews.append(
            ReviewFactory(
                claim=needle,
                grader=reviewer2,
                second_grader=reviewer,
                submitted=True,
                grading=dict(
                    certainty=Certainty.VERY_LOW,
                    recommendation=Recommendation.INSUFFICIENT,
                    summary=DEMO + "No study of pricking a cramped muscle was found; the articles themselves "
                    "warn of infection and of injury to vessels and nerves.",
                ),
                # Observational: reports of harm from skin-breaking procedures, none of pricking itself.
                judgements=[
                    _judgement(Domain.INDIRECTNESS, Severity.SERIOUS, "No study of pricking a cramped muscle.")
                ],
                contraindications=[
                    dict(
                        kind=ContraindicationKind.CONDITION,
                        condition="Self-treatment without a sterile needle",
                        severity=ContraindicationLevel.ABSOLUTE,
                        source_kind=EvidenceSource.STUDY,
                        rationale=DEMO + "Skin-breaking procedure: infection; vessel and nerve injury.",
                    )
                ],
            )
        )

    # Magnesium: graded, submitted, sent back by the second reviewer with a reason.
    magnesium = _claim("magnesium", ClaimKind.PREVENTION, ClaimKind.TREATMENT)
    if magnesium:
        reviews.append(
            ReviewFactory(
                claim=magnesium,
                grader=reviewer,
                second_reviewer=reviewer2,
                sent_back=True,
                grading=dict(
                    certainty=Certainty.MODERATE,
                    recommendation=Recommendation.CONDITIONAL_AGAINST,
                    summary=DEMO + "Cochrane 2020 (11 trials, 735 participants): unlikely to give meaningful "
                    "prophylaxis in older adults (frequency −9.59 %, moderate certainty).",
                ),
                judgements=[
                    _judgement(Domain.IMPRECISION, Severity.SERIOUS, "11 trials, 735 participants: wide intervals.")
                ],
                references=[refs["cochrane_magnesium"]],
                notes={"send_back": DEMO + "Evidence in pregnancy conflicts: grade that population separately."},
            )
        )

    return reviews
