"""`make bench` (`.venv/bin/python -m bench`): the content API against its floor, on PostgreSQL.

1. Recreates a throwaway database (BENCH_DATABASE_URL, default claims_bench on the local server),
   migrates it and loads the real catalogue with manage.py.
2. Creates the bench accounts and a content_reader token with the project's code, then seeds
   100,000 published claims (bench/seed.py).
3. Serves the app with gunicorn on a free local port, production settings (DEBUG off).
4. Times four requests through HTTP, and the floor for each: the same SQL with raw psycopg and
   the same body built with orjson. Counts the queries per list request in process.
5. Prints the table, writes bench/results/content_api.json, stops gunicorn, drops the database.

Exit status 0 even when a target is missed: this is a report. See bench/README.md.
"""

from __future__ import annotations

import dataclasses
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claims_bench"


def _int_env(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _check_cache(url: str) -> None:
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


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)
    started = time.perf_counter()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    cfg = {
        "database_url": url,
        "claims": _int_env("BENCH_CLAIMS", 100_000),
        "requests": _int_env("BENCH_REQUESTS", 200),
        "warmup": _int_env("BENCH_WARMUP", 20),
        "workers": _int_env("BENCH_WORKERS", 2),
        "deep_row": _int_env("BENCH_DEEP_ROW", 90_000),
        "page_size": 50,
        "keep_db": os.environ.get("BENCH_KEEP_DB", "") not in ("", "0", "false"),
        # The app's own default (60 s persistent connections) unless set.
        "conn_max_age": os.environ.get("CONN_MAX_AGE", "60 (app default)"),
    }
    # Also time the app with persistent connections, unless it already runs with them.
    cfg["persistent_variant"] = os.environ.get("CONN_MAX_AGE", "0") == "0" and os.environ.get(
        "BENCH_PERSISTENT_VARIANT", "1"
    ) not in ("0", "false")
    # The cache the workers share, as in docker-compose.yml: the throttle counts there.
    cfg["cache_url"] = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/14")
    _check_cache(cfg["cache_url"])
    results_path = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results" / "content_api.json"))
    target = {"ratio_p50": 1.5, "max_list_queries": 3}
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    # Production settings (DEBUG off), local host, no HTTPS redirect, a throttle the bench won't hit.
    app_settings = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": "bench",
        "AUDIT_CHAIN_KEY": "bench-only-audit-chain-key-0123456789abcdef",
        "AUDIT_ANCHOR_PATH": str(Path(static_root) / "audit-anchors.log"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "API_THROTTLE_RATE": "1000000/min",
        "CACHE_URL": cfg["cache_url"],
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": static_root,
    }
    os.environ.update(app_settings)
    env = dict(os.environ)

    from bench import database, inprocess, measure, report, seed
    from bench.server import Gunicorn

    def step(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {message}")

    server = None
    floor_servers: dict = {}
    results: dict = {}
    try:
        step(f"recreating database {database.database_name(url)}")
        database.recreate(url)
        fingerprint = database.code_fingerprint()
        database.migrate(env)
        step("migrated; loading the catalogue")
        print("  " + database.load_catalogue(env, ROOT.parent / "shared" / "corpus"))

        import django

        django.setup()
        from django.db import connection

        from reviews.models import Publication

        step(f"seeding {cfg['claims']:,} published claims")
        accounts = seed.create_accounts()
        counts = seed.seed(url, claims=cfg["claims"], users=accounts["users"], log=print)
        token = accounts["token"]
        step(f"seeded in {counts['seconds']:.0f}s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()
                                                                 if k != "seconds"))

        # The four cases.
        current = Publication.objects.filter(is_current=True)
        n_current = current.count()
        probe = current.order_by("claim_id").values("remedy_id", "certainty")[n_current // 2]
        from claims.models import RemedyAlias

        alias = RemedyAlias.objects.filter(remedy_id=probe["remedy_id"]).order_by("alias").values_list(
            "alias", flat=True
        )[1].lower()
        deep_row = min(cfg["deep_row"], n_current - cfg["page_size"] - 1)
        ordered = current.order_by("-published_at")
        deep_position = str(ordered.values_list("published_at", flat=True)[deep_row - 1])
        deep_first_claim = ordered.values_list("claim_id", flat=True)[deep_row]
        # A republished claim (its current version is 2), from the middle of the table.
        republished = current.filter(version=2).order_by("claim_id").values_list("claim_id", flat=True)
        detail_claim = republished[republished.count() // 2]
        deep_path = measure.cursor_url(f"/api/v1/claims/?page_size={cfg['page_size']}", deep_position)
        cases = [
            measure.Case("first_page", f"first page (page_size={cfg['page_size']})",
                         f"/api/v1/claims/?page_size={cfg['page_size']}"),
            measure.Case("filtered", "filtered (remedy alias + certainty)",
                         "/api/v1/claims/?" + urlencode({"remedy": alias, "certainty": probe["certainty"]})),
            measure.Case("deep_cursor", f"deep cursor (after row {deep_row:,})", deep_path,
                         cursor_position=deep_position),
            measure.Case("detail", "detail (/claims/<id>/)", f"/api/v1/claims/{detail_claim}/", detail=True),
        ]
        short = {"first_page": "first page", "filtered": "filtered", "deep_cursor": "deep cursor",
                 "detail": "detail"}
        connection.close()

        step(f"starting gunicorn ({cfg['workers']} workers)")
        server = Gunicorn(env, workers=cfg["workers"], log_path=results_path.parent / "gunicorn.log")
        results_path.parent.mkdir(parents=True, exist_ok=True)
        server.start("/api/v1/claims/?page_size=1", {"Authorization": f"Token {token}"})
        host = f"127.0.0.1:{server.port}"
        step(f"gunicorn ready on {server.base_url}")

        for case in cases:
            inprocess.capture(case, token=token, host=host)
        list_counts = inprocess.query_counts(token=token, host=host)
        by_size = {int(p.rsplit("=", 1)[1]): n for p, n in list_counts.items()}
        list_ok = max(by_size.values()) <= target["max_list_queries"] and len(set(by_size.values())) == 1
        connection.close()

        # The floor over HTTP under the same gunicorn: bare (bench.floor_wsgi), and behind Django + DRF
        # with the API's authentication, permission and throttle but no app code
        # (bench.framework_floor_wsgi). Both run beside the API and are timed in the same rounds.
        import orjson

        cases_file = results_path.parent / "floor_cases.json"
        cases_file.write_bytes(orjson.dumps([dataclasses.asdict(c) for c in cases]))
        floor_env = env | {
            "BENCH_FLOOR_CASES": str(cases_file),
            "BENCH_FLOOR_DB": url,
            "BENCH_FLOOR_BASE": f"http://{host}",
        }
        floor_apps = {"http_floor": "bench.floor_wsgi:app", "framework_floor": "bench.framework_floor_wsgi:application"}
        for key, app in floor_apps.items():  # each takes its free port before the next looks for one
            floor_servers[key] = Gunicorn(floor_env, workers=cfg["workers"], app=app,
                                          log_path=results_path.parent / f"gunicorn-{key.replace('_', '-')}.log")
            step(f"starting the {key.replace('_', ' ')} ({app} under gunicorn)")
            floor_servers[key].start(cases[0].path, {"Authorization": f"Token {token}"})

        background = measure.background_cpu()
        if background is not None and background > 0.15:
            print(f"  WARNING: {background:.0%} of the CPUs are busy with something else: expect noisy figures")
        clients = {"api": measure.HttpClient(server.port, token)} | {
            key: measure.HttpClient(floor_server.port, token) for key, floor_server in floor_servers.items()
        }
        floor = measure.Floor(url, server.base_url)
        case_results, body_of = {}, {}

        for case in cases:
            step(f"timing {case.label}, interleaved: {case.path[:90]}")
            series = {key: measure.api_series(client, case.path) for key, client in clients.items()}
            timed = measure.time_series(series | {"floor": measure.floor_series(floor, case)},
                                        n=cfg["requests"], warmup=cfg["warmup"])
            api_body = timed["api"]["body"]
            api_doc = orjson.loads(api_body)
            if case.key == "deep_cursor" and api_doc["results"][0]["id"] != deep_first_claim:
                raise SystemExit("bench: the deep cursor page does not start where expected")
            api, fl = measure.summary(timed["api"]["samples"]), measure.summary(timed["floor"]["samples"])
            ratio50 = api["p50_ms"] / fl["p50_ms"]
            body_of[case.key] = api_body
            result = case_results[case.key] = {
                "label": case.label,
                "short": short[case.key],
                "path": case.path,
                "rows": 1 if case.detail else len(api_doc["results"]),
                "bytes": len(api_body),
                "queries": case.queries,
                "api": api,
                "floor": fl,
                "floor_sql": measure.summary(timed["floor"]["db"]),
                "ratio_p50": round(ratio50, 2),
                "ratio_p95": round(api["p95_ms"] / fl["p95_ms"], 2),
                "meets_target": ratio50 <= target["ratio_p50"],
                "same_body": api_doc == orjson.loads(timed["floor"]["body"]),
                "same_bytes": api_body == timed["floor"]["body"],
                "rows_sql": case.rows_sql,
                "queries_sql": case.query_log,
                "api_samples_ms": [round(s, 3) for s in timed["api"]["samples"]],
                "floor_samples_ms": [round(s, 3) for s in timed["floor"]["samples"]],
            }
            for key in floor_servers:
                result[key] = measure.summary(timed[key]["samples"])
                result[f"{key}_same_body"] = orjson.loads(timed[key]["body"]) == api_doc
                result[f"ratio_p50_vs_{key}"] = round(api["p50_ms"] / result[key]["p50_ms"], 2)
                result[f"{key}_samples_ms"] = [round(s, 3) for s in timed[key]["samples"]]
        for client in clients.values():
            client.close()
        floor.close()
        for floor_server in floor_servers.values():
            floor_server.stop()
        server.stop()
        server = None
        cases_file.unlink()

        # Context 1: the same app with persistent database connections (a setting, not code).
        if cfg["persistent_variant"]:
            step("restarting gunicorn with CONN_MAX_AGE=60 (persistent database connections)")
            server = Gunicorn(env | {"CONN_MAX_AGE": "60"}, workers=cfg["workers"],
                              log_path=results_path.parent / "gunicorn-persistent.log")
            server.start("/api/v1/claims/?page_size=1", {"Authorization": f"Token {token}"})
            client = measure.HttpClient(server.port, token)
            for case in cases:
                step(f"timing with CONN_MAX_AGE=60: {case.label}")
                samples, body = measure.time_api(client, case.path, n=cfg["requests"], warmup=cfg["warmup"])
                result = case_results[case.key]
                result["api_persistent"] = measure.summary(samples)
                result["ratio_p50_persistent"] = round(
                    result["api_persistent"]["p50_ms"] / result["floor"]["p50_ms"], 2
                )
                result["api_persistent_samples_ms"] = [round(s, 3) for s in samples]
            client.close()
            server.stop()
            server = None

        step("stage breakdown (in process)")
        breakdown = {case.key: inprocess.breakdown(case, token=token, host=host) for case in cases}
        connection.close()
        background_after = measure.background_cpu()

        results = {
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
                "postgres": database.server_version(url),
                "django": django.get_version(),
            },
            "config": cfg,
            "background_cpu_before_timing": background,
            "background_cpu_after_timing": background_after,
            "code_fingerprint": {"start": fingerprint, "end": database.code_fingerprint()},
            "seed": counts,
            "target": target,
            "cases": case_results,
            "list_queries": {"by_page_size": by_size, "ok": list_ok},
            "breakdown": breakdown,
            "results_path": str(results_path),
        }
    finally:
        for running in [server, *floor_servers.values()]:
            if running is not None:
                running.stop()
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # Django never set up: nothing to close
            pass
        shutil.rmtree(static_root, ignore_errors=True)
        if not cfg["keep_db"]:
            try:
                database.drop(url)
            except Exception as exc:  # report, never mask the original error
                print(f"bench: could not drop {database.database_name(url)}: {exc}", file=sys.stderr)
    results["runtime_seconds"] = round(time.perf_counter() - started, 1)
    report.write_json(results, results_path)
    report.print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
