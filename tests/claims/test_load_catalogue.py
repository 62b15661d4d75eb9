"""The loader: idempotent, and all-or-nothing with an error naming the broken entry."""

import hashlib
import io
import shutil

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from claims.models import Appearance, Claim, Remedy, RemedyAlias, Source

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Leg cramps at night.\n"
    "Drink a glass of pickle brine before bed.\n"
    "Some advise Crampex tablets, two a day.\n"
    "Never use Crampex with alcohol.\n"
)


def counts():
    return [m.objects.count() for m in (Source, Remedy, RemedyAlias, Claim, Appearance)]


def entry(quote, remedy="test brine", kind="prevention", **extra):
    start = ARTICLE.index(quote)
    return {
        "remedy": remedy,
        "kind": kind,
        "population": None,
        "quote": quote,
        "start": start,
        "end": start + len(quote),
        **extra,
    }


@pytest.fixture
def small_catalogue(tmp_path):
    """A catalogue of one invented article, in a directory the test may break."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "test_article.txt").write_text(ARTICLE, encoding="utf-8")
    catalogue = tmp_path / "catalogue"
    (catalogue / "sources").mkdir(parents=True)
    remedies = [
        {"name": "test brine", "category": "food_drink", "risk_tier": "low", "risk_reason": "food"},
        {
            "name": "testcrampine",
            "category": "drug",
            "risk_tier": "high",
            "risk_reason": "drug",
            "aliases": ["Crampex"],
        },
    ]
    source = {
        "source": {
            "file": "test_article.txt",
            "title": "Leg cramps at night.",
            "language": "en",
            "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
        },
        "claims": [
            entry("Drink a glass of pickle brine before bed."),
            entry(
                "Some advise Crampex tablets, two a day.",
                "testcrampine",
                "treatment",
                dose="two a day",
            ),
            entry("Never use Crampex with alcohol.", "testcrampine", "caution"),
        ],
    }

    class Catalogue:
        path = catalogue

        def write(self):
            (catalogue / "remedies.yaml").write_text(yaml.safe_dump(remedies), encoding="utf-8")
            (catalogue / "sources" / "test_article.yaml").write_text(
                yaml.safe_dump(source, sort_keys=False), encoding="utf-8"
            )

        def load(self, *args):
            out = io.StringIO()
            call_command("load_catalogue", "--catalogue", str(catalogue), *args, stdout=out)
            return out.getvalue()

    Catalogue.remedies, Catalogue.source, Catalogue.corpus = remedies, source, corpus
    Catalogue().write()
    return Catalogue()


def test_loads_and_reports(small_catalogue):
    before = counts()
    output = small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert [a - b for a, b in zip(counts(), before, strict=True)] == [1, 2, 1, 3, 3]
    assert "test_article.txt: 3 appearances" in output
    appearance = Appearance.objects.get(quote__startswith="Some advise")
    assert appearance.claim.remedy.name == "testcrampine"
    assert ARTICLE[appearance.start : appearance.end] == appearance.quote
    assert appearance.dose == "two a day"


def test_second_run_writes_nothing_and_says_so(small_catalogue):
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    after_first = counts()
    output = small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert counts() == after_first
    assert "nothing written" in output


def test_real_catalogue_second_run_writes_nothing():
    output = io.StringIO()
    call_command("load_catalogue", corpus=settings.CORPUS_DIR, stdout=output)
    assert "nothing written" in output.getvalue()


def test_loads_without_the_corpus_from_stored_offsets(small_catalogue):
    before = counts()
    output = small_catalogue.load("--no-corpus")
    assert "stored offsets used" in output
    assert [a - b for a, b in zip(counts(), before, strict=True)] == [1, 2, 1, 3, 3]


def break_last_entry(small_catalogue, **changes):
    small_catalogue.source["claims"][-1].update(changes)
    small_catalogue.write()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"quote": "Never use Crampex with wine."}, "quote not found"),
        ({"quote": "Crampex", "start": 50, "end": 57}, "found 2 times"),
        ({"remedy": "unicorn horn"}, "unknown remedy 'unicorn horn'"),
        ({"kind": "miracle"}, "unknown kind 'miracle'"),
        ({"population": "astronauts"}, "unknown population 'astronauts'"),
        ({"start": 3}, "stored offsets 3:"),
    ],
)
def test_broken_entry_is_named_and_nothing_is_written(small_catalogue, change, message):
    break_last_entry(small_catalogue, **change)
    before = counts()
    with pytest.raises(CommandError) as excinfo:
        small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert message in str(excinfo.value)
    assert "test_article.yaml claims[2]" in str(excinfo.value)
    assert "nothing written" in str(excinfo.value)
    assert counts() == before


def test_unknown_category_is_named(small_catalogue):
    small_catalogue.remedies[1]["category"] = "potion"
    small_catalogue.write()
    before = counts()
    with pytest.raises(
        CommandError,
        match=r"remedies.yaml\[1\] \(remedy 'testcrampine'\): unknown category 'potion'",
    ):
        small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert counts() == before


def test_duplicate_alias_in_the_catalogue_is_named(small_catalogue):
    small_catalogue.remedies[0]["aliases"] = ["CRAMPEX"]
    small_catalogue.write()
    with pytest.raises(CommandError, match="duplicate alias 'Crampex', already used by remedy 'test brine'"):
        small_catalogue.load("--corpus", str(small_catalogue.corpus))


def test_alias_taken_in_the_database_is_refused_and_rolled_back(small_catalogue):
    small_catalogue.remedies[1]["aliases"] = ["Mydocalm"]
    small_catalogue.write()
    before = counts()
    with pytest.raises(CommandError, match="duplicate alias 'Mydocalm', already used by remedy 'tolperisone'"):
        small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert counts() == before


def test_changed_article_fails_the_checksum(small_catalogue):
    (small_catalogue.corpus / "test_article.txt").write_text(ARTICLE + "edited\n", encoding="utf-8")
    with pytest.raises(CommandError, match="sha256 of the article"):
        small_catalogue.load("--corpus", str(small_catalogue.corpus))


def test_missing_corpus_directory_is_an_error(small_catalogue, tmp_path):
    with pytest.raises(CommandError, match="corpus directory not found"):
        small_catalogue.load("--corpus", str(tmp_path / "nowhere"))


def test_catalogue_directory_copy_loads_like_the_original(tmp_path):
    # The shipped catalogue passes the no-corpus path too (a machine without ../shared).
    copy = tmp_path / "catalogue"
    shutil.copytree(settings.CATALOGUE_DIR, copy)
    out = io.StringIO()
    call_command("load_catalogue", "--catalogue", str(copy), "--no-corpus", stdout=out)
    assert "nothing written" in out.getvalue()
    assert connection.vendor in {"sqlite", "postgresql"}


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
