"""The seed's steps that write rows, each with COPY: remedies and aliases, claims and
appearances, reviews, publications and their side tables, and the reviews' own rows."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import orjson

from bench import app
from bench.seed.data import CONDITIONS, KINDS, POPULATIONS, RATIONALES, REFERENCES
from bench.seed.snapshots import contraindication_date, contraindication_reference


@dataclass
class Run:
    """One seeding: its cursor (one transaction), random generator, clock, accounts and counts."""

    cur: object
    rng: object
    now: datetime
    users: dict
    log: object
    started: float = field(default_factory=time.perf_counter)
    counts: dict = field(default_factory=dict)

    def done(self, what: str) -> None:
        self.log(f"  {what}: {time.perf_counter() - self.started:.1f}s")

    def next_id(self, model: str) -> int:
        self.cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {app.table(model)}")
        return self.cur.fetchone()[0]

    def copy(self, key: str, model: str, columns: tuple[str, ...], rows, chunk: int = 1000) -> int:
        """COPY in statements of `chunk` rows. pghistory's row triggers run an exception block (a
        subtransaction) per row, and aborting a subtransaction scans the whole pending after-trigger
        queue, so one huge statement is quadratic; with constraints checked immediately and short
        statements the queue stays small and the load linear."""
        n = 0
        cols = ", ".join(f'"{c}"' for c in columns)
        rows = iter(rows)
        while True:
            with self.cur.copy(f"COPY {app.table(model)} ({cols}) FROM STDIN") as copy:
                written = 0
                for row in rows:
                    copy.write_row(row)
                    written += 1
                    if written == chunk:
                        break
            n += written
            if written < chunk:
                self.counts[key] = self.counts.get(key, 0) + n
                return n


def write_remedies(run: Run, catalogue: dict, n_remedies: int) -> list[dict]:
    """Remedies from the catalogue's as templates, three aliases each, 1-2 contraindications that
    every claim of the remedy inherits."""
    first, first_alias = run.next_id("Remedy"), run.next_id("RemedyAlias")
    templates, alias_pool = catalogue["remedies"], catalogue["aliases"]
    remedies = []
    for i in range(n_remedies):
        name, category, atc, tier, reason = templates[i % len(templates)]
        remedies.append({
            "id": first + i, "name": f"{name} {i:05d}", "category": category, "atc_code": atc,
            "risk_tier": tier, "risk_reason": reason,
            "aliases": sorted(f"{alias_pool[(i * 3 + k) % len(alias_pool)]} {i:05d}" for k in range(3)),
            "contraindications": run.rng.sample(range(len(CONDITIONS)), run.rng.choice((1, 2))),
        })
    run.copy("remedies", "Remedy",
             ("id", "name", "category", "atc_code", "risk_tier", "risk_reason", "created_at", "updated_at"),
             ((r["id"], r["name"], r["category"], r["atc_code"], r["risk_tier"], r["risk_reason"], run.now, run.now)
              for r in remedies))
    run.copy("aliases", "RemedyAlias", ("id", "alias", "remedy_id"),
             ((first_alias + n, alias, r["id"])
              for n, (r, alias) in enumerate((r, a) for r in remedies for a in r["aliases"])))
    run.done("remedies and aliases")
    return remedies


def write_claims(run: Run, catalogue: dict, remedies: list[dict]) -> list[tuple]:
    """One claim per remedy and kind, 7 % for a specific population, each with 2-4 appearances
    (real quotes from the catalogue). Returns (id, remedy, kind, population, statement, picked)."""
    first_claim, appearance_id = run.next_id("Claim"), run.next_id("Appearance")
    claims, appearances = [], []
    for r_index, remedy in enumerate(remedies):
        for k_index, kind in enumerate(KINDS):
            claim_id = first_claim + r_index * len(KINDS) + k_index
            population = run.rng.choice(POPULATIONS) if run.rng.random() < 0.07 else None
            picked = run.rng.sample(catalogue["appearances"], run.rng.choice((2, 3, 3, 4)))
            picked.sort(key=lambda a: (a[1], a[5]))
            claims.append((claim_id, remedy, kind, population, run.rng.choice(catalogue["statements"]), picked))
            for source_id, _file, _title, _sha, quote, start, end, dose in picked:
                appearances.append((appearance_id, quote, start, end, dose, claim_id, source_id))
                appearance_id += 1
    condition_id = catalogue["condition"][0][0]
    run.copy("claims", "Claim", ("id", "kind", "population", "statement", "created_at", "remedy_id", "condition_id"),
             ((c[0], c[2], c[3], c[4], run.now, c[1]["id"], condition_id) for c in claims))
    run.copy("appearances", "Appearance", ("id", "quote", "start", "end", "dose", "claim_id", "source_id"),
             appearances)
    run.done("claims and appearances")
    return claims


def write_reviews(run: Run, publications: list[dict], approved_hash) -> None:
    """A `published` review per publication, graded by bench-grader and approved by bench-approver."""
    grader, approver = run.users["bench-grader"], run.users["bench-approver"]
    run.copy("reviews", "Review", (
        "id", "state", "certainty", "recommendation", "summary", "no_known_contraindication",
        "no_contraindication_reason", "dual_grading", "decided_at", "decision_note", "created_at", "updated_at",
        "version", "claim_id", "decided_by_id", "graded_by_id", "last_edited_by_id", "started_by_id",
        "submitted_by_id", "approved_hash",
    ), (
        (p["review_id"], "published", p["certainty"], p["recommendation"], p["summary"], False, "", False,
         p["decided_at"], "", p["decided_at"] - timedelta(days=3), p["published_at"], 5, p["claim_id"],
         approver, grader, grader, grader, grader, approved_hash(p))
        for p in publications
    ))
    run.done("reviews")


def write_publications(run: Run, publications: list[dict], approved_hash, search_text) -> None:
    run.copy("publications", "Publication", (
        "id", "version", "is_current", "snapshot", "category", "kind", "population", "risk_tier",
        "certainty", "recommendation", "search_text", "change_note", "published_at", "withdrawn_at",
        "claim_id", "published_by_id", "remedy_id", "remedy_name", "review_id", "approved_hash",
        "condition_name", "condition_slug",
    ), (
        (p["id"], p["version"], p["is_current"], orjson.dumps(p["snapshot"]).decode(),
         p["remedy"]["category"], p["kind"], p["population"], p["remedy"]["risk_tier"], p["certainty"],
         p["recommendation"], search_text(p["snapshot"]), p["snapshot"]["change_note"], p["published_at"],
         None, p["claim_id"], run.users["bench-senior"], p["remedy"]["id"], p["snapshot"]["remedy"]["name"],
         p["review_id"], approved_hash(p), p["snapshot"]["condition"]["name"], p["snapshot"]["condition"]["slug"])
        for p in publications
    ))
    run.done("publications")


def write_publication_side_tables(run: Run, publications: list[dict], remedy_names) -> None:
    """What the API's filters read (conditions, remedy names, sources) and the changes feed."""
    run.copy("publication_conditions", "PublicationCondition", ("condition", "publication_id"),
             ((c["condition"].lower(), p["id"]) for p in publications for c in p["snapshot"]["contraindications"]))
    run.copy("publication_remedy_names", "PublicationRemedyName", ("name", "publication_id"),
             ((name, p["id"]) for p in publications for name in sorted(remedy_names(p["snapshot"]))))
    run.copy("publication_sources", "PublicationSource", ("publication_id", "source_id", "file_name"),
             ((p["id"], source_id, file_name) for p in publications for source_id, file_name in p["sources"]))
    in_order = sorted(publications, key=lambda p: p["published_at"])  # the feed, as things happened
    run.copy("publication_changes", "PublicationChange",
             ("kind", "version", "occurred_at", "reason", "claim_id", "publication_id"),
             (("republished" if p["version"] > 1 else "published", p["version"], p["published_at"],
               p["snapshot"]["change_note"], p["claim_id"], p["id"]) for p in in_order))
    run.done("publication side tables")


def _reference_ids(run: Run) -> list[int]:
    """The REFERENCES in the library (reused when already there), as ids in REFERENCES' order."""
    table = app.table("Reference")
    ids = []
    for title, kind, year, pmid, doi, url in REFERENCES:
        run.cur.execute(f"SELECT id FROM {table} WHERE title = %s", (title,))
        row = run.cur.fetchone() or run.cur.execute(
            f"INSERT INTO {table} (title, kind, year, pmid, doi, url) VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
            (title, kind, year, pmid or "", doi or "", url or ""),
        ).fetchone()
        ids.append(row[0])
    run.counts["references"] = len(ids)
    return ids


def write_review_rows(run: Run, remedies: list[dict], publications: list[dict]) -> None:
    """The rows the snapshots were frozen from, which the content API never reads but the stock-DRF
    peer serializes: each review's outcomes (with their GRADE judgements and references) and cited
    references, and the contraindications in force (the remedy's, and each claim's as its current
    publication has them)."""
    reference_ids = _reference_ids(run)
    first_outcome = run.next_id("Outcome")
    outcomes = [(p, position, o) for p in publications for position, o in enumerate(p["snapshot"]["outcomes"])]
    run.copy("outcomes", "Outcome", (
        "id", "review_id", "position", "name", "direction", "importance", "design", "studies", "participants",
        "relative_measure", "relative_effect", "relative_ci_low", "relative_ci_high", "absolute_effect",
        "absolute_ci_low", "absolute_ci_high", "absolute_unit", "effect_text", "certainty", "certainty_override",
        "override_reason",
    ), (
        (first_outcome + n, p["review_id"], position, o["name"], o["direction"], o["importance"], o["design"] or "",
         o["studies"], o["participants"], o["effect"]["relative"]["measure"] or "", o["effect"]["relative"]["value"],
         o["effect"]["relative"]["ci_low"], o["effect"]["relative"]["ci_high"], o["effect"]["absolute"]["value"],
         o["effect"]["absolute"]["ci_low"], o["effect"]["absolute"]["ci_high"], o["effect"]["absolute"]["unit"] or "",
         o["effect"]["text"] or "", o["certainty"]["value"], o["certainty"]["value"] if o["overridden"] else "",
         o["override_reason"] or "")
        for n, (p, position, o) in enumerate(outcomes)
    ))
    run.copy("outcome_references", "OutcomeReference", ("outcome_id", "reference_id", "note"),
             ((first_outcome + n, reference_ids[p["outcome_references"][position]], o["references"][0]["note"] or "")
              for n, (p, position, o) in enumerate(outcomes) if o["references"]))
    run.copy("judgements", "DomainJudgement", ("review_id", "outcome_id", "domain", "severity", "rationale"),
             ((p["review_id"], first_outcome + n, j["domain"], j["severity"], j["rationale"])
              for n, (p, _position, o) in enumerate(outcomes) for j in o["judgements"]))
    run.copy("review_references", "ReviewReference", ("review_id", "reference_id", "note"),
             ((p["review_id"], reference_ids[i], note or "") for p in publications for i, note in p["references"]))

    def row(ci: int, remedy: dict, claim_id: int | None):
        condition, kind, severity, source_kind = CONDITIONS[ci]
        ref = contraindication_reference(ci, remedy["id"])
        return (None if claim_id else remedy["id"], claim_id, kind, condition, severity,
                RATIONALES[ci % len(RATIONALES)], source_kind, None if ref is None else reference_ids[ref],
                contraindication_date(ci), run.now)

    columns = ("remedy_id", "claim_id", "kind", "condition", "severity", "rationale", "source_kind",
               "source_reference_id", "source_date", "created_at")
    run.copy("contraindications", "Contraindication", columns, (
        *(row(ci, r, None) for r in remedies for ci in r["contraindications"]),
        *(row(ci, p["remedy"], p["claim_id"]) for p in publications if p["is_current"]
          for ci in p["own_contraindications"]),
    ))
    run.done("outcomes, their references and judgements, review references, contraindications")


SEQUENCED = ("Remedy", "RemedyAlias", "Claim", "Appearance", "Review", "Outcome", "Publication",
             "PublicationCondition", "PublicationRemedyName", "PublicationSource", "PublicationChange")


def reset_sequences(run: Run) -> None:
    """Rows written with their ids: the id sequences continue after them."""
    for model in SEQUENCED:
        table = app.table(model)
        run.cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
