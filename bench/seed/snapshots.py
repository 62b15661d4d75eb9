"""The seeded publications: for each claim its current version (and a superseded version 1 for
the republished 5 %), each with a snapshot of exactly the shape of the app's publication snapshot."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bench.seed.data import (
    CERTAINTY_WEIGHTS,
    CONDITIONS,
    DOMAIN_RATIONALES,
    DOWNGRADES,
    NOTES,
    RATIONALES,
    RECOMMENDATIONS,
    REFERENCES,
    SUMMARIES,
    UPGRADES,
)


def iso(moment: datetime) -> str:
    """The app's iso_utc, as its snapshots write times."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def reference_str(ref) -> str:
    """str(Reference), as the snapshot records a contraindication's source reference."""
    title, _kind, year, pmid, doi, _url = ref
    ids = ", ".join(x for x in (pmid and f"PMID {pmid}", doi and f"doi {doi}") if x)
    return f"{title} ({year}{', ' + ids if ids else ''})"


def contraindication_reference(ci: int, remedy_id: int) -> int | None:
    """The index in REFERENCES of the source of contraindication `ci` on a claim of the remedy."""
    return (ci + remedy_id) % len(REFERENCES) if ci % 3 else None


def contraindication_date(ci: int) -> date | None:
    return date(2005 + ci % 19, 1 + ci % 12, 1 + ci % 28) if ci % 4 else None


def _contraindication(ci: int, scope: str, remedy_id: int) -> dict:
    condition, kind, severity, source_kind = CONDITIONS[ci]
    ref = contraindication_reference(ci, remedy_id)
    source_date = contraindication_date(ci)
    return {
        "condition": condition,
        "kind": kind,
        "severity": severity,
        "rationale": RATIONALES[ci % len(RATIONALES)],
        "scope": scope,
        "source_kind": source_kind,
        "source_date": source_date.isoformat() if source_date else None,
        "source_reference": reference_str(REFERENCES[ref]) if ref is not None else None,
    }


def _remedy(remedy: dict) -> dict:
    return {
        "id": remedy["id"],
        "name": remedy["name"],
        "inn": remedy["name"] if remedy["category"] == "drug" else None,
        "category": remedy["category"],
        "atc_code": remedy["atc_code"] or None,
        "risk_tier": remedy["risk_tier"],
        "risk_reason": remedy["risk_reason"],
        "aliases": remedy["aliases"],
    }


def _appearance(picked) -> dict:
    _sid, file_name, title, sha, quote, start, end, dose = picked
    return {"source": file_name, "source_title": title, "source_sha256": sha, "quote": quote, "start": start,
            "end": end, "dose": dose or None}


def _version(rng, claim: tuple, version: int, published_at: datetime) -> dict:
    """One publication of the claim: its snapshot and the columns and rows that go with it."""
    claim_id, remedy, kind, population, statement, picked = claim
    certainties, weights = zip(*CERTAINTY_WEIGHTS.items(), strict=True)
    certainty = rng.choices(certainties, weights)[0]
    recommendation = rng.choice(RECOMMENDATIONS)
    summary = rng.choice(SUMMARIES)
    decided_at = published_at - timedelta(hours=rng.randint(1, 72))
    own = rng.sample(range(len(CONDITIONS)), rng.choice((1, 1, 2)))
    contraindications = [_contraindication(ci, "remedy", remedy["id"]) for ci in remedy["contraindications"]]
    contraindications += [_contraindication(ci, "claim", remedy["id"]) for ci in own]
    contraindications.sort(key=lambda c: (c["severity"], c["condition"]))
    references = sorted(rng.sample(range(len(REFERENCES)), rng.choice((1, 2, 2, 3))), key=lambda i: REFERENCES[i][2])
    domains = [
        {
            "domain": d,
            "severity": rng.choice(("none", "serious", "very_serious")) if d in DOWNGRADES
            else rng.choice(("none", "upgrade_one")),
            "rationale": rng.choice(DOMAIN_RATIONALES),
        }
        for d in sorted(rng.sample(DOWNGRADES + UPGRADES, rng.choice((1, 2, 2, 3))))
    ]
    notes = [rng.choice(NOTES) for _ in references]  # drawn in this order, the data is as before the split
    snapshot = {
        "claim_id": claim_id,
        "version": version,
        "statement": statement,
        "kind": kind,
        "population": population,
        "remedy": _remedy(remedy),
        "appearances": [_appearance(a) for a in picked],
        "evidence": {"certainty": certainty, "summary": summary, "domains": domains},
        "recommendation": recommendation,
        "contraindications": contraindications,
        "no_known_contraindication": None,
        "references": [
            {"title": title, "kind": rkind, "year": year, "pmid": pmid, "doi": doi, "url": url, "note": note}
            for (title, rkind, year, pmid, doi, url), note in zip(
                (REFERENCES[i] for i in references), notes, strict=True
            )
        ],
        "approved_by": "bench-approver",
        "approved_at": iso(decided_at),
        "published_by": "bench-senior",
        "published_at": iso(published_at),
        "change_note": "Republished after new evidence." if version > 1 else "",
    }
    return {
        "claim_id": claim_id,
        "version": version,
        "snapshot": snapshot,
        "remedy": remedy,
        "kind": kind,
        "population": population or "",
        "certainty": certainty,
        "recommendation": recommendation,
        "summary": summary,
        "decided_at": decided_at,
        "published_at": published_at,
        "sources": sorted({(a[0], a[1]) for a in picked}),  # (id, file name)
        # For the review's own rows (the stock-DRF peer reads them): the claim's contraindications
        # (indices in CONDITIONS) and the references cited (indices in REFERENCES) with their notes.
        "own_contraindications": own,
        "references": list(zip(references, notes, strict=True)),
    }


def build_publications(rng, claims: list[tuple], *, now: datetime, first_review: int, first_publication: int) -> list:
    """Distinct published_at over ~2 years, in shuffled claim order; 5 % republished (their version
    1 is superseded and not current). Each publication has its own review."""
    slots = list(range(len(claims)))
    rng.shuffle(slots)
    epoch = now - timedelta(days=730)
    republished = set(rng.sample(range(len(claims)), len(claims) // 20))
    publications = []
    for index, claim in enumerate(claims):
        current_at = epoch + timedelta(seconds=slots[index] * 600 + 300, microseconds=rng.randrange(1_000_000))
        versions = [(1, current_at)]
        if index in republished:
            versions = [(1, current_at - timedelta(days=rng.randint(30, 300), seconds=7)), (2, current_at)]
        for version, published_at in versions:
            publication = _version(rng, claim, version, published_at)
            publication["is_current"] = version == len(versions)
            publication["id"] = first_publication + len(publications)
            publication["review_id"] = first_review + len(publications)
            publications.append(publication)
    return publications
