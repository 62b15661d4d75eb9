"""The content API's cases, its client through HTTP (gunicorn), and the floor: the same SQL with
raw psycopg and the same body built with orjson, in process."""

from __future__ import annotations

import http.client
import time
from base64 import b64encode
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import orjson
import psycopg
from psycopg.types.json import set_json_loads

from bench.timing import time_series


@dataclass
class Case:
    key: str
    label: str
    path: str  # path and query string, as the client sends it
    peer_path: str = ""  # the same request to the stock-DRF peer (bench/peer/)
    detail: bool = False
    page_size: int = 50
    cursor_position: str | None = None  # the position a cursor page starts after
    # Filled in process (bench.inprocess): the rows query the API runs, its query count.
    rows_sql: str = ""
    queries: int = 0
    query_log: list = field(default_factory=list)
    peer_queries: int = 0  # the peer's, counted the same way


# --- the API, through HTTP ---------------------------------------------------------------------


class HttpClient:
    """http.client with keep-alive. gunicorn's sync workers (the production shape) close the
    connection after each response; http.client then reconnects, which is part of the cost."""

    def __init__(self, port: int, token: str):
        self.port = port
        self.headers = {"Authorization": f"Token {token}", "Accept": "application/json"}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path: str) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        try:
            self.conn.request("GET", path, headers=self.headers)
            response = self.conn.getresponse()
            body = response.read()
        except (http.client.HTTPException, ConnectionError):
            # A closed keep-alive socket: reconnect once, and time the retry honestly.
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            started = time.perf_counter()
            self.conn.request("GET", path, headers=self.headers)
            response = self.conn.getresponse()
            body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.will_close:
            self.conn.close()
        return response.status, body, elapsed

    def close(self):
        self.conn.close()


def api_series(client: HttpClient, path: str):
    """One request through HTTP, as a series for time_series: (body, ms, None)."""

    def run():
        status, body, elapsed = client.get(path)
        if status != 200:
            raise SystemExit(f"bench: GET {path} answered {status}: {body[:300]!r}")
        return body, elapsed, None

    return run


def time_api(client: HttpClient, path: str, *, n: int, warmup: int) -> tuple[list[float], bytes]:
    timed = time_series({"api": api_series(client, path)}, n=n, warmup=warmup)["api"]
    return timed["samples"], timed["body"]


# --- the floor: the same rows with raw psycopg, serialized with orjson ---------------------------


def _replace_query_param(url: str, key: str, value: str) -> str:
    """rest_framework.utils.urls.replace_query_param."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    query_dict = parse_qs(query, keep_blank_values=True)
    query_dict[key] = [value]
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query_dict.items()), doseq=True), fragment))


def cursor_url(base_url: str, position: str, *, reverse: bool = False) -> str:
    """CursorPagination.encode_cursor for offset 0 (positions are unique in the bench data)."""
    tokens = {"r": "1"} if reverse else {}
    tokens["p"] = position
    encoded = b64encode(urlencode(tokens, doseq=True).encode("ascii")).decode("ascii")
    return _replace_query_param(base_url, "cursor", encoded)


class Floor:
    """One connection, prepared statements, jsonb decoded by orjson, the envelope built by hand and
    encoded by orjson: the least work that produces the same response body."""

    def __init__(self, url: str, api_base: str):
        self.conn = psycopg.connect(url, autocommit=True, options="-c TimeZone=UTC")
        set_json_loads(orjson.loads, self.conn)
        self.api_base = api_base

    def close(self):
        self.conn.close()

    def _item(self, row: dict):
        claim_id = row["claim_id"]
        url = f"{self.api_base}/api/v1/claims/{claim_id}/"
        head = {"id": claim_id, "url": url, "evidence_profile_url": f"{url}evidence-profile/",
                "current_version": row["version"]}
        if "snapshot_text" in row:  # the API lists the stored JSON text: the floor splices it the same way
            return orjson.Fragment(orjson.dumps(head)[:-1] + b"," + row["snapshot_text"].encode()[1:])
        return {**head, **row["snapshot"]}

    def run(self, case: Case) -> tuple[bytes, float]:
        """The response body, and the milliseconds spent in the database (execute + fetch)."""
        started = time.perf_counter()
        cursor = self.conn.execute(case.rows_sql, prepare=True)
        names = [column.name for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        fetched = time.perf_counter()
        if case.detail:
            return orjson.dumps(self._item(rows[0])), (fetched - started) * 1000
        page = rows[: case.page_size]
        request_url = self.api_base + case.path
        next_link = cursor_url(request_url, str(page[-1]["published_at"])) if len(rows) > case.page_size else None
        previous_link = (
            cursor_url(request_url, str(page[0]["published_at"]), reverse=True) if case.cursor_position else None
        )
        body = orjson.dumps({"next": next_link, "previous": previous_link, "results": [self._item(r) for r in page]})
        return body, (fetched - started) * 1000


def floor_series(floor: Floor, case: Case):
    """The floor in process, as a series for time_series: (body, ms, database ms)."""

    def run():
        started = time.perf_counter()
        body, db_ms = floor.run(case)
        return body, (time.perf_counter() - started) * 1000, db_ms

    return run
