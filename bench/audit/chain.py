"""A valid hash chain of generated events, appended to the one in the database with COPY."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta

import orjson
import psycopg

from bench import app
from bench.audit.events import EVENT_WEIGHTS, build_template

# The audit system actor's name: system events carry it in actor_username, with no actor_id.
SYSTEM_ACTOR = "system:load_catalogue"
LOAD_COLUMNS = (
    "seq",
    "occurred_at",
    "event_type",
    "actor_id",
    "actor_username",
    "claim_id",
    "review_id",
    "remedy_id",
    "before",
    "after",
    "reason",
    "prev_hash",
    "key_id",
    "hash",
)


def _copy_escape(text: str) -> str:
    """COPY text format: backslash, tab, newline and carriage return are escaped."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class ChainGenerator:
    """Appends valid events to the chain, continuing from the last one already in the database."""

    N_TEMPLATES = 6000

    def __init__(
        self, ctx: dict, last_seq: int, last_hash: str, last_at: datetime | None = None, seed: int = 20240611
    ):
        compute_hash, iso_utc, to_json_value, chain_keys, AuditEventType = app.audit_chain()  # noqa: N806

        missing = set(AuditEventType.values) - set(EVENT_WEIGHTS)
        assert not missing, f"EVENT_WEIGHTS must name every event type; missing: {sorted(missing)}"
        self.compute_hash, self.iso_utc = compute_hash, iso_utc
        self.keys = chain_keys()
        self.rng = random.Random(seed)
        self.seq, self.prev_hash = last_seq, last_hash
        # Generated events come after the ones already in the chain (the catalogue loader's).
        self.start = max(datetime(2023, 1, 2, 8, 0, tzinfo=UTC), last_at or datetime.min.replace(tzinfo=UTC))
        self.micros = 0
        types = [t for t in EVENT_WEIGHTS if t in AuditEventType.values]  # the types this version knows
        weights = [EVENT_WEIGHTS[t] for t in types]
        self.templates = []
        for event_type in self.rng.choices(types, weights, k=self.N_TEMPLATES):
            tpl = build_template(self.rng, ctx, event_type)
            before, after = to_json_value(tpl["before"]), to_json_value(tpl["after"])  # as audit_record stores them
            self.templates.append(
                (
                    event_type,
                    before,
                    after,
                    tpl["reason"],
                    tpl["scope"],
                    _copy_escape(orjson.dumps(before).decode()),
                    _copy_escape(orjson.dumps(after).decode()),
                    _copy_escape(tpl["reason"]),
                )
            )
        self.actors = [(pk, name, _copy_escape(name)) for pk, name in ctx["actors"]]
        self.reviews = ctx["reviews"] or [(None, None, None)]
        self.remedy_ids = [r[0] for r in ctx["remedies"]] or [None]

    def lines(self, count: int):
        rng, templates, actors = self.rng, self.templates, self.actors
        reviews, remedy_ids = self.reviews, self.remedy_ids
        compute_hash, iso_utc, start = self.compute_hash, self.iso_utc, self.start
        keys, key_id = self.keys, self.keys.current_id
        n_tpl, n_actor, n_review, n_remedy = len(templates), len(actors), len(reviews), len(remedy_ids)
        null = "\\N"
        for _ in range(count):
            self.seq += 1
            self.micros += rng.randrange(200_000, 60_000_000)
            occurred_at = iso_utc(start + timedelta(microseconds=self.micros))
            event_type, before, after, reason, scope, before_c, after_c, reason_c = templates[rng.randrange(n_tpl)]
            if rng.random() < 0.01 or scope == "catalogue":  # a system event: no user row, named as the app names them
                actor_id, username, username_c = None, SYSTEM_ACTOR, SYSTEM_ACTOR
            else:
                actor_id, username, username_c = actors[rng.randrange(n_actor)]
            claim_id = review_id = remedy_id = None
            if scope == "review":
                claim_id, review_id, _ = reviews[rng.randrange(n_review)]
            elif scope == "contraindication":
                claim_id, review_id, remedy_id = reviews[rng.randrange(n_review)]
            elif scope == "remedy":
                remedy_id = remedy_ids[rng.randrange(n_remedy)]
            elif scope == "claim":
                claim_id = reviews[rng.randrange(n_review)][0]
            row = {
                "seq": self.seq,
                "occurred_at": occurred_at,
                "event_type": event_type,
                "actor_id": actor_id,
                "actor_username": username,
                "claim_id": claim_id,
                "review_id": review_id,
                "remedy_id": remedy_id,
                "before": before,
                "after": after,
                "reason": reason,
                "prev_hash": self.prev_hash,
                "key_id": key_id,
            }
            digest = compute_hash(row, keys)
            yield (
                "\t".join(
                    (
                        str(self.seq),
                        occurred_at,
                        event_type,
                        null if actor_id is None else str(actor_id),
                        username_c,
                        null if claim_id is None else str(claim_id),
                        null if review_id is None else str(review_id),
                        null if remedy_id is None else str(remedy_id),
                        before_c,
                        after_c,
                        reason_c,
                        self.prev_hash,
                        key_id,
                        digest,
                    )
                )
                + "\n"
            )
            self.prev_hash = digest


def chain_tail(db_url: str) -> tuple[int, str, datetime | None]:
    table = app.table("AuditEvent")
    with psycopg.connect(db_url) as conn:
        row = conn.execute(f"SELECT seq, hash, occurred_at FROM {table} ORDER BY seq DESC LIMIT 1").fetchone()
    return (row[0], row[1], row[2]) if row else (0, "0" * 64, None)


def load_events(db_url: str, generator: ChainGenerator, count: int) -> float:
    started = time.perf_counter()
    with psycopg.connect(db_url) as conn, conn.cursor() as cur:
        with cur.copy(f"COPY {app.table('AuditEvent')} ({', '.join(LOAD_COLUMNS)}) FROM STDIN") as copy:
            block = []
            for line in generator.lines(count):
                block.append(line)
                if len(block) >= 5000:
                    copy.write("".join(block))
                    block.clear()
            if block:
                copy.write("".join(block))
        conn.commit()
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(f"VACUUM (ANALYZE) {app.table('AuditEvent')}")
        conn.execute("CHECKPOINT")  # so that no checkpoint of the load lands in the middle of a measurement
    return time.perf_counter() - started
