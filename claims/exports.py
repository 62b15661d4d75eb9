"""Rows for the full dump of the catalogue, one per appearance (`manage.py export_claims`)."""

import csv
import json
from collections.abc import Iterable, Iterator

from claims.models import Appearance
from core.spreadsheets import csv_safe

FIELDS = [
    "source_file",
    "source_sha256",
    "quote",
    "start",
    "end",
    "remedy",
    "aliases",
    "category",
    "risk_tier",
    "claim_id",
    "claim_kind",
    "population",
    "statement",
    "dose",
]


def appearance_row(appearance: Appearance) -> dict:
    claim, remedy = appearance.claim, appearance.claim.remedy
    return {
        "source_file": appearance.source.file_name,
        "source_sha256": appearance.source.sha256,
        "quote": appearance.quote,
        "start": appearance.start,
        "end": appearance.end,
        "remedy": remedy.name,
        "aliases": [alias.alias for alias in remedy.aliases.all()],
        "category": remedy.category,
        "risk_tier": remedy.risk_tier,
        "claim_id": claim.pk,
        "claim_kind": claim.kind,
        "population": claim.population,
        "statement": claim.statement,
        "dose": appearance.dose,
    }


def write_ndjson(rows: Iterable[dict], out) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict], out) -> int:
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    count = 0
    for row in rows:
        cells = {**row, "aliases": "; ".join(row["aliases"])}
        writer.writerow({key: csv_safe(value) for key, value in cells.items()})
        count += 1
    return count


def export_rows(appearances: Iterable[Appearance]) -> Iterator[dict]:
    return (appearance_row(appearance) for appearance in appearances)
