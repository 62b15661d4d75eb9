"""The tables that only ever grow: the audit trail, what was published, and row history.

One list read by the grants of the application's database role, which may only SELECT and INSERT
on them, and by SQLite's triggers (reviews.db_rules.sqlite). On PostgreSQL each of these models
declares its own triggers (`Meta.triggers`, core.triggers: UPDATE, DELETE and TRUNCATE refused;
row history through core.triggers.track_history); tests/safety/test_model_triggers.py checks that
the declarations and this list agree.
"""

from django.apps import apps

# Model labels, so the list survives a table rename. Publication is append-only but for its
# status columns (is_current, withdrawn_at), which move one way only (see its Meta.triggers).
APPEND_ONLY_MODELS = (
    "audit.AuditEvent",
    "reviews.ReviewContribution",
    "reviews.PublicationChange",
    "reviews.PublicationCondition",
    "reviews.PublicationRemedyName",
    "reviews.PublicationSource",
)
STATUS_ONLY_MODELS = ("reviews.Publication",)


def _row_history_models() -> list[str]:
    """django-pghistory's event tables: the row history of tracked models."""
    labels = []
    for model in apps.get_models():
        if model._meta.app_label in {"claims", "reviews"} and model.__name__.endswith("Event"):
            if model._meta.label != "audit.AuditEvent" and hasattr(model, "pgh_obj"):
                labels.append(model._meta.label)
    return sorted(labels)


def append_only_tables() -> list[str]:
    """Every table no one may TRUNCATE, UPDATE or DELETE (Publication's status columns aside)."""
    labels = [*APPEND_ONLY_MODELS, *STATUS_ONLY_MODELS, *_row_history_models()]
    return [apps.get_model(label)._meta.db_table for label in labels]
