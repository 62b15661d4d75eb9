"""Reports: the JSON file and the machine's description (both benchmarks), and the content API's
printed tables."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import psutil


def machine(postgres_version: str) -> dict:
    import django

    return {
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "postgres": postgres_version,
        "django": django.get_version(),
    }


def write_json(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")


def _kb(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} B"


def _peer_ratio(case: dict) -> str:
    return f"{case['ratio_p50_vs_peer']:.2f}x" if "ratio_p50_vs_peer" in case else "-"


def _print_peer(results: dict, out) -> None:
    cases = [c for c in results["cases"].values() if "peer" in c]
    if not cases:
        return
    out("")
    out("Stock-DRF peer (bench/peer/: nested ModelSerializers over the models, rest_framework.authtoken,")
    out("CursorPagination, a django-filter FilterSet), under the same gunicorn, timed in the same rounds as the API")
    header = (
        f"{'case':<34}{'peer p50':>10}{'peer p95':>10}{'API p50':>10}{'API/peer p50':>14}{'peer/API p50':>14}"
        f"{'peer/floor':>12}{'queries API/peer':>18}{'body API/peer':>22}  same claims; fields that differ"
    )
    out(header)
    out("-" * len(header))
    for case in cases:
        peer, compared = case["peer"], case["peer_compared"]
        differ = ", ".join(compared["fields_differ"] + [f"{k} (missing)" for k in compared["fields_missing"]])
        out(
            f"{case['label']:<34}{peer['p50_ms']:>8.2f}ms{peer['p95_ms']:>8.2f}ms{case['api']['p50_ms']:>8.2f}ms"
            f"{case['ratio_p50_vs_peer']:>13.3f}x{peer['p50_ms'] / case['api']['p50_ms']:>13.1f}x"
            f"{peer['p50_ms'] / case['floor']['p50_ms']:>11.1f}x"
            f"{str(case['queries']) + ' / ' + str(case['peer_queries']):>18}"
            f"{_kb(case['bytes']) + ' / ' + _kb(case['peer_bytes']):>22}  "
            f"{'yes' if compared['same_claims'] else 'NO'}; {differ or 'none'}"
        )


def print_report(results: dict, out=print) -> None:
    target = results["target"]
    seed = results["seed"]
    cfg = results["config"]
    out("")
    out(
        f"Content API on PostgreSQL {results['machine']['postgres']}: {seed['claims']:,} published claims "
        f"({seed['publications']:,} publications), gunicorn {cfg['workers']} sync workers, "
        f"CONN_MAX_AGE={cfg['conn_max_age']}, cache {cfg.get('cache_url', 'locmemcache://')}, "
        f"{cfg['requests']} requests per case after {cfg['warmup']} warm-up"
    )
    out("API = through HTTP (client-side wall time); floor = same SQL, raw psycopg (prepared) + orjson, in process;")
    out("ratio = API p50 / floor p50; API/peer = API p50 / the stock-DRF peer's p50 (below 1: the API is faster)")
    before, after = results.get("background_cpu_before_timing"), results.get("background_cpu_after_timing")
    if before is not None and after is not None:
        noisy = max(before, after) > 0.15
        out(
            f"Other load on the machine: {before:.0%} of the CPUs before timing, {after:.0%} after"
            + (" -- NOISY: something else was running" if noisy else " (quiet)")
        )
    out("")
    header = (
        f"{'case':<34}{'rows':>5}{'body':>11}{'API p50':>10}{'API p95':>10}{'floor p50':>11}{'floor p95':>11}"
        f"{'floor SQL':>11}{'ratio p50':>11}{'ratio p95':>11}{'API/peer':>10}{'queries':>9}{'n':>5}  target"
    )
    out(header)
    out("-" * len(header))
    for case in results["cases"].values():
        verdict = "met" if case["meets_target"] else "MISSED"
        if case["floor_sql"]["p50_ms"] > 20:
            verdict += " (SQL-bound: the floor runs the same slow query)"
        out(
            f"{case['label']:<34}{case['rows']:>5}{_kb(case['bytes']):>11}"
            f"{case['api']['p50_ms']:>8.2f}ms{case['api']['p95_ms']:>8.2f}ms"
            f"{case['floor']['p50_ms']:>9.2f}ms{case['floor']['p95_ms']:>9.2f}ms{case['floor_sql']['p50_ms']:>9.2f}ms"
            f"{case['ratio_p50']:>10.2f}x{case['ratio_p95']:>10.2f}x{_peer_ratio(case):>10}"
            f"{case['queries']:>9}{case['api']['n']:>5}  "
            f"p50 <= {target['ratio_p50']}x: {verdict}"
        )
    out("")
    out("Context: the floor served over HTTP under the same gunicorn, bare (bench/floor_wsgi.py) and behind")
    out("Django + DRF with the API's token authentication, permission and throttle, and no app code")
    out("(bench/framework_floor_wsgi.py); and the API again with CONN_MAX_AGE=60 (a setting, no code change)")
    persistent = all("api_persistent" in c for c in results["cases"].values())
    header2 = (
        f"{'case':<34}{'HTTP floor p50':>16}{'framework p50':>15}{'framework/floor':>17}"
        f"{'API/HTTP floor':>16}{'API/framework':>15}"
        + (f"{'API(CMA=60) p50':>17}{'ratio p50':>11}" if persistent else "")
    )
    out(header2)
    out("-" * len(header2))
    stack_bound = []
    for case in results["cases"].values():
        framework_ratio = case["framework_floor"]["p50_ms"] / case["floor"]["p50_ms"]
        if framework_ratio > target["ratio_p50"]:
            stack_bound.append(case["label"])
        line = (
            f"{case['label']:<34}{case['http_floor']['p50_ms']:>14.2f}ms{case['framework_floor']['p50_ms']:>13.2f}ms"
            f"{framework_ratio:>16.2f}x{case['ratio_p50_vs_http_floor']:>15.2f}x"
            f"{case['ratio_p50_vs_framework_floor']:>14.2f}x"
        )
        if persistent:
            ap = case["api_persistent"]
            line += f"{ap['p50_ms']:>15.2f}ms{case['ratio_p50_persistent']:>10.2f}x"
        out(line)
    if stack_bound:
        out(
            f"Django + DRF + token auth alone already take more than {target['ratio_p50']}x the floor for: "
            f"{', '.join(stack_bound)}: no app code on this stack can meet the target there."
        )
    _print_peer(results, out)
    out("")
    lq = results["list_queries"]
    flat = " / ".join(f"{n}" for n in lq["by_page_size"].values())
    sizes = " / ".join(str(s) for s in lq["by_page_size"])
    out(
        f"Queries per list request at page_size {sizes}: {flat} "
        f"(target <= {target['max_list_queries']}, not growing): {'met' if lq['ok'] else 'MISSED'}"
    )
    mismatched = [
        c["label"]
        for c in results["cases"].values()
        if not (c["same_body"] and c["http_floor_same_body"] and c["framework_floor_same_body"])
    ]
    if mismatched:
        out(f"WARNING: the floor's body differs from the API's for: {', '.join(mismatched)}")
    else:
        identical = all(c["same_bytes"] for c in results["cases"].values())
        out(
            "The floor's bodies equal the API's (parsed JSON)"
            + ("; byte for byte too." if identical else "; bytes differ only in encoding details.")
        )
    out("")
    out("Where one request's time goes (in process, median ms, each stage timed on its own):")
    keys = list(next(iter(results["breakdown"].values())).keys())
    out(f"{'stage':<28}" + "".join(f"{results['cases'][k]['short']:>14}" for k in results["breakdown"]))
    for key in keys:
        out(f"{key:<28}" + "".join(
            f"{b[key]:>14.2f}" if b[key] is not None else f"{'(noise)':>14}" for b in results["breakdown"].values()
        ))
    out(f"{'HTTP API p50 (for reference)':<28}" + "".join(
        f"{results['cases'][k]['api']['p50_ms']:>14.2f}" for k in results["breakdown"]
    ))
    out("")
    missed = [c["label"] for c in results["cases"].values() if not c["meets_target"]]
    if not lq["ok"]:
        missed.append("queries per list request")
    if missed:
        out(f"MISSED: {', '.join(missed)}")
    else:
        out("All targets met.")
    fingerprint = results.get("code_fingerprint", {})
    if fingerprint.get("start") != fingerprint.get("end"):
        out("WARNING: the content API's code changed during the run: these figures mix two versions")
    out(f"Results: {results['results_path']}  (bench run took {results['runtime_seconds']:.0f}s)")
