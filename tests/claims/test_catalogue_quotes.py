"""The catalogue against the five articles themselves (read from ../shared/corpus/)."""

import hashlib
from pathlib import Path

import pytest
import yaml
from django.conf import settings

CATALOGUE = Path(settings.CATALOGUE_DIR)
SOURCE_FILES = sorted((CATALOGUE / "sources").glob("*.yaml"))
CORPUS = Path(settings.CORPUS_DIR)


def test_every_article_has_a_catalogue_file():
    articles = sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert len(articles) == 5
    assert [p.stem for p in SOURCE_FILES] == articles


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: p.stem)
def test_every_quote_equals_the_article_at_its_offsets(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw = (CORPUS / data["source"]["file"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == data["source"]["sha256"]
    text = raw.decode("utf-8")
    assert data["claims"], "an article without claims"
    for index, entry in enumerate(data["claims"]):
        assert text[entry["start"] : entry["end"]] == entry["quote"], f"{path.name} claims[{index}]"
        assert text.count(entry["quote"]) == 1, f"{path.name} claims[{index}] is ambiguous"


def test_repository_holds_no_copy_of_an_article():
    # Third-party text: quotes only. No file in the repository may contain a whole article.
    root = Path(settings.BASE_DIR)
    articles = [p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")]
    for path in root.rglob("*"):
        if ".venv" in path.parts or ".git" in path.parts or not path.is_file():
            continue
        if path.suffix not in {".txt", ".yaml", ".json", ".md", ".py", ".html", ".csv"}:
            continue
        content = path.read_text(encoding="utf-8", errors="ignore")
        for article in articles:
            assert article[: len(article) // 2] not in content, f"{path} holds an article"
