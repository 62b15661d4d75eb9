"""Writes to the catalogue. The loader is the only way catalogue data enters the database."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.actors import CATALOGUE_LOADER
from claims.catalogue import Catalogue, CatalogueError
from claims.conditions import condition_named, default_statement, find_condition
from claims.edits import catalogue_loaded, remedy_update
from claims.ingest.text import words_sha256
from claims.models import Appearance, Claim, Remedy, RemedyAlias, Source
from claims.quotes import check_offsets, locate_quotes


@dataclass
class LoadSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    appearances_per_source: dict[str, int] = field(default_factory=dict)
    claims_per_kind: Counter = field(default_factory=Counter)
    verified_against_corpus: bool = False
    # Rows that existed before this load and now read differently: reviews of them are affected.
    changed_claim_ids: set[int] = field(default_factory=set)
    changed_remedy_ids: set[int] = field(default_factory=set)
    changed_source_ids: set[int] = field(default_factory=set)

    @property
    def wrote_anything(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))


def _sync(instance, values: dict, summary: LoadSummary, label: str) -> bool:
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.full_clean()
        instance.save()
        summary.updated[label] += 1
    return bool(changed)


def _resolve_offsets(catalogue: Catalogue, corpus_dir: Path | None) -> dict[str, str] | None:
    """Verify against the articles when they are at hand, and return their texts by file name
    (checked against their sha256); otherwise trust the stored offsets and return None."""
    if corpus_dir is None:
        for source in catalogue.sources:
            check_offsets(source)
        return None
    texts = {}
    for source in catalogue.sources:
        path = corpus_dir / source.file_name
        if not path.exists():
            raise CatalogueError(f"sources/{source.file_name}: article not found at {path}")
        text_bytes = path.read_bytes()
        locate_quotes(source, text_bytes)  # the checksum first: only the verified text is stored
        texts[source.file_name] = text_bytes.decode("utf-8")
    return texts


def _store_text(source: Source, text: str | None, summary: LoadSummary) -> None:
    """Keep a verified article's text in the database (never in the repository): reviewers read
    each quote in its context. Written when missing, or for a new version of the article (a new
    sha256), which every appearance already stored must quote, before its appearances are brought
    up to date (the database checks each against the stored text: reviews.db_rules.quotes). A
    second run writes nothing. Without the article at hand, a stored text of another version is
    refused, never emptied."""
    current = bool(source.text) and hashlib.sha256(source.text.encode()).hexdigest() == source.sha256
    if current:
        return
    if text is None:
        if source.text:
            raise CatalogueError(
                f"sources/{source.file_name}: the catalogue's sha256 is not that of the article stored in the "
                "database: load it with the new version at hand (--corpus), which is checked and stored"
            )
        return
    misquoted = [a for a in source.appearances.order_by("start") if text[a.start : a.end] != a.quote]
    if misquoted:
        first = misquoted[0]
        raise CatalogueError(
            f"sources/{source.file_name}: {len(misquoted)} appearance(s) in the database do not quote the "
            f"article at their spans (the first at [{first.start}:{first.end}], {first.quote[:60]!r}); "
            "they were made for another version of it"
        )
    (summary.updated if source.text else summary.created)["source texts"] += 1
    source.text, source.words_sha256 = text, words_sha256(text)
    source.save(update_fields=["text", "words_sha256"])


@transaction.atomic
def catalogue_load(*, catalogue: Catalogue, corpus_dir: Path | None) -> LoadSummary:
    """Load (or bring up to date) the catalogue: remedies, aliases, sources, claims, appearances,
    and, with the articles at hand, each article's verified text (in the database only).

    Idempotent: a second run with the same files writes nothing. All checks run before the first
    write and everything runs in one transaction, so a broken entry leaves the database as it was.
    Rows absent from the catalogue are left alone: reviews may already refer to them.
    """
    texts = _resolve_offsets(catalogue, corpus_dir)
    summary = LoadSummary(verified_against_corpus=texts is not None)

    remedies: dict[str, Remedy] = {r.name.lower(): r for r in Remedy.objects.all()}
    alias_owner: dict[str, RemedyAlias] = {a.alias.lower(): a for a in RemedyAlias.objects.select_related("remedy")}
    for entry in catalogue.remedies:
        values = {
            "category": entry.category,
            "risk_tier": entry.risk_tier,
            "risk_reason": entry.risk_reason,
            "atc_code": entry.atc_code,
        }
        remedy = remedies.get(entry.name.lower())
        is_new = remedy is None
        if remedy is None:
            remedy = Remedy(name=entry.name, **values)
            remedy.full_clean()
            remedy.save()
            remedies[entry.name.lower()] = remedy
            summary.created["remedies"] += 1
        elif any(getattr(remedy, name) != value for name, value in values.items()):
            # A change of risk tier or classification is reviewed data: it goes on the record.
            remedies[entry.name.lower()] = remedy = remedy_update(remedy=remedy, actor=CATALOGUE_LOADER, **values)
            summary.updated["remedies"] += 1
        for alias in entry.aliases:
            existing = alias_owner.get(alias.lower())
            if existing is None:
                alias_owner[alias.lower()] = RemedyAlias.objects.create(remedy=remedy, alias=alias)
                summary.created["aliases"] += 1
                if not is_new:
                    summary.changed_remedy_ids.add(remedy.pk)
            elif existing.remedy_id != remedy.pk:
                raise CatalogueError(
                    f"remedies.yaml (remedy {entry.name!r}): duplicate alias {alias!r}, "
                    f"already used by remedy {existing.remedy.name!r} in the database"
                )

    claims = {(c.condition_id, c.remedy_id, c.kind, c.population): c for c in Claim.objects.all()}
    appearances = {(a.claim_id, a.source_id, a.start): a for a in Appearance.objects.all()}
    for entry in catalogue.sources:
        condition = find_condition(entry.condition)
        if condition is None:
            try:
                condition = condition_named(entry.condition)
            except ValidationError as exc:
                raise CatalogueError(f"sources/{entry.file_name}: condition: {'; '.join(exc.messages)}") from None
            summary.created["conditions"] += 1
        source_values = {
            "condition": condition,
            "title": entry.title,
            "language": entry.language,
            "sha256": entry.sha256,
            "url": entry.url,
        }
        source = Source.objects.filter(file_name=entry.file_name).first()
        if source is None:
            source = Source(file_name=entry.file_name, **source_values)
            source.full_clean()
            source.save()
            summary.created["sources"] += 1
        elif source.condition_id != condition.pk:
            # Its claims are about the condition it had: moving them is a senior's reviewed change
            # (claims.edits.claim_update), never a side effect of loading.
            raise CatalogueError(
                f"sources/{entry.file_name}: condition {entry.condition!r}, but the database has this article "
                f"about {source.condition.name!r}; its claims are about that"
            )
        elif _sync(source, source_values, summary, "sources"):
            summary.changed_source_ids.add(source.pk)
        _store_text(source, (texts or {}).get(entry.file_name), summary)
        summary.appearances_per_source[entry.file_name] = len(entry.claims)

        for item in entry.claims:
            remedy = remedies[item.remedy.lower()]
            key = (condition.pk, remedy.pk, item.kind, item.population)
            claim = claims.get(key)
            existing_claim = claim is not None
            if claim is None:
                claim = Claim(
                    condition=condition,
                    remedy=remedy,
                    kind=item.kind,
                    population=item.population,
                    statement=item.statement
                    or default_statement(item.remedy, item.kind, item.population, condition.name),
                )
                claim.full_clean()
                claim.save()
                claims[key] = claim
                summary.created["claims"] += 1
            if source.text and source.text[item.start : item.end] != item.quote:
                raise CatalogueError(
                    f"{item.where}: the article stored in the database does not say {item.quote[:80]!r} at "
                    f"{item.start}:{item.end}"
                )
            appearance = appearances.get((claim.pk, source.pk, item.start))
            values = {"quote": item.quote, "end": item.end, "dose": item.dose}
            if appearance is None:
                appearance = Appearance(claim=claim, source=source, start=item.start, **values)
                appearance.full_clean()
                appearance.save()
                appearances[(claim.pk, source.pk, item.start)] = appearance
                summary.created["appearances"] += 1
                if existing_claim:
                    summary.changed_claim_ids.add(claim.pk)
            elif _sync(appearance, values, summary, "appearances"):
                summary.changed_claim_ids.add(claim.pk)

    for claim in claims.values():
        summary.claims_per_kind[claim.kind] += 1
    if summary.wrote_anything:
        # On the record, by the loader named as a system actor; approvals of what changed lapse.
        catalogue_loaded(summary=summary)
    return summary
