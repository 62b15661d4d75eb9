"""The rules the database itself enforces, whoever writes: the services, the ORM, or SQL.

- a review is created as a draft and changes state only along the workflow table's edges;
- nobody who contributed to a review decides on it (approve, send back, reject), and a review is
  "published" only with a publication of its approval;
- while approved, what the approval froze does not change;
- a publication is created only for an approved review, with that approval's hash (recorded by
  its `review.approved` audit event) and exactly its snapshot, by someone who took no part in it;
  its content never changes, `is_current` only goes from true to false and `withdrawn_at` only
  from empty to a time;
- the append-only tables (reviews.append_only) refuse UPDATE and DELETE, and TRUNCATE on
  PostgreSQL (SQLite has none).

Generated from reviews.workflow and reviews.append_only, and installed idempotently after every
`migrate` (SQLite drops a table's triggers when a migration rebuilds it).
"""

from __future__ import annotations

from reviews import workflow
from reviews.append_only import append_only_tables

PUBLICATION_FIELDS = ("version", "published_by", "published_at", "change_note")
PUBLICATION_CONTENT = (
    "claim_id, review_id, version, snapshot, approved_hash, remedy_id, category, kind, population, risk_tier, "
    "certainty, recommendation, search_text, change_note, published_by_id, published_at"
)
# Triggers of earlier migrations that the rules below replace.
OLD_TRIGGERS = {
    "reviews_auditevent": ("reviews_auditevent_no_update", "reviews_auditevent_no_delete"),
    "reviews_publication": ("reviews_publication_content_frozen", "reviews_publication_no_delete"),
    "reviews_publicationchange": ("reviews_publicationchange_no_update", "reviews_publicationchange_no_delete"),
}


def _sql_list(values) -> str:
    return ", ".join(f"'{value}'" for value in sorted(values))


def _edges() -> str:
    return _sql_list(f"{source}>{target}" for source, target, _event in workflow.edges())


CONTRIBUTED = "EXISTS (SELECT 1 FROM reviews_reviewcontribution c WHERE c.review_id = {review} AND c.user_id = {user})"


def postgres_statements() -> list[str]:
    decisions = _sql_list(workflow.DECISION_STATES)
    statements = [
        f"""
CREATE OR REPLACE FUNCTION reviews_review_rules() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> '{workflow.INITIAL_STATE}' THEN
            RAISE EXCEPTION 'a review is created as {workflow.INITIAL_STATE}, not %', NEW.state
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        IF (OLD.state || '>' || NEW.state) NOT IN ({_edges()}) THEN
            RAISE EXCEPTION 'review %: % to % is not a transition of the workflow', OLD.id, OLD.state, NEW.state
                USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.state IN ({decisions}) AND (NEW.decided_by_id IS NULL
                OR {CONTRIBUTED.format(review="NEW.id", user="NEW.decided_by_id")}) THEN
            RAISE EXCEPTION 'review %: four-eyes: the decision needs someone who took no part in it', OLD.id
                USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.state = 'published' AND NOT EXISTS (SELECT 1 FROM reviews_publication p
                WHERE p.review_id = NEW.id AND p.approved_hash = NEW.approved_hash) THEN
            RAISE EXCEPTION 'review %: published without a publication of its approval', OLD.id
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF OLD.state = 'approved' AND (NEW.approved_hash IS DISTINCT FROM OLD.approved_hash
            OR NEW.approved_snapshot IS DISTINCT FROM OLD.approved_snapshot
            OR NEW.decided_by_id IS DISTINCT FROM OLD.decided_by_id) THEN
        RAISE EXCEPTION 'review %: an approval is frozen', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
""",
        """DROP TRIGGER IF EXISTS reviews_review_rules ON reviews_review;""",
        """CREATE TRIGGER reviews_review_rules BEFORE INSERT OR UPDATE ON reviews_review
            FOR EACH ROW EXECUTE FUNCTION reviews_review_rules();""",
        f"""
CREATE OR REPLACE FUNCTION reviews_publication_rules() RETURNS trigger AS $$
DECLARE
    r reviews_review%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'DELETE on reviews_publication: published data is immutable'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.{PUBLICATION_CONTENT.replace(", ", ", NEW.")}) IS DISTINCT FROM
           (OLD.{PUBLICATION_CONTENT.replace(", ", ", OLD.")}) THEN
            RAISE EXCEPTION 'UPDATE on reviews_publication: published data is immutable'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NOT OLD.is_current AND NEW.is_current)
                OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at) THEN
            RAISE EXCEPTION 'publication %: a superseded or withdrawn version does not come back', OLD.id
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    SELECT * INTO r FROM reviews_review WHERE id = NEW.review_id;
    IF r.state IS DISTINCT FROM 'approved' OR r.claim_id <> NEW.claim_id OR NEW.approved_hash = ''
            OR NEW.approved_hash IS DISTINCT FROM r.approved_hash THEN
        RAISE EXCEPTION 'a publication needs an approved review of its claim, with that approval''s hash'
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM reviews_auditevent e WHERE e.review_id = r.id AND e.event_type = 'review.approved'
            AND e.actor_id = r.decided_by_id AND e.after ->> 'approved_hash' = NEW.approved_hash) THEN
        RAISE EXCEPTION 'a publication needs the approval on the audit trail' USING ERRCODE = 'check_violation';
    END IF;
    IF (NEW.snapshot - ARRAY[{_sql_list(PUBLICATION_FIELDS)}]) IS DISTINCT FROM r.approved_snapshot THEN
        RAISE EXCEPTION 'a publication publishes exactly the approved snapshot' USING ERRCODE = 'check_violation';
    END IF;
    IF {CONTRIBUTED.format(review="NEW.review_id", user="NEW.published_by_id")} THEN
        RAISE EXCEPTION 'four-eyes: a contributor to the review may not publish it' USING ERRCODE = 'check_violation';
    END IF;
    IF NOT NEW.is_current OR NEW.withdrawn_at IS NOT NULL THEN
        RAISE EXCEPTION 'a new publication is current' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
""",
        """DROP TRIGGER IF EXISTS reviews_publication_rules ON reviews_publication;""",
        """CREATE TRIGGER reviews_publication_rules BEFORE INSERT OR UPDATE OR DELETE ON reviews_publication
            FOR EACH ROW EXECUTE FUNCTION reviews_publication_rules();""",
        """
CREATE OR REPLACE FUNCTION reviews_refuse_append_only_change() RETURNS trigger AS $$
BEGIN
    -- A superuser (who could disable the trigger anyway) may empty a test database by setting
    -- reviews.allow_truncate: Django's test runner flushes with TRUNCATE. Nobody else may.
    IF TG_OP = 'TRUNCATE' AND current_setting('reviews.allow_truncate', true) = 'on'
            AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '% on %: the table is append-only', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
""",
    ]
    for table, names in OLD_TRIGGERS.items():
        statements += [f"DROP TRIGGER IF EXISTS {name} ON {table};" for name in names]
    for table in append_only_tables():
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
                FOR EACH STATEMENT EXECUTE FUNCTION reviews_refuse_append_only_change();""",
        ]
        if table != "reviews_publication":
            statements += [
                f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};",
                f"""CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
                    FOR EACH ROW EXECUTE FUNCTION reviews_refuse_append_only_change();""",
            ]
    return statements


def _sqlite_trigger(name: str, when_sql: str, message: str) -> list[str]:
    message = message.replace("'", "''")
    return [
        f"DROP TRIGGER IF EXISTS {name};",
        f"CREATE TRIGGER {name} {when_sql} BEGIN SELECT RAISE(ABORT, '{message}'); END;",
    ]


def sqlite_statements() -> list[str]:
    decisions = _sql_list(workflow.DECISION_STATES)
    published_fields = ", ".join(f"'$.{field}'" for field in PUBLICATION_FIELDS)
    statements = []
    for names in OLD_TRIGGERS.values():
        statements += [f"DROP TRIGGER IF EXISTS {name};" for name in names]
    statements += _sqlite_trigger(
        "reviews_review_created_as_draft",
        f"BEFORE INSERT ON reviews_review WHEN NEW.state <> '{workflow.INITIAL_STATE}'",
        f"a review is created as {workflow.INITIAL_STATE}",
    )
    statements += _sqlite_trigger(
        "reviews_review_workflow",
        f"BEFORE UPDATE OF state ON reviews_review WHEN NEW.state <> OLD.state "
        f"AND (OLD.state || '>' || NEW.state) NOT IN ({_edges()})",
        "not a transition of the workflow",
    )
    statements += _sqlite_trigger(
        "reviews_review_four_eyes",
        f"BEFORE UPDATE ON reviews_review WHEN NEW.state <> OLD.state AND NEW.state IN ({decisions}) "
        f"AND (NEW.decided_by_id IS NULL OR {CONTRIBUTED.format(review='NEW.id', user='NEW.decided_by_id')})",
        "four-eyes: the decision needs someone who took no part in the review",
    )
    statements += _sqlite_trigger(
        "reviews_review_published_with_publication",
        "BEFORE UPDATE ON reviews_review WHEN NEW.state <> OLD.state AND NEW.state = 'published' "
        "AND NOT EXISTS (SELECT 1 FROM reviews_publication p WHERE p.review_id = NEW.id "
        "AND p.approved_hash = NEW.approved_hash)",
        "published without a publication of its approval",
    )
    statements += _sqlite_trigger(
        "reviews_review_approval_frozen",
        "BEFORE UPDATE ON reviews_review WHEN OLD.state = 'approved' AND NEW.state = 'approved' "
        "AND (NEW.approved_hash IS NOT OLD.approved_hash OR NEW.approved_snapshot IS NOT OLD.approved_snapshot "
        "OR NEW.decided_by_id IS NOT OLD.decided_by_id)",
        "an approval is frozen",
    )
    statements += _sqlite_trigger(
        "reviews_publication_gate",
        "BEFORE INSERT ON reviews_publication WHEN NOT EXISTS (SELECT 1 FROM reviews_review r "
        "WHERE r.id = NEW.review_id AND r.state = 'approved' AND r.claim_id = NEW.claim_id "
        "AND NEW.approved_hash <> '' AND r.approved_hash = NEW.approved_hash "
        f"AND json(r.approved_snapshot) = json_remove(NEW.snapshot, {published_fields}) "
        "AND EXISTS (SELECT 1 FROM reviews_auditevent e WHERE e.review_id = r.id "
        "AND e.event_type = 'review.approved' AND e.actor_id = r.decided_by_id "
        "AND json_extract(e.after, '$.approved_hash') = NEW.approved_hash)) "
        f"OR {CONTRIBUTED.format(review='NEW.review_id', user='NEW.published_by_id')} "
        "OR NOT NEW.is_current OR NEW.withdrawn_at IS NOT NULL",
        "a publication needs an approved review, exactly its snapshot and hash, and a publisher who took no part",
    )
    statements += _sqlite_trigger(
        "reviews_publication_content_frozen",
        f"BEFORE UPDATE OF {PUBLICATION_CONTENT} ON reviews_publication",
        "UPDATE on reviews_publication: published data is immutable",
    )
    statements += _sqlite_trigger(
        "reviews_publication_status_one_way",
        "BEFORE UPDATE OF is_current, withdrawn_at ON reviews_publication "
        "WHEN (OLD.is_current = 0 AND NEW.is_current = 1) "
        "OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS NOT OLD.withdrawn_at)",
        "a superseded or withdrawn version does not come back",
    )
    for table in append_only_tables():
        if table == "reviews_publication":
            statements += _sqlite_trigger(
                "reviews_publication_no_delete",
                "BEFORE DELETE ON reviews_publication",
                "DELETE on reviews_publication: published data is immutable",
            )
            continue
        for operation in ("UPDATE", "DELETE"):
            statements += _sqlite_trigger(
                f"{table}_no_{operation.lower()}",
                f"BEFORE {operation} ON {table}",
                f"{operation} on {table}: the table is append-only",
            )
    return statements


def install(connection) -> None:
    """(Re)install every rule on this connection's database. Idempotent; run as the owner."""
    statements = {"postgresql": postgres_statements, "sqlite": sqlite_statements}.get(connection.vendor)
    if statements is None:
        raise RuntimeError(f"no database rules for vendor {connection.vendor!r}")
    with connection.cursor() as cursor:
        for sql in statements():
            cursor.execute(sql)
