"""The outcomes a review grades, their GRADE judgements, references and overrides.

An outcome's certainty is never typed: every write here works it out again in its own transaction
(reviews.grade: the design's start moved by the judgements, or the override, which needs a
reason), and with it the overall certainty of the grading it belongs to — the review's own
(`Review.certainty`) or one grader's independent grading (`Grading.certainty`): the lowest among
the critical outcomes. A change of that overall certainty is part of the event that caused it.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import DecimalField, Max

from audit.models import AuditEvent
from audit.trail import audit_record, service
from core.errors import Conflict, NotAllowed
from reviews import grade
from reviews.models import Certainty, DomainJudgement, Grading, Outcome, OutcomeReference, Review
from reviews.services.editing import edit_own_grading, edit_review, touch

Event = AuditEvent.Type

OUTCOME_FIELDS = (
    "name",
    "position",
    "direction",
    "importance",
    "design",
    "studies",
    "participants",
    "relative_measure",
    "relative_effect",
    "relative_ci_low",
    "relative_ci_high",
    "absolute_effect",
    "absolute_ci_low",
    "absolute_ci_high",
    "absolute_unit",
    "effect_text",
)
# Text fields: None from a form means empty.
_TEXT_FIELDS = ("name", "direction", "importance", "design", "relative_measure", "absolute_unit", "effect_text")


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(OUTCOME_FIELDS)
    if unknown:
        raise ValueError(f"not outcome fields: {', '.join(sorted(unknown))}")


def _open(review: Review, actor, grading: Grading | None, expected_version: int | None):
    """Lock the review for an edit (state, permission, version); for an outcome of an independent
    grading, also its grading: only its grader writes it, and only until it is submitted."""
    if grading is None:
        return edit_own_grading(review, actor, expected_version, resolved_points=True), None
    review = edit_review(review, actor, expected_version)
    grading = Grading.objects.select_for_update().get(pk=grading.pk)
    if grading.review_id != review.pk:
        raise ValueError(f"grading #{grading.pk} is not a grading of review #{review.pk}")
    if grading.grader_id != actor.pk:
        raise NotAllowed("Only its grader may change an independent grading.")
    if grading.is_submitted:
        raise NotAllowed("This independent grading was submitted; it can no longer be changed.")
    return review, grading


def _open_outcome(outcome: Outcome, actor, expected_version: int | None):
    """The outcome's review (and grading) locked for an edit, then the outcome itself."""
    grading = Grading(pk=outcome.grading_id) if outcome.grading_id else None
    review, grading = _open(Review(pk=outcome.review_id), actor, grading, expected_version)
    try:
        outcome = Outcome.objects.select_for_update().get(pk=outcome.pk)
    except Outcome.DoesNotExist:
        raise Conflict(f"Outcome #{outcome.pk} was removed meanwhile; nothing was saved.") from None
    return review, grading, outcome


def work_out(outcome: Outcome) -> None:
    """The certainty in force: the override, or worked out from the design and the judgements."""
    judgements = outcome.judgements.values_list("domain", "severity") if outcome.pk else ()
    outcome.certainty = outcome.certainty_override or grade.worked_out(outcome.design, judgements) or ""


def overall_certainty(review: Review, grading: Grading | None) -> str:
    """The lowest certainty among the critical outcomes of the review's own grading (or of one
    independent grading); empty while none is critical or a critical one has no certainty."""
    pairs = Outcome.objects.filter(review=review, grading=grading).values_list("importance", "certainty")
    return grade.overall(pairs) or ""


def _record(review: Review, grading: Grading | None, actor, event_type: str, before: dict, after: dict, reason=""):
    """Settle what follows from an outcome's change and put it on the record: the grading's overall
    certainty (in the same event), a new version of the review, the actor a contributor."""
    certainty = overall_certainty(review, grading)
    holder, key = (review, "review_certainty") if grading is None else (grading, "grading_certainty")
    if certainty != holder.certainty:
        before[key], after[key] = holder.certainty, certainty
        holder.certainty = certainty
        if grading is not None:
            grading.save(update_fields=["certainty"])
    if grading is None:
        review.graded_by = actor
    touch(review, actor, event_type)
    audit_record(event_type=event_type, actor=actor, review=review, before=before, after=after, reason=reason)


def _assign(outcome: Outcome, fields: dict) -> None:
    for field, value in fields.items():
        if field in _TEXT_FIELDS:
            value = "" if value is None else str(value).strip() if field == "name" else value
        setattr(outcome, field, value)


def _validate(outcome: Outcome) -> None:
    outcome.full_clean(validate_constraints=False)
    for field in Outcome._meta.fields:  # as the database will give them back (0.72 -> 0.7200)
        value = getattr(outcome, field.attname)
        if isinstance(field, DecimalField) and value is not None:
            setattr(outcome, field.attname, value.quantize(Decimal(1).scaleb(-field.decimal_places)))
    same_name = Outcome.objects.filter(
        review_id=outcome.review_id, grading_id=outcome.grading_id, name__iexact=outcome.name.strip()
    ).exclude(pk=outcome.pk)
    if same_name.exists():
        raise ValidationError({"name": f"This grading already has an outcome named “{outcome.name}”."})


@service
def outcome_add(*, review: Review, actor, grading: Grading | None = None, expected_version=None, **fields) -> Outcome:
    """Add an outcome to the review's grading (or to the actor's independent grading)."""
    _check_fields(fields)
    review, grading = _open(review, actor, grading, expected_version)
    outcome = Outcome(review=review, grading=grading)
    if "position" not in fields:
        last = Outcome.objects.filter(review=review, grading=grading).aggregate(last=Max("position"))["last"]
        outcome.position = 0 if last is None else last + 1
    _assign(outcome, fields)
    _validate(outcome)
    work_out(outcome)
    outcome.save()
    _record(review, grading, actor, Event.OUTCOME_ADDED, {}, outcome.audit_state())
    return outcome


@service
def outcome_update(*, outcome: Outcome, actor, expected_version=None, **fields) -> Outcome:
    """Change what an outcome says (its name, importance, design, numbers, effect); its certainty
    is worked out again."""
    _check_fields(fields)
    review, grading, outcome = _open_outcome(outcome, actor, expected_version)
    before = outcome.audit_state()
    _assign(outcome, fields)
    _validate(outcome)
    work_out(outcome)
    after = outcome.audit_state()
    if after == before:
        return outcome
    outcome.save()
    _record(review, grading, actor, Event.OUTCOME_CHANGED, before, after)
    return outcome


@service
def outcome_remove(*, outcome: Outcome, actor, expected_version=None) -> None:
    """Remove an outcome with its judgements and references (the event keeps what they said)."""
    review, grading, outcome = _open_outcome(outcome, actor, expected_version)
    before = outcome.audit_state()
    before["judgements"] = [_judgement_state(outcome, j) for j in outcome.judgements.order_by("domain")]
    before["references"] = list(outcome.outcome_references.order_by("id").values("reference", "note"))
    outcome.delete()
    _record(review, grading, actor, Event.OUTCOME_REMOVED, before, {})


@service
def outcome_override(*, outcome: Outcome, actor, certainty: str, reason: str, expected_version=None) -> Outcome:
    """Override the worked-out certainty, with a written reason (GRADE 11: the domains inform the
    rating, they do not dictate it); certainty "" removes the override."""
    review, grading, outcome = _open_outcome(outcome, actor, expected_version)
    if certainty and certainty not in Certainty.values:
        raise ValidationError({"certainty": f"“{certainty}” is not a certainty ({', '.join(Certainty.values)})."})
    reason = (reason or "").strip()
    if certainty and not reason:
        raise ValidationError({"reason": "An override of the worked-out certainty needs a written reason."})
    before = outcome.audit_state()
    if certainty:
        outcome.certainty_override, outcome.override_reason = certainty, reason
        event_type = Event.OUTCOME_CERTAINTY_OVERRIDDEN
    else:
        if not outcome.certainty_override:
            return outcome
        outcome.certainty_override, outcome.override_reason = "", ""
        event_type = Event.OUTCOME_OVERRIDE_REMOVED
    work_out(outcome)
    outcome.full_clean(validate_constraints=False)
    after = outcome.audit_state()
    if after == before:
        return outcome
    outcome.save()
    _record(review, grading, actor, event_type, before, after, reason=reason)
    return outcome


def _link_state(outcome: Outcome, link: OutcomeReference) -> dict:
    return {
        "outcome": outcome.pk,
        "outcome_name": outcome.name,
        "grading": outcome.grading_id,
        "reference": link.reference_id,
        "note": link.note,
    }


@service
def outcome_reference_attach(*, outcome: Outcome, actor, reference, note: str = "", expected_version=None):
    """Cite a reference for one outcome (or change what it is cited for)."""
    review, grading, outcome = _open_outcome(outcome, actor, expected_version)
    link = OutcomeReference.objects.filter(outcome=outcome, reference=reference).first()
    before = _link_state(outcome, link) if link else {}
    link = link or OutcomeReference(outcome=outcome, reference=reference)
    link.note = note or ""
    link.full_clean()
    after = _link_state(outcome, link)
    if after == before:
        return link
    link.save()
    _record(review, grading, actor, Event.OUTCOME_REFERENCE_ATTACHED, before, after)
    return link


@service
def outcome_reference_detach(*, outcome: Outcome, actor, reference, expected_version=None) -> None:
    review, grading, outcome = _open_outcome(outcome, actor, expected_version)
    link = OutcomeReference.objects.filter(outcome=outcome, reference=reference).first()
    if link is None:
        raise ValidationError({"reference": f"“{reference}” is not cited for the outcome “{outcome.name}”."})
    before = _link_state(outcome, link)
    link.delete()
    _record(review, grading, actor, Event.OUTCOME_REFERENCE_DETACHED, before, {})


def _judgement_state(outcome: Outcome, judgement: DomainJudgement) -> dict:
    return {
        "outcome": outcome.pk,
        "outcome_name": outcome.name,
        "grading": outcome.grading_id,
        "domain": judgement.domain,
        "severity": judgement.severity,
        "rationale": judgement.rationale,
    }


def _recertify(outcome: Outcome, before: dict, after: dict) -> None:
    """Work the outcome's certainty out again after a judgement changed; a change is on the event."""
    old = outcome.certainty
    work_out(outcome)
    if outcome.certainty != old:
        before["outcome_certainty"], after["outcome_certainty"] = old, outcome.certainty
        outcome.save(update_fields=["certainty"])


@service
def judgement_save(
    *, outcome: Outcome, actor, domain: str, severity: str, rationale: str, expected_version=None
) -> DomainJudgement:
    """Record (or change) the judgement of one GRADE domain for one outcome, with its rationale."""
    review, grading, outcome = _open_outcome(outcome, actor, expected_version)
    judgement = DomainJudgement.objects.filter(outcome=outcome, domain=domain).first()
    before = _judgement_state(outcome, judgement) if judgement else {}
    judgement = judgement or DomainJudgement(outcome=outcome, review=review, domain=domain)
    judgement.severity, judgement.rationale = severity, rationale
    judgement.full_clean(validate_constraints=False)
    judgement.save()
    after = _judgement_state(outcome, judgement)
    _recertify(outcome, before, after)
    _record(review, grading, actor, Event.JUDGEMENT_SAVED, before, after)
    return judgement


@service
def judgement_remove(*, outcome: Outcome, actor, domain: str, expected_version=None) -> None:
    review, grading, outcome = _open_outcome(outcome, actor, expected_version)
    judgement = DomainJudgement.objects.filter(outcome=outcome, domain=domain).first()
    if judgement is None:
        raise ValidationError({"domain": f"The outcome “{outcome.name}” has no judgement of {domain}."})
    before, after = _judgement_state(outcome, judgement), {}
    judgement.delete()
    _recertify(outcome, before, after)
    _record(review, grading, actor, Event.JUDGEMENT_REMOVED, before, after)
