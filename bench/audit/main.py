"""The audit-export benchmark's run: options, setup, the chain grown stage by stage with the
measurements at each size, the verdicts and the JSON. Entry point: bench/audit_export.py."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from bench import database
from bench.audit import log
from bench.audit.accounts import create_accounts
from bench.audit.breakdown import breakdown
from bench.audit.chain import ChainGenerator, chain_tail, load_events
from bench.audit.guard import BusyWatcher, QuietWaiter
from bench.audit.measure import http_get, measure_size, measure_startup
from bench.audit.report import FLAT_TOLERANCE_MB, RATIO_TARGET, RSS_LIMIT_MB, judge, print_table
from bench.env import ROOT, django_env, setup_django
from bench.report import machine, write_json
from bench.server import Gunicorn

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claims_bench_audit"
RESULTS = ROOT / "bench" / "results" / "audit_export.json"
SIZES = (10_000, 100_000, 1_000_000)
BREAKDOWN_SIZE = 100_000


def parse_args(argv: list[str] | None, description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.audit_export", description=description)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="comma-separated chain sizes, ascending (default 10000,100000,1000000)")
    parser.add_argument("--no-wait", action="store_true", help="do not wait for another benchmark to finish")
    parser.add_argument("--no-breakdown", action="store_true", help="skip the in-process breakdown")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--breakdown-size", type=int, default=BREAKDOWN_SIZE,
                        help=f"the size at which the breakdown runs, if one of the sizes (default {BREAKDOWN_SIZE})")
    parser.add_argument("--results", type=Path, default=Path(os.environ.get("BENCH_AUDIT_RESULTS", RESULTS)),
                        help=f"where the JSON goes (default BENCH_AUDIT_RESULTS or {RESULTS.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",")})
    args.results = args.results.resolve()
    return args


def set_up(db_url: str, env: dict) -> dict:
    """The database (drop, create, migrate, the catalogue) and the accounts, through the app's code."""
    log(f"database {database.check_name(db_url)}: drop, create, migrate, load_catalogue")
    database.recreate(db_url)
    database.migrate(env)
    catalogue = database.load_catalogue(env, None, check=False)
    if catalogue.returncode != 0:
        log(f"load_catalogue failed (events will have no claim/review ids): {catalogue.stderr.strip()[-300:]}")
    setup_django(env)
    ctx = create_accounts()
    from django.db import connections

    connections.close_all()
    log(
        f"accounts: auditor + {len(ctx['actors'])} reviewers; {len(ctx['reviews'])} reviews of catalogue claims, "
        f"{len(ctx['remedies'])} remedies, {len(ctx['references'])} references"
    )
    return ctx


def start_generator(db_url: str, ctx: dict, first_size: int) -> ChainGenerator:
    """The setup's own events (load_catalogue records one) start the chain; generated ones continue it."""
    last_seq, last_hash, last_at = chain_tail(db_url)
    if last_seq >= first_size:
        raise RuntimeError(f"the setup left {last_seq} audit events, more than the first size ({first_size})")
    if last_seq:
        log(f"the chain starts with the setup's {last_seq} audit event(s); generated events continue it")
    return ChainGenerator(ctx, last_seq, last_hash, last_at)


def start_server(server: Gunicorn, token: str) -> None:
    server.start()
    worker = server.worker()
    for fmt in ("csv", "ndjson"):  # warm the worker (imports, URL resolver) with empty exports
        http_get(server.port, token, f"format={fmt}&since=2100-01-01T00:00:00Z", worker)
    log(f"gunicorn on port {server.port}, worker pid {worker.pid}, idle RSS {worker.memory_info().rss / 2**20:.1f} MB")


def grow_chain(db_url: str, env: dict, generator: ChainGenerator, size: int, *, first: bool) -> dict:
    """Appends events up to `size`; at the first stage the chain (and later its export) must verify."""
    add = size - generator.seq
    seconds = load_events(db_url, generator, add)
    stage = {"size": size, "added": add, "load_seconds": round(seconds, 2)}
    log(f"stage {size:,}: generated and loaded {add:,} events in {seconds:.1f} s ({add / seconds:,.0f} events/s)")
    if first:
        verdict = database.manage(env, "verify_audit").stdout.strip()
        log(f"  verify_audit: {verdict}")
        if verdict != f"ok, {size} events":
            raise RuntimeError(f"generated chain is not valid: {verdict}")
        stage["verify_audit"] = verdict
    return stage


def run_stages(args, db_url: str, env: dict, ctx: dict, server: Gunicorn, workdir: Path, watch) -> dict:
    """The chain grown size by size, each size measured (and the breakdown at its size)."""
    waiter, watcher = watch
    generator = start_generator(db_url, ctx, args.sizes[0])
    startup = measure_startup(env, workdir)
    log(f"command start-up (empty export): {startup['seconds']:.2f} s, peak RSS {startup['peak_rss_mb']:.1f} MB")
    start_server(server, ctx["token"])
    out = {"startup": startup, "stages": [], "results": []}
    for index, size in enumerate(args.sizes):
        waiter.wait(f"stage {size}")
        out["stages"].append(grow_chain(db_url, env, generator, size, first=index == 0))
        measured_from = time.perf_counter()
        measured = measure_size(size, db_url, env, server, ctx["token"], workdir, startup)
        overlap = watcher.seen_since(measured_from)
        if overlap:
            log(f"  WARNING: another benchmark ran during these measurements ({overlap[0]}): figures distorted")
            for r in measured:
                r["concurrent_benchmark"] = overlap
        out["results"].extend(measured)
        if index == 0:
            ndjson = workdir / f"export-{size}.ndjson"
            verdict = database.manage(env, "verify_audit", "--file", str(ndjson)).stdout.strip()
            log(f"  verify_audit --file (the command's NDJSON): {verdict}")
            out["stages"][-1]["verify_audit_file"] = verdict
        if size == args.breakdown_size and not args.no_breakdown:
            waiter.wait("breakdown")
            log(f"breakdown at {size:,} events (in this process)")
            measured_from = time.perf_counter()
            files = (workdir / f"export-{size}.csv", workdir / f"export-{size}.ndjson")
            out["breakdown"] = breakdown(db_url, size, *files)
            out["breakdown"]["concurrent_benchmark"] = watcher.seen_since(measured_from)
        for path in workdir.glob(f"export-{size}.*"):
            path.unlink()
    return out


def main(argv: list[str] | None = None, description: str = "The audit-trail export benchmark.") -> int:
    args = parse_args(argv, description)
    db_url = os.environ.get("BENCH_AUDIT_DATABASE_URL", DEFAULT_URL)
    database.check_name(db_url)  # refuses a database whose name lacks "bench" before anything is touched
    env = django_env(db_url, anchor_path=Path(tempfile.gettempdir()) / f"bench-audit-anchors-{os.getpid()}.log")

    waiter = QuietWaiter(budget=900, interval=30, enabled=not args.no_wait)
    waiter.wait("start")
    watcher = BusyWatcher()
    watcher.start()
    began = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    server = Gunicorn(env, workers=1, log_path=workdir / "gunicorn.log", timeout=600)
    report: dict = {}
    try:
        ctx = set_up(db_url, env)
        run = run_stages(args, db_url, env, ctx, server, workdir, (waiter, watcher))
        verdict = judge(run["results"])
        print_table(run["results"], verdict, run["startup"])
        report = {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine(database.server_version(db_url)),
            "database": database.database_name(db_url),
            "waited_for_other_benchmark": waiter.waits,
            "targets": {"ratio_vs_copy_min": RATIO_TARGET, "peak_rss_mb_max": RSS_LIMIT_MB,
                        "flat_spread_mb_max": FLAT_TOLERANCE_MB},
            "command_startup": run["startup"],
            "stages": run["stages"],
            "results": run["results"],
            "verdict": verdict,
            **({"breakdown": run["breakdown"]} if "breakdown" in run else {}),
        }
    finally:
        watcher.stop()
        server.stop()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 (Django may not be set up yet)
            pass
        if not args.keep_db:
            try:
                database.drop(db_url)
            except psycopg.Error as exc:
                log(f"could not drop the bench database: {exc}")
        shutil.rmtree(workdir, ignore_errors=True)
    finish(report, args.results, waiter, began)
    return 0


def finish(report: dict, results_path: Path, waiter: QuietWaiter, began: float) -> None:
    waited = sum(w["waited_s"] for w in waiter.waits)
    report["total_seconds"] = round(time.perf_counter() - began, 1)
    waited_during_run = sum(w["waited_s"] for w in waiter.waits if w["before"] != "start")  # `began` is after "start"
    report["total_seconds_excluding_waits"] = round(report["total_seconds"] - waited_during_run, 1)
    write_json(report, results_path)
    shown = results_path.relative_to(ROOT) if results_path.is_relative_to(ROOT) else results_path
    log(
        f"done in {report['total_seconds']:.0f} s ({report['total_seconds_excluding_waits']:.0f} s without waiting "
        f"for another benchmark, {waited:.0f} s waited in all); results in {shown}"
    )
