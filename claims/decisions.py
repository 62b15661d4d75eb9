"""Reviewers confirm what an ingested article claims: accept a proposal (it becomes a claim's
appearance: a new claim, or one more appearance of the claim of the same remedy, kind and
population), edit it first, reject it with a reason, accept several at once, or add one the
proposer missed by selecting a passage. A proposal naming a new remedy needs a senior reviewer,
who gives its risk tier and reason, as for any new remedy (claims.edits.remedy_add).

Each is one transaction with its audit events, in this order: proposal.added (a missed claim),
proposal.edited (changed before accepting), remedy.added, claim.added, proposal.accepted.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from audit.models import AuditEvent
from audit.trail import audit_record, service
from claims import permissions
from claims.articles import find_remedy
from claims.conditions import condition_named, default_statement
from claims.edits import claim_add, remedy_add
from claims.models import Appearance, Category, Claim, ClaimKind, Condition, Population, Remedy, RiskTier, Source
from claims.passages import passage
from claims.proposals import Proposal, ProposalOrigin, ProposalStatus
from claims.signals import catalogue_changed
from core.errors import Conflict, NotAllowed, NotReady, ReasonRequired, ServiceError, no_reason

Event = AuditEvent.Type
# What a reviewer may change before accepting; a changed span takes its quote from the text.
EDITABLE = (
    "remedy", "new_remedy_name", "new_remedy_category", "kind", "population", "condition", "dose", "start", "end"
)  # fmt: skip


def _locked(proposal: Proposal) -> Proposal:
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("source__condition", "remedy", "condition")
        .get(pk=proposal.pk)
    )


def _require_pending(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.PENDING:
        raise Conflict(f"Proposal #{proposal.pk} is already {proposal.get_status_display().lower()}.")


def _require_reviewer(actor) -> None:
    if not permissions.can_decide_proposal(actor):
        raise NotAllowed("Only reviewers may confirm or reject an article's claims.")


REASON_CHARACTERS = 2000  # a reason's length at most: it is kept on the proposal and in its audit event


def _check_reason(reason: str, step: str) -> None:
    if no_reason(reason):
        raise ReasonRequired(step)
    if len(reason.strip()) > REASON_CHARACTERS:
        # one reason for a thousand selected would be written a thousand times into the audit chain
        raise ValidationError(
            {"reason": f"A reason is at most {REASON_CHARACTERS:,} characters; this one has {len(reason.strip()):,}."}
        )


def _condition_for(proposal: Proposal, name: str | None) -> Condition | None:
    """The condition a claim is about, by name: None when it is the article's own (or no name)."""
    if not (name or "").strip():
        return None
    condition = condition_named(name)
    return None if condition.pk == proposal.source.condition_id else condition


def _apply(proposal: Proposal, changes: dict) -> None:
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    for field, value in changes.items():
        if field == "condition":  # a name: the article's condition (None), a known one, or a new one
            value = _condition_for(proposal, value)
        setattr(proposal, field, value)
    if isinstance(proposal.remedy, Remedy) or proposal.remedy_id:
        proposal.new_remedy_name, proposal.new_remedy_category, proposal.new_remedy_atc_code = "", "", ""
    proposal.new_remedy_name = proposal.new_remedy_name.strip()
    if proposal.remedy_id is None and not proposal.new_remedy_name:
        raise ValidationError({"remedy": "Choose a remedy, or name a new one with its category."})
    if proposal.remedy_id is None and proposal.new_remedy_category not in Category.values:
        raise ValidationError({"new_remedy_category": "A new remedy needs its category."})
    if proposal.kind not in ClaimKind.values:
        raise ValidationError({"kind": f"“{proposal.kind}” is not a kind of claim."})
    proposal.population = proposal.population or None
    if proposal.population is not None and proposal.population not in Population.values:
        raise ValidationError({"population": f"“{proposal.population}” is not a population."})
    proposal.start, proposal.end, proposal.quote = passage(proposal.source, proposal.start, proposal.end)
    proposal.full_clean(exclude=["source", "remedy", "claim", "appearance", "decided_by", "surface"])


def _remedy_for(proposal: Proposal, actor, risk_tier: str, risk_reason: str) -> Remedy:
    """The proposal's remedy: the existing one, one that now exists by that name or alias, or a new
    one added by a senior with its risk tier and reason."""
    if proposal.remedy_id is not None:
        return proposal.remedy
    known = find_remedy(proposal.new_remedy_name)
    if known is not None:
        return known
    if not permissions.can_change_remedy(actor):
        # A claim added by a reviewer is rolled back with this refusal: its number would be no one's.
        which = "The claim" if proposal.origin == ProposalOrigin.REVIEWER else f"Proposal #{proposal.pk}"
        raise NotAllowed(
            f"{which} names a new remedy, “{proposal.new_remedy_name}”: only senior reviewers may add remedies."
        )
    missing = []
    if risk_tier not in RiskTier.values:
        missing.append("the new remedy's risk tier")
    if not risk_reason.strip():
        missing.append("its risk reason")
    if missing:
        raise NotReady(missing)
    remedy = Remedy(
        name=proposal.new_remedy_name,
        category=proposal.new_remedy_category,
        atc_code=proposal.new_remedy_atc_code,
        risk_tier=risk_tier,
        risk_reason=risk_reason.strip(),
    )
    # Found as a brand ("Tums" for calcium carbonate): the brand becomes the new remedy's alias,
    # so the remedy filter and the next article find it by that name too.
    brand = [proposal.surface] if proposal.rule.startswith("brand") else []
    return remedy_add(remedy=remedy, actor=actor, aliases=brand)


@service
def proposal_accept(
    *,
    proposal: Proposal,
    actor,
    changes: dict | None = None,
    statement: str = "",
    risk_tier: str = "",
    risk_reason: str = "",
) -> Proposal:
    """Accept a proposal, edited first when `changes` are given: it becomes an appearance of the
    claim of its remedy, kind and population — a new claim (with `statement`, or one worded from
    the remedy and kind) or the existing one, whose open reviews then read one more quote."""
    proposal = _locked(proposal)
    _require_pending(proposal)
    _require_reviewer(actor)
    before = proposal.audit_state()
    if changes:
        _apply(proposal, changes)
        if proposal.audit_state() != before:
            proposal.save()
            audit_record(event_type=Event.PROPOSAL_EDITED, actor=actor, before=before, after=proposal.audit_state())
    if proposal.source.text[proposal.start : proposal.end] != proposal.quote:
        # written around the services: the appearance would carry words the article does not say
        raise Conflict(
            f"Proposal #{proposal.pk}'s quote is not the article's text at [{proposal.start}:{proposal.end}]: "
            "reject it, or edit its passage so that its quote is taken from the text again."
        )
    remedy = _remedy_for(proposal, actor, risk_tier, risk_reason)
    # The claim is about what the article is about, unless the reviewer said otherwise.
    condition = proposal.about
    claim = Claim.objects.filter(
        condition=condition, remedy=remedy, kind=proposal.kind, population=proposal.population
    ).first()
    merged = claim is not None
    if claim is None:
        statement = statement.strip() or default_statement(
            remedy.name, proposal.kind, proposal.population, condition.name
        )
        claim = claim_add(
            claim=Claim(
                condition=condition,
                remedy=remedy,
                kind=proposal.kind,
                population=proposal.population,
                statement=statement,
            ),
            actor=actor,
        )
    quoted = Appearance.objects.filter(
        claim=claim, source=proposal.source_id, start__lt=proposal.end, end__gt=proposal.start
    ).first()
    if quoted is not None:
        # added by a reviewer: there is no proposal to reject, the claim already has the passage
        then = (
            "nothing to add."
            if proposal.origin == ProposalOrigin.REVIEWER
            else "if it records what this proposal says, reject the proposal as already recorded."
        )
        raise Conflict(
            f"Claim #{claim.pk} already quotes a passage of the article overlapping this one "
            f"({quoted.start}:{quoted.end}): one appearance per passage; {then}"
        )
    appearance = Appearance(
        claim=claim, source=proposal.source, quote=proposal.quote, start=proposal.start, end=proposal.end
    )
    appearance.dose = proposal.dose
    appearance.full_clean(validate_constraints=False)
    appearance.save()
    before = proposal.audit_state()
    proposal.remedy, proposal.claim, proposal.appearance = remedy, claim, appearance
    proposal.status, proposal.decided_by, proposal.decided_at = ProposalStatus.ACCEPTED, actor, timezone.now()
    proposal.save()
    audit_record(
        event_type=Event.PROPOSAL_ACCEPTED,
        actor=actor,
        claim=claim,
        before=before,
        after={**proposal.audit_state(), "claim": claim.pk, "appearance": appearance.pk, "merged": merged},
    )
    if merged:
        # The claim now reads one more quote: like the loader's new appearances, it affects every
        # open review of it (an approval lapses).
        catalogue_changed.send(
            sender=Claim,
            actor=actor,
            claims=Q(pk=claim.pk),
            event_type=Event.PROPOSAL_ACCEPTED,
            cause=f"a new appearance of the claim in “{proposal.source.title}” was accepted",
        )
    return proposal


def _each_or_none(proposals: Iterable[Proposal], decide, done: str) -> list[Proposal]:
    """decide(proposal) for each of several, in text order, all or none (the caller's transaction);
    a refusal names the proposal it is of, in a note: its type and message stay the one service's."""
    ordered = sorted(proposals, key=lambda p: (p.start, p.pk))
    if not ordered:
        raise ValidationError({"proposals": "Select at least one proposal."})
    decided = []
    for proposal in ordered:
        try:
            decided.append(decide(proposal))
        except (ServiceError, ValidationError) as exc:
            exc.add_note(f"That is proposal #{proposal.pk}, of the {len(ordered)} selected: none was {done}.")
            raise
    return decided


@service
def proposals_accept(*, proposals: Iterable[Proposal], actor) -> list[Proposal]:
    """Accept several proposals as they stand, in text order, all or none."""
    return _each_or_none(proposals, lambda proposal: proposal_accept(proposal=proposal, actor=actor), "accepted")


@service
def proposals_reject(*, proposals: Iterable[Proposal], actor, reason: str) -> list[Proposal]:
    """Reject several proposals for one reason, in text order, all or none."""
    _require_reviewer(actor)  # said once, of none of them in particular, as the reason is
    _check_reason(reason, "Rejecting the selected proposals")
    return _each_or_none(
        proposals, lambda proposal: proposal_reject(proposal=proposal, actor=actor, reason=reason), "rejected"
    )


@service
def proposal_reject(*, proposal: Proposal, actor, reason: str) -> Proposal:
    """Reject a proposal: the article does not claim this (or not like this). The reason is kept."""
    proposal = _locked(proposal)
    _require_pending(proposal)
    _require_reviewer(actor)
    _check_reason(reason, "Rejecting a proposal")
    before = proposal.audit_state()
    proposal.status, proposal.decided_by, proposal.decided_at = ProposalStatus.REJECTED, actor, timezone.now()
    proposal.reason = reason.strip()
    proposal.save()
    audit_record(
        event_type=Event.PROPOSAL_REJECTED,
        actor=actor,
        before=before,
        after=proposal.audit_state(),
        reason=proposal.reason,
    )
    return proposal


@service
def proposal_add(
    *,
    source: Source,
    actor,
    start: int,
    end: int,
    kind: str,
    remedy: Remedy | None = None,
    new_remedy_name: str = "",
    new_remedy_category: str = "",
    population: str | None = None,
    condition: str | None = None,
    dose: str = "",
    statement: str = "",
    risk_tier: str = "",
    risk_reason: str = "",
) -> Proposal:
    """A claim the proposer missed: the reviewer selects its passage (start and end in the stored
    text; the quote is text[start:end]) and says what it claims, and of what condition when not the
    article's (`condition`, a name); it is accepted at once."""
    source = Source.objects.select_for_update().get(pk=source.pk)
    _require_reviewer(actor)
    if not source.format:
        raise NotAllowed(
            f"Source #{source.pk} is one of the catalogue's articles: its claims are curated in the "
            "catalogue files (claims/catalogue), not added here."
        )
    proposal = Proposal(source=source, origin=ProposalOrigin.REVIEWER, confidence=1.0, rule="added by a reviewer")
    changes = {"remedy": remedy, "new_remedy_name": new_remedy_name, "new_remedy_category": new_remedy_category}
    claimed = {"kind": kind, "population": population, "condition": condition, "dose": dose}
    _apply(proposal, {**changes, **claimed, "start": start, "end": end})
    name = remedy.name if remedy else proposal.new_remedy_name
    at = proposal.quote.lower().find(name.lower())
    proposal.surface = proposal.quote[at : at + len(name)] if at >= 0 else name[:200]
    proposal.save()
    audit_record(event_type=Event.PROPOSAL_ADDED, actor=actor, after=proposal.audit_state())
    return proposal_accept(
        proposal=proposal, actor=actor, statement=statement, risk_tier=risk_tier, risk_reason=risk_reason
    )
