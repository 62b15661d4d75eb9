"""The printable evidence profile of a published claim (/api/v1/claims/<id>/evidence-profile/).

One HTML page — the Summary of Findings (outcome, studies and participants, effect, certainty as
⊕⊕◯◯ with its label, importance, numbered footnotes from the judgements' rationales and the
override reasons), the recommendation, contraindications and references, the published version and
its date — built only from the claim's current publication's snapshot, never from the live review.
Versions published before certainty was rated per outcome have no `outcomes`: their page says so
and lists the domains they were published with.

Same readers as the content API (its token or a session, its permission and throttle); errors are
the API's JSON errors. Every text comes from the snapshot and is escaped by the template.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime

import orjson
from django.http import Http404
from django.template.loader import render_to_string
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.models import ClaimKind, Population, RiskTier
from core.api.conditional import ConditionalGetMixin, conditional
from core.api.parameters import KnownParametersMixin
from core.api.renderers import FastJSONRenderer
from reviews.grade import symbols
from reviews.models import (
    Certainty,
    ContraindicationKind,
    ContraindicationLevel,
    Domain,
    Importance,
    OutcomeDirection,
    Recommendation,
    Severity,
    StudyDesign,
)
from reviews.publishing.api.permissions import CanReadPublished
from reviews.publishing.selectors import published_claim_row
from reviews.sof import effect_lines, evidence_text, severity_label

EVIDENCE_PROFILE = "evidence-profile"  # the page's path segment under a claim's URL
TEMPLATE = "reviews/evidence_profile.html"
NOT_PUBLISHED = "No published claim with this id (it may be unpublished or withdrawn)."


def label(choices, value) -> str:
    """The label of an enumerated value, or the value itself if the enum no longer knows it (a
    snapshot is never rewritten)."""
    try:
        return choices(value).label
    except ValueError:
        return str(value)


def moment(iso: str | None) -> str:
    """A snapshot's UTC time as "4 December 2026, 21:32 UTC"."""
    if not iso:
        return ""
    at = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return f"{at.day} {at:%B %Y, %H:%M} UTC"


@dataclass
class Row:
    """One outcome of the Summary of Findings, as the page shows it."""

    name: str
    direction: str
    importance: str
    evidence: str  # "13 studies, 952 participants (randomised trials)"
    effect: list[str]  # relative, absolute, in words: a line each
    symbols: str  # "⊕⊕◯◯"
    certainty: str  # "Low"
    notes: list[int] = field(default_factory=list)  # its footnotes' numbers


def _evidence(outcome: dict) -> str:
    design = label(StudyDesign, outcome["design"]) if outcome["design"] else ""
    return evidence_text(outcome["studies"], outcome["participants"], design)


def _effect(effect: dict) -> list[str]:
    relative, absolute = effect["relative"], effect["absolute"]
    return effect_lines(
        (relative["measure"], relative["value"], relative["ci_low"], relative["ci_high"]),
        (absolute["value"], absolute["ci_low"], absolute["ci_high"], absolute["unit"]),
        effect["text"],
    )


def summary_of_findings(outcomes: list[dict]) -> tuple[list[Row], list[tuple[int, str]]]:
    """The table's rows and its footnotes, numbered down the table: for each outcome, the
    judgements that moved its certainty (in GRADE's order, as the snapshot lists them), then the
    reason of its override."""
    rows, footnotes = [], []

    def note(text: str) -> int:
        footnotes.append((len(footnotes) + 1, text))
        return len(footnotes)

    for outcome in outcomes:
        certainty = outcome["certainty"]
        row = Row(
            name=outcome["name"],
            direction=label(OutcomeDirection, outcome["direction"]),
            importance=label(Importance, outcome["importance"]),
            evidence=_evidence(outcome),
            effect=_effect(outcome["effect"]),
            symbols=certainty["symbols"] or "",
            certainty=certainty["label"] or "not worked out",
        )
        for judgement in outcome["judgements"]:
            if judgement["severity"] != Severity.NONE:
                domain = label(Domain, judgement["domain"])
                severity = severity_label(judgement["domain"], judgement["severity"])
                row.notes.append(note(f"{domain}: {severity}. {judgement['rationale']}"))
        if outcome["overridden"]:
            worked = certainty["worked_out"]
            was = f"worked out from the domains: {label(Certainty, worked).lower()}" if worked else "no design"
            row.notes.append(
                note(f"Certainty set to {row.certainty.lower()} by the reviewer ({was}). {outcome['override_reason']}")
            )
        rows.append(row)
    return rows, footnotes


def profile_context(snapshot: dict) -> dict:
    """What the template shows, from a publication's snapshot alone. Read with .get where a key may
    be missing from a version published under an earlier shape (a snapshot is never rewritten)."""
    outcomes = snapshot.get("outcomes")  # absent from versions published before outcomes
    rows, footnotes = summary_of_findings(outcomes or [])
    evidence, remedy = snapshot.get("evidence") or {}, snapshot.get("remedy") or {}
    overall = evidence.get("certainty")
    return {
        "snapshot": snapshot,
        "kind": label(ClaimKind, snapshot["kind"]) if snapshot.get("kind") else "",
        "population": label(Population, snapshot["population"]) if snapshot.get("population") else "",
        "risk_tier": label(RiskTier, remedy["risk_tier"]) if remedy.get("risk_tier") else "",
        "recommendation": label(Recommendation, snapshot["recommendation"]) if snapshot.get("recommendation") else "",
        "overall": {"label": label(Certainty, overall), "symbols": _symbols(overall)} if overall else None,
        "has_outcomes": outcomes is not None,
        "rows": rows,
        "footnotes": footnotes,
        "domains": [
            {
                "domain": label(Domain, d["domain"]),
                "severity": severity_label(d["domain"], d["severity"]),
                "rationale": d["rationale"],
            }
            for d in evidence.get("domains", [])
        ],
        "contraindications": [
            {
                **c,
                "kind": label(ContraindicationKind, c.get("kind", "")),
                "severity": label(ContraindicationLevel, c["severity"]),
            }
            for c in snapshot.get("contraindications", [])
        ],
        "references": [{**r, "link": _link(r.get("url"))} for r in snapshot.get("references", [])],
        "published_at": moment(snapshot.get("published_at")),
        "approved_at": moment(snapshot.get("approved_at")),
    }


def _symbols(certainty: str) -> str:
    try:
        return symbols(certainty)
    except ValueError:
        return ""


def _link(url: str | None) -> str | None:
    """A reference's URL, linked only if it is http(s): never a javascript: or data: link."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


class EvidenceProfileRenderer(BaseRenderer):
    media_type = "text/html"
    format = "html"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return render_to_string(TEMPLATE, data).encode()


@extend_schema(
    parameters=[OpenApiParameter("claim_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The claim's id.")],
    responses={(200, "text/html"): OpenApiTypes.STR},
)
class EvidenceProfileView(KnownParametersMixin, ConditionalGetMixin, APIView):
    """The printable evidence profile of a published claim's current version, as an HTML page: its
    Summary of Findings (each outcome's studies and participants, effect, certainty as ⊕⊕◯◯ with
    its label, importance, footnotes), recommendation, contraindications and references, from the
    published snapshot alone. Errors are JSON, as everywhere in the API."""

    permission_classes = [CanReadPublished]
    renderer_classes = [EvidenceProfileRenderer]

    @functools.cached_property
    def current_row(self) -> dict | None:
        """The claim's current version (one query, which the validators and the page share)."""
        return published_claim_row(int(self.kwargs["claim_id"]))

    def validators(self):
        row = self.current_row
        if row is None:
            return None, None
        return f"claim {row['claim_id']} version {row['version']}", row["published_at"]

    @conditional
    def get(self, request, claim_id):
        if self.current_row is None:
            raise Http404(NOT_PUBLISHED)
        return Response(profile_context(orjson.loads(self.current_row["snapshot_text"])))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(response, "exception", False):  # an error: JSON, as every error of the API
            response.accepted_renderer = FastJSONRenderer()
            response.accepted_media_type = FastJSONRenderer.media_type
        return response
