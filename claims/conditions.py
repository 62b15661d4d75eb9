"""Conditions: what an article and its claims are about. Nothing here knows any one condition."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from claims.models import ClaimKind, Condition, Population

MAX_NAME = Condition._meta.get_field("name").max_length


def condition_slug(name: str) -> str:
    """The API's name for a condition: ASCII words joined by hyphens ("night-leg-cramps"); a name
    with no ASCII letters (another script) gets a stable one from its checksum."""
    slug = slugify(name)[:180].strip("-")
    return slug or "condition-" + hashlib.sha256(name.casefold().encode()).hexdigest()[:12]


def clean_condition_name(name: str, *, field: str = "condition") -> str:
    """The name as stored: single spaces, lower case unless written otherwise; a clear error names
    `field` when it is empty or too long."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise ValidationError({field: "Name the condition the article is about, e.g. “heartburn”."})
    if len(cleaned) > MAX_NAME:
        raise ValidationError({field: f"A condition's name has at most {MAX_NAME} characters ({len(cleaned)} given)."})
    return cleaned


def find_condition(name: str) -> Condition | None:
    """The condition of that name (any case), or of the slug the name gives: "Night-leg cramps"
    and "night-leg-cramps" both find night leg cramps."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        return None
    return (
        Condition.objects.filter(name__iexact=cleaned).first()
        or Condition.objects.filter(slug=condition_slug(cleaned)).first()
    )


def condition_named(name: str, *, field: str = "condition") -> Condition:
    """The condition of that name, created when new. Call inside the service's transaction: the
    new condition is part of what that service records."""
    cleaned = clean_condition_name(name, field=field)
    existing = find_condition(cleaned)
    if existing is not None:
        return existing
    condition = Condition(name=cleaned, slug=condition_slug(cleaned))
    condition.full_clean()
    condition.save()
    return condition


_STATEMENTS = {
    ClaimKind.RELIEF: "{remedy} brings relief during an episode of {condition}",
    ClaimKind.TREATMENT: "{remedy} treats {condition}",
    ClaimKind.PREVENTION: "{remedy} prevents {condition}",
    ClaimKind.CAUSE: "{remedy} can provoke {condition}",
    ClaimKind.CAUTION: "{remedy} needs caution when used for {condition}",
}


def default_statement(remedy: str, kind: str, population: str | None, condition: str) -> str:
    """A claim's statement worded from what it asserts, when nobody wrote one."""
    text = _STATEMENTS[ClaimKind(kind)].format(remedy=remedy[:1].upper() + remedy[1:], condition=condition)
    who = f" ({Population(population).label.lower()})" if population else ""
    return f"{text}{who}."
