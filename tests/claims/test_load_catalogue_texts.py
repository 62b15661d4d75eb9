"""The loader keeps each verified article's text in the database (the repository holds only the
quotes and checksums), once."""

import hashlib

import pytest
from django.core.management import CommandError

from claims.models import Appearance, Source
from tests.claims.catalogue_files import ARTICLE, break_last_entry, counts

pytestmark = pytest.mark.django_db


def test_loader_stores_the_verified_text_once(small_catalogue):
    output = small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert Source.objects.get(file_name="test_article.txt").text == ARTICLE
    assert "1 source texts created" in output
    again = small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert "nothing written" in again


def test_empty_text_of_an_existing_source_is_filled(small_catalogue):
    small_catalogue.load("--no-corpus")
    source = Source.objects.get(file_name="test_article.txt")
    assert source.text == ""
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    source.refresh_from_db()
    assert source.text == ARTICLE


def test_real_catalogue_articles_are_stored():
    assert not Source.objects.filter(format="", text="").exists()


def new_version(small_catalogue, text: str) -> None:
    (small_catalogue.corpus / "test_article.txt").write_text(text, encoding="utf-8")
    small_catalogue.source["source"]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    small_catalogue.write()


def test_a_new_version_of_an_article_is_stored_when_its_appearances_quote_it(small_catalogue):
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    new_version(small_catalogue, ARTICLE + "Stretch before bed.\n")
    output = small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert "1 source texts updated" in output and "source texts created" not in output
    source = Source.objects.get(file_name="test_article.txt")
    assert source.text == ARTICLE + "Stretch before bed.\n"
    assert all(source.text[a.start : a.end] == a.quote for a in source.appearances.all())


def test_a_new_version_its_stored_appearances_do_not_quote_is_refused_and_nothing_written(small_catalogue):
    """Appearances made for the earlier version stay (reviews may refer to them): a version that
    moves their words is not stored under them."""
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    moved = "Night cramps.\n" + ARTICLE
    new_version(small_catalogue, moved)
    for claim in small_catalogue.source["claims"]:
        claim["start"] += 14
        claim["end"] += 14
    small_catalogue.write()
    before = counts()
    with pytest.raises(CommandError, match=r"sources/test_article.txt: 3 appearance\(s\) in the database do not "
                       r"quote the article at their spans \(the first at \[21:62\]"):  # fmt: skip
        small_catalogue.load("--corpus", str(small_catalogue.corpus))
    assert (counts(), Source.objects.get(file_name="test_article.txt").text) == (before, ARTICLE)


def test_a_quote_the_stored_article_does_not_say_is_named_without_the_corpus(small_catalogue):
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    break_last_entry(small_catalogue, quote="Never use Crampex with alcohoL.")
    before = counts()
    with pytest.raises(CommandError, match="the article stored in the database does not say 'Never use Crampex"):
        small_catalogue.load("--no-corpus")
    assert counts() == before
    assert Appearance.objects.filter(quote="Never use Crampex with alcohol.").exists()


def test_without_the_corpus_a_stored_text_is_never_emptied_for_another_version(small_catalogue):
    """Loading without the articles had emptied a verified text for a new checksum, and every
    appearance of the article went unchecked from then on."""
    small_catalogue.load("--corpus", str(small_catalogue.corpus))
    new_version(small_catalogue, ARTICLE + "Stretch before bed.\n")
    before = counts()
    said = r"sources/test_article.txt: the catalogue's sha256 is not that of the article stored in the database"
    with pytest.raises(CommandError, match=said + r": load it with the new version at hand \(--corpus\)"):
        small_catalogue.load("--no-corpus")
    assert (counts(), Source.objects.get(file_name="test_article.txt").text) == (before, ARTICLE)
