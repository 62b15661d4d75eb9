"""The seeded publications: for each claim its current version (and a superseded version 1 for
the republished 5 %), each with a snapshot of exactly the shape of the app's publication snapshot."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bench import app
from bench.seed.data import (
    CERTAINTY_WEIGHTS,
    CONDITIONS,
    DOMAIN_RATIONALES,
    DOWNGRADES,
    LABELS,
    LEVELS,
    NOTES,
    OUTCOMES,
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


OVERRIDE_REASON = "The domains understate the concerns the reviewers weighed (bench data)."


def _judgements(rng) -> list[dict]:
    """1-3 GRADE domains judged, in GRADE's order (the downgrades, then the upgrades)."""
    judged = [  # drawn in the domains' alphabetical order, as before outcomes
        {
            "domain": d,
            "severity": rng.choice(("none", "serious", "very_serious")) if d in DOWNGRADES
            else rng.choice(("none", "upgrade_one")),
            "rationale": rng.choice(DOMAIN_RATIONALES),
        }
        for d in sorted(rng.sample(DOWNGRADES + UPGRADES, rng.choice((1, 2, 2, 3))))
    ]
    return sorted(judged, key=lambda j: (DOWNGRADES + UPGRADES).index(j["domain"]))


def _number(rng, low: float, high: float) -> float:
    return round(rng.uniform(low, high), 2)


def _outcome(rng, index: int, certainty: str, judgements: list[dict], references: list[dict]) -> dict:
    """One outcome of the Summary of Findings as the app's snapshot writes it."""
    name, direction, measure, unit, text = OUTCOMES[index]
    relative = dict.fromkeys(("measure", "value", "ci_low", "ci_high"))
    if measure:
        value = _number(rng, 0.3, 3.0)
        relative = {"measure": measure, "value": value, "ci_low": _number(rng, 0.1, value),
                    "ci_high": _number(rng, value, 4.0)}
    absolute = dict.fromkeys(("value", "ci_low", "ci_high", "unit"))
    if unit:
        value = float(rng.randint(-120, 120))
        absolute = {"value": value, "ci_low": value - rng.randint(5, 80), "ci_high": value + rng.randint(5, 80),
                    "unit": unit}
    studies = rng.randint(1, 25)
    # The certainty and the judgements are drawn first; the design is one they work out to with the
    # app's arithmetic where there is one, and otherwise the reviewers overrode the worked-out
    # certainty (about half of the outcomes here).
    pairs = [(j["domain"], j["severity"]) for j in judgements]
    preferred = rng.choice(("randomised", "randomised", "observational"))
    fitting = [d for d in (preferred, "observational", "randomised") if app.worked_out(d, pairs) == certainty]
    design = fitting[0] if fitting else preferred
    worked_out = app.worked_out(design, pairs)
    overridden = worked_out != certainty
    return {
        "name": name,
        "direction": direction,
        "importance": "critical" if index == 0 else rng.choice(("critical", "important", "not_important")),
        "design": design,
        "studies": studies,
        "participants": studies * rng.randint(20, 120),
        "effect": {"relative": relative, "absolute": absolute, "text": text},
        "certainty": {"value": certainty, "label": LABELS[certainty],
                      "symbols": "⊕" * (LEVELS.index(certainty) + 1) + "◯" * (3 - LEVELS.index(certainty)),
                      "worked_out": worked_out},
        "overridden": overridden,
        "override_reason": OVERRIDE_REASON if overridden else None,
        "judgements": judgements,
        "references": references,
    }


def _outcomes(rng, certainty: str, first_judgements: list[dict], references: list[dict]) -> list[dict]:
    """1-3 outcomes: the first critical, with the review's certainty (the lowest critical one), its
    judgements and the review's first reference; the others at least as certain."""
    others = rng.sample(range(1, len(OUTCOMES)), rng.choice((0, 1, 1, 2)))
    outcomes = [_outcome(rng, 0, certainty, first_judgements, references[:1])]
    for index in others:
        level = rng.choice(LEVELS[LEVELS.index(certainty):])
        outcomes.append(_outcome(rng, index, level, _judgements(rng), []))
    return outcomes


def _version(rng, claim: tuple, version: int, published_at: datetime, condition: dict) -> dict:
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
    judgements = _judgements(rng)
    notes = [rng.choice(NOTES) for _ in references]  # drawn in this order, the data is as before the split
    cited = [
        {"title": title, "kind": rkind, "year": year, "pmid": pmid, "doi": doi, "url": url, "note": note}
        for (title, rkind, year, pmid, doi, url), note in zip((REFERENCES[i] for i in references), notes, strict=True)
    ]
    outcomes = _outcomes(rng, certainty, judgements, cited)  # drawn after the rest: the rest is as before
    snapshot = {
        "claim_id": claim_id,
        "version": version,
        "condition": condition,
        "statement": statement,
        "kind": kind,
        "population": population,
        "remedy": _remedy(remedy),
        "appearances": [_appearance(a) for a in picked],
        "evidence": {
            "certainty": certainty,
            "summary": summary,
            "domains": [judgement for outcome in outcomes for judgement in outcome["judgements"]],
        },
        "outcomes": outcomes,
        "recommendation": recommendation,
        "contraindications": contraindications,
        "no_known_contraindication": None,
        "references": cited,
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
        # Each outcome's first reference is the review's first (the index in REFERENCES), if it cites one.
        "outcome_references": [references[0] if outcome["references"] else None for outcome in outcomes],
    }


def build_publications(
    rng, claims: list[tuple], *, condition: dict, now: datetime, first_review: int, first_publication: int
) -> list:
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
            publication = _version(rng, claim, version, published_at, condition)
            publication["is_current"] = version == len(versions)
            publication["id"] = first_publication + len(publications)
            publication["review_id"] = first_review + len(publications)
            publications.append(publication)
    return publications
