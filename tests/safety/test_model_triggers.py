"""The append-only and immutability rules each model declares in `Meta.triggers` (django-pgtrigger,
core.triggers): they cover every table of reviews.append_only (the list the application role's
grants read), the migrations install exactly what the models declare, nothing of the raw triggers
they replaced is left beside them, and `pgtrigger.ignore` switches none of them off for the
application role. What each rule refuses is tested where the rule matters (test_database_routes,
tests/reviews/test_audit.py, test_review_publish.py, test_app_role_postgres.py)."""

import pgtrigger
import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from reviews.append_only import APPEND_ONLY_MODELS, STATUS_ONLY_MODELS, append_only_tables
from reviews.models import Publication
from tests.factories import ReviewFactory

ROW_HISTORY = "row history"  # pghistory's event models: its `append_only`, and core.triggers' `no_truncate`
EXPECTED = {
    **{label: {"append_only", "no_truncate"} for label in APPEND_ONLY_MODELS},
    "reviews.Publication": {"no_truncate", "no_delete", "content_frozen", "status_one_way"},
    "reviews.Review": {"keeps_its_claim", "approval_frozen"},
    # Blinded dual grading: a submitted grading frozen with what it holds; disagreements kept.
    "reviews.Grading": {"submitted_frozen"},
    **{
        label: {"grading_submitted"}
        for label in (
            "reviews.Outcome",
            "reviews.DomainJudgement",
            "reviews.OutcomeReference",
            "reviews.GradingContraindication",
        )
    },
    "reviews.Disagreement": {"never_deleted", "point_fixed", "resolution_frozen"},
}
# Triggers on these tables that are not the models' own: the ones reviews.db_rules generates from
# the workflow table.
WORKFLOW_TRIGGERS = {
    "reviews_review_rules", "reviews_publication_rules", "reviews_publicationchange_rules",
    # a publication's rows for the API's filters come with it, never after (reviews.db_rules)
    "reviews_publicationcondition_with_its_publication", "reviews_publicationremedyname_with_its_publication",
    "reviews_publicationsource_with_its_publication", "reviews_publicationsource_quoted",
}  # fmt: skip


def declared(model) -> set[str]:
    return {trigger.name for trigger in getattr(model._meta, "triggers", [])}


def test_every_append_only_table_declares_its_triggers():
    assert set(STATUS_ONLY_MODELS) <= set(EXPECTED)
    for label, names in EXPECTED.items():
        assert names <= declared(apps.get_model(label)), label
    row_history = [model for model in apps.get_models() if model._meta.db_table in append_only_tables()]
    for model in row_history:
        if model._meta.label not in EXPECTED:
            assert {"append_only", "no_truncate"} <= declared(model), f"{model._meta.label} ({ROW_HISTORY})"
    assert {m._meta.db_table for m in row_history} == set(append_only_tables())


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_migrations_install_what_the_models_declare_and_nothing_of_the_old_raw_triggers():
    for model, trigger in pgtrigger.registered():
        assert trigger.get_installation_status(model) == ("INSTALLED", True), trigger.get_uri(model)
    tables = [*append_only_tables(), "reviews_review"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = ANY(%s::regclass[]) AND NOT tgisinternal "
            "AND tgname NOT LIKE 'pgtrigger\\_%%'",
            [tables],
        )
        assert {name for (name,) in cursor.fetchall()} == WORKFLOW_TRIGGERS
        cursor.execute(
            "SELECT proname FROM pg_proc WHERE proname IN "
            "('reviews_refuse_append_only_change', 'reviews_refuse_change', 'reviews_auditevent_refuse_change')"
        )
        assert cursor.fetchall() == []


@pytest.mark.postgres
@pytest.mark.django_db
def test_pgtrigger_ignore_switches_off_none_of_the_models_rules_for_the_app_role(
    app_role, standard_claim, high_claim, reviewer, reference, reviewer2, senior
):
    """The application role may UPDATE a review and a publication's status columns: only the
    models' triggers stand between it and a withdrawn claim served again, or a review moved to
    another claim. It lists all of them in pgtrigger.ignore, in vain; the owner (maintenance) may."""
    review = ReviewFactory(
        withdrawn=True, claim=standard_claim, grader=reviewer, reference=reference, second_reviewer=reviewer2,
        senior=senior,
    )  # fmt: skip
    publication = Publication.objects.get(review=review)
    bring_back = "UPDATE reviews_publication SET is_current = true, withdrawn_at = NULL WHERE id = %s"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_agg(tgname::text) FROM pg_trigger WHERE tgname LIKE 'pgtrigger\\_%%' "
            "AND tgrelid IN ('reviews_publication'::regclass, 'reviews_review'::regclass)"
        )
        (names,) = cursor.fetchone()
        cursor.execute("SELECT set_config('pgtrigger.ignore', %s, true)", ["{" + ",".join(names) + "}"])
        cursor.execute(f'SET LOCAL ROLE "{app_role["user"]}"')
    for statement, params, refusal in (
        (bring_back, [publication.pk], "does not come back"),
        ("UPDATE reviews_review SET claim_id = %s WHERE id = %s", [high_claim.pk, review.pk], "keeps its id"),
    ):
        with pytest.raises(DatabaseError, match=refusal), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, params)

    with connection.cursor() as cursor:  # the owner's switch works: the list above named the right triggers
        cursor.execute("RESET ROLE")
        cursor.execute(bring_back, [publication.pk])
    publication.refresh_from_db()
    assert publication.is_current and publication.withdrawn_at is None
