"""The floor served over HTTP: a bare WSGI app, under the same gunicorn as the API, that answers
each benchmarked URL with Floor.run() (one psycopg connection per worker, prepared statements,
orjson). The difference between the API and this is what Django + DRF add on top of HTTP itself.

Environment: BENCH_FLOOR_CASES (a JSON file of the cases), BENCH_FLOOR_DB, BENCH_FLOOR_BASE (the
API's base URL, so that the links in the body are the API's own).
"""

import os

import orjson

from bench.measure import Case, Floor

with open(os.environ["BENCH_FLOOR_CASES"], "rb") as f:
    CASES = {c["path"]: Case(**c) for c in orjson.loads(f.read())}
_floor = None


def floor() -> Floor:
    """This worker's Floor, connected on its first request (after gunicorn has forked)."""
    global _floor
    if _floor is None:
        _floor = Floor(os.environ["BENCH_FLOOR_DB"], os.environ["BENCH_FLOOR_BASE"])
    return _floor


def app(environ, start_response):
    query = environ.get("QUERY_STRING", "")
    case = CASES.get(environ["PATH_INFO"] + ("?" + query if query else ""))
    if case is None or not environ.get("HTTP_AUTHORIZATION", "").startswith("Token "):
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"unknown bench case"]
    body, _ = floor().run(case)
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
