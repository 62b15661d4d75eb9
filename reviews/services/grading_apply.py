"""The resolved grading becomes the review's grading, once the two independent gradings agree on
every point (at once when they never differed, or when the last disagreement is resolved).

Every write goes through the services that own it, so the record shows how the review's grading
came to be, event by event: the review's own outcomes before this (if any) removed, each resolved
outcome added with its judgements and references (and its certainty overridden, with the reason,
where the resolved certainty is not the one its judgements work out to), each contraindication
attached to the claim, then `grading.resolved` with the recommendation and the overall certainty.

What the graders agreed on is taken as it is; what they disagreed on, as resolved. An outcome's
numbers and effect come from the first grading that has it.
"""

from __future__ import annotations

from audit.models import AuditEvent
from audit.trail import audit_record
from reviews.dual_grading.compare import CERTAINTY, CONTRAINDICATION, DOMAIN, IMPORTANCE, INCLUDED, PRESENCE, key
from reviews.models import Contraindication, Disagreement, Domain, Grading, Outcome, Review, Severity
from reviews.selectors import contraindications_for_claim
from reviews.services.contraindications import contraindication_save
from reviews.services.editing import locked, touch
from reviews.services.outcomes import (
    OUTCOME_FIELDS,
    judgement_save,
    outcome_add,
    outcome_override,
    outcome_reference_attach,
    outcome_remove,
    overall_certainty,
)

Event = AuditEvent.Type


def grading_apply(*, review: Review, actor) -> Review:
    """Make the resolved grading the review's. Runs inside the service that resolved the last point."""
    first, second = Grading.objects.filter(review=review).order_by("created_at", "id")
    resolved = {d.item: d for d in Disagreement.objects.filter(review=review)}
    own = list(Outcome.objects.filter(review=review, grading=None).order_by("position", "id"))
    before = {
        "recommendation": review.recommendation,
        "certainty": review.certainty,
        "outcomes": [outcome.name for outcome in own],
    }
    for outcome in own:
        outcome_remove(outcome=outcome, actor=actor)
    a, b = _outcomes(first), _outcomes(second)
    for k in list(a) + [k for k in b if k not in a]:
        sources = [o for o in (a.get(k), b.get(k)) if o is not None]
        if len(sources) == 1 and resolved[f"{PRESENCE}:{k}"].resolved_value != INCLUDED:
            continue
        _copy_outcome(review, actor, k, sources, resolved)
    attached = _apply_contraindications(review, actor, first, second, resolved)
    review = locked(review)
    point = resolved.get("recommendation")
    review.recommendation = point.resolved_value if point else first.recommendation
    review.certainty = overall_certainty(review, None)
    touch(review, actor, Event.GRADING_RESOLVED)
    outcomes = Outcome.objects.filter(review=review, grading=None).order_by("position", "id")
    audit_record(
        event_type=Event.GRADING_RESOLVED,
        actor=actor,
        review=review,
        before=before,
        after={
            "gradings": [first.pk, second.pk],
            "disagreements": len(resolved),
            "recommendation": review.recommendation,
            "certainty": review.certainty,
            "outcomes": [{"name": o.name, "importance": o.importance, "certainty": o.certainty} for o in outcomes],
            "contraindications": attached,
        },
    )
    return review


def _outcomes(grading: Grading) -> dict[str, Outcome]:
    items = grading.outcomes.order_by("position", "id").prefetch_related("judgements", "outcome_references__reference")
    return {key(o.name): o for o in items}


def _copy_outcome(review: Review, actor, k: str, sources: list[Outcome], resolved: dict) -> Outcome:
    base = sources[0]
    fields = {field: getattr(base, field) for field in OUTCOME_FIELDS if field != "position"}
    importance = resolved.get(f"{IMPORTANCE}:{k}")
    if importance is not None:
        fields["importance"] = importance.resolved_value
    outcome = outcome_add(review=review, actor=actor, **fields)
    for domain in Domain:
        severity, rationale = _judgement(sources, domain, resolved.get(f"{DOMAIN}:{domain.value}:{k}"))
        if severity is not None:
            judgement_save(outcome=outcome, actor=actor, domain=domain, severity=severity, rationale=rationale)
    cited = set()
    for source in sources:
        for link in source.outcome_references.all():
            if link.reference_id not in cited:
                cited.add(link.reference_id)
                outcome_reference_attach(outcome=outcome, actor=actor, reference=link.reference, note=link.note)
    certainty, reason = _certainty(sources, resolved.get(f"{CERTAINTY}:{k}"))
    outcome.refresh_from_db()
    if certainty and certainty != outcome.certainty:
        outcome = outcome_override(outcome=outcome, actor=actor, certainty=certainty, reason=reason)
    return outcome


def _resolved_because(point: Disagreement) -> str:
    return f"Resolved in dual grading ({point.get_resolution_display().lower()}): {point.resolution_reason}"


def _judgement(sources: list[Outcome], domain: str, point: Disagreement | None) -> tuple[str | None, str]:
    """The severity and rationale of one domain: as both graders judged it, or as resolved (a
    domain neither judged, or resolved to "not serious" that nobody wrote down, stays unjudged)."""
    judged = [j for source in sources for j in source.judgements.all() if j.domain == domain]
    if point is None:
        return (judged[0].severity, judged[0].rationale) if judged else (None, "")
    value = point.resolved_value
    for judgement in judged:
        if judgement.severity == value:
            return value, judgement.rationale
    if value == Severity.NONE:
        return None, ""
    return value, _resolved_because(point)


def _certainty(sources: list[Outcome], point: Disagreement | None) -> tuple[str, str]:
    """The certainty the outcome must end with, and the reason for an override if its judgements
    work out to another; empty: whatever they work out to."""
    if point is None:
        overridden = [s for s in sources if s.certainty_override]
        return (overridden[0].certainty_override, overridden[0].override_reason) if overridden else ("", "")
    for source in sources:
        if source.certainty == point.resolved_value and source.certainty_override:
            return point.resolved_value, source.override_reason
    return point.resolved_value, _resolved_because(point)


def _apply_contraindications(review, actor, first: Grading, second: Grading, resolved: dict) -> list[dict]:
    """Each resolved contraindication attached to the claim through the contraindication service,
    unless the claim already has it with that severity; the claim's own of that condition is
    changed to say what the resolved grading says."""
    a = {key(c.condition): c for c in first.contraindications.all()}
    b = {key(c.condition): c for c in second.contraindications.all()}
    present = {}
    for c in contraindications_for_claim(review.claim).order_by("claim_id", "id"):
        present.setdefault(key(c.condition), []).append(c)
    attached = []
    for k in sorted(set(a) | set(b)):
        sources = [c for c in (a.get(k), b.get(k)) if c is not None]
        point = resolved.get(f"{CONTRAINDICATION}:{k}")
        severity = point.resolved_value if point else sources[0].severity
        if not severity:
            continue
        source = next((c for c in sources if c.severity == severity), sources[0])
        attached.append({"condition": source.condition, "severity": severity})
        existing = present.get(k, [])
        if any(c.severity == severity for c in existing):
            continue
        own = next((c for c in existing if c.claim_id == review.claim_id), None)
        item = own or Contraindication(review=review, claim=review.claim)
        item.kind, item.condition, item.severity = source.kind, source.condition, severity
        item.rationale = source.rationale if source.severity == severity else _resolved_because(point)
        item.source_kind, item.source_reference = source.source_kind, source.source_reference
        contraindication_save(actor=actor, contraindication=item)
    return attached
