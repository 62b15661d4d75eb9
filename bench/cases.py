"""The content API's four cases, picked from the seeded data, and what one case's timing gives:
the API against its floors and against the stock-DRF peer."""

from __future__ import annotations

from urllib.parse import urlencode

import orjson

from bench import app
from bench.measure import Case, cursor_url
from bench.peer import PEER_PREFIX
from bench.timing import rounded, summary

API_PREFIX = "/api/v1/claims/"
SHORT = {"first_page": "first page", "filtered": "filtered", "deep_cursor": "deep cursor", "detail": "detail"}


def _pick(page_size: int, deep_row: int) -> dict:
    publication = app.model("Publication")
    current = publication.objects.filter(is_current=True)
    n_current = current.count()
    probe = current.order_by("claim_id").values("remedy_id", "certainty")[n_current // 2]
    alias = (
        app.model("RemedyAlias").objects.filter(remedy_id=probe["remedy_id"]).order_by("alias")
        .values_list("alias", flat=True)[1].lower()
    )
    deep_row = min(deep_row, n_current - page_size - 1)
    ordered = current.order_by("-published_at")
    # A republished claim (its current version is 2), from the middle of the table.
    republished = current.filter(version=2).order_by("claim_id").values_list("claim_id", flat=True)
    return {
        "filters": {"remedy": alias, "certainty": probe["certainty"]},
        "deep_row": deep_row,
        "deep_position": str(ordered.values_list("published_at", flat=True)[deep_row - 1]),
        "deep_first_claim": ordered.values_list("claim_id", flat=True)[deep_row],
        "detail_claim": republished[republished.count() // 2],
    }


def cases_for(page_size: int, deep_row: int) -> tuple[list[Case], int]:
    """The four cases on the API and on the peer, and the claim the deep page must start with."""
    picked = _pick(page_size, deep_row)
    first = f"?page_size={page_size}"
    filtered = "?" + urlencode(picked["filters"])
    position = picked["deep_position"]
    detail = f"{picked['detail_claim']}/"
    cases = [
        Case("first_page", f"first page (page_size={page_size})", API_PREFIX + first, PEER_PREFIX + first),
        Case("filtered", "filtered (remedy alias + certainty)", API_PREFIX + filtered, PEER_PREFIX + filtered),
        Case("deep_cursor", f"deep cursor (after row {picked['deep_row']:,})",
             cursor_url(API_PREFIX + first, position), cursor_url(PEER_PREFIX + first, position),
             cursor_position=position),
        Case("detail", "detail (/claims/<id>/)", API_PREFIX + detail, PEER_PREFIX + detail, detail=True),
    ]
    return cases, picked["deep_first_claim"]


def _items(doc: dict, detail: bool) -> list[dict]:
    return [doc] if detail else doc["results"]


def compare_peer(api_doc: dict, peer_doc: dict, detail: bool) -> dict:
    """Whether the peer answers with the same claims in the same order, and which fields of the
    first claim differ (the peer's own links aside: `url`, `evidence_profile_url`)."""
    api_items, peer_items = _items(api_doc, detail), _items(peer_doc, detail)
    first_api, first_peer = (api_items or [{}])[0], (peer_items or [{}])[0]
    keys = [k for k in first_api if k not in ("url", "evidence_profile_url")]  # the peer's own links
    return {
        "same_claims": [i["id"] for i in api_items] == [i["id"] for i in peer_items],
        "fields_missing": [k for k in keys if k not in first_peer],
        "fields_differ": [k for k in keys if k in first_peer and first_peer[k] != first_api[k]],
    }


def case_result(case: Case, timed: dict, floor_servers, ratio_target: float) -> dict:
    """Summaries, ratios and raw samples of one case timed in rounds (bench.timing.time_series)."""
    api_body = timed["api"]["body"]
    api_doc = orjson.loads(api_body)
    api, fl, peer = (summary(timed[k]["samples"]) for k in ("api", "floor", "peer"))
    ratio50 = api["p50_ms"] / fl["p50_ms"]
    result = {
        "label": case.label,
        "short": SHORT[case.key],
        "path": case.path,
        "peer_path": case.peer_path,
        "rows": 1 if case.detail else len(api_doc["results"]),
        "bytes": len(api_body),
        "queries": case.queries,
        "api": api,
        "floor": fl,
        "floor_sql": summary(timed["floor"]["db"]),
        "ratio_p50": round(ratio50, 2),
        "ratio_p95": round(api["p95_ms"] / fl["p95_ms"], 2),
        "meets_target": ratio50 <= ratio_target,
        "same_body": api_doc == orjson.loads(timed["floor"]["body"]),
        "same_bytes": api_body == timed["floor"]["body"],
        "peer": peer,
        "ratio_p50_vs_peer": round(api["p50_ms"] / peer["p50_ms"], 3),
        "ratio_p95_vs_peer": round(api["p95_ms"] / peer["p95_ms"], 3),
        "peer_bytes": len(timed["peer"]["body"]),
        "peer_queries": case.peer_queries,
        "peer_compared": compare_peer(api_doc, orjson.loads(timed["peer"]["body"]), case.detail),
        "rows_sql": case.rows_sql,
        "queries_sql": case.query_log,
        "api_samples_ms": rounded(timed["api"]["samples"]),
        "floor_samples_ms": rounded(timed["floor"]["samples"]),
        "peer_samples_ms": rounded(timed["peer"]["samples"]),
    }
    for key in floor_servers:
        result[key] = summary(timed[key]["samples"])
        result[f"{key}_same_body"] = orjson.loads(timed[key]["body"]) == api_doc
        result[f"ratio_p50_vs_{key}"] = round(api["p50_ms"] / result[key]["p50_ms"], 2)
        result[f"{key}_samples_ms"] = rounded(timed[key]["samples"])
    return result
