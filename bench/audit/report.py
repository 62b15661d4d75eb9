"""The audit bench's verdicts against the issue's targets, and its printed table."""

from __future__ import annotations

RATIO_TARGET = 0.5
RSS_LIMIT_MB = 100.0
FLAT_TOLERANCE_MB = 10.0


def judge(results: list[dict]) -> dict:
    verdicts = {"ratio": [], "rss": [], "flat": []}
    for r in results:
        if r["path"] == "floor COPY":
            continue
        r["ratio_ok"] = r["ratio"] >= RATIO_TARGET
        r["rss_ok"] = r["peak_rss_mb"] < RSS_LIMIT_MB
        if not r["ratio_ok"]:
            verdicts["ratio"].append(f"{r['path']} {r['format']} at {r['size']:,}: ratio {r['ratio']:.3f}")
        if not r["rss_ok"]:
            verdicts["rss"].append(f"{r['path']} {r['format']} at {r['size']:,}: {r['peak_rss_mb']:.1f} MB")
    flat = {}
    for path in ("command", "HTTP"):
        for fmt in ("csv", "ndjson"):
            peaks = [r["peak_rss_mb"] for r in results if r["path"] == path and r["format"] == fmt]
            if len(peaks) > 1:
                spread = max(peaks) - min(peaks)
                flat[f"{path} {fmt}"] = {
                    "peaks_mb": [round(p, 1) for p in peaks],
                    "spread_mb": round(spread, 1),
                    "flat": spread <= FLAT_TOLERANCE_MB,
                }
                if spread > FLAT_TOLERANCE_MB:
                    verdicts["flat"].append(f"{path} {fmt}: spread {spread:.1f} MB")
    return {"missed": verdicts, "flatness": flat}


def print_table(results: list[dict], verdict: dict, startup: dict) -> None:
    print()
    print(f"{'size':>10}  {'format':6}  {'path':10}  {'rows/s':>11}  {'ratio vs COPY':>15}  {'peak RSS MB':>14}  notes")
    print("-" * 110)
    for r in results:
        if r["path"] == "floor COPY":
            ratio, rss, notes = "1 (floor)", "-", f"{r['bytes'] / 2**20:.0f} MB of CSV"
            if r.get("server_only_rows_per_s"):
                notes += f"; server alone (TO '/dev/null') {r['server_only_rows_per_s']:,.0f} rows/s"
        else:
            ratio = f"{r['ratio']:.3f} {'ok' if r['ratio_ok'] else 'MISSED'}"
            rss = f"{r['peak_rss_mb']:.1f} {'ok' if r['rss_ok'] else 'MISSED'}"
            if r["path"] == "command":
                net = r.get("rows_per_s_net_of_startup")
                notes = f"net of start-up {net:,.0f} rows/s; CPU {r['cpu_s']:.1f} s" if net else ""
            else:
                notes = (
                    f"+{r['delta_rss_mb']:.1f} MB over idle worker; worker CPU {r['worker_cpu_s']:.1f} s "
                    f"of {r['seconds']:.1f} s"
                )
        if r.get("concurrent_benchmark"):
            notes += "; ANOTHER BENCHMARK RAN MEANWHILE"
        print(
            f"{r['size']:>10,}  {r['format']:6}  {r['path']:10}  {r['rows_per_s']:>11,.0f}  {ratio:>15}  "
            f"{rss:>14}  {notes}"
        )
    print()
    print(f"command start-up (an empty export): {startup['seconds']:.2f} s, peak RSS {startup['peak_rss_mb']:.1f} MB")
    for name, f in verdict["flatness"].items():
        print(
            f"RSS across sizes, {name:14}: {f['peaks_mb']} MB, spread {f['spread_mb']} MB -> "
            f"{'flat' if f['flat'] else 'NOT FLAT (MISSED)'}"
        )
    missed = verdict["missed"]
    print(
        f"target ratio >= {RATIO_TARGET}: "
        + (
            "ok"
            if not missed["ratio"]
            else f"MISSED ({len(missed['ratio'])} of "
            f"{sum(1 for r in results if r['path'] != 'floor COPY')} measurements)"
        )
    )
    print(
        f"target peak RSS < {RSS_LIMIT_MB:.0f} MB: "
        + ("ok" if not missed["rss"] else "MISSED: " + "; ".join(missed["rss"]))
    )
    print(
        f"target RSS flat across sizes (spread <= {FLAT_TOLERANCE_MB:.0f} MB): "
        + ("ok" if not missed["flat"] else "MISSED: " + "; ".join(missed["flat"]))
    )
