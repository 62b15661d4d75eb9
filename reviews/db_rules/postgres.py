"""The database rules (see reviews.db_rules) as PostgreSQL triggers."""

from __future__ import annotations

from reviews import workflow
from reviews.append_only import append_only_tables
from reviews.db_rules import (
    CONTRIBUTED,
    OLD_TRIGGERS,
    PUBLICATION_COLUMNS,
    PUBLICATION_CONTENT,
    PUBLICATION_FIELDS,
    edge_event,
    edges,
    sql_list,
)


def _raise(message: str, errcode: str = "check_violation", *args: str) -> str:
    params = "".join(f", {arg}" for arg in args)
    return f"RAISE EXCEPTION '{message}'{params} USING ERRCODE = '{errcode}';"


def _review_rules() -> str:
    decisions = sql_list(workflow.DECISION_STATES)
    return f"""
CREATE OR REPLACE FUNCTION reviews_review_rules() RETURNS trigger AS $$
DECLARE
    e reviews_auditevent%ROWTYPE;
    expected text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> '{workflow.INITIAL_STATE}' THEN
            {_raise(f"a review is created as {workflow.INITIAL_STATE}, not %", "check_violation", "NEW.state")}
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.claim_id IS DISTINCT FROM OLD.claim_id OR NEW.id IS DISTINCT FROM OLD.id THEN
        -- A renumbered review would leave its contributors and its events behind.
        {_raise("review %: a review keeps its id and its claim", "check_violation", "OLD.id")}
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        IF (OLD.state || '>' || NEW.state) NOT IN ({edges()}) THEN
            {
        _raise(
            "review %: % to % is not a transition of the workflow",
            "check_violation",
            "OLD.id",
            "OLD.state",
            "NEW.state",
        )
    }
        END IF;
        SELECT * INTO e FROM reviews_auditevent WHERE review_id = NEW.id ORDER BY seq DESC LIMIT 1;
        expected := {edge_event("OLD.state || '>' || NEW.state")};
        IF e.event_type IS DISTINCT FROM expected OR e.after ->> 'state' IS DISTINCT FROM NEW.state THEN
            {
        _raise(
            "review %: % to % is not what its latest audit event records",
            "check_violation",
            "OLD.id",
            "OLD.state",
            "NEW.state",
        )
    }
        END IF;
        IF NEW.state IN ({decisions}) AND (NEW.decided_by_id IS NULL
                OR {CONTRIBUTED.format(review="NEW.id", user="NEW.decided_by_id")}) THEN
            {
        _raise("review %: four-eyes: the decision needs someone who took no part in it", "check_violation", "OLD.id")
    }
        END IF;
        IF NEW.state = 'approved' AND (e.actor_id IS DISTINCT FROM NEW.decided_by_id
                OR e.after ->> 'approved_hash' IS DISTINCT FROM NEW.approved_hash
                OR e.after -> 'approved_snapshot' IS DISTINCT FROM NEW.approved_snapshot) THEN
            {_raise("review %: the approval is not the one its audit event records", "check_violation", "OLD.id")}
        END IF;
        IF NEW.state = 'published' AND NOT EXISTS (SELECT 1 FROM reviews_publication p
                WHERE p.review_id = NEW.id AND p.approved_hash = NEW.approved_hash) THEN
            {_raise("review %: published without a publication of its approval", "check_violation", "OLD.id")}
        END IF;
    ELSIF OLD.state = 'approved' AND (NEW.approved_hash IS DISTINCT FROM OLD.approved_hash
            OR NEW.approved_snapshot IS DISTINCT FROM OLD.approved_snapshot
            OR NEW.decided_by_id IS DISTINCT FROM OLD.decided_by_id) THEN
        {_raise("review %: an approval is frozen", "check_violation", "OLD.id")}
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def _columns_differ() -> str:
    checks = [
        f"NEW.snapshot #>> '{{{','.join(path)}}}' IS DISTINCT FROM NEW.{column}::text"
        for column, path in PUBLICATION_COLUMNS
    ]
    checks.append("COALESCE(NEW.snapshot ->> 'population', '') IS DISTINCT FROM NEW.population")
    return "\n                OR ".join(checks)


def _publication_rules() -> str:
    content = PUBLICATION_CONTENT.split(", ")
    new, old = ", ".join(f"NEW.{c}" for c in content), ", ".join(f"OLD.{c}" for c in content)
    return f"""
CREATE OR REPLACE FUNCTION reviews_publication_rules() RETURNS trigger AS $$
DECLARE
    r reviews_review%ROWTYPE;
    e reviews_auditevent%ROWTYPE;
    a reviews_auditevent%ROWTYPE;
BEGIN
    IF TG_OP = 'DELETE' THEN
        {_raise("DELETE on reviews_publication: published data is immutable", "insufficient_privilege")}
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF ({new}) IS DISTINCT FROM ({old}) THEN
            {_raise("UPDATE on reviews_publication: published data is immutable", "insufficient_privilege")}
        END IF;
        IF (NOT OLD.is_current AND NEW.is_current)
                OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at) THEN
            {_raise("publication %: a superseded or withdrawn version does not come back", "check_violation", "OLD.id")}
        END IF;
        RETURN NEW;
    END IF;
    SELECT * INTO r FROM reviews_review WHERE id = NEW.review_id;
    IF r.state IS DISTINCT FROM 'approved' OR r.claim_id <> NEW.claim_id OR NEW.approved_hash = ''
            OR NEW.approved_hash IS DISTINCT FROM r.approved_hash THEN
        {_raise("a publication needs an approved review of its claim, with that approval''s hash")}
    END IF;
    SELECT * INTO e FROM reviews_auditevent WHERE review_id = r.id ORDER BY seq DESC LIMIT 1;
    IF e.event_type IS DISTINCT FROM 'review.published' OR e.actor_id IS DISTINCT FROM NEW.published_by_id
            OR e.after ->> 'publication_version' IS DISTINCT FROM NEW.version::text
            OR e.after ->> 'approved_hash' IS DISTINCT FROM NEW.approved_hash THEN
        {_raise("a publication needs its review.published event, by its publisher, on the audit trail")}
    END IF;
    SELECT * INTO a FROM reviews_auditevent WHERE review_id = r.id
        AND event_type IN ('review.approved', 'review.approval_lapsed') ORDER BY seq DESC LIMIT 1;
    IF a.event_type IS DISTINCT FROM 'review.approved' OR a.actor_id IS DISTINCT FROM r.decided_by_id
            OR (NEW.snapshot - ARRAY[{sql_list(PUBLICATION_FIELDS)}]) IS DISTINCT FROM a.after -> 'approved_snapshot'
            THEN
        {_raise("a publication publishes exactly the snapshot its standing approval event records")}
    END IF;
    IF {_columns_differ()} THEN
        {_raise("a publication''s columns say what its snapshot says")}
    END IF;
    IF {CONTRIBUTED.format(review="NEW.review_id", user="NEW.published_by_id")} THEN
        {_raise("four-eyes: a contributor to the review may not publish it")}
    END IF;
    IF NOT NEW.is_current OR NEW.withdrawn_at IS NOT NULL THEN
        {_raise("a new publication is current")}
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


CHANGE_RULES = f"""
CREATE OR REPLACE FUNCTION reviews_publicationchange_rules() RETURNS trigger AS $$
DECLARE
    p reviews_publication%ROWTYPE;
BEGIN
    SELECT * INTO p FROM reviews_publication WHERE id = NEW.publication_id;
    IF p.claim_id IS DISTINCT FROM NEW.claim_id OR p.version IS DISTINCT FROM NEW.version
            OR (NEW.kind = 'withdrawn' AND p.withdrawn_at IS NULL)
            OR (NEW.kind <> 'withdrawn' AND (NOT p.is_current OR p.withdrawn_at IS NOT NULL)) THEN
        {_raise("the changes feed says only what its publication''s status says")}
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

REFUSE_APPEND_ONLY_CHANGE = """
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
"""


def _trigger(name: str, table: str, when: str, function: str, level: str = "ROW") -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table};",
        f"CREATE TRIGGER {name} {when} ON {table} FOR EACH {level} EXECUTE FUNCTION {function}();",
    ]


def statements() -> list[str]:
    result = [_review_rules(), _publication_rules(), CHANGE_RULES, REFUSE_APPEND_ONLY_CHANGE]
    for table, names in OLD_TRIGGERS.items():
        result += [f"DROP TRIGGER IF EXISTS {name} ON {table};" for name in names]
    result += _trigger("reviews_review_rules", "reviews_review", "BEFORE INSERT OR UPDATE", "reviews_review_rules")
    result += _trigger(
        "reviews_publication_rules",
        "reviews_publication",
        "BEFORE INSERT OR UPDATE OR DELETE",
        "reviews_publication_rules",
    )
    result += _trigger(
        "reviews_publicationchange_rules",
        "reviews_publicationchange",
        "BEFORE INSERT",
        "reviews_publicationchange_rules",
    )
    for table in append_only_tables():
        refuse = "reviews_refuse_append_only_change"
        result += _trigger(f"{table}_no_truncate", table, "BEFORE TRUNCATE", refuse, level="STATEMENT")
        if table != "reviews_publication":
            result += _trigger(f"{table}_append_only", table, "BEFORE UPDATE OR DELETE", refuse)
    return result
