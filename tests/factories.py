import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import reviews.factories
from claims.models import Claim, RiskTier
from core import roles
from reviews.models import Reference, ReferenceKind, Review
from tests.helpers import CERTAINTY, GRADING, PREGNANCY


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """UserFactory(role="reviewer") puts the user in that role's group."""
        if extracted:
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])


class ReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reference

    title = factory.Sequence(lambda n: f"Trial {n} of a remedy for leg cramps")
    kind = ReferenceKind.STUDY
    year = 2015
    pmid = factory.Sequence(lambda n: str(30_000_000 + n))


def unreviewed_claim():
    """The first low-risk claim of the catalogue with no open review."""
    return (
        Claim.objects.filter(remedy__risk_tier=RiskTier.LOW)
        .exclude(reviews__state__in=Review.OPEN_STATES)
        .order_by("pk")
        .first()
    )


def dual_graded(claim) -> bool:
    """Whether a review of the claim is graded by two reviewers independently (high risk, and the
    tiers of DUAL_GRADING_TIERS)."""
    tier = claim.remedy.risk_tier
    return tier == RiskTier.HIGH or tier in getattr(settings, "DUAL_GRADING_TIERS", ())


class ReviewFactory(reviews.factories.ReviewFactory):
    """reviews.factories.ReviewFactory with what a test leaves out made up:

        ReviewFactory()                a draft of the first unreviewed low-risk claim, by a new reviewer
        ReviewFactory(graded=True)     graded (one critical outcome of low certainty — observational
                                       evidence — conditionally against, unless given),
                                       `reference` attached (a new one unless reference=None), and a
                                       contraindication of the claim for a high-risk remedy
                                       (a dual-graded review by `grader` and a `second_grader`,
                                       a new reviewer unless given, alike)
        ReviewFactory(submitted=True)  ...submitted by the grader
        ReviewFactory(approved=True)   ...approved by `second_reviewer` (by `senior` if high-risk)
        ReviewFactory(published=True)  ...published by `senior`
        ReviewFactory(withdrawn=True)  ...withdrawn by `senior`

    People not given are made with UserFactory when a step needs them; certainty (worked out from
    one outcome, reviews.factories.outcome_with), recommendation, summary, no_known_contraindication
    and no_contraindication_reason may be given flat; `outcomes` replaces the one outcome."""

    claim = factory.LazyFunction(unreviewed_claim)
    grader = factory.SubFactory(UserFactory, role=roles.REVIEWER)
    reference = factory.Maybe("graded", factory.SubFactory(ReferenceFactory), None)
    claim_contraindication = factory.LazyAttribute(lambda o: o.claim.remedy.risk_tier == RiskTier.HIGH)

    @classmethod
    def _create(cls, model_class, *, reference, claim_contraindication, **kwargs):
        named = {k: kwargs.pop(k) for k in list(kwargs) if k not in reviews.factories.ReviewFactory._meta.declarations}
        claim, steps = kwargs["claim"], kwargs["steps"]
        high_risk = claim.remedy.risk_tier == RiskTier.HIGH
        if "published" in steps or (high_risk and "approved" in steps):
            kwargs["senior"] = kwargs["senior"] or UserFactory(role=roles.SENIOR_REVIEWER)
        if "approved" in steps and not high_risk:
            kwargs["second_reviewer"] = kwargs["second_reviewer"] or UserFactory(role=roles.REVIEWER)
        if "graded" in steps and dual_graded(claim):
            kwargs["second_grader"] = kwargs["second_grader"] or UserFactory(role=roles.REVIEWER)
        kwargs["grading"] = {**GRADING, **kwargs["grading"], **named}
        if not kwargs["outcomes"]:  # one critical outcome of the certainty (low unless given)
            kwargs["grading"].setdefault("certainty", CERTAINTY)
        kwargs["references"] = [*kwargs["references"], *([reference] if reference is not None else [])]
        kwargs["contraindications"] = [*kwargs["contraindications"], *([PREGNANCY] if claim_contraindication else [])]
        return reviews.factories.take_review(**kwargs)
