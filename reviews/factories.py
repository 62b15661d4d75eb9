"""Reviews taken through the workflow by the services, never written directly (the database refuses
a state change its audit trail does not record): for the demo (load_demo) and the tests.

    ReviewFactory(claim=c, grader=a)                       a draft just started (dual-graded by
                                                           `grader` and `second_grader` where its
                                                           risk tier requires it)
    ReviewFactory(claim=c, grader=a, graded=True, ...)     ...graded: `grading`, `outcomes`,
                                                           `references`, `contraindications`
    ...submitted=True                                      ...submitted by the grader
    ...sent_back=True                                      ...sent back by `second_reviewer`
    ...approved=True                                       ...approved by `second_reviewer` (by
                                                           `senior` for a high-risk remedy)
    ...published=True / withdrawn=True                     ...published / withdrawn by `senior`

Each trait takes the review through its own step and the earlier ones, in the order a reviewer
would, so the audit trail is the one those steps write. `notes` holds what each step says
(start — for a claim already published —, submit, approve, send_back, publish, withdraw). Create only:
the services save the review.

A certainty is never typed: it is worked out from the outcomes. `outcomes` lists them (the fields
of services.outcome_add, plus `judgements`, `references` and `override`: {"certainty", "reason"});
a `certainty` in `grading` (with `judgements`, if given) instead becomes one critical outcome
whose design and judgements work out to that certainty (`outcome_with`).
"""

from __future__ import annotations

import factory

from claims.models import RiskTier
from reviews import grade, services
from reviews.models import Certainty, Contraindication, Domain, Importance, Review, Severity, StudyDesign
from reviews.publishing import services as publishing
from reviews.services.transitions import live_publication

# The steps a review can take, in the order they are taken.
STEPS = ("graded", "submitted", "sent_back", "approved", "published", "withdrawn")

# The one outcome of a review graded with a single certainty.
OUTCOME_NAME = "Cramp frequency"
# The design and the judgements that work each certainty out, when no judgements are given.
RECIPES = {
    Certainty.HIGH: (StudyDesign.RANDOMISED, ()),
    Certainty.MODERATE: (StudyDesign.RANDOMISED, ((Domain.IMPRECISION, Severity.SERIOUS),)),
    Certainty.LOW: (StudyDesign.OBSERVATIONAL, ()),
    Certainty.VERY_LOW: (StudyDesign.OBSERVATIONAL, ((Domain.IMPRECISION, Severity.SERIOUS),)),
}


def outcome_with(certainty: str, judgements=(), **fields) -> dict:
    """One critical outcome whose certainty works out to `certainty`: with the given judgements
    (dicts of domain, severity, rationale) from whichever design they lead there from, or else from
    RECIPES."""
    outcome = {"name": OUTCOME_NAME, "importance": Importance.CRITICAL, **fields}
    judgements = list(judgements)
    if not judgements:
        design, steps = RECIPES[Certainty(certainty)]
        judgements = [dict(domain=d, severity=s, rationale="Few events: a wide confidence interval.") for d, s in steps]
        return {"design": design, **outcome, "judgements": judgements}
    pairs = [(j["domain"], j["severity"]) for j in judgements]
    for design in (StudyDesign.RANDOMISED, StudyDesign.OBSERVATIONAL):
        if grade.worked_out(design, pairs) == certainty:
            return {"design": design, **outcome, "judgements": judgements}
    raise ValueError(f"the judgements {pairs} work out to {certainty!r} from no design")


def add_outcome(*, review: Review, actor, judgements=(), references=(), override=None, **fields):
    """An outcome of the review with its judgements, references and override, by the services."""
    outcome = services.outcome_add(review=review, actor=actor, **fields)
    for judgement in judgements:
        services.judgement_save(outcome=outcome, actor=actor, **judgement)
    for item in references:
        reference, note = _reference_and_note(item)
        services.outcome_reference_attach(outcome=outcome, actor=actor, reference=reference, note=note)
    if override:
        services.outcome_override(outcome=outcome, actor=actor, **override)
    outcome.refresh_from_db()
    return outcome


def grade_twice(*, review: Review, graders, grading: dict, outcomes) -> dict:
    """A dual-graded review graded by its two graders independently, alike (the same outcomes and
    recommendation), and both gradings submitted: with no disagreement, their grading becomes the
    review's at once. Returns what of `grading` an independent grading does not hold."""
    from reviews.services import dual_grading  # the independent gradings' services

    if None in graders:
        raise ValueError(f"review #{review.pk} is dual-graded: give a `second_grader`")
    own = {field: grading.pop(field) for field in dual_grading.GRADING_FIELDS if field in grading}
    for person in graders:
        independent = dual_grading.grading_start(review=review, actor=person)
        for outcome in outcomes:
            add_outcome(review=review, actor=person, grading=independent, **outcome)
        if own:
            dual_grading.grading_update(grading=independent, actor=person, **own)
        dual_grading.grading_submit(grading=independent, actor=person)
    # The summary is the review's too; the recommendation came with the resolved grading.
    return {**grading, **({"summary": own["summary"]} if own.get("summary") else {})}


def _reference_and_note(item) -> tuple:
    return item if isinstance(item, tuple) else (item, "")


def take_review(
    *,
    claim,
    grader,
    steps: set[str],
    second_reviewer=None,
    senior=None,
    second_grader=None,
    grading: dict,
    outcomes=(),
    judgements=(),
    references=(),
    contraindications=(),
    notes: dict,
) -> Review:
    """Start a review of `claim` and take it through `steps` with the services."""
    # Re-reviewing a published claim needs a reason (reviews.services.review_start).
    restart = notes.get("start", "New evidence to weigh.") if live_publication(claim) else ""
    review = services.review_start(claim=claim, actor=grader, reason=restart)
    if "graded" in steps:
        grading = dict(grading)
        certainty = grading.pop("certainty", None)
        if certainty or judgements:
            if outcomes:
                raise ValueError("give either `outcomes` or a `certainty` (with `judgements`), not both")
            outcomes = [
                outcome_with(certainty, judgements) if certainty else {"name": OUTCOME_NAME, "judgements": judgements}
            ]
        if review.dual_grading:
            grading = grade_twice(review=review, graders=(grader, second_grader), grading=grading, outcomes=outcomes)
            outcomes = ()
            review.refresh_from_db()
        if grading:
            review = services.review_save_grading(
                review=review, actor=grader, expected_version=review.version, **grading
            )
        for outcome in outcomes:
            add_outcome(review=review, actor=grader, **outcome)
        for item in references:
            reference, note = _reference_and_note(item)
            services.reference_attach(review=review, actor=grader, reference=reference, note=note)
        for values in contraindications:
            where = {} if "remedy" in values or "claim" in values else {"claim": claim}
            services.contraindication_save(
                actor=grader, contraindication=Contraindication(review=review, **where, **values)
            )
        review.refresh_from_db()
    if "submitted" in steps:
        review = services.review_submit(review=review, actor=grader, note=notes.get("submit", ""))
    if "sent_back" in steps:
        review = services.review_request_changes(review=review, actor=second_reviewer, reason=notes["send_back"])
    if "approved" in steps:
        approver = senior if claim.remedy.risk_tier == RiskTier.HIGH else second_reviewer
        review = services.review_approve(review=review, actor=approver, note=notes.get("approve", ""))
    if "published" in steps:
        publishing.review_publish(review=review, actor=senior, note=notes.get("publish", ""))
    if "withdrawn" in steps:
        publishing.review_withdraw(review=review, actor=senior, reason=notes.get("withdraw", "New safety signal."))
    review.refresh_from_db()
    return review


class ReviewFactory(factory.Factory):
    class Meta:
        model = Review

    class Params:
        graded = factory.Trait()
        submitted = factory.Trait(graded=True)
        sent_back = factory.Trait(submitted=True)
        approved = factory.Trait(submitted=True)
        published = factory.Trait(approved=True)
        withdrawn = factory.Trait(published=True)

    claim = None
    grader = None
    second_grader = None
    second_reviewer = None
    senior = None
    grading = factory.Dict({})
    outcomes = ()
    judgements = ()
    references = ()
    contraindications = ()
    notes = factory.Dict({})
    steps = factory.LazyAttribute(lambda o: {step for step in STEPS if getattr(o, step, False)})

    @classmethod
    def _create(cls, model_class, **kwargs):
        return take_review(**kwargs)
