"""Conditions: what an article and its claims are about (claims.conditions, claims 0009)."""

import io
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from claims.conditions import condition_named, condition_slug, default_statement, find_condition
from claims.decisions import proposal_accept
from claims.models import Claim, ClaimKind, Condition, Remedy, Source
from tests.ingest.store_helpers import PROPOSED, store

pytestmark = pytest.mark.django_db


def test_slugs_come_from_names_and_other_scripts_get_a_stable_one():
    assert condition_slug("Night leg  cramps") == "night-leg-cramps"
    assert condition_slug("night-leg-cramps") == "night-leg-cramps"
    cyrillic = condition_slug("судороги ног")
    assert cyrillic.startswith("condition-") and cyrillic == condition_slug("Судороги ног")
    assert cyrillic != condition_slug("изжога")


def test_a_condition_is_found_by_name_in_any_case_or_by_its_slug():
    heartburn = condition_named("Heartburn")
    assert condition_named("heartburn") == heartburn == find_condition("HEARTBURN") == find_condition("heartburn")
    assert Condition.objects.filter(name__iexact="heartburn").count() == 1
    assert find_condition("insomnia") is None
    with pytest.raises(ValidationError, match="Name the condition"):
        condition_named("   ")
    with pytest.raises(ValidationError, match="at most 200"):
        condition_named("x" * 201)


def test_the_catalogue_s_articles_and_claims_are_about_night_leg_cramps():
    cramps = Condition.objects.get()
    assert (cramps.name, cramps.slug) == ("night leg cramps", "night-leg-cramps")
    assert Source.objects.exclude(condition=cramps).count() == 0 and Source.objects.count() == 5
    assert Claim.objects.exclude(condition=cramps).count() == 0 and Claim.objects.count() > 300


def test_the_database_refuses_the_same_claim_twice_for_one_condition_but_not_for_two():
    claim = Claim.objects.filter(population__isnull=True).first()
    heartburn = condition_named("heartburn")
    fields = {"remedy": claim.remedy, "kind": claim.kind, "population": None, "statement": "Other wording."}
    Claim.objects.create(condition=heartburn, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(condition=claim.condition, **fields)


def test_default_statements_name_the_condition_and_nothing_else():
    assert default_statement("magnesium", ClaimKind.TREATMENT, None, "heartburn") == "Magnesium treats heartburn."
    assert default_statement("coffee", ClaimKind.CAUSE, "pregnancy", "insomnia") == (
        "Coffee can provoke insomnia (pregnancy)."
    )


def test_a_caution_for_those_taking_another_medicine_is_accepted_and_says_so(reviewer):
    """Population `other_medicines` (claims 0015): the proposer's reading of "if you take statins"
    reaches a claim, which the database's check of populations lets in."""
    text = "Cramps and your medicines\n\nIf you take statins, ask your doctor before taking magnesium.\n"
    start = text.index("If you")
    end = text.index("\n", start)
    caution = replace(
        PROPOSED[0], quote=text[start:end], start=start, end=end, surface="magnesium", kind="caution",
        population="other_medicines", dose="",
    )  # fmt: skip
    source = store(reviewer, text=text, proposals=[caution])
    claim = proposal_accept(proposal=source.proposals.get(), actor=reviewer).claim
    assert (claim.remedy.name, claim.kind, claim.population) == ("magnesium", "caution", "other_medicines")
    assert claim.statement == "Magnesium needs caution when used for night leg cramps (taking other medicines)."


def test_an_article_about_a_new_condition_adds_it_on_the_record(reviewer):
    source = store(reviewer, condition="Heartburn", proposals=[])
    assert source.condition.name == "Heartburn" and source.condition.slug == "heartburn"
    event = AuditEvent.objects.filter(event_type="article.added").latest("seq")
    assert (event.after["condition"], event.after["condition_added"]) == ("Heartburn", True)
    again = store(reviewer, text="Heartburn again.\n\nBaking soda in water.", condition="heartburn", proposals=[])
    assert again.condition == source.condition
    assert AuditEvent.objects.filter(event_type="article.added").latest("seq").after["condition_added"] is False


def test_accepting_in_an_article_about_another_condition_makes_that_condition_s_claim(reviewer):
    """The catalogue has "magnesium, prevention" for night leg cramps: the same proposal in an
    article about heartburn is a new claim about heartburn, not one more quote of the cramps claim."""
    cramps_claim = Claim.objects.get(
        remedy__name="magnesium", kind="prevention", population__isnull=True, condition__slug="night-leg-cramps"
    )
    quotes_before = cramps_claim.appearances.count()
    source = store(reviewer, proposals=PROPOSED[:1], condition="heartburn")
    proposal = proposal_accept(proposal=source.proposals.get(), actor=reviewer)
    claim = proposal.claim
    assert claim != cramps_claim and claim.condition.slug == "heartburn"
    assert claim.statement == "Magnesium prevents heartburn."
    assert cramps_claim.appearances.count() == quotes_before
    event = AuditEvent.objects.filter(event_type="claim.added").latest("seq")
    assert event.after["condition"] == claim.condition_id


def test_the_command_needs_a_condition_to_store_and_writes_nothing_without(tmp_path):
    path = tmp_path / "remedies.txt"
    path.write_text("Heartburn remedies\n\nDrink a glass of milk.\n", encoding="utf-8")
    before = (Source.objects.count(), AuditEvent.objects.count())
    with pytest.raises(CommandError, match=r"--condition: name the condition .*known: night leg cramps"):
        call_command("ingest_article", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert (Source.objects.count(), AuditEvent.objects.count()) == before
    out = io.StringIO()
    call_command("ingest_article", str(path), "--condition", "heartburn", stdout=out, stderr=io.StringIO())
    assert "about heartburn" in out.getvalue()
    assert Source.objects.get(title="Heartburn remedies").condition.slug == "heartburn"


def test_a_senior_may_move_a_claim_to_another_condition_on_the_record(senior):
    from claims.edits import claim_update

    claim = Claim.objects.filter(remedy__name="quinine").first()
    insomnia = condition_named("insomnia")
    claim_update(claim=claim, actor=senior, condition=insomnia)
    event = AuditEvent.objects.filter(event_type="claim.changed").latest("seq")
    assert (event.before["condition"], event.after["condition"]) == (
        Condition.objects.get(slug="night-leg-cramps").pk,
        insomnia.pk,
    )
    assert Remedy.objects.get(name="quinine").claims.filter(condition=insomnia).count() == 1


def test_the_conditions_list_shows_each_with_its_articles_and_claims_read_only(client, reviewer):
    client.force_login(reviewer)
    page = client.get("/admin/claims/condition/").content.decode()
    cramps = Condition.objects.get(slug="night-leg-cramps")
    assert "night-leg-cramps" in page and f">{cramps.claims.count()}<" in page
    assert client.get("/admin/claims/condition/add/").status_code == 403
    assert client.post(f"/admin/claims/condition/{cramps.pk}/delete/").status_code == 403


def test_the_claims_list_s_source_filter_names_an_ingested_article_by_its_condition(client, reviewer):
    source = store(reviewer, condition="heartburn", proposals=[])
    client.force_login(reviewer)
    page = client.get("/admin/claims/claim/").content.decode()
    assert f"{source.title[:60]} (heartburn)" in page and "(000)" in page


@pytest.mark.parametrize(
    ("remedy", "kind", "statement"),
    [
        ("antacids", ClaimKind.RELIEF, "Antacids bring relief during an episode of heartburn."),
        ("small frequent meals", ClaimKind.PREVENTION, "Small frequent meals prevent heartburn."),
        ("compression stockings", ClaimKind.CAUTION, "Compression stockings need caution when used for heartburn."),
        ("leafy greens", ClaimKind.TREATMENT, "Leafy greens treat heartburn."),
        ("diuretics", ClaimKind.CAUSE, "Diuretics can provoke heartburn."),
        ("analgesics", ClaimKind.TREATMENT, "Analgesics treat heartburn."),
        ("hibiscus", ClaimKind.TREATMENT, "Hibiscus treats heartburn."),
        ("mindfulness", ClaimKind.TREATMENT, "Mindfulness treats heartburn."),
        ("molasses", ClaimKind.TREATMENT, "Molasses treats heartburn."),
        ("citrus", ClaimKind.CAUSE, "Citrus can provoke heartburn."),
        ("magnesium", ClaimKind.RELIEF, "Magnesium brings relief during an episode of heartburn."),
    ],
)
def test_a_default_statement_agrees_with_a_plural_name(remedy, kind, statement):
    # "Antacids brings relief" went into the claim, and from there to the content API once published.
    assert default_statement(remedy, kind, None, "heartburn") == statement
