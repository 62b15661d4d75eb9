"""DEMO DATA: a starter reference library and a few claims taken through the workflow by the demo
accounts, via the services, so `make run` shows every state. Facts are from
shared/reference/clinical_references.md; the verdicts are illustrations, not the product's."""

import datetime

from django.db import transaction

from claims.models import Claim
from reviews import services
from reviews.models import Contraindication, Reference, Review
from reviews.publishing import services as publishing

DEMO = "[DEMO DATA] "

LIBRARY = {
    "cochrane_quinine": dict(
        title="Quinine for muscle cramps (Cochrane review, El-Tawil et al.)",
        kind="systematic_review",
        year=2015,
        pmid="25842375",
        doi="10.1002/14651858.CD005044.pub3",
    ),
    "aan_2010": dict(
        title="Assessment: symptomatic treatment for muscle cramps (AAN, Katzberg et al.)",
        kind="guideline",
        year=2010,
        pmid="20177124",
        doi="10.1212/WNL.0b013e3181d0ccca",
    ),
    "cochrane_magnesium": dict(
        title="Magnesium for skeletal muscle cramps (Cochrane review, Garrison et al.)",
        kind="systematic_review",
        year=2020,
        doi="10.1002/14651858.CD009402.pub3",
    ),
    "aafp_2012": dict(title="Nocturnal leg cramps (AAFP, Allen & Kirby)", kind="guideline", year=2012, pmid="22963024"),
    "hallegraeff_2012": dict(
        title="Stretching before sleep reduces nocturnal leg cramps (Hallegraeff et al.)",
        kind="study",
        year=2012,
        pmid="22341378",
    ),
    "coppin_2005": dict(
        title="Calf stretching for nocturnal leg cramps (Coppin et al.)", kind="study", year=2005, pmid="15808033"
    ),
    "miller_2010": dict(
        title="Pickle juice and electrically induced muscle cramps (Miller et al.)",
        kind="study",
        year=2010,
        doi="10.1249/MSS.0b013e3181c0647e",
    ),
    "teschke_2012": dict(
        title="Greater celandine hepatotoxicity (Teschke et al.)", kind="study", year=2012, pmid="23109446"
    ),
    "manoguerra_2006": dict(
        title="Camphor poisoning: evidence-based practice guideline (Manoguerra et al.)",
        kind="guideline",
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

    # Quinine: graded from the Cochrane review, FDA boxed warning as the contraindication source,
    # approved by the senior reviewer (four-eyes, high-risk rule).
    quinine = _claim("quinine", "treatment", "relief", "prevention")
    if quinine:
        review = services.review_start(claim=quinine, actor=reviewer)
        review = services.review_save_grading(
            review=review,
            actor=reviewer,
            expected_version=review.version,
            certainty="low",
            recommendation="strong_against",
            summary=DEMO + "Cochrane 2015 (23 trials, 1,586 participants): cramp number −28 %, low certainty; "
            "serious haematologic harms (FDA boxed warning) outweigh the modest benefit.",
        )
        services.judgement_save(
            review=review,
            actor=reviewer,
            domain="imprecision",
            severity="serious",
            rationale=DEMO + "95 % CI −1.36 to −3.54 cramps per 2 weeks; small trials.",
        )
        services.judgement_save(
            review=review,
            actor=reviewer,
            domain="risk_of_bias",
            severity="serious",
            rationale=DEMO + "Many small crossover trials with unclear allocation.",
        )
        services.reference_attach(
            review=review, actor=reviewer, reference=refs["cochrane_quinine"], note="Efficacy estimates"
        )
        services.reference_attach(
            review=review, actor=reviewer, reference=refs["aan_2010"], note="Avoid for routine use"
        )
        services.contraindication_save(
            actor=reviewer,
            contraindication=Contraindication(
                remedy=quinine.remedy,
                review=review,
                kind="condition",
                condition="Routine use for nocturnal leg cramps (haematologic risk)",
                severity="absolute",
                source_kind="regulator",
                source_date=datetime.date(2010, 7, 8),
                rationale=DEMO + "Qualaquin boxed warning and FDA Drug Safety Communication (8 July 2010): serious "
                "and life-threatening haematologic reactions (thrombocytopenia, HUS/TTP).",
            ),
        )
        services.review_submit(review=review, actor=reviewer, note=DEMO + "Ready for approval.")
        review = services.review_approve(review=review, actor=senior, note=DEMO + "Agree: against.")
        publishing.review_publish(review=review, actor=senior, note=DEMO + "First publication.")
        review.refresh_from_db()
        reviews.append(review)

    # Stretching and pickle brine: standard-risk claims, approved by the other reviewer, published.
    for remedy, kinds, grader, approver, values, refs_used in [
        (
            "stretching",
            ("relief", "prevention"),
            reviewer,
            reviewer2,
            dict(
                certainty="low",
                recommendation="conditional_for",
                summary=DEMO + "RCTs conflict: Hallegraeff 2012 (n = 80, 1.2 fewer cramps a night) against "
                "Coppin 2005 (n = 191, no effect at 12 weeks); harmless.",
            ),
            ("hallegraeff_2012", "coppin_2005"),
        ),
        (
            "pickle brine",
            ("treatment", "relief"),
            reviewer2,
            reviewer,
            dict(
                certainty="very_low",
                recommendation="insufficient_evidence",
                summary=DEMO + "One study of 10 dehydrated men with electrically induced cramps (Miller 2010): "
                "indirect for night cramps.",
            ),
            ("miller_2010",),
        ),
    ]:
        claim = _claim(remedy, *kinds)
        if claim is None:
            continue
        review = services.review_start(claim=claim, actor=grader)
        review = services.review_save_grading(review=review, actor=grader, expected_version=review.version, **values)
        for key in refs_used:
            services.reference_attach(review=review, actor=grader, reference=refs[key])
        services.review_submit(review=review, actor=grader)
        review = services.review_approve(review=review, actor=approver)
        publishing.review_publish(review=review, actor=senior, note=DEMO + "First publication.")
        review.refresh_from_db()
        reviews.append(review)

    # Needle pricking: high-risk, graded and submitted; waits for a senior reviewer.
    needle = _claim("needle pricking", "relief", "treatment")
    if needle:
        review = services.review_start(claim=needle, actor=reviewer2)
        review = services.review_save_grading(
            review=review,
            actor=reviewer2,
            expected_version=review.version,
            certainty="very_low",
            recommendation="insufficient_evidence",
            summary=DEMO + "No study of pricking a cramped muscle was found; the articles themselves warn "
            "of infection and of injury to vessels and nerves.",
        )
        services.contraindication_save(
            actor=reviewer2,
            contraindication=Contraindication(
                claim=needle,
                review=review,
                kind="condition",
                condition="Self-treatment without a sterile needle",
                severity="absolute",
                source_kind="study",
                rationale=DEMO + "Skin-breaking procedure: infection; vessel and nerve injury.",
            ),
        )
        reviews.append(services.review_submit(review=review, actor=reviewer2))

    # Magnesium: graded, submitted, sent back by the second reviewer with a reason.
    magnesium = _claim("magnesium", "prevention", "treatment")
    if magnesium:
        review = services.review_start(claim=magnesium, actor=reviewer)
        review = services.review_save_grading(
            review=review,
            actor=reviewer,
            expected_version=review.version,
            certainty="moderate",
            recommendation="conditional_against",
            summary=DEMO + "Cochrane 2020 (11 trials, 735 participants): unlikely to give meaningful "
            "prophylaxis in older adults (frequency −9.59 %, moderate certainty).",
        )
        services.reference_attach(review=review, actor=reviewer, reference=refs["cochrane_magnesium"])
        services.review_submit(review=review, actor=reviewer)
        reviews.append(
            services.review_request_changes(
                review=review,
                actor=reviewer2,
                reason=DEMO + "Evidence in pregnancy conflicts: grade that population separately.",
            )
        )
    return reviews
