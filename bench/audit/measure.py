"""At each chain size: the COPY floor, the export command (subprocess, peak RSS) and the export
over HTTP (gunicorn's worker, peak RSS sampled)."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import time
from functools import cache
from pathlib import Path

import psutil
import psycopg

from bench import app
from bench.audit import log
from bench.env import PYTHON, ROOT
from bench.server import Gunicorn
from bench.timing import PeakSampler


@cache
def floor_sql() -> str:
    """The floor: the export's columns in chain order, rendered by COPY ... WITH CSV."""
    columns = ", ".join(app.audit_export().COLUMNS)  # the app's one list (audit/rows.py)
    return f"COPY (SELECT {columns} FROM {app.table('AuditEvent')} ORDER BY seq) TO STDOUT WITH CSV"


def measure_floor(db_url: str) -> dict:
    with psycopg.connect(db_url) as conn, conn.cursor() as cur:
        started = time.perf_counter()
        nbytes = 0
        with cur.copy(floor_sql()) as copy:
            for block in copy:
                nbytes += len(block)
        seconds = time.perf_counter() - started
        rows = cur.rowcount
    return {"seconds": seconds, "rows": rows, "bytes": nbytes}


def measure_floor_server_only(db_url: str) -> float | None:
    """The same COPY written by the server to /dev/null: how much of the floor is the client's reading."""
    try:
        with psycopg.connect(db_url) as conn:
            started = time.perf_counter()
            conn.execute(floor_sql().replace("TO STDOUT", "TO '/dev/null'"))
            return time.perf_counter() - started
    except psycopg.Error:  # not a superuser, or not allowed to write server files
        return None


TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_command(env: dict, args: list[str], workdir: Path) -> dict:
    """Run `manage.py export_audit ARGS`: wall time, peak RSS (KB -> MB), CPU seconds, events exported."""
    cmd = [PYTHON, "manage.py", "export_audit", *args]
    timing = workdir / "time.txt"
    if TIME_BIN:
        cmd = [TIME_BIN, "-f", "%M %U %S", "-o", str(timing), *cmd]
        started = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr}")
        maxrss_kb, user, system = timing.read_text().strip().splitlines()[-1].split()
        peak_mb, cpu = int(maxrss_kb) / 1024, float(user) + float(system)
    else:  # psutil polling of the child
        started = time.perf_counter()
        popen = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sampler = PeakSampler(popen.pid, interval=0.02)
        sampler.start()
        _, stderr = popen.communicate()
        seconds = time.perf_counter() - started
        peak_mb, cpu = sampler.stop() / 2**20, float("nan")
        proc = subprocess.CompletedProcess(cmd, popen.returncode, "", stderr)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    match = re.search(r"(\d+) events exported", proc.stderr)
    exported = int(match.group(1)) if match else None
    return {"seconds": seconds, "peak_rss_mb": peak_mb, "cpu_s": cpu, "exported": exported}


def http_get(port: int, token: str, query: str, worker: psutil.Process) -> dict:
    baseline = worker.memory_info().rss
    cpu_before = sum(worker.cpu_times()[:2])
    sampler = PeakSampler(worker.pid, interval=0.05)
    sampler.start()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    started, client_cpu = time.perf_counter(), time.thread_time()
    conn.request("GET", f"/api/v1/audit/export/?{query}", headers={"Authorization": f"Token {token}"})
    resp = conn.getresponse()
    first_byte = time.perf_counter() - started
    if resp.status != 200:
        body = resp.read()[:500]
        sampler.stop()
        raise RuntimeError(f"HTTP {resp.status} for {query}: {body!r}")
    nbytes = newlines = 0
    while True:
        chunk = resp.read(1 << 16)
        if not chunk:
            break
        nbytes += len(chunk)
        newlines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    client_cpu = time.thread_time() - client_cpu
    conn.close()
    peak = sampler.stop()
    return {
        "seconds": seconds,
        "first_byte_s": first_byte,
        "bytes": nbytes,
        "newlines": newlines,
        "peak_rss_mb": peak / 2**20,
        "baseline_rss_mb": baseline / 2**20,
        "delta_rss_mb": (peak - baseline) / 2**20,
        "worker_cpu_s": sum(worker.cpu_times()[:2]) - cpu_before,
        "client_cpu_s": client_cpu,
        "rss_samples": sampler.samples,
    }


def best(runs: list[dict]) -> dict:
    """The fastest run, with the highest peak RSS seen over all runs."""
    fastest = dict(min(runs, key=lambda r: r["seconds"]))
    for key in ("peak_rss_mb", "delta_rss_mb"):
        if key in fastest:
            fastest[key] = max(r[key] for r in runs)
    fastest["runs"] = len(runs)
    fastest["all_seconds"] = [round(r["seconds"], 4) for r in runs]
    return fastest


def measure_size(
    size: int, db_url: str, env: dict, server: Gunicorn, token: str, workdir: Path, startup: dict
) -> list[dict]:
    repeats = 3 if size <= 10_000 else 2 if size <= 100_000 else 1
    results = []
    measure_floor(db_url)  # warm-up: the table and its index in the page cache
    floor = best([measure_floor(db_url) for _ in range(repeats)])
    if floor["rows"] != size:
        raise RuntimeError(f"COPY returned {floor['rows']} rows, expected {size}")
    floor_rate = size / floor["seconds"]
    server_only = min(filter(None, [measure_floor_server_only(db_url) for _ in range(repeats)]), default=None)
    floor["server_only_seconds"] = server_only
    floor["server_only_rows_per_s"] = size / server_only if server_only else None
    results.append(
        {
            "size": size,
            "format": "csv",
            "path": "floor COPY",
            "rows_per_s": floor_rate,
            "ratio": 1.0,
            "peak_rss_mb": None,
            **floor,
        }
    )
    log(
        f"  floor COPY: {floor_rate:,.0f} rows/s ({floor['bytes'] / 2**20:.1f} MB in {floor['seconds']:.2f} s)"
        + (f"; the server alone (COPY TO '/dev/null'): {size / server_only:,.0f} rows/s" if server_only else "")
    )

    files = {}
    for fmt in ("csv", "ndjson"):
        out = workdir / f"export-{size}.{fmt}"
        runs = [run_command(env, ["--format", fmt, "--output", str(out)], workdir) for _ in range(repeats)]
        run = best(runs)
        if run["exported"] != size:
            raise RuntimeError(f"export_audit --format {fmt} exported {run['exported']} events, expected {size}")
        run["bytes"] = out.stat().st_size
        files[fmt] = out
        rate = size / run["seconds"]
        net = run["seconds"] - startup["seconds"]
        results.append(
            {
                "size": size,
                "format": fmt,
                "path": "command",
                "rows_per_s": rate,
                "ratio": rate / floor_rate,
                "rows_per_s_net_of_startup": size / net if net > 0 else None,
                **run,
            }
        )
        log(
            f"  command {fmt:6}: {rate:,.0f} rows/s (net of start-up {size / net if net > 0 else float('nan'):,.0f}),"
            f" ratio {rate / floor_rate:.3f}, peak RSS {run['peak_rss_mb']:.1f} MB, {run['seconds']:.2f} s"
        )

    worker = server.worker()
    for fmt in ("csv", "ndjson"):
        runs = [http_get(server.port, token, f"format={fmt}", worker) for _ in range(repeats)]
        run = best(runs)
        expected = files[fmt].stat().st_size
        if run["bytes"] != expected:  # same generators, same data: the body is the command's file, byte for byte
            raise RuntimeError(f"HTTP {fmt} body has {run['bytes']} bytes, the command's file {expected}")
        if fmt == "ndjson" and run["newlines"] != size + 1:
            raise RuntimeError(f"HTTP ndjson has {run['newlines']} lines, expected {size + 1}")
        rate = size / run["seconds"]
        results.append(
            {"size": size, "format": fmt, "path": "HTTP", "rows_per_s": rate, "ratio": rate / floor_rate, **run}
        )
        log(
            f"  HTTP    {fmt:6}: {rate:,.0f} rows/s, ratio {rate / floor_rate:.3f}, worker peak RSS "
            f"{run['peak_rss_mb']:.1f} MB (+{run['delta_rss_mb']:.1f}), worker CPU {run['worker_cpu_s']:.1f} s, "
            f"client CPU {run['client_cpu_s']:.1f} s, {run['seconds']:.2f} s"
        )
    return results


def measure_startup(env: dict, workdir: Path) -> dict:
    """An export of nothing: Django's start-up, the filter, chain_head; the RSS baseline of the command."""
    runs = [
        run_command(
            env,
            ["--format", "ndjson", "--since", "2100-01-01T00:00:00Z", "--output", str(workdir / "empty.ndjson")],
            workdir,
        )
        for _ in range(3)
    ]
    return best(runs)
