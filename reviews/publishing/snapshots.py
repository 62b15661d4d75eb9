"""The published form of a claim: everything a content team may show.

It is built at approval (`approval_snapshot`) and frozen with its hash on the review; publishing
adds the publication's own fields (version, who published it and when, the change note) to that
frozen snapshot and nothing else.
"""

from __future__ import annotations

import hashlib

from audit.keys import canonical
from audit.trail import iso_utc, to_json_value
from claims.models import Category
from reviews.models import Review
from reviews.selectors import contraindications_for_claim

PUBLICATION_FIELDS = ("version", "published_by", "published_at", "change_note")


def snapshot_hash(snapshot: dict) -> str:
    """SHA-256 of the snapshot's canonical JSON: what an approval approved, in 64 characters."""
    return hashlib.sha256(canonical(snapshot)).hexdigest()


def publication_snapshot(*, review: Review, version: int, published_by, published_at, change_note: str) -> dict:
    """The approved snapshot with the publication's own fields added."""
    return review.approved_snapshot | to_json_value(
        {
            "version": version,
            "published_by": published_by.username,
            "published_at": iso_utc(published_at),
            "change_note": change_note,
        }
    )


def approval_snapshot(*, review: Review, approved_by, approved_at) -> dict:
    """The claim as it reads now — claim, remedy and its risk tier, appearances, grading,
    judgements, references, every contraindication in force (inherited ones included) — with the
    approver: what an approval approves."""
    claim, remedy = review.claim, review.claim.remedy
    aliases = sorted(alias.alias for alias in remedy.aliases.all())
    appearances = claim.appearances.select_related("source").order_by("source__file_name", "start")
    return to_json_value(
        {
            "claim_id": claim.pk,
            "statement": claim.statement,
            "kind": claim.kind,
            "population": claim.population,
            "remedy": {
                "id": remedy.pk,
                "name": remedy.name,
                "inn": remedy.name if remedy.category == Category.DRUG else None,
                "category": remedy.category,
                "atc_code": remedy.atc_code or None,
                "risk_tier": remedy.risk_tier,
                "risk_reason": remedy.risk_reason,
                "aliases": aliases,
            },
            "appearances": [
                {
                    "source": a.source.file_name,
                    "source_title": a.source.title,
                    "source_sha256": a.source.sha256,
                    "quote": a.quote,
                    "start": a.start,
                    "end": a.end,
                    "dose": a.dose or None,
                }
                for a in appearances
            ],
            "evidence": {
                "certainty": review.certainty,
                "summary": review.summary,
                "domains": [
                    {"domain": j.domain, "severity": j.severity, "rationale": j.rationale}
                    for j in review.judgements.order_by("domain")
                ],
            },
            "recommendation": review.recommendation,
            "contraindications": [
                {
                    "condition": c.condition,
                    "kind": c.kind,
                    "severity": c.severity,
                    "rationale": c.rationale,
                    "scope": "remedy" if c.remedy_id else "claim",
                    "source_kind": c.source_kind,
                    "source_date": c.source_date,
                    "source_reference": str(c.source_reference) if c.source_reference else None,
                }
                for c in contraindications_for_claim(claim).order_by("severity", "condition", "pk")
            ],
            "no_known_contraindication": review.no_contraindication_reason
            if review.no_known_contraindication
            else None,
            "references": [
                {
                    "title": link.reference.title,
                    "kind": link.reference.kind,
                    "year": link.reference.year,
                    "pmid": link.reference.pmid or None,
                    "doi": link.reference.doi or None,
                    "url": link.reference.url or None,
                    "note": link.note or None,
                }
                for link in review.review_references.select_related("reference").order_by("reference__year", "pk")
            ],
            "approved_by": approved_by.username,
            "approved_at": iso_utc(approved_at),
        }
    )


def search_text(snapshot: dict) -> str:
    parts = [
        snapshot["statement"],
        snapshot["remedy"]["name"],
        *snapshot["remedy"]["aliases"],
        *(a["quote"] for a in snapshot["appearances"]),
    ]
    return "\n".join(parts).lower()


def folded(name: str) -> str:
    """A remedy name or alias as the API's `remedy` filter compares it: in any case, every
    script's letters alike (the database's UPPER() folds only ASCII on SQLite)."""
    return name.casefold()


def remedy_names(snapshot: dict) -> set[str]:
    """The remedy's published name and aliases, folded: what the `remedy` filter matches."""
    remedy = snapshot["remedy"]
    return {folded(name) for name in (remedy["name"], *remedy["aliases"])}


def source_file_names(snapshot: dict) -> set[str]:
    """The file names of the sources the published claim appears in: what the `source` filter matches."""
    return {appearance["source"] for appearance in snapshot["appearances"]}
