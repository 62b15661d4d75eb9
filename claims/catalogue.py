"""Reading and checking the catalogue files (claims/catalogue/). Pure Python: no database.

Every problem is a CatalogueError naming the file and the entry, so a broken catalogue is fixed
from the message alone. Writing to the database is claims.services.catalogue_load's job.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claims.models import Category, ClaimKind, Population, RiskTier


class CatalogueError(Exception):
    """The catalogue cannot be loaded as it is; the message names the offending entry."""


@dataclass(frozen=True)
class RemedyEntry:
    name: str
    category: str
    risk_tier: str
    risk_reason: str
    atc_code: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimEntry:
    where: str  # "sources/000_….yaml claims[3]": how error messages name the entry
    remedy: str
    kind: str
    population: str | None
    statement: str
    quote: str
    start: int
    end: int
    dose: str = ""


@dataclass
class SourceEntry:
    file_name: str
    title: str
    language: str
    sha256: str
    url: str = ""
    claims: list[ClaimEntry] = field(default_factory=list)


@dataclass
class Catalogue:
    remedies: list[RemedyEntry]
    sources: list[SourceEntry]


def _load_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path.name}: not valid YAML: {exc}") from exc


def _require(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise CatalogueError(f"{where}: '{key}' is missing")
    return value


def _choice(value, choices, what: str, where: str):
    if value not in choices:
        raise CatalogueError(f"{where}: unknown {what} {value!r} (one of: {', '.join(choices)})")
    return value


def parse_remedies(path: Path) -> list[RemedyEntry]:
    data = _load_yaml(path) or []
    remedies: list[RemedyEntry] = []
    owners: dict[str, str] = {}  # lower-cased name or alias -> remedy that owns it
    for index, raw in enumerate(data):
        where = f"{path.name}[{index}]"
        name = _require(raw, "name", where)
        where = f"{path.name}[{index}] (remedy {name!r})"
        entry = RemedyEntry(
            name=name,
            category=_choice(raw.get("category"), Category.values, "category", where),
            risk_tier=_choice(raw.get("risk_tier"), RiskTier.values, "risk tier", where),
            risk_reason=_require(raw, "risk_reason", where),
            atc_code=raw.get("atc") or "",
            aliases=tuple(raw.get("aliases") or ()),
        )
        for label in (entry.name, *entry.aliases):
            owner = owners.get(label.lower())
            if owner is not None and not (owner == name and label == name):
                raise CatalogueError(f"{where}: duplicate alias {label!r}, already used by remedy {owner!r}")
            owners[label.lower()] = name
        remedies.append(entry)
    return remedies


def parse_source(path: Path, remedy_names: set[str]) -> SourceEntry:
    data = _load_yaml(path) or {}
    header = data.get("source") or {}
    where = f"sources/{path.name}"
    source = SourceEntry(
        file_name=_require(header, "file", where),
        title=_require(header, "title", where),
        language=header.get("language") or "en",
        sha256=_require(header, "sha256", where),
        url=header.get("url") or "",
    )
    for index, raw in enumerate(data.get("claims") or []):
        entry_where = f"{where} claims[{index}]"
        remedy = _require(raw, "remedy", entry_where)
        entry_where = f"{entry_where} (remedy {remedy!r})"
        if remedy not in remedy_names:
            raise CatalogueError(f"{entry_where}: unknown remedy {remedy!r}")
        population = raw.get("population")
        if population is not None:
            _choice(population, Population.values, "population", entry_where)
        quote = _require(raw, "quote", entry_where)
        kind = _choice(raw.get("kind"), ClaimKind.values, "kind", entry_where)
        source.claims.append(
            ClaimEntry(
                where=entry_where,
                remedy=remedy,
                kind=kind,
                population=population,
                statement=(raw.get("statement") or "").strip(),
                quote=quote,
                start=raw.get("start", -1),
                end=raw.get("end", -1),
                dose=(raw.get("dose") or "").strip(),
            )
        )
    return source


def read_catalogue(directory: Path) -> Catalogue:
    remedies = parse_remedies(directory / "remedies.yaml")
    names = {remedy.name for remedy in remedies}
    sources = [parse_source(path, names) for path in sorted((directory / "sources").glob("*.yaml"))]
    return Catalogue(remedies=remedies, sources=sources)


def locate_quotes(source: SourceEntry, text_bytes: bytes) -> SourceEntry:
    """Check the article's checksum and find every quote exactly once in its text.

    Returns the source with offsets computed from the text; stored offsets that disagree are an
    error, because they are what a machine without the corpus loads.
    """
    digest = hashlib.sha256(text_bytes).hexdigest()
    if digest != source.sha256:
        raise CatalogueError(
            f"sources/{source.file_name}: sha256 of the article is {digest}, the catalogue expects {source.sha256}"
        )
    text = text_bytes.decode("utf-8")
    located = []
    for claim in source.claims:
        count = text.count(claim.quote)
        if count != 1:
            found = "not found" if count == 0 else f"found {count} times"
            raise CatalogueError(
                f"{claim.where}: quote {found} in {source.file_name} (it must occur exactly once): {claim.quote[:80]!r}"
            )
        start = text.index(claim.quote)
        end = start + len(claim.quote)
        if (claim.start, claim.end) != (start, end):
            raise CatalogueError(
                f"{claim.where}: stored offsets {claim.start}:{claim.end} disagree with the "
                f"article, where the quote is at {start}:{end}"
            )
        located.append(claim)
    source.claims = located
    return source


def check_offsets(source: SourceEntry) -> None:
    """Without the article, the stored offsets must at least fit their quotes."""
    for claim in source.claims:
        if not isinstance(claim.start, int) or claim.start < 0 or claim.end != claim.start + len(claim.quote):
            raise CatalogueError(
                f"{claim.where}: offsets {claim.start}:{claim.end} do not fit the quote ({len(claim.quote)} characters)"
            )
