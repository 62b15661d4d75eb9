"""Invariants the database holds, whatever writes to it."""

import pytest
from django.db import IntegrityError, transaction

from claims.models import Appearance, Claim, Remedy, RemedyAlias, Source

pytestmark = pytest.mark.django_db


def test_alias_is_unique_case_insensitively_across_remedies():
    quinine = Remedy.objects.get(name="quinine")
    with pytest.raises(IntegrityError), transaction.atomic():
        RemedyAlias.objects.create(remedy=quinine, alias="mYdOcAlM")


def test_remedy_name_is_unique_case_insensitively():
    with pytest.raises(IntegrityError), transaction.atomic():
        Remedy.objects.create(name="QUININE", category="drug", risk_tier="high", risk_reason="x")


@pytest.mark.parametrize("field", [{"category": "potion"}, {"risk_tier": "extreme"}, {"risk_reason": ""}])
def test_remedy_enums_and_reason_are_checked_by_the_database(field):
    values = {"name": "check remedy", "category": "drug", "risk_tier": "high", "risk_reason": "x"}
    with pytest.raises(IntegrityError), transaction.atomic():
        Remedy.objects.create(**{**values, **field})


def test_one_claim_per_condition_remedy_kind_and_population_including_general():
    claim = Claim.objects.filter(population__isnull=True).first()
    with pytest.raises(IntegrityError, match="(?i)unique"), transaction.atomic():
        Claim.objects.create(
            condition=claim.condition, remedy=claim.remedy, kind=claim.kind, population=None, statement="again"
        )


def test_appearance_span_must_match_the_quote_length():
    appearance = Appearance.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Appearance.objects.create(
            claim=appearance.claim, source=appearance.source, quote="four", start=10_000, end=10_010
        )


def test_source_checksum_must_be_hex():
    condition = Claim.objects.first().condition
    with pytest.raises(IntegrityError, match="source_sha256_hex"), transaction.atomic():
        Source.objects.create(file_name="x.txt", title="x", condition=condition, sha256="not-a-checksum")
