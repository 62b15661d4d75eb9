"""The database rules (see reviews.db_rules) as SQLite triggers: one trigger per rule, each refusing
the write when its WHEN clause finds the rule broken. All of them: on PostgreSQL the models declare
the append-only and immutability rules (a submitted grading and its disagreements among them) as
django-pgtrigger triggers, which SQLite does not get."""

from __future__ import annotations

from reviews import workflow
from reviews.append_only import append_only_tables
from reviews.db_rules import (
    CONTRIBUTED,
    FILED,
    FILED_MESSAGE,
    FILTER_TABLES,
    GATE_SHUT,
    PUBLICATION_COLUMNS,
    PUBLICATION_CONDITION_COLUMNS,
    PUBLICATION_CONTENT,
    PUBLICATION_FIELDS,
    SOURCE_MESSAGE,
    edge_event,
    edges,
    gated_edges,
    sql_list,
)

EDGE = "(OLD.state || '>' || NEW.state)"
LATEST_EVENT = "(SELECT {column} FROM reviews_auditevent WHERE review_id = {review} ORDER BY seq DESC LIMIT 1)"


def _latest(column: str, review: str = "NEW.id") -> str:
    return LATEST_EVENT.format(column=column, review=review)


def _trigger(name: str, when_sql: str, message: str) -> list[str]:
    message = message.replace("'", "''")
    return [
        f"DROP TRIGGER IF EXISTS {name};",
        f"CREATE TRIGGER {name} {when_sql} BEGIN SELECT RAISE(ABORT, '{message}'); END;",
    ]


def _review_rules() -> list[str]:
    decisions = sql_list(workflow.DECISION_STATES)
    changed = "BEFORE UPDATE ON reviews_review WHEN NEW.state <> OLD.state"
    rules = _trigger(
        "reviews_review_created_as_draft",
        f"BEFORE INSERT ON reviews_review WHEN NEW.state <> '{workflow.INITIAL_STATE}'",
        f"a review is created as {workflow.INITIAL_STATE}",
    )
    rules += _trigger(
        "reviews_review_keeps_its_claim",
        "BEFORE UPDATE OF id, claim_id ON reviews_review WHEN NEW.claim_id IS NOT OLD.claim_id OR NEW.id IS NOT OLD.id",
        "a review keeps its id and its claim",
    )
    rules += _trigger(
        "reviews_review_workflow",
        f"{changed} AND (OLD.state || '>' || NEW.state) NOT IN ({edges()})",
        "not a transition of the workflow",
    )
    rules += _trigger(
        "reviews_review_recorded",
        f"{changed} AND ({_latest('event_type')} IS NOT {edge_event(EDGE)}"
        f" OR {_latest("json_extract(after, '$.state')")} IS NOT NEW.state)",
        "the state change is not what the review's latest audit event records",
    )
    rules += _trigger(
        "reviews_review_conflict_gate",
        f"{changed} AND NEW.dual_grading AND {EDGE} IN ({gated_edges()}) AND {GATE_SHUT.format(review='NEW.id')}",
        "conflict gate: both independent gradings submitted and every disagreement resolved first",
    )
    rules += _trigger(
        "reviews_review_dual_grading_stays",
        "BEFORE UPDATE OF dual_grading ON reviews_review WHEN OLD.dual_grading AND NOT NEW.dual_grading",
        "dual grading, once required, stays required",
    )
    rules += _trigger(
        "reviews_review_four_eyes",
        f"{changed} AND NEW.state IN ({decisions}) "
        f"AND (NEW.decided_by_id IS NULL OR {CONTRIBUTED.format(review='NEW.id', user='NEW.decided_by_id')})",
        "four-eyes: the decision needs someone who took no part in the review",
    )
    rules += _trigger(
        "reviews_review_approval_recorded",
        f"{changed} AND NEW.state = 'approved' AND ({_latest('actor_id')} IS NOT NEW.decided_by_id "
        f"OR {_latest("json_extract(after, '$.approved_hash')")} IS NOT NEW.approved_hash "
        f"OR {_latest("json(json_extract(after, '$.approved_snapshot'))")} IS NOT json(NEW.approved_snapshot))",
        "the approval is not the one its audit event records",
    )
    rules += _trigger(
        "reviews_review_published_with_publication",
        f"{changed} AND NEW.state = 'published' AND NOT EXISTS (SELECT 1 FROM reviews_publication p "
        "WHERE p.review_id = NEW.id AND p.approved_hash = NEW.approved_hash)",
        "published without a publication of its approval",
    )
    rules += _trigger(
        "reviews_review_approval_frozen",
        "BEFORE UPDATE ON reviews_review WHEN OLD.state = 'approved' AND NEW.state = 'approved' "
        "AND (NEW.approved_hash IS NOT OLD.approved_hash OR NEW.approved_snapshot IS NOT OLD.approved_snapshot "
        "OR NEW.decided_by_id IS NOT OLD.decided_by_id)",
        "an approval is frozen",
    )
    return rules


def _publication_rules() -> list[str]:
    published_fields = ", ".join(f"'$.{field}'" for field in PUBLICATION_FIELDS)
    insert = "BEFORE INSERT ON reviews_publication WHEN"
    standing_approval = (
        "(SELECT {column} FROM reviews_auditevent WHERE review_id = NEW.review_id "
        "AND event_type IN ('review.approved', 'review.approval_lapsed') ORDER BY seq DESC LIMIT 1)"
    )
    columns = " OR ".join(
        f"json_extract(NEW.snapshot, '$.{'.'.join(path)}') IS NOT NEW.{column}" for column, path in PUBLICATION_COLUMNS
    )
    rules = _trigger(
        "reviews_publication_gate",
        f"{insert} NOT EXISTS (SELECT 1 FROM reviews_review r WHERE r.id = NEW.review_id AND r.state = 'approved' "
        "AND r.claim_id = NEW.claim_id AND NEW.approved_hash <> '' AND r.approved_hash = NEW.approved_hash) "
        f"OR {CONTRIBUTED.format(review='NEW.review_id', user='NEW.published_by_id')} "
        "OR NOT NEW.is_current OR NEW.withdrawn_at IS NOT NULL",
        "a publication needs an approved review with that approval's hash, and a publisher who took no part",
    )
    rules += _trigger(
        "reviews_publication_recorded",
        f"{insert} {_latest('event_type', 'NEW.review_id')} IS NOT 'review.published' "
        f"OR {_latest('actor_id', 'NEW.review_id')} IS NOT NEW.published_by_id "
        f"OR {_latest("json_extract(after, '$.publication_version')", 'NEW.review_id')} IS NOT NEW.version "
        f"OR {_latest("json_extract(after, '$.approved_hash')", 'NEW.review_id')} IS NOT NEW.approved_hash",
        "a publication needs its review.published event, by its publisher, on the audit trail",
    )
    rules += _trigger(
        "reviews_publication_is_the_approved_snapshot",
        f"{insert} {standing_approval.format(column='event_type')} IS NOT 'review.approved' "
        f"OR {standing_approval.format(column='actor_id')} IS NOT "
        "(SELECT decided_by_id FROM reviews_review WHERE id = NEW.review_id) "
        f"OR {standing_approval.format(column="json(json_extract(after, '$.approved_snapshot'))")} "
        f"IS NOT json_remove(NEW.snapshot, {published_fields})",
        "a publication publishes exactly the snapshot its standing approval event records",
    )
    rules += _trigger(
        "reviews_publication_columns",
        f"{insert} {columns} OR COALESCE(json_extract(NEW.snapshot, '$.population'), '') IS NOT NEW.population "
        + "".join(
            f"OR (json_type(NEW.snapshot, '$.condition') IS NOT NULL "
            f"AND json_extract(NEW.snapshot, '$.{'.'.join(path)}') IS NOT NEW.{column}) "
            for column, path in PUBLICATION_CONDITION_COLUMNS
        ),
        "a publication's columns say what its snapshot says",
    )
    rules += _trigger(
        "reviews_publication_content_frozen",
        f"BEFORE UPDATE OF {PUBLICATION_CONTENT} ON reviews_publication",
        "UPDATE on reviews_publication: published data is immutable",
    )
    rules += _trigger(
        "reviews_publication_status_one_way",
        "BEFORE UPDATE OF is_current, withdrawn_at ON reviews_publication "
        "WHEN (OLD.is_current = 0 AND NEW.is_current = 1) "
        "OR (OLD.withdrawn_at IS NOT NULL AND NEW.withdrawn_at IS NOT OLD.withdrawn_at)",
        "a superseded or withdrawn version does not come back",
    )
    rules += _trigger(
        "reviews_publicationchange_matches",
        "BEFORE INSERT ON reviews_publicationchange WHEN NOT EXISTS (SELECT 1 FROM reviews_publication p "
        "WHERE p.id = NEW.publication_id AND p.claim_id = NEW.claim_id AND p.version = NEW.version "
        "AND ((NEW.kind = 'withdrawn' AND p.withdrawn_at IS NOT NULL) "
        "OR (NEW.kind <> 'withdrawn' AND p.is_current AND p.withdrawn_at IS NULL)))",
        "the changes feed says only what its publication's status says",
    )
    return rules + _filter_rules()


def _filter_rules() -> list[str]:
    """The API's filter rows of a publication are written with it, before its entry in the changes
    feed, never after (a forged row would tie a published claim to what it never said); a source
    row names a source its snapshot's appearances quote, by that source's file name."""
    rules = []
    for table in FILTER_TABLES:
        rules += _trigger(
            f"{table}_with_its_publication",
            f"BEFORE INSERT ON {table} WHEN {FILED.format(publication='NEW.publication_id')}",
            FILED_MESSAGE,
        )
    rules += _trigger(
        "reviews_publicationsource_quoted",
        "BEFORE INSERT ON reviews_publicationsource WHEN NOT EXISTS (SELECT 1 FROM reviews_publication p, "
        "json_each(p.snapshot, '$.appearances') a WHERE p.id = NEW.publication_id "
        "AND json_extract(a.value, '$.source') = NEW.file_name) "
        "OR NEW.file_name IS NOT (SELECT file_name FROM claims_source WHERE id = NEW.source_id)",
        SOURCE_MESSAGE,
    )
    return rules


def _column(model, field: str) -> str:
    return model._meta.get_field(field).column


def _dual_grading_rules() -> list[str]:
    """A submitted independent grading is frozen, with its outcomes, their judgements and references
    and its contraindications; a disagreement stays, about the same point, its resolution once made."""
    from reviews.models import Disagreement
    from reviews.models.dual_grading import DISAGREEMENT_POINT, DISAGREEMENT_RESOLUTION
    from reviews.models.outcomes import FROZEN_WITH_GRADING, OUTCOME_OF_SUBMITTED_GRADING, SUBMITTED_GRADING

    rules = []
    for operation in ("UPDATE", "DELETE"):
        rules += _trigger(
            f"reviews_grading_submitted_no_{operation.lower()}",
            f"BEFORE {operation} ON reviews_grading WHEN OLD.submitted_at IS NOT NULL",
            "a submitted independent grading is frozen",
        )
    frozen = (
        ("reviews_outcome", SUBMITTED_GRADING, "grading_id"),
        ("reviews_gradingcontraindication", SUBMITTED_GRADING, "grading_id"),
        ("reviews_domainjudgement", OUTCOME_OF_SUBMITTED_GRADING, "outcome_id"),
        ("reviews_outcomereference", OUTCOME_OF_SUBMITTED_GRADING, "outcome_id"),
    )
    for table, check, column in frozen:
        ids = {"INSERT": f"NEW.{column}", "UPDATE": f"OLD.{column}, NEW.{column}", "DELETE": f"OLD.{column}"}
        for operation, row_ids in ids.items():
            rules += _trigger(
                f"{table}_grading_submitted_{operation.lower()}",
                f"BEFORE {operation} ON {table} WHEN {check.format(ids=row_ids)}",
                FROZEN_WITH_GRADING.replace("%", operation, 1).replace("%", table, 1),
            )
    point = [_column(Disagreement, field) for field in DISAGREEMENT_POINT]
    resolution = [_column(Disagreement, field) for field in DISAGREEMENT_RESOLUTION]
    rules += _trigger(
        "reviews_disagreement_never_deleted", "BEFORE DELETE ON reviews_disagreement", "a disagreement is never deleted"
    )
    rules += _trigger(
        "reviews_disagreement_point_fixed",
        f"BEFORE UPDATE OF {', '.join(point)} ON reviews_disagreement WHEN "
        + " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in point),
        "what a disagreement is about does not change",
    )
    rules += _trigger(
        "reviews_disagreement_resolution_frozen",
        "BEFORE UPDATE ON reviews_disagreement WHEN OLD.resolution <> '' AND ("
        + " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in resolution)
        + ")",
        "a resolution, once made, does not change",
    )
    return rules


def statements() -> list[str]:
    # Each rule drops and creates its trigger: the names of reviews 0003 and 0006's triggers are
    # reused (reviews_auditevent_no_update, reviews_publication_content_frozen, ...).
    result = _review_rules() + _publication_rules() + _dual_grading_rules()
    for table in append_only_tables():
        if table == "reviews_publication":
            result += _trigger(
                "reviews_publication_no_delete",
                "BEFORE DELETE ON reviews_publication",
                "DELETE on reviews_publication: published data is immutable",
            )
            continue
        for operation in ("UPDATE", "DELETE"):
            result += _trigger(
                f"{table}_no_{operation.lower()}",
                f"BEFORE {operation} ON {table}",
                f"{operation} on {table}: the table is append-only",
            )
    return result
