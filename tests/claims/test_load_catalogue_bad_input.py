"""The loader on malformed catalogue files: a clear error naming the file and the entry, never a
traceback, and nothing written."""

import hashlib

import pytest
from django.core.management import CommandError

from claims.models import RemedyAlias
from tests.claims.catalogue_files import ARTICLE, break_last_entry, counts

pytestmark = pytest.mark.django_db


# ---- malformed files: a clear error naming the file and the entry, never a traceback ----------


def refused(small_catalogue, *fragments, corpus=True):
    """Load, expect a CommandError naming every fragment; nothing may have been written."""
    before = counts()
    args = ["--corpus", str(small_catalogue.corpus)] if corpus else ["--no-corpus"]
    with pytest.raises(CommandError) as excinfo:
        small_catalogue.load(*args)
    message = str(excinfo.value)
    assert message.startswith("catalogue not loaded, nothing written: "), message
    for fragment in fragments:
        assert fragment in message
    assert counts() == before
    return message


def test_invalid_utf8_in_the_remedy_registry_is_named(small_catalogue):
    path = small_catalogue.path / "remedies.yaml"
    path.write_bytes(path.read_bytes().replace(b"risk_reason: food", b"risk_reason: fo\xffod"))
    refused(small_catalogue, "remedies.yaml: not valid UTF-8", "byte 0xff", "line ")


def test_invalid_utf8_in_a_source_file_is_named(small_catalogue):
    path = small_catalogue.path / "sources" / "test_article.yaml"
    path.write_bytes(path.read_bytes().replace(b"Never use", b"Never \xc3\x28use"))
    refused(small_catalogue, "sources/test_article.yaml: not valid UTF-8", "byte 0xc3")


@pytest.mark.parametrize("field", ["statement", "quote", "dose", "remedy", "kind"])
def test_a_nul_character_in_any_claim_field_is_refused(small_catalogue, field):
    break_last_entry(small_catalogue, **{field: "Never use\x00 Crampex"})
    refused(small_catalogue, "test_article.yaml claims[2]", f"'{field}' contains a NUL character")


@pytest.mark.parametrize(
    ("field", "value"),
    [("risk_reason", "drug\x00"), ("name", "test\x00crampine"), ("atc", "M\x00"), ("aliases", ["Cramp\x00ex"])],
)
def test_a_nul_character_in_a_remedy_field_is_refused(small_catalogue, field, value):
    small_catalogue.remedies[1][field] = value
    small_catalogue.write()
    refused(small_catalogue, "remedies.yaml[1]", "contains a NUL character")


@pytest.mark.parametrize("field", ["title", "file", "sha256", "url", "language"])
def test_a_nul_character_in_the_source_header_is_refused(small_catalogue, field):
    small_catalogue.source["source"][field] = "x\x00"
    small_catalogue.write()
    refused(small_catalogue, "sources/test_article.yaml", f"'{field}' contains a NUL character")


def test_a_claim_that_is_not_a_mapping_is_named(small_catalogue):
    small_catalogue.source["claims"].append("pickle brine helps")
    small_catalogue.write()
    refused(small_catalogue, "test_article.yaml claims[3]", "expected a mapping", "'pickle brine helps'")


def test_a_remedy_that_is_not_a_mapping_is_named(small_catalogue):
    small_catalogue.remedies.append("quinine")
    small_catalogue.write()
    refused(small_catalogue, "remedies.yaml[2]", "expected a mapping", "'quinine'")


def overwrite(path, text):
    path.write_text(text, encoding="utf-8")


def shape(mutate):
    def run(catalogue):
        mutate(catalogue)
        catalogue.write()

    return run


@pytest.mark.parametrize(
    ("mutate", "fragments"),
    [
        (
            lambda c: overwrite(c.path / "remedies.yaml", "name: quinine\n"),
            ["remedies.yaml", "expected a list of remedies, found a mapping"],
        ),
        (
            lambda c: overwrite(c.path / "sources" / "test_article.yaml", "- claims\n"),
            ["sources/test_article.yaml", "expected a mapping", "found a list"],
        ),
        (shape(lambda c: c.source.update(claims="none")), ["sources/test_article.yaml", "'claims' must be a list"]),
        (
            shape(lambda c: c.source.update(source=["file"])),
            ["sources/test_article.yaml", "'source' must be a mapping"],
        ),
    ],
    ids=["registry-a-mapping", "source-a-list", "claims-text", "header-a-list"],
)
def test_files_of_the_wrong_shape_are_named(small_catalogue, mutate, fragments):
    mutate(small_catalogue)
    refused(small_catalogue, *fragments)


def test_aliases_given_as_text_are_refused_naming_the_remedy(small_catalogue):
    small_catalogue.remedies[1]["aliases"] = "Crampex"
    small_catalogue.write()
    refused(small_catalogue, "remedies.yaml[1] (remedy 'testcrampine')", "'aliases' must be a list", "'Crampex'")
    assert not RemedyAlias.objects.filter(alias__in=list("Crampex")).exists()


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"statement": 5}, "'statement' must be text, not 5"),
        ({"quote": ["Never use Crampex with alcohol."]}, "'quote' must be text"),
        ({"dose": 2}, "'dose' must be text, not 2"),
        ({"remedy": 12}, "'remedy' must be text, not 12"),
        ({"kind": {"caution": True}}, "'kind' must be text"),
        ({"population": 3}, "'population' must be text"),
    ],
)
def test_a_non_string_claim_field_is_refused(small_catalogue, change, fragment):
    break_last_entry(small_catalogue, **change)
    refused(small_catalogue, "test_article.yaml claims[2]", fragment)


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("name", 123, "'name' must be text, not 123"),
        ("risk_reason", ["drug"], "'risk_reason' must be text"),
        ("atc", 1234567, "'atc' must be text"),
        ("aliases", ["Crampex", 5], "'aliases' must be a list of text, not 5"),
    ],
)
def test_a_non_string_remedy_field_is_refused(small_catalogue, field, value, fragment):
    small_catalogue.remedies[1][field] = value
    small_catalogue.write()
    refused(small_catalogue, "remedies.yaml[1]", fragment)


def test_a_non_string_source_header_field_is_refused(small_catalogue):
    small_catalogue.source["source"]["title"] = 2024
    small_catalogue.write()
    refused(small_catalogue, "sources/test_article.yaml", "'title' must be text, not 2024")


@pytest.mark.parametrize("corpus", [True, False], ids=["corpus", "no-corpus"])
@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"start": -3}, "'start' must be a whole number of characters (0 or more), not -3"),
        ({"end": -1}, "'end' must be a whole number of characters (0 or more), not -1"),
        ({"start": 1.5}, "'start' must be a whole number of characters (0 or more), not 1.5"),
        ({"start": "12"}, "'start' must be a whole number of characters (0 or more), not '12'"),
        ({"start": True}, "'start' must be a whole number of characters (0 or more), not True"),
        ({"start": None}, "'start' is missing"),
    ],
)
def test_a_bad_offset_is_refused(small_catalogue, change, fragment, corpus):
    break_last_entry(small_catalogue, **change)
    refused(small_catalogue, "test_article.yaml claims[2]", fragment, corpus=corpus)


def test_a_malformed_checksum_or_url_is_refused(small_catalogue):
    small_catalogue.source["source"]["sha256"] = "not-a-checksum"
    small_catalogue.write()
    refused(small_catalogue, "sources/test_article.yaml", "'sha256' must be 64 lowercase hex digits", corpus=False)
    small_catalogue.source["source"]["sha256"] = hashlib.sha256(ARTICLE.encode()).hexdigest()
    small_catalogue.source["source"]["url"] = "not a url"
    small_catalogue.write()
    refused(small_catalogue, "sources/test_article.yaml", "'url' is not a valid URL")


def test_text_longer_than_its_column_is_refused(small_catalogue):
    small_catalogue.remedies[1]["aliases"] = ["C" * 201]
    small_catalogue.write()
    refused(small_catalogue, "remedies.yaml[1] (remedy 'testcrampine')", "'aliases' is longer than 200 characters")


def test_a_duplicate_remedy_is_named(small_catalogue):
    small_catalogue.remedies.append(dict(small_catalogue.remedies[0]))
    small_catalogue.write()
    refused(small_catalogue, "remedies.yaml[2] (remedy 'test brine')", "duplicate remedy")


def test_a_missing_remedy_registry_is_named(small_catalogue):
    (small_catalogue.path / "remedies.yaml").unlink()
    refused(small_catalogue, "remedies.yaml: not found")
