"""Every write to a remedy or a claim: a remedy's classification, risk tier and aliases, and a
claim's remedy, kind, population and statement. Superusers go through here too.

Each change is an audit event, then `catalogue_changed` names the claims whose content changed:
the reviews app listens (every open review of them gets the actor as a contributor, and an approval
among them lapses), so the catalogue knows nothing of reviews.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q

from audit.actors import CATALOGUE_LOADER, is_system
from audit.models import AuditEvent
from audit.trail import audit_record, service
from claims import permissions
from claims.models import Claim, Remedy, RemedyAlias
from claims.signals import catalogue_changed
from core.errors import Conflict, NotAllowed

Event = AuditEvent.Type

REMEDY_FIELDS = ("name", "category", "atc_code", "risk_tier", "risk_reason")
CLAIM_FIELDS = ("condition", "remedy", "kind", "population", "statement")


def _changes(before: dict, after: dict) -> str:
    return ", ".join(
        f"{field} {before[field]!r} → {after[field]!r}" for field in after if before[field] != after[field]
    )


@service
def remedy_update(*, remedy: Remedy, actor, **changes) -> Remedy:
    """Change a remedy's classification or risk tier (senior reviewers, or the catalogue loader
    named as a system actor), on the record."""
    remedy_locked = Remedy.objects.select_for_update().get(pk=remedy.pk)
    if not is_system(actor) and not permissions.can_change_remedy(actor):
        raise NotAllowed("Only senior reviewers may change a remedy's classification or risk tier.")
    before = {f: getattr(remedy_locked, f) for f in REMEDY_FIELDS}
    for field, value in changes.items():
        if field not in REMEDY_FIELDS:
            raise ValueError(f"not a remedy field: {field}")
        setattr(remedy_locked, field, value)
    after = {f: getattr(remedy_locked, f) for f in REMEDY_FIELDS}
    if after == before:
        return remedy_locked
    remedy_locked.full_clean()
    remedy_locked.save()
    audit_record(event_type=Event.REMEDY_CHANGED, actor=actor, remedy=remedy_locked, before=before, after=after)
    catalogue_changed.send(
        sender=Remedy,
        actor=actor,
        claims=Q(remedy_id=remedy_locked.pk),
        event_type=Event.REMEDY_CHANGED,
        cause=f"remedy {remedy_locked.name} changed: {_changes(before, after)}",
    )
    return remedy_locked


@service
def remedy_add(*, remedy: Remedy, actor, aliases: Iterable[str] = ()) -> Remedy:
    """Save a new remedy (senior reviewers) with its aliases (a brand it was found as), on the
    record."""
    if remedy.pk is not None:
        raise ValueError("remedy_add() saves a new remedy; use remedy_update() to change one")
    if not permissions.can_change_remedy(actor):
        raise NotAllowed("Only senior reviewers may add remedies.")
    remedy.full_clean()
    remedy.save()
    wanted = sorted({a.strip() for a in aliases if a.strip() and a.strip().lower() != remedy.name.lower()})
    for alias in wanted:
        _alias_create(remedy, alias)
    after = {f: getattr(remedy, f) for f in REMEDY_FIELDS}
    if wanted:
        after["aliases"] = wanted
    audit_record(event_type=Event.REMEDY_ADDED, actor=actor, remedy=remedy, after=after)
    return remedy


def _alias_create(remedy: Remedy, alias: str) -> None:
    """Give `remedy` the alias, unless another remedy has it (in any case) or it is given twice."""
    taken = RemedyAlias.objects.filter(alias__iexact=alias).exclude(remedy=remedy).first()
    if taken is not None:
        raise Conflict(f"The alias {alias!r} already belongs to {taken.remedy}.")
    try:
        with transaction.atomic():
            RemedyAlias.objects.create(remedy=remedy, alias=alias)
    except IntegrityError as exc:  # the same alias twice in different case
        raise Conflict(f"The alias {alias!r} is given twice.") from exc


@service
def remedy_set_aliases(*, remedy: Remedy, actor, aliases: list[str]) -> Remedy:
    """Replace a remedy's aliases (senior reviewers), on the record. Aliases decide which remedy
    the API's remedy filter finds and are part of every published claim of it."""
    remedy_locked = Remedy.objects.select_for_update().get(pk=remedy.pk)
    if not permissions.can_change_remedy(actor):
        raise NotAllowed("Only senior reviewers may change a remedy's aliases.")
    wanted = sorted({alias.strip() for alias in aliases if alias.strip()}, key=str.lower)
    current = {alias.alias: alias for alias in remedy_locked.aliases.all()}
    before = sorted(current, key=str.lower)
    if wanted == before:
        return remedy_locked
    remedy_locked.aliases.exclude(alias__in=wanted).delete()
    for alias in wanted:
        if alias not in current:
            _alias_create(remedy_locked, alias)
    audit_record(
        event_type=Event.REMEDY_CHANGED,
        actor=actor,
        remedy=remedy_locked,
        before={"aliases": before},
        after={"aliases": wanted},
    )
    catalogue_changed.send(
        sender=Remedy,
        actor=actor,
        claims=Q(remedy_id=remedy_locked.pk),
        event_type=Event.REMEDY_CHANGED,
        cause=f"aliases of remedy {remedy_locked.name} changed: {before} → {wanted}",
    )
    return remedy_locked


@service
def claim_add(*, claim: Claim, actor) -> Claim:
    """Save a new claim (reviewers, confirming what an ingested article claims), on the record.
    The claim is reviewed like any other afterwards."""
    if claim.pk is not None:
        raise ValueError("claim_add() saves a new claim; use claim_update() to change one")
    if not permissions.can_decide_proposal(actor):
        raise NotAllowed("Only reviewers may add claims.")
    claim.full_clean()
    try:
        with transaction.atomic():
            claim.save()
    except IntegrityError as exc:  # a concurrent acceptance made the same claim first
        raise Conflict(
            "Another claim already asserts this for that condition, remedy, kind and population."
        ) from exc
    after = {
        field: getattr(claim, f"{field}_id" if field in ("condition", "remedy") else field) for field in CLAIM_FIELDS
    }
    audit_record(event_type=Event.CLAIM_ADDED, actor=actor, claim=claim, after=after)
    return claim


@service
def claim_update(*, claim: Claim, actor, **changes) -> Claim:
    """Change what a claim asserts — its condition, remedy, kind, population or statement (senior
    reviewers; superusers too go through here), on the record."""
    claim_locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if not permissions.can_change_claim(actor):
        raise NotAllowed("Only senior reviewers may change what a claim asserts.")
    unknown = set(changes) - set(CLAIM_FIELDS)
    if unknown:
        raise ValueError(f"not claim fields: {', '.join(sorted(unknown))}")

    def values(c: Claim) -> dict:
        return {
            "condition": c.condition_id,
            "remedy": c.remedy_id,
            "kind": c.kind,
            "population": c.population,
            "statement": c.statement,
        }

    before = values(claim_locked)
    for field, value in changes.items():
        setattr(claim_locked, field, value)
    after = values(claim_locked)
    if after == before:
        return claim_locked
    claim_locked.full_clean()
    try:
        with transaction.atomic():
            claim_locked.save()
    except IntegrityError as exc:
        raise Conflict("Another claim already asserts this for that condition, remedy, kind and population.") from exc
    audit_record(event_type=Event.CLAIM_CHANGED, actor=actor, claim=claim_locked, before=before, after=after)
    catalogue_changed.send(
        sender=Claim,
        actor=actor,
        claims=Q(pk=claim_locked.pk),
        event_type=Event.CLAIM_CHANGED,
        cause=f"claim #{claim_locked.pk} changed: {_changes(before, after)}",
    )
    return claim_locked


def catalogue_loaded(*, summary) -> None:
    """The catalogue loader wrote something: one event by the loader (a system actor) with what it
    created and updated; every open review of a claim whose quotes, source or remedy's aliases now
    read differently is affected like any other change (its approval lapses)."""
    audit_record(
        event_type=Event.CATALOGUE_LOADED,
        actor=CATALOGUE_LOADER,
        after={
            "created": dict(summary.created),
            "updated": dict(summary.updated),
            "verified_against_corpus": summary.verified_against_corpus,
        },
    )
    affected = (
        Q(pk__in=sorted(summary.changed_claim_ids))
        | Q(remedy_id__in=sorted(summary.changed_remedy_ids))
        | Q(appearances__source_id__in=sorted(summary.changed_source_ids))
    )
    catalogue_changed.send(
        sender=Claim,
        actor=CATALOGUE_LOADER,
        claims=affected,
        event_type=Event.CATALOGUE_LOADED,
        cause="the catalogue loader changed the claim's quotes, source or remedy aliases",
    )
