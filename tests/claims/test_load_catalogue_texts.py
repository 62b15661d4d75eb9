"""The loader keeps each verified article's text in the database (the repository holds only the
quotes and checksums), once."""

import pytest

from claims.models import Source
from tests.claims.catalogue_files import ARTICLE

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
