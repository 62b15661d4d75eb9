"""Reading and checking the catalogue files (claims/catalogue/). Pure Python: no database.

Every problem is a CatalogueError naming the file and the entry, so a broken catalogue is fixed
from the message alone. Writing to the database is claims.services.catalogue_load's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from claims.models import (
    Appearance,
    Category,
    ClaimKind,
    Condition,
    Population,
    Remedy,
    RemedyAlias,
    RiskTier,
    Source,
)


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
    condition: str
    url: str = ""
    claims: list[ClaimEntry] = field(default_factory=list)


@dataclass
class Catalogue:
    remedies: list[RemedyEntry]
    sources: list[SourceEntry]


def _load_yaml(path: Path, name: str):
    """The file's YAML; `name` is how messages call it ("remedies.yaml", "sources/x.yaml")."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CatalogueError(f"{name}: not found (looked for {path})") from None
    except OSError as exc:
        raise CatalogueError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogueError(
            f"{name}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} on line {line}); save the file as UTF-8"
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{name}: not valid YAML: {exc}") from None


def _shown(value) -> str:
    """A value as a message shows it: its repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind_of(value) -> str:
    kinds = {dict: "a mapping", list: "a list", str: "text", bool: "true or false", int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise CatalogueError(
            f"{where}: expected a mapping of fields (name: value), found {_kind_of(value)}: {_shown(value)}"
        )
    return value


def _checked_text(value, key: str, where: str, max_length: int | None) -> str:
    if not isinstance(value, str):
        raise CatalogueError(f"{where}: '{key}' must be text, not {_shown(value)}")
    if "\x00" in value:
        raise CatalogueError(f"{where}: '{key}' contains a NUL character")
    if max_length is not None and len(value) > max_length:
        raise CatalogueError(f"{where}: '{key}' is longer than {max_length} characters")
    return value


def _text(
    entry: dict, key: str, where: str, *, required: bool = True, max_length: int | None = None, strip: bool = False
) -> str:
    """A text field: refused if missing (when required), not text, holding NUL (PostgreSQL
    refuses it) or longer than its column. Kept as written unless `strip`."""
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise CatalogueError(f"{where}: '{key}' is missing")
        return ""
    value = _checked_text(value, key, where, max_length)
    return value.strip() if strip else value


def _max_length(model, field: str) -> int | None:
    return model._meta.get_field(field).max_length


def _choice(entry: dict, key: str, choices, what: str, where: str, *, required: bool = True) -> str | None:
    value = _text(entry, key, where, required=required)
    if not value and not required:
        return None
    if value not in choices:
        raise CatalogueError(f"{where}: unknown {what} {value!r} (one of: {', '.join(choices)})")
    return value


def _offset(entry: dict, key: str, where: str) -> int:
    value = entry.get(key)
    if value is None:
        raise CatalogueError(f"{where}: '{key}' is missing")
    if type(value) is not int or value < 0:  # bool is an int to Python, not to the catalogue
        raise CatalogueError(f"{where}: '{key}' must be a whole number of characters (0 or more), not {_shown(value)}")
    return value


def _aliases(entry: dict, where: str) -> tuple[str, ...]:
    value = entry.get("aliases")
    if value is None:
        return ()
    if not isinstance(value, list):
        # A bare word would be split into its letters, each one an alias.
        raise CatalogueError(f"{where}: 'aliases' must be a list of names, not {_shown(value)} (write [{value}])")
    limit = _max_length(RemedyAlias, "alias")
    aliases = []
    for alias in value:
        if not isinstance(alias, str) or not alias.strip():
            raise CatalogueError(f"{where}: 'aliases' must be a list of text, not {_shown(alias)}")
        aliases.append(_checked_text(alias, "aliases", where, limit))
    return tuple(aliases)


def parse_remedies(path: Path) -> list[RemedyEntry]:
    data = _load_yaml(path, path.name)
    if data is None:
        data = []
    if not isinstance(data, list):
        raise CatalogueError(f"{path.name}: expected a list of remedies, found {_kind_of(data)}")
    remedies: list[RemedyEntry] = []
    names: set[str] = set()
    owners: dict[str, str] = {}  # lower-cased name or alias -> remedy that owns it
    for index, raw in enumerate(data):
        where = f"{path.name}[{index}]"
        raw = _mapping(raw, where)
        name = _text(raw, "name", where, max_length=_max_length(Remedy, "name"))
        where = f"{path.name}[{index}] (remedy {name!r})"
        if name.lower() in names:
            raise CatalogueError(f"{where}: duplicate remedy: an earlier entry has the same name")
        names.add(name.lower())
        entry = RemedyEntry(
            name=name,
            category=_choice(raw, "category", Category.values, "category", where),
            risk_tier=_choice(raw, "risk_tier", RiskTier.values, "risk tier", where),
            risk_reason=_text(raw, "risk_reason", where),
            atc_code=_text(raw, "atc", where, required=False, max_length=_max_length(Remedy, "atc_code")),
            aliases=_aliases(raw, where),
        )
        for label in (entry.name, *entry.aliases):
            owner = owners.get(label.lower())
            if owner is not None and not (owner == name and label == name):
                raise CatalogueError(f"{where}: duplicate alias {label!r}, already used by remedy {owner!r}")
            owners[label.lower()] = name
        remedies.append(entry)
    return remedies


def _source_header(data: dict, where: str) -> SourceEntry:
    header = data.get("source")
    if header is None:
        header = {}
    if not isinstance(header, dict):
        raise CatalogueError(f"{where}: 'source' must be a mapping (file, title, sha256, ...), not {_kind_of(header)}")
    sha256 = _text(header, "sha256", where, max_length=_max_length(Source, "sha256"))
    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise CatalogueError(f"{where}: 'sha256' must be 64 lowercase hex digits, not {_shown(sha256)}")
    url = _text(header, "url", where, required=False, max_length=_max_length(Source, "url"))
    if url:
        try:
            URLValidator()(url)
        except ValidationError:
            raise CatalogueError(f"{where}: 'url' is not a valid URL: {_shown(url)}") from None
    return SourceEntry(
        file_name=_text(header, "file", where, max_length=_max_length(Source, "file_name")),
        title=_text(header, "title", where, max_length=_max_length(Source, "title")),
        language=_text(header, "language", where, required=False, max_length=_max_length(Source, "language")) or "en",
        sha256=sha256,
        condition=" ".join(_text(header, "condition", where, max_length=_max_length(Condition, "name")).split()),
        url=url,
    )


def parse_source(path: Path, remedy_names: set[str]) -> SourceEntry:
    where = f"sources/{path.name}"
    data = _load_yaml(path, where)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CatalogueError(f"{where}: expected a mapping with 'source' and 'claims', found {_kind_of(data)}")
    source = _source_header(data, where)
    claims = data.get("claims")
    if claims is None:
        claims = []
    if not isinstance(claims, list):
        raise CatalogueError(f"{where}: 'claims' must be a list, not {_kind_of(claims)}")
    for index, raw in enumerate(claims):
        entry_where = f"{where} claims[{index}]"
        raw = _mapping(raw, entry_where)
        remedy = _text(raw, "remedy", entry_where)
        entry_where = f"{entry_where} (remedy {remedy!r})"
        if remedy not in remedy_names:
            raise CatalogueError(f"{entry_where}: unknown remedy {remedy!r}")
        population = _choice(raw, "population", Population.values, "population", entry_where, required=False)
        quote = _text(raw, "quote", entry_where)  # verbatim: never stripped
        kind = _choice(raw, "kind", ClaimKind.values, "kind", entry_where)
        source.claims.append(
            ClaimEntry(
                where=entry_where,
                remedy=remedy,
                kind=kind,
                population=population,
                statement=_text(raw, "statement", entry_where, required=False, strip=True),
                quote=quote,
                start=_offset(raw, "start", entry_where),
                end=_offset(raw, "end", entry_where),
                dose=_text(
                    raw, "dose", entry_where, required=False, max_length=_max_length(Appearance, "dose"), strip=True
                ),
            )
        )
    return source


def read_catalogue(directory: Path) -> Catalogue:
    remedies = parse_remedies(directory / "remedies.yaml")
    names = {remedy.name for remedy in remedies}
    sources = [parse_source(path, names) for path in sorted((directory / "sources").glob("*.yaml"))]
    return Catalogue(remedies=remedies, sources=sources)
