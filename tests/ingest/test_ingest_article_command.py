"""`manage.py ingest_article FILE --dry-run`: one JSON line per proposal, nothing written; a bad
file named in the error. Storing (without --dry-run): tests/ingest/test_store.py."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEvent
from claims.ingest import catalogue_lexicon
from claims.models import Appearance, Claim, Remedy, RemedyAlias, Source
from tests.ingest.conftest import DRUG_NAMES

ARTICLE = (
    "Heartburn at night\n\n"
    "Many people chew Tums after meals; it helps quickly.\n\n"
    "  • Drink a glass of milk before bed.\n"
    "  • Pregnant women should consult a doctor before taking Gaviscon.\n\n"
    "Alcohol and coffee provoke heartburn.\n"
)
KEYS = {
    "quote", "start", "end", "remedy", "category", "surface", "kind", "population", "dose", "rule",
    "confidence", "fuzzy", "is_new", "atc_code",
}  # fmt: skip


@pytest.fixture(autouse=True)
def few_drug_names(monkeypatch):
    monkeypatch.setattr(catalogue_lexicon, "drug_names", lambda: DRUG_NAMES)


def counts():
    return [model.objects.count() for model in (Source, Remedy, RemedyAlias, Claim, Appearance, AuditEvent)]


def run(*args, stdin=None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    if "--dry-run" not in args and "--condition" not in args:
        args = (*args, "--condition", "night leg cramps")  # required when storing (test_conditions)
    call_command("ingest_article", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_dry_run_prints_one_json_line_per_proposal_and_writes_nothing(tmp_path):
    # The test database holds the catalogue (tests/conftest.py): the lexicon comes from it.
    path = tmp_path / "heartburn.md"
    path.write_text(ARTICLE, encoding="utf-8")
    before = counts()
    out, err = run(str(path), "--dry-run", "--format", "ndjson", "--title", "Heartburn", "--condition", "heartburn")
    assert counts() == before
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines and all(set(line) == KEYS for line in lines)
    assert all(ARTICLE[line["start"] : line["end"]] == line["quote"] for line in lines)
    found = {(line["remedy"], line["kind"]) for line in lines}
    assert ("calcium carbonate", "relief") in found  # Tums, from the brand table
    assert ("alcohol", "cause") in found and ("caffeine", "cause") in found  # the catalogue's remedies
    gaviscon = next(line for line in lines if line["surface"] == "Gaviscon")
    assert (gaviscon["kind"], gaviscon["population"], gaviscon["is_new"]) == ("caution", "pregnancy", True)
    assert "heartburn.md: " in err and "dry run, nothing written" in err


@pytest.mark.django_db
def test_the_text_format_and_pasted_text(monkeypatch):
    out, _ = run("-", "--dry-run", "--format", "text", stdin=ARTICLE, monkeypatch=monkeypatch)
    assert "cause: alcohol as 'Alcohol'" in out
    assert "    Alcohol and coffee provoke heartburn." in out


@pytest.mark.django_db
def test_the_database_lexicon_knows_what_the_database_holds(tmp_path):
    Remedy.objects.filter(name="sodium alginate").delete()
    remedy = Remedy.objects.create(name="sodium alginate", category="drug", risk_tier="low", risk_reason="r")
    RemedyAlias.objects.create(remedy=remedy, alias="Gaviscon")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out, _ = run(str(path), "--dry-run", "--lexicon", "database")
    gaviscon = next(json.loads(line) for line in out.splitlines() if '"Gaviscon"' in line)
    assert (gaviscon["remedy"], gaviscon["is_new"], gaviscon["rule"].split(";")[0]) == (
        "sodium alginate",
        False,
        "lexicon",
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty.txt: the file is empty"),
        (b"%PDF-1.4 binary", "empty.txt: this is a PDF document, not text"),
        (b"Cr\xe8me", "empty.txt: not UTF-8 (byte 0xe8 at offset 2) and no encoding is declared"),
        (b"a\x00b", "empty.txt: contains NUL bytes"),
    ],
)
def test_a_bad_file_is_named_in_the_error(tmp_path, content, message):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    before = counts()
    with pytest.raises(CommandError) as caught:
        run(str(path), "--dry-run")
    assert str(caught.value).startswith(message)
    assert counts() == before


@pytest.mark.django_db
def test_bad_options_are_named(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CommandError, match="^--url: not a valid URL: 'not a url'$"):
        run(str(path), "--dry-run", "--url", "not a url")
    for language in ("much-too-long", '"><b>', "e", "12"):
        with pytest.raises(CommandError, match="^--language: “.*” is not a language code such as “en” or “pt-BR”"):
            run(str(path), "--dry-run", "--language", language)


@pytest.mark.django_db
def test_the_dry_run_reads_the_article_as_about_its_condition(tmp_path):
    path = tmp_path / "migraine.txt"
    path.write_text("During a migraine, drink coffee.\n", encoding="utf-8")
    about, _ = run(str(path), "--dry-run", "--condition", "migraine")
    unknown, _ = run(str(path), "--dry-run")
    assert [json.loads(line)["kind"] for line in about.splitlines()] == ["relief"]
    assert [json.loads(line)["kind"] for line in unknown.splitlines()] != ["relief"]


def test_a_dry_run_needs_no_database(tmp_path):
    """As a new user would preview an article before `migrate`: an empty database file, no tables."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    done = subprocess.run(
        [sys.executable, "manage.py", "ingest_article", str(path), "--dry-run", "--format", "ndjson"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert all(json.loads(line)["quote"] for line in done.stdout.splitlines()) and done.stdout
    assert "dry run, nothing written" in done.stderr and "Traceback" not in done.stderr


def test_the_first_dry_run_on_a_new_machine_prints_only_json_lines(tmp_path):
    """The first run writes the drug-name cache (a child process): its message goes to stderr, so
    a script reading the ndjson on a fresh machine reads JSON only."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, DEBUG="true", INGEST_CACHE_DIR=str(tmp_path / "new-cache"))
    done = subprocess.run(
        [sys.executable, "manage.py", "ingest_article", str(path), "--dry-run", "--format", "ndjson"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "new-cache").is_dir() and "drug names written" in done.stderr
    assert done.stdout and all(json.loads(line)["quote"] for line in done.stdout.splitlines())


@pytest.mark.django_db
def test_storing_says_how_many_in_words_that_agree_and_that_the_proposer_reads_english(tmp_path):
    path = tmp_path / "one.md"
    path.write_text("Cramps\n\nDrink a glass of beetroot kvass before bed.\n", encoding="utf-8")
    out, err = run(str(path))
    assert ", 1 proposal, 1 new remedy, sha256 " in out  # had been "1 new remedies"
    assert err == ""
    path = tmp_path / "ru.txt"
    path.write_text("Судороги ночью\n\nМагний помогает при судорогах ночью, если пить его курсом.\n", encoding="utf-8")
    out, err = run(str(path), "--language", "ru")
    assert ", 0 proposals, 0 new remedies, " in out
    assert err.startswith("The proposer reads English only: it proposes little or nothing in an article in 'ru'.")
