"""DEMO DATA: a starter reference library and a few claims taken through the workflow by the demo
accounts, via the services, so `make run` shows every state. Facts are from
shared/reference/clinical_references.md; the verdicts are illustrations, not the product's."""

from django.db import transaction

from claims.models import Claim, ClaimKind
from reviews import demo_dual, services
from reviews.demo_dual import DEMO
from reviews.factories import ReviewFactory
from reviews.models import (
    Certainty,
    Domain,
    Recommendation,
    Reference,
    ReferenceKind,
    Review,
    Severity,
)

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
    "fda_2010": dict(
        title="FDA Drug Safety Communication, 8 July 2010: Qualaquin (quinine sulfate), risk management "
        "plan and Medication Guide",
        kind=ReferenceKind.LABEL,
        year=2010,
        url="https://www.fda.gov/Safety/MedWatch/SafetyInformation/SafetyAlertsforHumanMedicalProducts/ucm218424.htm",
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
    reviews = []

    # Quinine: high-risk, dual-graded with the Cochrane outcomes, approved and published by the
    # senior reviewer (four-eyes, high-risk rule).
    quinine = _claim("quinine", ClaimKind.TREATMENT, ClaimKind.RELIEF, ClaimKind.PREVENTION)
    if quinine:
        reviews.append(demo_dual.quinine_review(quinine, refs, reviewer=reviewer, reviewer2=reviewer2, senior=senior))

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

    # Needle pricking: high-risk, dual-graded; the disagreements wait for a senior to adjudicate.
    needle = _claim("needle pricking", ClaimKind.RELIEF, ClaimKind.TREATMENT)
    if needle:
        reviews.append(demo_dual.needle_review(needle, first=reviewer2, second=reviewer))

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
