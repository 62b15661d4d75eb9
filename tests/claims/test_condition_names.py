"""Conditions named by people (the Add-an-article form, ingest_article, the catalogue files): a
slug never makes two conditions one, and no name a person may type is a database error."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError
from django.urls import reverse

from claims.articles import ingest_article
from claims.conditions import condition_named, condition_slug, find_condition
from claims.ingest.text import article_from_pasted
from claims.models import Condition, Source

pytestmark = pytest.mark.django_db


def test_alpha_and_beta_thalassaemia_are_two_conditions():
    alpha = condition_named("α-thalassaemia")
    beta = condition_named("β-thalassaemia")
    assert beta.pk != alpha.pk and alpha.slug != beta.slug
    assert find_condition("β-thalassaemia") == beta and find_condition("Α-THALASSAEMIA") == alpha


def test_an_article_about_beta_thalassaemia_is_about_beta_thalassaemia(reviewer):
    condition_named("α-thalassaemia")
    source = ingest_article(
        article=article_from_pasted("Iron tablets are dangerous in beta thalassaemia. Folic acid helps."),
        actor=reviewer,
        condition="β-thalassaemia",
        title="Beta",
    )
    assert source.condition.name == "β-thalassaemia"


def test_two_long_names_differing_after_the_slug_s_length_stay_two_conditions():
    prefix = "chronic " + "very " * 36
    first = condition_named(prefix + "heartburn")
    second = condition_named(prefix + "insomnia")
    assert first.pk != second.pk and len(first.slug) <= 200


def test_spacing_case_and_punctuation_make_no_other_condition():
    assert condition_slug("Night leg-cramps") == condition_slug("night_leg  cramps") == "night-leg-cramps"
    assert condition_named("night_leg cramps") == Condition.objects.get(slug="night-leg-cramps")


def test_a_condition_written_with_an_underscore_is_stored_through_the_admin(client, reviewer):
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_source_add_article"),
        {"text": "Ginger tea settles the stomach at once.", "condition": "motion_sickness", "language": "en"},
    )
    assert "condition_slug_format" not in response.content.decode()
    assert response.status_code == 302
    assert Source.objects.get(title__startswith="Ginger tea").condition.slug == "motion-sickness"


def test_the_loader_refuses_to_move_an_article_to_another_condition(small_catalogue):
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    small_catalogue.source["source"]["condition"] = "heartburn"
    small_catalogue.write()
    claims_before = list(Source.objects.get(file_name="test_article.txt").appearances.values_list("claim", flat=True))
    with pytest.raises(CommandError, match="test_article.txt: condition .heartburn., but the database has"):
        small_catalogue.load("--corpus", str(small_catalogue.corpus))
    source = Source.objects.get(file_name="test_article.txt")
    assert source.condition.slug == "night-leg-cramps"
    assert list(source.appearances.values_list("claim", flat=True)) == claims_before
    assert not Condition.objects.filter(slug="heartburn").exists()


def test_spacing_and_number_make_no_other_condition():
    headache = condition_named("headache")
    assert condition_named("head ache") == headache and condition_named("Headaches") == headache
    assert condition_named("heartburn") != headache
    for one, other in [("UTI", "UTIs"), ("rash", "rashes"), ("allergy", "allergies"),
                       ("Down syndrome", "Down's syndrome"), ("stomach ache", "stomachaches")]:  # fmt: skip
        assert condition_named(one) == condition_named(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("AIDS", "aid"), ("Hepatitis A", "Hepatitis As"), ("B12 deficiency", "B1 2 deficiency"),
     ("type 1 diabetes", "type 2 diabetes"), ("hypertension", "hypotension")],
)  # fmt: skip
def test_names_that_differ_by_more_stay_two_conditions(one, other):
    assert condition_named(one) != condition_named(other)


def test_a_condition_known_before_the_rules_on_names_is_still_found(reviewer):
    legacy = Condition.objects.create(name="reflux <legacy>", slug="reflux-legacy")
    assert condition_named("reflux <legacy>") == legacy
    source = ingest_article(
        article=article_from_pasted("Chewing gum after meals eases reflux for many readers."),
        actor=reviewer,
        condition="reflux <legacy>",
    )
    assert source.condition == legacy


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("<img src=x onerror=alert(1)>", "is words (“<”"),
        ("!!!", "is words (“!”"),
        ("12 34", "is words (no letter"),
        ("x" * 200, "is not a word of a condition's name"),
        ("a", "“a” is too short to name a condition"),
        ("іnsomnia", "“іnsomnia” mixes Cyrillic and Latin letters: write it in one script"),
    ],
)
def test_a_name_that_is_not_words_is_refused_and_nothing_is_written(name, message):
    before = Condition.objects.count()
    with pytest.raises(ValidationError, match=re.escape(message)):
        condition_named(name)
    assert Condition.objects.count() == before


@pytest.mark.parametrize(
    "name",
    ["Crohn's disease", "reflux (GERD)", "type 2 diabetes", "β-thalassaemia", "Ehlers–Danlos syndrome",
     "hand, foot & mouth disease", "HER2+ breast cancer", "Crohn‘s"],
)  # fmt: skip
def test_the_marks_of_medical_names_are_kept(name):
    assert condition_named(name).name == name


def test_compatibility_forms_are_the_plain_letters():
    insomnia = condition_named("insomnia")
    assert condition_named("ｉｎｓｏｍｎｉａ") == insomnia
    assert condition_named("Crohn‘s disease") == condition_named("Crohn's disease")
