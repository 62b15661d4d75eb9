"""The workflow's database rules (see reviews.db_rules) as PostgreSQL triggers.

The append-only tables, a review's id and claim, a standing approval and a publication's content
and status columns are guarded by the models' own django-pgtrigger triggers (`Meta.triggers`,
core.triggers), installed by their migrations; what is here is generated from the workflow table."""

from __future__ import annotations

from reviews import workflow
from reviews.db_rules import (
    CONTRIBUTED,
    FILED,
    FILED_MESSAGE,
    FILTER_TABLES,
    GATE_SHUT,
    PUBLICATION_COLUMNS,
    PUBLICATION_CONDITION_COLUMNS,
    PUBLICATION_FIELDS,
    SOURCE_MESSAGE,
    edge_event,
    edges,
    gated_edges,
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
    IF OLD.dual_grading AND NOT NEW.dual_grading THEN
        {_raise("review %: dual grading, once required, stays required", "check_violation", "OLD.id")}
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
        IF NEW.dual_grading AND (OLD.state || '>' || NEW.state) IN ({gated_edges()})
                AND {GATE_SHUT.format(review="NEW.id")} THEN
            {
        _raise(
            "review %: conflict gate: both independent gradings submitted and every disagreement resolved first",
            "check_violation",
            "OLD.id",
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
    checks += [
        f"(NEW.snapshot ? 'condition' AND NEW.snapshot #>> '{{{','.join(path)}}}' IS DISTINCT FROM NEW.{column})"
        for column, path in PUBLICATION_CONDITION_COLUMNS
    ]
    return "\n                OR ".join(checks)


def _publication_rules() -> str:
    return f"""
CREATE OR REPLACE FUNCTION reviews_publication_rules() RETURNS trigger AS $$
DECLARE
    r reviews_review%ROWTYPE;
    e reviews_auditevent%ROWTYPE;
    a reviews_auditevent%ROWTYPE;
BEGIN
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


FILTER_RULES = f"""
CREATE OR REPLACE FUNCTION reviews_publication_filter_rules() RETURNS trigger AS $$
BEGIN
    IF {FILED.format(publication="NEW.publication_id")} THEN
        {_raise(FILED_MESSAGE.replace("'", "''"))}
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION reviews_publicationsource_rules() RETURNS trigger AS $$
BEGIN
    IF NOT EXISTS (
            SELECT 1 FROM reviews_publication p, jsonb_array_elements(p.snapshot -> 'appearances') a
            WHERE p.id = NEW.publication_id AND a ->> 'source' = NEW.file_name)
            OR NEW.file_name IS DISTINCT FROM (SELECT file_name FROM claims_source WHERE id = NEW.source_id) THEN
        {_raise(SOURCE_MESSAGE.replace("'", "''"))}
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def _trigger(name: str, table: str, when: str, function: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {name} ON {table};",
        f"CREATE TRIGGER {name} {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}();",
    ]


def statements() -> list[str]:
    result = [_review_rules(), _publication_rules(), CHANGE_RULES, FILTER_RULES]
    result += _trigger("reviews_review_rules", "reviews_review", "BEFORE INSERT OR UPDATE", "reviews_review_rules")
    result += _trigger("reviews_publication_rules", "reviews_publication", "BEFORE INSERT", "reviews_publication_rules")
    result += _trigger(
        "reviews_publicationchange_rules",
        "reviews_publicationchange",
        "BEFORE INSERT",
        "reviews_publicationchange_rules",
    )
    for table in FILTER_TABLES:
        result += _trigger(f"{table}_with_its_publication", table, "BEFORE INSERT", "reviews_publication_filter_rules")
    result += _trigger(
        "reviews_publicationsource_quoted",
        "reviews_publicationsource",
        "BEFORE INSERT",
        "reviews_publicationsource_rules",
    )
    return result
