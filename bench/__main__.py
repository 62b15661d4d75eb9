"""`make bench` (`.venv/bin/python -m bench`): the content API against its floor and a stock-DRF peer.

1. Recreates a throwaway database (BENCH_DATABASE_URL, default claims_bench on the local server),
   migrates it and loads the real catalogue with manage.py.
2. Creates the bench accounts and a content_reader token with the project's code (and a stock DRF
   token for the peer), then seeds 100,000 published claims (bench/seed/).
3. Serves the app and the peer (bench/peer/) with gunicorn on a free local port, production
   settings (DEBUG off), and the floor over HTTP under two more.
4. Times four requests through HTTP, in rounds with the floor for each (the same SQL with raw
   psycopg and the same body built with orjson) and the peer. Counts the queries per request.
5. Prints the table, writes bench/results/content_api.json, stops gunicorn, drops the database.

Exit status 0 even when a target is missed: this is a report. See bench/README.md.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.env import PEER_SETTINGS, ROOT, corpus_dir, django_env, int_env, setup_django

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claims_bench"
TARGET = {"ratio_p50": 1.5, "max_list_queries": 3}
FLOOR_APPS = {"http_floor": "bench.floor_wsgi:app", "framework_floor": "bench.framework_floor_wsgi:application"}
_STARTED = time.perf_counter()


def step(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:6.1f}s] {message}")


def read_config() -> dict:
    cfg = {
        "database_url": os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL),
        "claims": int_env("BENCH_CLAIMS", 100_000),
        "requests": int_env("BENCH_REQUESTS", 200),
        "warmup": int_env("BENCH_WARMUP", 20),
        "workers": int_env("BENCH_WORKERS", 2),
        "deep_row": int_env("BENCH_DEEP_ROW", 90_000),
        "page_size": 50,
        "keep_db": os.environ.get("BENCH_KEEP_DB", "") not in ("", "0", "false"),
        # The app's own default (60 s persistent connections) unless set.
        "conn_max_age": os.environ.get("CONN_MAX_AGE", "60 (app default)"),
        # The cache the workers share, as in docker-compose.yml: the throttle counts there.
        "cache_url": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/14"),
        "settings": PEER_SETTINGS,
    }
    # Also time the app with persistent connections, unless it already runs with them.
    cfg["persistent_variant"] = os.environ.get("CONN_MAX_AGE", "0") == "0" and os.environ.get(
        "BENCH_PERSISTENT_VARIANT", "1"
    ) not in ("0", "false")
    cfg["results_path"] = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results" / "content_api.json"))
    return cfg


def check_cache(url: str) -> None:
    if not url.startswith("redis"):
        return
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        raise SystemExit(
            f"bench: no Redis at {url} ({exc}). Start one (redis-server), or set BENCH_CACHE_URL "
            "(locmemcache:// counts the throttle in each worker apart)."
        ) from None


def prepare_database(cfg: dict, env: dict) -> str:
    """Drop, create, migrate (the peer's authtoken table too), load the catalogue; the code's hash."""
    from bench import database

    step(f"recreating database {database.database_name(cfg['database_url'])}")
    database.recreate(cfg["database_url"])
    fingerprint = database.code_fingerprint()
    database.migrate(env)
    step("migrated; loading the catalogue")
    print("  " + database.last_line(database.load_catalogue(env, corpus_dir())))
    return fingerprint


def seed_data(cfg: dict) -> dict:
    from bench import peer, seed

    step(f"seeding {cfg['claims']:,} published claims")
    accounts = seed.create_accounts()
    counts = seed.seed(cfg["database_url"], claims=cfg["claims"], users=accounts["users"], log=print)
    step(f"seeded in {counts['seconds']:.0f}s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items() if k != "seconds"))
    peer_token = peer.issue_token(accounts["users"]["bench-content"])
    return {"counts": counts, "token": accounts["token"], "peer_token": peer_token}


def in_process(cases: list, seeded: dict, host: str) -> dict:
    """The queries of each case (API and peer) and per list page size, through Django's test client."""
    from django.db import connection

    from bench import inprocess

    for case in cases:
        inprocess.capture(case, token=seeded["token"], host=host, peer_token=seeded["peer_token"])
    by_size = {int(p.rsplit("=", 1)[1]): n for p, n in inprocess.query_counts(token=seeded["token"], host=host).items()}
    connection.close()
    ok = max(by_size.values()) <= TARGET["max_list_queries"] and len(set(by_size.values())) == 1
    return {"by_page_size": by_size, "ok": ok}


def start_floor_servers(cfg: dict, env: dict, cases: list, api_base: str, token: str) -> dict:
    """The floor over HTTP under the same gunicorn: bare (bench.floor_wsgi), and behind Django + DRF
    with the API's authentication, permission and throttle but no app code (framework_floor_wsgi)."""
    import orjson

    from bench.server import Gunicorn

    logs = cfg["results_path"].parent
    cases_file = logs / "floor_cases.json"
    cases_file.write_bytes(orjson.dumps([dataclasses.asdict(c) for c in cases]))
    floor_env = env | {"DJANGO_SETTINGS_MODULE": "config.settings", "BENCH_FLOOR_CASES": str(cases_file),
                       "BENCH_FLOOR_DB": cfg["database_url"], "BENCH_FLOOR_BASE": api_base}
    servers = {}
    for key, wsgi in FLOOR_APPS.items():  # each takes its free port before the next looks for one
        servers[key] = Gunicorn(floor_env, workers=cfg["workers"], app=wsgi,
                                log_path=logs / f"gunicorn-{key.replace('_', '-')}.log")
        step(f"starting the {key.replace('_', ' ')} ({wsgi} under gunicorn)")
        servers[key].start(cases[0].path, {"Authorization": f"Token {token}"})
    return servers


def time_cases(cfg: dict, cases: list, servers: dict, seeded: dict, deep_first_claim: int) -> dict:
    """Every case in rounds: the API, the peer (same gunicorn), the floor in process, the floors over HTTP."""
    import orjson

    from bench import cases as bench_cases
    from bench import measure
    from bench.timing import time_series

    api_port = servers["api"].port
    clients = {key: measure.HttpClient(server.port, seeded["token"]) for key, server in servers.items()}
    clients["peer"] = measure.HttpClient(api_port, seeded["peer_token"])
    floor = measure.Floor(cfg["database_url"], servers["api"].base_url)
    floor_keys = [key for key in servers if key != "api"]
    results = {}
    try:
        for case in cases:
            step(f"timing {case.label}, interleaved: {case.path[:90]}")
            series = {key: measure.api_series(clients[key], case.path) for key in servers}
            series["peer"] = measure.api_series(clients["peer"], case.peer_path)
            series["floor"] = measure.floor_series(floor, case)
            timed = time_series(series, n=cfg["requests"], warmup=cfg["warmup"])
            if case.key == "deep_cursor":
                for key in ("api", "peer"):
                    if orjson.loads(timed[key]["body"])["results"][0]["id"] != deep_first_claim:
                        raise SystemExit(f"bench: the deep cursor page of the {key} does not start where expected")
            results[case.key] = bench_cases.case_result(case, timed, floor_keys, TARGET["ratio_p50"])
    finally:
        for client in clients.values():
            client.close()
        floor.close()
    return results


def time_persistent(cfg: dict, env: dict, cases: list, case_results: dict, token: str) -> None:
    """Context: the same app on a restarted gunicorn with CONN_MAX_AGE=60 (a setting, not code)."""
    from bench import measure
    from bench.server import Gunicorn
    from bench.timing import rounded, summary, time_series

    step("restarting gunicorn with CONN_MAX_AGE=60 (persistent database connections)")
    server = Gunicorn(env | {"CONN_MAX_AGE": "60"}, workers=cfg["workers"],
                      log_path=cfg["results_path"].parent / "gunicorn-persistent.log")
    try:
        server.start("/api/v1/claims/?page_size=1", {"Authorization": f"Token {token}"})
        client = measure.HttpClient(server.port, token)
        for case in cases:
            step(f"timing with CONN_MAX_AGE=60: {case.label}")
            timed = time_series({"api": measure.api_series(client, case.path)}, n=cfg["requests"],
                                warmup=cfg["warmup"])["api"]
            result = case_results[case.key]
            result["api_persistent"] = summary(timed["samples"])
            result["ratio_p50_persistent"] = round(result["api_persistent"]["p50_ms"] / result["floor"]["p50_ms"], 2)
            result["api_persistent_samples_ms"] = rounded(timed["samples"])
        client.close()
    finally:
        server.stop()


def measure_all(cfg: dict, env: dict, seeded: dict) -> dict:
    """Everything measured once the data is in: cases, servers, rounds, the stage breakdown."""
    from django.db import connection

    from bench import cases as bench_cases
    from bench import inprocess
    from bench.server import Gunicorn
    from bench.timing import background_cpu

    cases, deep_first_claim = bench_cases.cases_for(cfg["page_size"], cfg["deep_row"])
    connection.close()
    token = seeded["token"]
    step(f"starting gunicorn ({cfg['workers']} workers): the API, and the peer beside it")
    servers = {"api": Gunicorn(env, workers=cfg["workers"], log_path=cfg["results_path"].parent / "gunicorn.log")}
    try:
        servers["api"].start("/api/v1/claims/?page_size=1", {"Authorization": f"Token {token}"})
        host = f"127.0.0.1:{servers['api'].port}"
        step(f"gunicorn ready on {servers['api'].base_url}")
        list_queries = in_process(cases, seeded, host)
        servers |= start_floor_servers(cfg, env, cases, f"http://{host}", token)
        background = background_cpu()
        if background is not None and background > 0.15:
            print(f"  WARNING: {background:.0%} of the CPUs are busy with something else: expect noisy figures")
        case_results = time_cases(cfg, cases, servers, seeded, deep_first_claim)
    finally:
        for server in servers.values():
            server.stop()
        (cfg["results_path"].parent / "floor_cases.json").unlink(missing_ok=True)
    if cfg["persistent_variant"]:
        time_persistent(cfg, env, cases, case_results, token)
    step("stage breakdown (in process)")
    breakdown = {case.key: inprocess.breakdown(case, token=token, host=host) for case in cases}
    connection.close()
    return {
        "background_cpu_before_timing": background,
        "background_cpu_after_timing": background_cpu(),
        "cases": case_results,
        "list_queries": list_queries,
        "breakdown": breakdown,
    }


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)
    cfg = read_config()
    check_cache(cfg["cache_url"])
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env = django_env(cfg["database_url"], anchor_path=Path(static_root) / "audit-anchors.log",
                     settings=PEER_SETTINGS, CACHE_URL=cfg["cache_url"], STATIC_ROOT=static_root)
    cfg["results_path"].parent.mkdir(parents=True, exist_ok=True)
    setup_django(env)

    from bench import database, report

    results: dict = {}
    try:
        fingerprint = prepare_database(cfg, env)
        seeded = seed_data(cfg)
        measured = measure_all(cfg, env, seeded)
        results = {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": report.machine(database.server_version(cfg["database_url"])),
            "config": cfg | {"results_path": str(cfg["results_path"])},
            "code_fingerprint": {"start": fingerprint, "end": database.code_fingerprint()},
            "seed": seeded["counts"],
            "target": TARGET,
            **measured,
            "results_path": str(cfg["results_path"]),
        }
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(static_root, ignore_errors=True)
        if not cfg["keep_db"]:
            try:
                database.drop(cfg["database_url"])
            except Exception as exc:  # report, never mask the original error
                print(f"bench: could not drop {database.database_name(cfg['database_url'])}: {exc}", file=sys.stderr)
    results["runtime_seconds"] = round(time.perf_counter() - _STARTED, 1)
    report.write_json(results, cfg["results_path"])
    report.print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
