"""Someone holding the web service's database credentials (the application role, set up by
`grant_app_role`) cannot remove, rewrite or switch off what the database keeps: no TRUNCATE, no
DDL, no disabled triggers, no UPDATE or DELETE of the append-only tables. And the service itself
still works as that role, from starting a review to withdrawing its publication."""

import psycopg
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test import Client
from psycopg import errors, sql

from audit.models import AuditEvent
from claims.conditions import condition_named
from claims.models import Claim, Remedy
from reviews import services
from reviews.append_only import append_only_tables
from reviews.models import Publication, ReviewEvent
from reviews.publishing import services as publishing
from tests.factories import ReferenceFactory, UserFactory
from tests.helpers import grade

pytestmark = pytest.mark.postgres

APPEND_ONLY = append_only_tables()


def refused(conn: psycopg.Connection, statement, params=None) -> str:
    """Run a statement as the role; it must be refused for want of a privilege. Returns the error."""
    with pytest.raises(errors.InsufficientPrivilege) as excinfo:
        with conn.transaction(force_rollback=True):
            conn.execute(statement, params)
    return str(excinfo.value)


def one(conn: psycopg.Connection, query: str, params=None):
    return conn.execute(query, params).fetchone()[0]


def a_trigger_on(conn: psycopg.Connection, table: str) -> str:
    return one(conn, "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal LIMIT 1", [table])


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_truncate_is_refused_on_every_append_only_table(app_role_connection, table):
    message = refused(app_role_connection, sql.SQL("TRUNCATE {} CASCADE").format(sql.Identifier(table)))
    assert f"permission denied for table {table}" in message


def test_no_table_grants_truncate_references_or_trigger(app_role_connection):
    held = app_role_connection.execute(
        "SELECT relname, p FROM pg_class, unnest(ARRAY['TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p "
        "WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p') "
        "AND has_table_privilege(current_user, oid, p)"
    ).fetchall()
    assert held == []
    refused(app_role_connection, "TRUNCATE claims_claim CASCADE")


@pytest.mark.parametrize("table", APPEND_ONLY)
def test_update_and_delete_on_append_only_tables_are_refused_by_privilege(app_role_connection, table):
    """Refused before any trigger runs: the message is the privilege check's, not a trigger's."""
    name = sql.Identifier(table)
    assert f"permission denied for table {table}" in refused(
        app_role_connection, sql.SQL("UPDATE {} SET id = id").format(name)
    )
    assert f"permission denied for table {table}" in refused(
        app_role_connection, sql.SQL("DELETE FROM {}").format(name)
    )


def test_a_publication_s_content_cannot_be_updated_only_its_status(app_role_connection):
    for column in ("snapshot", "version", "published_by_id", "claim_id", "search_text", "remedy_name"):
        message = refused(
            app_role_connection, sql.SQL("UPDATE reviews_publication SET {0} = {0}").format(sql.Identifier(column))
        )
        assert "permission denied for table reviews_publication" in message
    with app_role_connection.transaction(force_rollback=True):  # the column grant the service uses
        app_role_connection.execute("UPDATE reviews_publication SET is_current = false, withdrawn_at = now()")


def test_row_history_cannot_be_rewritten_even_with_pgtrigger_switched_off(app_role_connection):
    """django-pgtrigger triggers skip themselves for the names in pgtrigger.ignore, a setting any
    session may set: the privileges do not depend on them."""
    for table in ("reviews_reviewevent", "claims_remedyevent"):
        trigger = a_trigger_on(app_role_connection, table)
        with pytest.raises(errors.InsufficientPrivilege), app_role_connection.transaction(force_rollback=True):
            app_role_connection.execute("SELECT set_config('pgtrigger.ignore', %s, true)", ["{" + trigger + "}"])
            app_role_connection.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))


def test_pgtrigger_ignore_does_not_switch_off_row_history_for_the_app_role(app_role_connection):
    conn = app_role_connection
    update_trigger = one(
        conn,
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'claims_remedy'::regclass AND tgname LIKE 'pgtrigger_update%'",
    )
    with conn.transaction(force_rollback=True):
        remedy_id = one(
            conn,
            "INSERT INTO claims_remedy (name, category, risk_tier, risk_reason, atc_code, created_at, updated_at) "
            "VALUES ('app role probe', 'maneuver', 'low', 'probe', '', now(), now()) RETURNING id",
        )
        history = "SELECT count(*) FROM claims_remedyevent WHERE pgh_obj_id = %s"
        before = one(conn, history, [remedy_id])
        conn.execute("SELECT set_config('pgtrigger.ignore', %s, true)", ["{" + update_trigger + "}"])
        conn.execute("UPDATE claims_remedy SET risk_reason = 'changed unseen?' WHERE id = %s", [remedy_id])
        assert one(conn, history, [remedy_id]) == before + 1


@pytest.mark.parametrize(
    "attack",
    [
        "ALTER TABLE reviews_auditevent DISABLE TRIGGER ALL",
        "ALTER TABLE reviews_publication DISABLE TRIGGER ALL",
        "DROP TRIGGER {trigger} ON reviews_auditevent",
        "ALTER TABLE reviews_publication DROP CONSTRAINT {constraint}",
        "ALTER TABLE reviews_review ADD COLUMN backdoor text",
        "ALTER TABLE reviews_auditevent OWNER TO CURRENT_USER",
        "DROP TABLE reviews_auditevent",
        "DROP TABLE claims_claim CASCADE",
        "CREATE TABLE forged_audit (id bigint)",
        "CREATE TEMPORARY TABLE reviews_reviewevent (id bigint)",
        "CREATE SCHEMA shadow",
        "CREATE OR REPLACE FUNCTION {function} RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
        "CREATE RULE skip_updates AS ON UPDATE TO reviews_auditevent DO INSTEAD NOTHING",
        "CREATE TRIGGER t BEFORE INSERT ON reviews_review FOR EACH ROW EXECUTE FUNCTION {function}",
        "SET session_replication_role = replica",
        "INSERT INTO django_migrations (app, name, applied) VALUES ('reviews', '9999_skipped', now())",
        "DELETE FROM django_migrations",
        "SELECT setval('reviews_publication_id_seq', 1)",
    ],
)
def test_ddl_and_trigger_switches_are_refused(app_role_connection, attack):
    conn = app_role_connection
    names = {
        "trigger": a_trigger_on(conn, "reviews_auditevent"),
        "constraint": one(
            conn, "SELECT conname FROM pg_constraint WHERE conrelid = 'reviews_publication'::regclass LIMIT 1"
        ),
        "function": one(
            conn,
            "SELECT tgfoid::regprocedure::text FROM pg_trigger "
            "WHERE tgrelid = 'reviews_auditevent'::regclass AND NOT tgisinternal LIMIT 1",
        ),
    }
    refused(conn, attack.format(**names))


def test_the_app_role_owns_nothing_and_is_nobody_else(app_role_connection):
    conn = app_role_connection
    attributes = "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user"
    assert one(conn, attributes) is False
    assert one(conn, "SELECT count(*) FROM pg_class WHERE relowner = current_user::regrole") == 0
    assert one(conn, "SELECT count(*) FROM pg_auth_members WHERE member = current_user::regrole") == 0


@pytest.mark.django_db
def test_grant_app_role_tightens_an_older_broader_grant(app_role):
    """Run again, the command revokes what it finds beyond the policy (here in the test's transaction)."""
    role = app_role["user"]
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT ALL ON reviews_auditevent, claims_claim TO "{role}"')
        cursor.execute(f'GRANT UPDATE (snapshot), REFERENCES (id) ON reviews_publication TO "{role}"')
        cursor.execute(f'GRANT CREATE ON SCHEMA public TO "{role}"')
        call_command("grant_app_role", role, stdout=open("/dev/null", "w"))
        cursor.execute(
            "SELECT has_table_privilege(%(r)s, 'reviews_auditevent', 'UPDATE'), "
            "has_table_privilege(%(r)s, 'claims_claim', 'TRUNCATE'), "
            "has_column_privilege(%(r)s, 'reviews_publication', 'snapshot', 'UPDATE'), "
            "has_any_column_privilege(%(r)s, 'reviews_publication', 'REFERENCES'), "
            "has_schema_privilege(%(r)s, 'public', 'CREATE'), "
            "has_table_privilege(%(r)s, 'claims_claim', 'UPDATE'), "
            "has_column_privilege(%(r)s, 'reviews_publication', 'is_current', 'UPDATE')",
            {"r": role},
        )
        assert cursor.fetchone() == (False, False, False, False, False, True, True)


@pytest.mark.django_db
def test_grant_app_role_refuses_a_role_that_would_bypass_the_grants(app_role):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"does not exist.*\n  CREATE ROLE \"no_such_role\" LOGIN PASSWORD"):
        call_command("grant_app_role", "no_such_role")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
    with pytest.raises(CommandError, match="must be another role"):
        call_command("grant_app_role", owner)
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT "{owner}" TO "{app_role["user"]}"')
    with pytest.raises(CommandError, match="is a member of"):
        call_command("grant_app_role", app_role["user"])


# The service, as the application role.


def test_the_whole_review_workflow_runs_as_the_app_role(as_app_role):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == as_app_role
    reviewer = UserFactory(username="app_rev1", role="reviewer")
    second = UserFactory(username="app_rev2", role="reviewer")
    senior = UserFactory(username="app_sen1", role="senior_reviewer")
    remedy = Remedy.objects.create(name="app role remedy", category="maneuver", risk_tier="low", risk_reason="x")
    claim = Claim.objects.create(
        condition=condition_named("night leg cramps"),
        remedy=remedy,
        kind="relief",
        statement="Stretching relieves a cramp.",
    )
    history_before = ReviewEvent.objects.count()

    review = services.review_start(claim=claim, actor=reviewer)
    review = grade(review, reviewer, ReferenceFactory())
    review = services.review_submit(review=review, actor=reviewer)
    review = services.review_approve(review=review, actor=second)
    publication = publishing.review_publish(review=review, actor=senior, note="first version")
    assert publication.is_current
    publishing.review_withdraw(review=review, actor=senior, reason="checked again")

    publication = Publication.objects.get(pk=publication.pk)
    assert not publication.is_current and publication.withdrawn_at is not None
    types = list(AuditEvent.objects.filter(review=review).order_by("seq").values_list("event_type", flat=True))
    assert types[0] == "review.started" and types[-2:] == ["review.published", "review.withdrawn"]
    assert "review.approved" in types
    assert ReviewEvent.objects.count() > history_before  # row history written by its triggers
    out = open("/dev/null", "w")
    call_command("verify_audit", stdout=out)


def test_admin_login_sessions_and_the_content_api_work_as_the_app_role(as_app_role):
    admin = UserFactory(username="app_admin", is_superuser=True, password="a-long-admin-password")
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "app_admin", "password": "a-long-admin-password"})
    assert response.status_code == 302, response.content[:500]
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/reviews/review/").status_code == 200
    assert client.get("/admin/audit/auditevent/").status_code == 200
    client.post("/admin/logout/")
    assert admin.pk

    reader = UserFactory(username="app_content", role="content_reader", is_staff=False)
    assert Group.objects.filter(name="content_reader").exists()
    from io import StringIO

    out = StringIO()
    call_command("issue_token", reader.username, stdout=out)
    token = out.getvalue().strip().splitlines()[-1]
    api = Client(headers={"Authorization": f"Token {token}"})
    assert api.get("/api/v1/claims/").status_code == 200
