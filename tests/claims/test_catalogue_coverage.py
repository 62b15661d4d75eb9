"""What the loaded catalogue must contain: every article, every kind, the remedies that matter."""

import pytest
from django.db.models import Count

from claims.models import Appearance, Claim, ClaimKind, Remedy, Source

pytestmark = pytest.mark.django_db


def test_five_sources_with_several_hundred_claims():
    assert Source.objects.count() == 5
    assert Appearance.objects.count() >= 300
    assert Claim.objects.count() >= 150


@pytest.mark.parametrize("source", ["000", "001", "002", "003", "004"])
def test_each_article_contributes_claims_of_several_kinds(source):
    kinds = set(Appearance.objects.filter(source__file_name__startswith=source).values_list("claim__kind", flat=True))
    assert len(kinds) >= 3, kinds


def test_all_kinds_are_used():
    assert set(Claim.objects.values_list("kind", flat=True)) == set(ClaimKind.values)


@pytest.mark.parametrize(
    "remedy",
    [
        "quinine",
        "needle pricking",
        "turpentine, egg yolk and vinegar rub",
        "celandine ointment",
    ],
)
def test_named_remedies_are_claimed(remedy):
    assert Claim.objects.filter(remedy__name=remedy).exists()


@pytest.mark.parametrize(
    ("brand", "ingredient"),
    [
        ("Analgin", "metamizole"),
        ("Mydocalm", "tolperisone"),
        ("Midokalm", "tolperisone"),
        ("Difenin", "phenytoin"),
        ("Sirdalud", "tizanidine"),
        ("Panangin", "potassium and magnesium aspartate"),
    ],
)
def test_brands_in_quotes_resolve_to_their_ingredient(brand, ingredient):
    remedy = Remedy.objects.get(aliases__alias__iexact=brand)
    assert remedy.name == ingredient
    quoted = Appearance.objects.filter(quote__contains=brand)
    assert quoted.exists(), f"no quote mentions {brand}"
    assert quoted.filter(claim__remedy=remedy).exists()


def test_same_assertion_in_several_articles_is_one_claim():
    shared = Claim.objects.annotate(n=Count("appearances__source", distinct=True)).filter(n__gte=2)
    assert shared.exists()
    assert not Claim.objects.values("remedy", "kind", "population").annotate(n=Count("id")).filter(n__gt=1).exists()


def test_every_remedy_has_a_risk_tier_and_reason():
    assert not Remedy.objects.filter(risk_reason="").exists()
    for name in ["quinine", "metamizole", "tolperisone", "needle pricking", "celandine ointment"]:
        assert Remedy.objects.get(name=name).risk_tier == "high"
