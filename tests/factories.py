import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.models import Claim, RiskTier
from reviews import services
from reviews.models import Reference, Review
from reviews.publishing import services as publishing
from tests.helpers import add_contraindication, grade


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
    kind = "study"
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


# The steps a review takes, in order; each trait takes the review through its own and the earlier ones.
STEPS = ("graded", "submitted", "approved", "published", "withdrawn")


class ReviewFactory(factory.Factory):
    """A review taken through the services, never written directly (the database refuses a state
    change its audit trail does not record). ReviewFactory() is a draft just started; the traits
    take it further:

        ReviewFactory(graded=True)     graded by `grader`, `reference` attached (and a contraindication
                                       of the claim for a high-risk remedy)
        ReviewFactory(submitted=True)  ...submitted by the grader
        ReviewFactory(approved=True)   ...approved by `second_reviewer` (by `senior` if high-risk)
        ReviewFactory(published=True)  ...published by `senior`
        ReviewFactory(withdrawn=True)  ...withdrawn by `senior`

    People not given are made with UserFactory when a step needs them. certainty, recommendation and
    summary are the grading (also no_known_contraindication, no_contraindication_reason); reference=None
    grades without one. The audit trail is the one the steps taken by hand write: review.started,
    review.graded, reference.attached, contraindication.added (high risk), review.submitted, .approved,
    .published, .withdrawn. Create only (the services save the review)."""

    class Meta:
        model = Review

    class Params:
        graded = factory.Trait()
        submitted = factory.Trait(graded=True)
        approved = factory.Trait(submitted=True)
        published = factory.Trait(approved=True)
        withdrawn = factory.Trait(published=True)

    claim = factory.LazyFunction(unreviewed_claim)
    grader = factory.SubFactory(UserFactory, role="reviewer")
    second_reviewer = None
    senior = None
    reference = factory.Maybe("graded", factory.SubFactory(ReferenceFactory), None)
    claim_contraindication = factory.LazyAttribute(lambda o: o.claim.remedy.risk_tier == RiskTier.HIGH)
    steps = factory.LazyAttribute(lambda o: {step for step in STEPS if getattr(o, step, False)})

    @classmethod
    def _create(cls, model_class, *, claim, grader, second_reviewer, senior, reference, claim_contraindication,
                steps, **grading):  # fmt: skip
        high_risk = claim.remedy.risk_tier == RiskTier.HIGH
        if "published" in steps or (high_risk and "approved" in steps):
            senior = senior or UserFactory(role="senior_reviewer")
        review = services.review_start(claim=claim, actor=grader)
        if "graded" in steps:
            review = grade(review, grader, reference, **grading)
            if claim_contraindication:
                add_contraindication(review, grader)
                review.refresh_from_db()
        if "submitted" in steps:
            review = services.review_submit(review=review, actor=grader)
        if "approved" in steps:
            approver = senior if high_risk else second_reviewer or UserFactory(role="reviewer")
            review = services.review_approve(review=review, actor=approver)
        if "published" in steps:
            publishing.review_publish(review=review, actor=senior)
        if "withdrawn" in steps:
            publishing.review_withdraw(review=review, actor=senior, reason="New safety signal.")
        review.refresh_from_db()
        return review
