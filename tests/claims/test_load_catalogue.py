"""The loader: idempotent, and all-or-nothing with an error naming the broken entry."""

import io
import shutil

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from claims.models import Appearance
from tests.claims.catalogue_files import ARTICLE, break_last_entry, counts

pytestmark = pytest.mark.django_db

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
