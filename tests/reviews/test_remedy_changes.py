"""Remedies are reviewed data: adding one and changing its aliases go through services, on the
record, and the admin's alias inline uses them."""

import re

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from claims import edits as catalogue_edits
from claims.models import Category, Remedy, RemedyAlias, RiskTier
from core.errors import Conflict, NotAllowed

pytestmark = pytest.mark.django_db


def remedy_events(remedy) -> list[tuple[str, dict, dict]]:
    return [(e.event_type, e.before, e.after) for e in AuditEvent.objects.filter(remedy_id=remedy.pk).order_by("seq")]


def new_remedy(name="tart cherry juice"):
    return Remedy(name=name, category=Category.FOOD_DRINK, risk_tier=RiskTier.LOW, risk_reason="A food.")


def test_senior_adds_a_remedy_on_the_record(senior):
    remedy = catalogue_edits.remedy_add(remedy=new_remedy(), actor=senior)
    [(event_type, before, after)] = remedy_events(remedy)
    assert event_type == "remedy.added" and before == {}
    assert after["name"] == "tart cherry juice" and after["risk_tier"] == "low"


def test_reviewer_may_not_add_a_remedy(reviewer):
    with pytest.raises(NotAllowed):
        catalogue_edits.remedy_add(remedy=new_remedy(), actor=reviewer)
    assert not Remedy.objects.filter(name="tart cherry juice").exists()


def test_alias_changes_are_recorded_with_before_and_after(senior):
    quinine = Remedy.objects.get(name="quinine")
    before = sorted(quinine.aliases.values_list("alias", flat=True), key=str.lower)
    wanted = [*before[1:], "Quinine sulphate tablets"]
    catalogue_edits.remedy_set_aliases(remedy=quinine, actor=senior, aliases=wanted)
    assert sorted(quinine.aliases.values_list("alias", flat=True), key=str.lower) == sorted(wanted, key=str.lower)
    assert remedy_events(quinine) == [
        ("remedy.changed", {"aliases": before}, {"aliases": sorted(wanted, key=str.lower)})
    ]
    catalogue_edits.remedy_set_aliases(remedy=quinine, actor=senior, aliases=wanted)  # no change, no event
    assert len(remedy_events(quinine)) == 1


def test_an_alias_of_another_remedy_is_refused_and_nothing_changes(senior):
    quinine = Remedy.objects.get(name="quinine")
    taken = RemedyAlias.objects.exclude(remedy=quinine).first()
    before = set(quinine.aliases.values_list("alias", flat=True))
    with pytest.raises(Conflict, match=re.escape(taken.alias.upper())):
        catalogue_edits.remedy_set_aliases(remedy=quinine, actor=senior, aliases=[taken.alias.upper()])
    assert set(quinine.aliases.values_list("alias", flat=True)) == before
    assert remedy_events(quinine) == []


def test_reviewer_may_not_change_aliases(reviewer):
    quinine = Remedy.objects.get(name="quinine")
    with pytest.raises(NotAllowed):
        catalogue_edits.remedy_set_aliases(remedy=quinine, actor=reviewer, aliases=["anything"])


def _remedy_form(remedy, aliases: list[RemedyAlias], new_alias: str, delete: RemedyAlias | None) -> dict:
    data = {
        "name": remedy.name,
        "category": remedy.category,
        "atc_code": remedy.atc_code,
        "risk_tier": remedy.risk_tier,
        "risk_reason": remedy.risk_reason,
        "aliases-TOTAL_FORMS": str(len(aliases) + 1),
        "aliases-INITIAL_FORMS": str(len(aliases)),
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
    }
    for n, alias in enumerate(aliases):
        data |= {
            f"aliases-{n}-id": str(alias.pk),
            f"aliases-{n}-remedy": str(remedy.pk),
            f"aliases-{n}-alias": alias.alias,
        }
        if alias == delete:
            data[f"aliases-{n}-DELETE"] = "on"
    data |= {f"aliases-{len(aliases)}-remedy": str(remedy.pk), f"aliases-{len(aliases)}-alias": new_alias}
    return data


def test_admin_alias_inline_goes_through_the_service(client, senior):
    quinine = Remedy.objects.get(name="quinine")
    aliases = list(quinine.aliases.order_by("pk"))
    client.force_login(senior)
    response = client.post(
        reverse("admin:claims_remedy_change", args=[quinine.pk]),
        _remedy_form(quinine, aliases, "Chinin", delete=aliases[0]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    expected = sorted({a.alias for a in aliases[1:]} | {"Chinin"}, key=str.lower)
    assert sorted(quinine.aliases.values_list("alias", flat=True), key=str.lower) == expected
    [(event_type, before, after)] = remedy_events(quinine)
    assert event_type == "remedy.changed" and after == {"aliases": expected}
    assert AuditEvent.objects.get(remedy_id=quinine.pk).actor == senior
