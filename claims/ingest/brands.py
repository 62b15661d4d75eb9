"""The curated brand table (brands.csv): a brand name resolves to its ingredient (INN), with the
ingredient's ATC code where it is certain. Read once; a broken row is an error naming its line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claims.ingest.curated import curated_rows

BRANDS_FILE = Path(__file__).with_name("brands.csv")
HEADER = ["brand", "ingredient", "atc", "category"]
# The catalogue's categories (claims.models.Category), repeated so the proposer needs no Django.
CATEGORIES = frozenset(
    "drug supplement food_drink herbal_folk topical maneuver procedure device_garment lifestyle".split()
)
_ATC = re.compile(r"[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}|[A-Z][0-9]{2}[A-Z]{0,2}")


class BrandTableError(ValueError):
    """brands.csv has a row the proposer cannot use; the message names the line."""


@dataclass(frozen=True)
class Brand:
    brand: str
    ingredient: str
    atc_code: str
    category: str


def read_brands(path: Path = BRANDS_FILE) -> tuple[Brand, ...]:
    rows = []
    seen: dict[str, int] = {}
    for where, number, (brand, ingredient, atc, category) in curated_rows(path, HEADER, BrandTableError):
        if not brand or not ingredient:
            raise BrandTableError(f"{where}: brand and ingredient are required")
        if atc and not _ATC.fullmatch(atc):
            raise BrandTableError(f"{where}: {atc!r} is not an ATC code")
        if category not in CATEGORIES:
            raise BrandTableError(f"{where}: unknown category {category!r}")
        if brand.lower() in seen:
            raise BrandTableError(f"{where}: brand {brand!r} is already on line {seen[brand.lower()]}")
        seen[brand.lower()] = number
        rows.append(Brand(brand=brand, ingredient=ingredient, atc_code=atc, category=category))
    return tuple(rows)


@cache
def brand_table() -> tuple[Brand, ...]:
    """The repository's brand table, read once per process."""
    return read_brands()
