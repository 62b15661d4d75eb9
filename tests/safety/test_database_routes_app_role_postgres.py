"""The workflow's database rules as the application role sees them (PostgreSQL): with the web
service's own credentials, the ORM and psql cannot put an unapproved claim in front of a content
team, nor bring a withdrawn one back."""

import os

import psycopg
import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from claims.models import Appearance, Claim
from core.tokens import token_issue
from reviews import services
from reviews.models import Contraindication, Publication, Review
from tests.factories import ReviewFactory, UserFactory
from tests.helpers import CORPUS_DIR

pytestmark = [pytest.mark.postgres]

REFUSED = (psycopg.errors.RaiseException, psycopg.errors.CheckViolation, psycopg.errors.InsufficientPrivilege)


@pytest.fixture
def world(as_app_role):
    """Made through the services, as the application role, committed: a draft, a review under
    review, an approved one, and a withdrawn one."""
    people = {
        "reviewer": UserFactory(username="ar_rev", role="reviewer"),
        "reviewer2": UserFactory(username="ar_rev2", role="reviewer"),
        "senior": UserFactory(username="ar_sen", role="senior_reviewer"),
        "content": UserFactory(username="ar_content", role="content_reader", is_staff=False),
    }
    if not Claim.objects.exists():  # a transactional test before this one flushed the catalogue
        call_command("load_catalogue", corpus=CORPUS_DIR, stdout=open(os.devnull, "w"))
    claims = list(Claim.objects.filter(remedy__risk_tier="low").order_by("pk")[:4])
    roles = {"grader": people["reviewer"], "second_reviewer": people["reviewer2"], "senior": people["senior"]}
    draft, submitted, approved, withdrawn = (
        ReviewFactory(claim=claim, **roles, **{trait: True})
        for claim, trait in zip(claims, ("graded", "submitted", "approved", "withdrawn"), strict=True)
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=people['content'])}")
    return {"people": people, "draft": draft, "submitted": submitted, "approved": approved,
            "withdrawn": withdrawn, "api": client}  # fmt: skip


def published_ids(world) -> set[int]:
    return {row["id"] for row in world["api"].get("/api/v1/claims/").json()["results"]}


def attack(conn, statement: str, params=()):
    with pytest.raises(REFUSED), conn.transaction():
        conn.execute(statement, params)


def test_the_app_role_cannot_route_around_the_workflow(world, app_role_connection):
    """One test, one world: each transactional test costs a flush and a catalogue load."""
    state_changes_past_the_workflow_are_refused(world, app_role_connection)
    a_publication_inserted_directly_is_refused(world, app_role_connection)
    a_withdrawn_claim_does_not_come_back(world, app_role_connection)
    an_appearance_quotes_its_article(world, app_role_connection)
    the_approval_lapses_as_the_app_role_too(world)


def state_changes_past_the_workflow_are_refused(world, app_role_connection):
    attack(app_role_connection, "UPDATE reviews_review SET state = 'approved' WHERE id = %s", [world["draft"].pk])
    attack(app_role_connection, "UPDATE reviews_review SET state = 'published' WHERE id = %s", [world["approved"].pk])
    grader = world["people"]["reviewer"].pk
    attack(
        app_role_connection,
        "UPDATE reviews_review SET state = 'approved', decided_by_id = %s, approved_hash = 'x', "
        "approved_snapshot = '{}' WHERE id = %s",
        [grader, world["submitted"].pk],
    )
    attack(app_role_connection, "UPDATE reviews_review SET approved_hash = 'x' WHERE id = %s", [world["approved"].pk])
    attack(app_role_connection, "DELETE FROM reviews_reviewcontribution WHERE review_id = %s", [world["submitted"].pk])
    assert Review.objects.get(pk=world["draft"].pk).state == "draft"
    assert published_ids(world) == set()


def a_publication_inserted_directly_is_refused(world, app_role_connection):
    approved, senior = world["approved"], world["people"]["senior"]
    approved.refresh_from_db()
    for review, snapshot in ((world["draft"], "{}"), (approved, '{"statement": "forged"}')):
        attack(
            app_role_connection,
            "INSERT INTO reviews_publication (claim_id, review_id, version, is_current, snapshot, approved_hash, "
            "remedy_id, remedy_name, category, kind, population, risk_tier, certainty, recommendation, search_text, "
            "change_note, published_by_id, published_at) SELECT r.claim_id, r.id, 1, true, %s::jsonb, "
            "r.approved_hash, c.remedy_id, 'x', 'x', 'x', '', 'low', 'low', 'strong_for', '', '', %s, now() "
            "FROM reviews_review r "
            "JOIN claims_claim c ON c.id = r.claim_id WHERE r.id = %s",
            [snapshot, senior.pk, review.pk],
        )
    assert not Publication.objects.filter(review__in=[world["draft"], approved]).exists()
    assert published_ids(world) == set()


def a_withdrawn_claim_does_not_come_back(world, app_role_connection):
    publication = Publication.objects.get(review=world["withdrawn"])
    attack(
        app_role_connection,
        "UPDATE reviews_publication SET is_current = true, withdrawn_at = NULL WHERE id = %s",
        [publication.pk],
    )
    attack(app_role_connection, "UPDATE reviews_review SET state = 'published' WHERE id = %s", [world["withdrawn"].pk])
    attack(app_role_connection, "TRUNCATE reviews_publicationchange")
    assert published_ids(world) == set()


def an_appearance_quotes_its_article(world, app_role_connection):
    """A draft's quote rewritten, or its article's text, would show a reviewer words the article
    never says (reviews.db_rules.quotes)."""
    appearance = world["draft"].claim.appearances.first()
    for statement, row in (
        ("UPDATE claims_appearance SET quote = upper(quote) WHERE id = %s", appearance.pk),
        ("UPDATE claims_source SET text = ' ' || text WHERE id = %s", appearance.source_id),
    ):
        # the role may UPDATE these tables: the rule refuses, not a missing privilege
        with pytest.raises(psycopg.errors.CheckViolation, match="quote"), app_role_connection.transaction():
            app_role_connection.execute(statement, [row])
    assert Appearance.objects.get(pk=appearance.pk).quote == appearance.quote
    assert appearance.source.text[appearance.start : appearance.end] == appearance.quote


def the_approval_lapses_as_the_app_role_too(world):
    approved = world["approved"]
    services.contraindication_save(
        actor=world["people"]["reviewer"],
        contraindication=Contraindication(
            remedy=approved.claim.remedy, condition="Asthma", severity="caution", rationale="Label.",
            source_kind="label",
        ),
    )  # fmt: skip
    assert Review.objects.get(pk=approved.pk).state == Review.State.IN_REVIEW
