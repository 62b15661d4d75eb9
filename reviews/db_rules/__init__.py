"""The rules the database itself enforces, whoever writes: the services, the ORM, or SQL.

- a review is created as a draft, keeps its id and its claim, and changes state only along the workflow
  table's edges, and only when its latest audit event records that very change (the services write
  the event first; an event cannot be forged without the chain key, see verify_audit);
- nobody who contributed to a review decides on it (approve, send back, reject); an approval is
  exactly the one its `review.approved` event records (approver, hash, snapshot) and does not
  change while it stands; a review is "published" only with a publication of its approval;
- a publication is created only for an approved review, when the review's latest audit event is
  that publication by that publisher, with exactly the snapshot the standing approval's event
  records, columns that say what the snapshot says, and a publisher who took no part; its content
  never changes, `is_current` only goes from true to false and `withdrawn_at` only from empty to a
  time; the changes feed says only what the publication's status says;
- the conflict gate of blinded dual grading: a dual-graded review is submitted or approved only
  with both independent gradings submitted, no disagreement between them open and the resolved
  grading applied (its `grading.resolved` event); once required, dual grading stays required;
- a submitted independent grading is frozen, with its outcomes, their judgements and references and
  its contraindications; a disagreement is never deleted nor changed in what it is about, and its
  resolution, once made, does not change;
- a publication's rows for the API's filters (its contraindications, remedy names, sources) are
  written with it, before its entry in the changes feed; a source row names a source that its
  snapshot's appearances quote, under that source's file name;
- an appearance quotes its article's stored text at its span, and an ingested article's text never
  changes (quotes.py);
- the append-only tables (reviews.append_only) refuse UPDATE and DELETE, and TRUNCATE on
  PostgreSQL (SQLite has none).

Generated from reviews.workflow and reviews.append_only (postgres.py, sqlite.py), and installed
idempotently after every `migrate` (SQLite drops a table's triggers when a migration rebuilds it).

On PostgreSQL the rules that read no workflow table are django-pgtrigger triggers that each model
declares in its `Meta.triggers` (core.triggers; installed by the apps' migrations): append-only and
no TRUNCATE, a review's id and claim, a standing approval frozen, a publication's content frozen
and its status one way, a submitted grading and its disagreements. postgres.py holds the rest:
created as a draft, the workflow's edges with their audit events, four-eyes, the approval its
event records, the publication gates and the changes feed. pgtrigger serves PostgreSQL only, so
sqlite.py holds every rule.
"""

from __future__ import annotations

from reviews import workflow
from reviews.publishing.snapshots import PUBLICATION_FIELDS  # noqa: F401 (the rules read it from here)

PUBLICATION_CONTENT = (
    "id, claim_id, review_id, version, snapshot, approved_hash, remedy_id, remedy_name, category, kind, population, "
    "risk_tier, certainty, recommendation, search_text, change_note, published_by_id, published_at, "
    "condition_name, condition_slug"
)
# The condition a publication is about, copied from its snapshot when the snapshot has one (it was
# approved before claims had a condition otherwise, and the columns hold its claim's then).
PUBLICATION_CONDITION_COLUMNS = (("condition_name", ("condition", "name")), ("condition_slug", ("condition", "slug")))
# A publication's columns copied from its snapshot for the API's filters: (column, JSON path).
PUBLICATION_COLUMNS = (
    ("claim_id", ("claim_id",)),
    ("remedy_id", ("remedy", "id")),
    ("remedy_name", ("remedy", "name")),
    ("category", ("remedy", "category")),
    ("risk_tier", ("remedy", "risk_tier")),
    ("kind", ("kind",)),
    ("certainty", ("evidence", "certainty")),
    ("recommendation", ("recommendation",)),
    ("version", ("version",)),
    ("change_note", ("change_note",)),
)
# The tables of a publication's rows for the API's filters (reviews.publishing.services writes them
# before the publication's entry in the changes feed; a data migration that fills them for earlier
# publications runs before these rules are installed again, at the end of `migrate`).
FILTER_TABLES = ("reviews_publicationcondition", "reviews_publicationremedyname", "reviews_publicationsource")
FILED = "EXISTS (SELECT 1 FROM reviews_publicationchange f WHERE f.publication_id = {publication})"
FILED_MESSAGE = "a publication's filter rows are written with it, before its entry in the changes feed"
SOURCE_MESSAGE = "a publication's source row names a source its appearances quote, by its file name"
CONTRIBUTED = "EXISTS (SELECT 1 FROM reviews_reviewcontribution c WHERE c.review_id = {review} AND c.user_id = {user})"


# The transitions the conflict gate stands before (reviews.services.transitions.approval_gaps says
# the same to the services).
GATED_TRANSITIONS = ("submit", "approve")
# True while the gate is shut for review {review}: an SQL condition, the same in both dialects.
GATE_SHUT = (
    "((SELECT COUNT(*) FROM reviews_grading gate_g WHERE gate_g.review_id = {review} "
    "AND gate_g.submitted_at IS NOT NULL) < 2 "
    "OR EXISTS (SELECT 1 FROM reviews_disagreement gate_d WHERE gate_d.review_id = {review} "
    "AND gate_d.resolution = '') "
    "OR NOT EXISTS (SELECT 1 FROM reviews_auditevent gate_e WHERE gate_e.review_id = {review} "
    "AND gate_e.event_type = 'grading.resolved'))"
)


def gated_edges() -> str:
    """'from>to' for every state change the conflict gate stands before."""
    return sql_list(
        f"{source}>{workflow.TRANSITIONS[name].target}"
        for name in GATED_TRANSITIONS
        for source in workflow.TRANSITIONS[name].sources
    )


def sql_list(values) -> str:
    return ", ".join(f"'{value}'" for value in sorted(values))


def edges() -> str:
    """'from>to' for every allowed state change."""
    return sql_list(f"{source}>{target}" for source, target, _event in workflow.edges())


def edge_event(edge_sql: str) -> str:
    """A CASE expression: the audit event that records the state change `edge_sql` ('from>to')."""
    whens = " ".join(f"WHEN '{source}>{target}' THEN '{event}'" for source, target, event in workflow.edges())
    return f"CASE {edge_sql} {whens} END"


def install(connection) -> None:
    """(Re)install every rule on this connection's database. Idempotent; run as the owner."""
    from reviews.db_rules import postgres, quotes, sqlite

    statements = {
        "postgresql": (postgres.statements, quotes.postgres_statements),
        "sqlite": (sqlite.statements, quotes.sqlite_statements),
    }.get(connection.vendor)
    if statements is None:
        raise RuntimeError(f"no database rules for vendor {connection.vendor!r}")
    with connection.cursor() as cursor:
        for sql in (sql for rules in statements for sql in rules()):
            cursor.execute(sql)
