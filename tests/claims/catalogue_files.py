"""A small invented catalogue for the loader's tests: one article, two remedies, three claims,
written to a directory the test may break (the `small_catalogue` fixture, tests/conftest.py)."""

import hashlib
import io

import yaml
from django.core.management import call_command

from claims.models import Appearance, Claim, Remedy, RemedyAlias, Source

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


def write_small_catalogue(tmp_path):
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
            "condition": "night leg cramps",
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


def break_last_entry(small_catalogue, **changes):
    small_catalogue.source["claims"][-1].update(changes)
    small_catalogue.write()
