"""The one place the benchmarks reach into the application (claims, reviews, and the apps split
out of them). Every other module of bench/ imports what it needs from here.

When a module moves, fix its path here, once. Each name lists where it may live, first match wins:
the layout being restructured first, then the one it replaces, so the bench runs on either.
Models are looked up through the app registry (`apps.get_model`), table names from their _meta.
Everything here needs `django.setup()` first, except `fingerprint_files()`.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Where each module the bench uses may live, new layout first.
MODULES = {
    "tokens": ("core.tokens", "accounts.tokens", "reviews.tokens"),
    "roles": ("core.roles", "accounts.roles", "reviews.roles"),
    "snapshots": ("reviews.publishing.snapshots", "reviews.snapshots"),
    "grade": ("reviews.grade",),
    "api_views": ("reviews.publishing.api.views", "claims.api.views"),
    "api_permissions": ("reviews.publishing.api.permissions", "claims.api.permissions"),
    "api_selectors": ("reviews.publishing.selectors",),
    "api_conditional": ("core.api.conditional", "claims.api.conditional"),
    "audit_trail": ("audit.trail", "reviews.audit"),
    "audit_keys": ("audit.keys", "reviews.audit_keys"),
    "audit_rows": ("audit.rows",),
    "audit_export": ("audit.export", "reviews.audit_export"),
}

# "app_label.ModelName" candidates for every model the bench reads or writes.
MODELS = {
    "Source": ("claims.Source",),
    "Remedy": ("claims.Remedy",),
    "RemedyAlias": ("claims.RemedyAlias",),
    "Claim": ("claims.Claim",),
    "Condition": ("claims.Condition",),
    "Appearance": ("claims.Appearance",),
    "Review": ("reviews.Review",),
    "Reference": ("reviews.Reference",),
    "ReviewReference": ("reviews.ReviewReference",),
    "DomainJudgement": ("reviews.DomainJudgement",),
    "Outcome": ("reviews.Outcome",),
    "OutcomeReference": ("reviews.OutcomeReference",),
    "Contraindication": ("reviews.Contraindication",),
    "Publication": ("reviews.Publication",),
    "PublicationCondition": ("reviews.PublicationCondition",),
    "PublicationRemedyName": ("reviews.PublicationRemedyName",),
    "PublicationSource": ("reviews.PublicationSource",),
    "PublicationChange": ("reviews.PublicationChange",),
    "AuditEvent": ("audit.AuditEvent", "reviews.AuditEvent"),
    "ApiToken": ("knox.AuthToken", "accounts.ApiToken", "reviews.ApiToken"),
}

# The code on the content API's path, hashed at the start and the end of a run (a package counts
# with every .py file under it): settings, the API, the models it reads, its auth, migrations.
FINGERPRINTED = (
    ("config",),
    ("reviews.publishing.api", "claims.api"),  # the content API
    ("core.api", "claims.api"),  # its shared parts (in claims/api before the split)
    ("claims.models",),
    ("claims.migrations",),
    ("reviews.models",),
    ("reviews.migrations",),
    ("reviews.selectors",),
    ("reviews.publishing.selectors",),  # the content API's reads
    MODULES["snapshots"],
    MODULES["tokens"],
    MODULES["roles"],
    ("reviews.permissions",),
)


def _module(key: str):
    names = MODULES[key]
    for name in names:
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # Only "this candidate does not exist" moves on; a broken import inside it is an error.
            if exc.name is None or not (name == exc.name or name.startswith(exc.name + ".")):
                raise
    raise ModuleNotFoundError(f"bench/app.py: none of {', '.join(names)} exists; update MODULES[{key!r}]")


def model(name: str):
    from django.apps import apps

    for label in MODELS[name]:
        try:
            return apps.get_model(label)
        except LookupError:
            continue
    raise LookupError(f"bench/app.py: no model {' or '.join(MODELS[name])}; update MODELS[{name!r}]")


def table(name: str) -> str:
    return model(name)._meta.db_table


# --- accounts -------------------------------------------------------------------------------------


def roles():
    """The role (group) names: REVIEWER, SENIOR_REVIEWER, CONTENT_READER, AUDITOR."""
    return _module("roles")


def token_issue(user) -> str:
    """An API token of the project's own kind for `user` (who must hold an API role)."""
    return _module("tokens").token_issue(user=user)


# --- the content API ----------------------------------------------------------------------------


def snapshot_helpers():
    """(PUBLICATION_FIELDS, snapshot_hash, remedy_names, search_text) of the publication snapshots."""
    snapshots = _module("snapshots")
    return snapshots.PUBLICATION_FIELDS, snapshots.snapshot_hash, snapshots.remedy_names, snapshots.search_text


def worked_out(design: str, judgements) -> str | None:
    """GRADE's arithmetic (reviews.grade): an outcome's certainty from its design and its
    (domain, severity) judgements, for the peer."""
    return _module("grade").worked_out(design, judgements)


def claims_viewset():
    """The content API's view of /api/v1/claims/ (its serializer and renderer are timed apart)."""
    return _module("api_views").PublishedClaimViewSet


def content_permission():
    """The content API's permission class, for the framework floor."""
    return _module("api_permissions").CanReadPublished


def snapshot_shape_problems(snapshot: dict) -> list[str]:
    """Where a generated snapshot's keys differ from the app's publication snapshot, at every level.
    The seed writes its snapshots without the app (100,000 through the serializers would add most of
    a minute), so the one definition of the shape (the snapshot serializers) checks them instead."""
    from rest_framework import serializers

    def walk(fields, value: dict, path: str) -> list[str]:
        problems = []
        extra, missing = sorted(set(value) - set(fields)), sorted(set(fields) - set(value))
        if extra or missing:
            problems.append(f"{path}: not in the app's shape {extra}, missing {missing}")
        for name, field in fields.items():
            item = value.get(name)
            if isinstance(field, serializers.ListSerializer) and isinstance(field.child, serializers.Serializer):
                for n, element in enumerate(item or []):
                    problems += walk(field.child.fields, element, f"{path}.{name}[{n}]")
            elif isinstance(field, serializers.Serializer) and isinstance(item, dict):
                problems += walk(field.fields, item, f"{path}.{name}")
        return problems

    return walk(_module("snapshots").PublicationSnapshotSerializer().fields, snapshot, "snapshot")


def etag_state_sql() -> str:
    """The query a conditional GET of a list runs before the page, as Django logs it (earlier
    layouts kept it as SQL text beside the conditional-GET code)."""
    try:
        return str(_module("api_selectors").published_state_query().query)
    except ModuleNotFoundError:
        return _module("api_conditional").STATE_SQL


# --- the audit trail ----------------------------------------------------------------------------


def audit_chain():
    """(compute_hash, iso_utc, to_json_value, chain_keys, AuditEventType) for a generated chain."""
    trail, keys = _module("audit_trail"), _module("audit_keys")
    # The row helpers may sit in a module of their own beside the trail (audit.rows).
    try:
        rows = _module("audit_rows")
    except ModuleNotFoundError:
        rows = trail
    iso_utc = getattr(rows, "iso_utc", None) or trail.iso_utc
    to_json_value = getattr(trail, "to_json_value", None) or rows.to_json_value
    event_type = sys.modules[model("AuditEvent").__module__].AuditEventType
    return trail.compute_hash, iso_utc, to_json_value, keys.chain_keys, event_type


def audit_export():
    """The export module: COLUMNS, export_blocks, chain_head, _rendered_blocks, BLOCK_BYTES."""
    return _module("audit_export")


# --- what the fingerprint hashes ------------------------------------------------------------------


@cache
def _spec_files(name: str) -> tuple[Path, ...]:
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        return ()
    if spec is None:
        return ()
    if spec.submodule_search_locations:
        found = [p for d in spec.submodule_search_locations for p in Path(d).rglob("*.py")]
    else:
        found = [Path(spec.origin)] if spec.origin else []
    return tuple(sorted(p for p in found if p.is_relative_to(ROOT)))  # the project's, not a library's


def fingerprint_files() -> tuple[list[Path], list[str]]:
    """The files on the content API's path, and the entries of FINGERPRINTED that matched none."""
    files, missing = [], []
    for candidates in FINGERPRINTED:
        found = next((f for f in map(_spec_files, candidates) if f), ())
        if not found:
            missing.append(" or ".join(candidates))
        files.extend(found)
    return sorted(set(files)), missing
