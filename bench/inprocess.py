"""In process, against the bench database: the queries each request runs (Django's test client and
CaptureQueriesContext), and where the time of one request goes, stage by stage."""

from __future__ import annotations

import json
import statistics
import time

from bench import app
from bench.measure import Case


def _client(token: str, host: str):
    from django.test import Client

    return Client(HTTP_HOST=host, headers={"Authorization": f"Token {token}"})


def _captured(client, path: str) -> tuple[bytes, list[str]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"bench: in-process GET {path} answered {response.status_code}: {response.content[:300]!r}")
    return response.content, [q["sql"] for q in queries.captured_queries]


def capture(case: Case, *, token: str, host: str, peer_token: str) -> bytes:
    """Runs the case once through the whole Django stack; records its queries and rows SQL, and
    the number of queries the peer runs for the same request."""
    content, case.query_log = _captured(_client(token, host), case.path)
    case.queries = len(case.query_log)
    table = f'FROM "{app.table("Publication")}"'
    rows = [q for q in case.query_log if table in q]
    if len(rows) != 1:
        raise SystemExit(f"bench: expected one query on {table} for {case.path}, got {len(rows)}")
    case.rows_sql = rows[0]
    peer = _client(peer_token, host)
    _captured(peer, case.peer_path)  # once to warm caches that are not the database's
    case.peer_queries = len(_captured(peer, case.peer_path)[1])
    return content


def query_counts(*, token: str, host: str, page_sizes=(10, 50, 200), extra_paths=()) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(token, host)
    counts = {}
    for path in [f"/api/v1/claims/?page_size={size}" for size in page_sizes] + list(extra_paths):
        client.get(path)  # once to warm caches that are not the database's
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        counts[path] = len(queries.captured_queries)
    return counts


def _median_ms(fn, reps: int, budget_s: float = 4.0) -> float:
    """Median of `reps` runs, or of as many as fit in `budget_s` (at least 5)."""
    fn()
    samples = []
    deadline = time.perf_counter() + budget_s
    for _ in range(reps):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
        if len(samples) >= 5 and started > deadline:
            break
    return statistics.median(samples)


def breakdown(case: Case, *, token: str, host: str, reps: int = 30) -> dict:
    """Median milliseconds of each stage of the request, measured one at a time in process."""
    from django.db import connection
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    # The view's own serializer and renderer, whatever they are today.
    viewset = app.claims_viewset()
    serializer_class = viewset.serializer_class
    renderer = viewset.renderer_classes[0]()

    client = _client(token, host)
    stages = {}

    connect_samples = []
    for _ in range(reps):
        connection.close()
        started = time.perf_counter()
        connection.ensure_connection()
        connect_samples.append((time.perf_counter() - started) * 1000)
    stages["connect"] = statistics.median(connect_samples)

    def run_sql(sql):
        def go():
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()

        return go

    STATE_SQL = app.etag_state_sql()  # noqa: N806

    stages["sql_auth"] = _median_ms(run_sql(case.query_log[0]), reps)
    # A claim's current version takes its validators from its own row: it runs no state query.
    stages["sql_etag_state"] = _median_ms(run_sql(STATE_SQL), reps) if STATE_SQL in case.query_log else 0.0
    stages["sql_rows"] = _median_ms(run_sql(case.rows_sql), reps)

    def fetch_rows():
        # Rows as the views read them: dicts, the snapshot as its stored JSON text.
        with connection.cursor() as cursor:
            cursor.execute(case.rows_sql)
            names = [column.name for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    with connection.cursor() as cursor:
        cursor.execute(case.rows_sql)
        names = [column.name for column in cursor.description]
        column = names.index("snapshot_text" if "snapshot_text" in names else "snapshot")
        texts = [row[column] for row in cursor.fetchall()]
    stages["json_loads_snapshots"] = _median_ms(lambda: [json.loads(t) for t in texts], reps)

    stages["orm_rows"] = _median_ms(fetch_rows, reps)
    rows = fetch_rows()
    page = rows[:1] if case.detail else rows[: case.page_size]
    request = Request(APIRequestFactory().get(case.path, HTTP_HOST=host))

    def serialize():
        if case.detail:  # the view serializes the row itself (no .data: the result is a Fragment)
            return serializer_class(context={"request": request}).to_representation(page[0])
        return serializer_class(page, many=True, context={"request": request}).data

    stages["serializer"] = _median_ms(serialize, reps)
    data = serialize()
    payload = data if case.detail else {"next": "http://x/?cursor=abc", "previous": None, "results": data}
    stages["render_json"] = _median_ms(lambda: renderer.render(payload), reps)
    stages["whole_request_in_process"] = _median_ms(lambda: client.get(case.path), reps)

    accounted = sum(
        stages[k] for k in ("sql_auth", "sql_etag_state", "orm_rows", "serializer", "render_json")
    )
    other = stages["whole_request_in_process"] - accounted
    # When the SQL takes hundreds of ms, its run-to-run noise exceeds everything else: no estimate.
    stages["other_django_drf"] = other if other >= 0 else None
    return {k: (round(v, 3) if v is not None else None) for k, v in stages.items()}
