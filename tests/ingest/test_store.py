"""Storing an article: its text, sha256 and proposals in one transaction with one audit event; the
same text twice refused naming the article that holds it; bad input and the wrong role write
nothing; the database keeps a proposal's decision complete."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from claims.articles import DuplicateArticle, ingest_article
from claims.ingest import catalogue_lexicon
from claims.ingest.text import article_from_pasted
from claims.models import Appearance, Claim, Remedy, RemedyAlias, Source
from claims.proposals import Proposal
from core.errors import NotAllowed
from tests.helpers import CORPUS_DIR
from tests.ingest.conftest import DRUG_NAMES
from tests.ingest.store_helpers import PROPOSED, TEXT, events_since, last_seq, store

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Heartburn at night\n\n"
    "Many people chew Tums after meals; it helps quickly.\n\n"
    "  • Drink a glass of milk before bed.\n"
    "  • Pregnant women should consult a doctor before taking Gaviscon.\n\n"
    "Alcohol and coffee provoke heartburn.\n"
)


@pytest.fixture(autouse=True)
def few_drug_names(monkeypatch):
    monkeypatch.setattr(catalogue_lexicon, "drug_names", lambda: DRUG_NAMES)


def counts():
    models = (Source, Proposal, Remedy, RemedyAlias, Claim, Appearance, AuditEvent)
    return {model.__name__: model.objects.count() for model in models}


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    if "--dry-run" not in args and "--condition" not in args:
        args = (*args, "--condition", "night leg cramps")  # required when storing (test_conditions)
    call_command("ingest_article", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_an_article_is_stored_with_its_text_checksum_and_proposals_and_one_event(reviewer):
    seq = last_seq()
    source = store(reviewer, title="What readers tried", url="https://example.org/cramps", language="en")
    source.refresh_from_db()
    article = article_from_pasted(TEXT)
    assert (source.text, source.sha256, source.format, source.added_by) == (TEXT, article.sha256, "txt", reviewer)
    assert source.file_name == f"pasted_{article.sha256[:16]}.txt"
    rows = list(source.proposals.order_by("start", "id"))
    assert [(p.start, p.end, p.kind, p.population, p.remedy_name) for p in rows] == [
        (p.start, p.end, p.kind, p.population, p.remedy) for p in PROPOSED
    ]
    assert all(TEXT[p.start : p.end] == p.quote for p in rows)
    assert all(p.status == "pending" and p.origin == "proposer" for p in rows)
    beetroot = next(p for p in rows if p.is_new_remedy)
    assert (beetroot.new_remedy_name, beetroot.new_remedy_category) == ("beetroot juice", "food_drink")
    assert rows[0].remedy == Remedy.objects.get(name="magnesium") and rows[0].dose == "every evening"
    assert events_since(seq) == ["article.added"]
    event = AuditEvent.objects.get(seq=seq + 1)
    assert (event.actor, event.after["source"], event.after["proposals"], event.after["new_remedies"]) == (
        reviewer,
        source.pk,
        4,
        1,
    )
    # Nothing is claimed yet: no claim, no appearance until a reviewer accepts.
    assert not Appearance.objects.filter(source=source).exists()


def test_the_proposer_runs_on_the_stored_text(reviewer):
    source = ingest_article(
        article=article_from_pasted(ARTICLE), actor=reviewer, condition="heartburn", title="Heartburn"
    )
    found = {(p.remedy_name, p.kind) for p in source.proposals.all()}
    assert ("calcium carbonate", "relief") in found  # Tums, through the brand table
    assert ("alcohol", "cause") in found
    assert all(ARTICLE[p.start : p.end] == p.quote for p in source.proposals.all())


def test_a_benefit_said_of_another_known_condition_is_about_it(reviewer):
    """ "Quinine treats night leg cramps" in an article on heartburn had been proposed, and accepted
    in one click, as "Quinine treats heartburn"."""
    from claims.decisions import proposal_accept

    text = ARTICLE + "Quinine treats night leg cramps, some readers wrote.\nMagnesium eases heartburn and leg cramps.\n"
    source = ingest_article(article=article_from_pasted(text), actor=reviewer, condition="heartburn", title="Heartburn")
    quinine = source.proposals.get(remedy__name="quinine")
    assert (quinine.kind, quinine.condition.name) == ("treatment", "night leg cramps")
    # naming the article's own condition too, or warning, it stays about heartburn
    assert source.proposals.get(remedy__name="magnesium").condition is None
    assert all(p.condition is None for p in source.proposals.exclude(pk=quinine.pk))
    claim = proposal_accept(proposal=quinine, actor=reviewer).claim
    assert (claim.condition.name, claim.remedy.name, claim.kind) == ("night leg cramps", "quinine", "treatment")


def test_the_same_text_twice_is_refused_naming_the_article_that_holds_it(reviewer, reviewer2):
    first = store(reviewer, title="First time")
    before = counts()
    with pytest.raises(DuplicateArticle, match=rf"already stored as source #{first.pk} “First time”"):
        store(reviewer2, title="Second time")
    with pytest.raises(DuplicateArticle):
        ingest_article(article=article_from_pasted(TEXT), actor=reviewer2, condition="night leg cramps")
    assert counts() == before


def test_a_catalogue_article_pasted_again_is_the_catalogue_source(reviewer):
    path = sorted(CORPUS_DIR.glob("*.txt"))[0]
    catalogued = Source.objects.get(file_name=path.name)
    before = counts()
    with pytest.raises(DuplicateArticle, match=f"source #{catalogued.pk} "):
        ingest_article(
            article=article_from_pasted(path.read_text(encoding="utf-8")), actor=reviewer, condition="night leg cramps"
        )
    assert counts() == before


@pytest.mark.parametrize(
    "spaced",
    [
        lambda text: text + "\n",
        lambda text: "\n\n" + text.replace("\n", "  \n") + "   ",
        lambda text: text.replace(" readers ", "  readers\t").replace("\n", "\r\n"),
    ],
    ids=["trailing newline", "blank lines and trailing spaces", "double spaces"],
)
def test_the_same_words_spaced_differently_are_the_same_article(reviewer, reviewer2, spaced):
    first = store(reviewer, title="First time")
    before = counts()
    again = article_from_pasted(spaced(TEXT))
    assert again.sha256 != first.sha256
    with pytest.raises(
        DuplicateArticle, match=rf"already stored \(the same words, spaced differently\) as source #{first.pk} "
    ):
        ingest_article(article=again, actor=reviewer2, condition="night leg cramps")
    assert counts() == before


def test_a_catalogue_article_spaced_differently_is_the_catalogue_source(reviewer):
    path = sorted(CORPUS_DIR.glob("*.txt"))[0]
    catalogued = Source.objects.get(file_name=path.name)
    with pytest.raises(DuplicateArticle, match=f"spaced differently\\) as source #{catalogued.pk} "):
        text = path.read_text(encoding="utf-8")
        ingest_article(article=article_from_pasted(text + "\n\n"), actor=reviewer, condition="night leg cramps")


def test_only_reviewers_add_articles(content_reader, auditor):
    before = counts()
    for actor in (content_reader, auditor):
        with pytest.raises(NotAllowed):
            store(actor)
        with pytest.raises(NotAllowed):
            ingest_article(article=article_from_pasted(TEXT), actor=actor, condition="night leg cramps")
    assert counts() == before


def test_the_command_stores_the_article_and_refuses_it_twice(tmp_path):
    path = tmp_path / "Heartburn Tips.md"
    path.write_text(ARTICLE, encoding="utf-8")
    seq = last_seq()
    out, _ = run(str(path), "--title", "Heartburn tips", "--url", "https://example.org/heartburn")
    source = Source.objects.get(title="Heartburn tips")
    assert f"stored as source #{source.pk} 'heartburn-tips_" in out
    assert (source.format, source.text, source.added_by) == ("md", ARTICLE, None)
    assert source.url == "https://example.org/heartburn"
    assert source.proposals.count() > 0
    event = AuditEvent.objects.get(seq=seq + 1)
    assert (event.event_type, event.actor_username) == ("article.added", "system:ingest_article")
    before = counts()
    with pytest.raises(CommandError, match=rf"^Heartburn Tips.md: This text is already stored as source #{source.pk} "):
        run(str(path))
    assert counts() == before


def test_the_dry_run_still_writes_nothing(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    before = counts()
    out, err = run(str(path), "--dry-run")
    assert counts() == before and all(json.loads(line)["quote"] for line in out.splitlines())
    assert "already stored" not in err
    run(str(path))
    before = counts()
    out, err = run(str(path), "--dry-run")
    source = Source.objects.get(file_name__startswith="a")
    assert f"a.txt: this text is already stored as source #{source.pk} “{source.title}”: without --dry-run" in err
    assert counts() == before and out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"   \n", "empty.txt: the file is empty"),
        ("scan.txt", b"%PDF-1.4 binary", "scan.txt: this is a PDF document, not text"),
        ("latin.txt", b"Cr\xe8me", "latin.txt: not UTF-8 (byte 0xe8 at offset 2) and no encoding is declared"),
        ("nul.txt", b"a\x00b", "nul.txt: contains NUL bytes"),
        ("big.txt", b"a" * 4_000_001, "big.txt: 4,000,001 bytes is over the limit of 4,000,000 bytes"),
        (
            "huge.txt",
            "é".encode() * 1_000_001,
            "huge.txt: 2,000,002 bytes of text is over the limit of 2,000,000 bytes",
        ),
        ("article.pdf", b"text", "article.pdf: unsupported file type '.pdf'"),
        ("x.txt", b"Hello", "x.txt: 1 word is no article (at least 2)"),
        ("marks.txt", b"!!! ...", "marks.txt: 0 words is no article (at least 2)"),
    ],
)
def test_bad_input_is_named_and_writes_nothing(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = counts()
    with pytest.raises(CommandError) as caught:
        run(str(path))
    assert str(caught.value).startswith(message)
    assert counts() == before


@pytest.mark.parametrize("language", ['"><b>', "english", "e"])
def test_a_language_that_is_no_language_code_writes_nothing(reviewer, language):
    before = counts()
    with pytest.raises(ValidationError, match="is not a language code"):
        ingest_article(article=article_from_pasted(ARTICLE), actor=reviewer, condition="heartburn", language=language)
    assert counts() == before


def test_a_language_tag_with_its_region_is_kept(reviewer):
    source = ingest_article(
        article=article_from_pasted(ARTICLE), actor=reviewer, condition="heartburn", language="pt-BR"
    )
    assert source.language == "pt-BR"


def test_a_bad_title_writes_nothing(tmp_path, reviewer):
    before = counts()
    with pytest.raises(CommandError, match="^--title: longer than 500 characters"):
        path = tmp_path / "a.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        run(str(path), "--title", "x" * 501)
    assert counts() == before


# The database keeps the decision complete, whatever writes the row.


def _pending(source, **fields):
    values = {
        "source": source,
        "quote": TEXT[0:5],
        "start": 0,
        "end": 5,
        "remedy": Remedy.objects.get(name="magnesium"),
        "surface": "x",
        "kind": "prevention",
        "rule": "r",
        "confidence": 0.5,
    }
    return Proposal(**(values | fields))


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "accepted"},  # no decider, claim or appearance
        {"status": "rejected", "decided_at": timezone.now()},  # no decider, no reason
        {"status": "pending", "reason": "no"},  # a reason without a decision
        {"remedy": None},  # neither a remedy nor a new one
        {"remedy": None, "new_remedy_name": "beetroot juice"},  # a new remedy without its category
        {"quote": "Nigh", "end": 5},  # the span and the quote disagree
        {"confidence": 1.5},
        {"kind": "miracle"},
    ],
)
def test_the_database_refuses_an_incomplete_proposal(reviewer, fields):
    source = store(reviewer, proposals=[])
    with pytest.raises(IntegrityError), transaction.atomic():
        _pending(source, **fields).save()


def test_the_database_refuses_a_rejection_without_a_reason(reviewer):
    source = store(reviewer, proposals=[])
    with pytest.raises(IntegrityError), transaction.atomic():
        _pending(source, status="rejected", decided_by=reviewer, decided_at=timezone.now()).save()
    _pending(source, status="rejected", decided_by=reviewer, decided_at=timezone.now(), reason="Not said.").save()


def test_articles_stored_before_the_words_key_get_it_from_their_text(reviewer):
    """Migration 0012 fills the key of every stored text; the catalogue loader writes it too."""
    import importlib

    from django.apps import apps

    from claims.ingest.text import words_sha256

    migration = importlib.import_module("claims.migrations.0012_source_words_sha256")
    first = store(reviewer, title="First time")
    catalogued = Source.objects.exclude(pk=first.pk).exclude(text="").first()
    assert catalogued.words_sha256 == words_sha256(catalogued.text)  # the loader's
    Source.objects.filter(pk__in=[first.pk, catalogued.pk]).update(words_sha256="")
    migration.fill_words_sha256(apps, None)
    for source in Source.objects.filter(pk__in=[first.pk, catalogued.pk]):
        assert source.words_sha256 == words_sha256(source.text)
    with pytest.raises(DuplicateArticle, match="spaced differently"):
        ingest_article(article=article_from_pasted(TEXT + "\n"), actor=reviewer, condition="night leg cramps")


def test_a_one_paragraph_article_without_a_title_is_titled_by_its_first_words(reviewer):
    """Its first line stands for the title: over 500 characters, it was refused with "The title is
    longer than 500 characters", of a field the reviewer had left empty."""
    paragraph = "Magnesium before bed eases night cramps for many of our readers, they wrote. " * 10
    source = ingest_article(article=article_from_pasted(paragraph), actor=reviewer, condition="night leg cramps")
    assert len(source.title) <= 500 and source.title.endswith("…") and paragraph.startswith(source.title[:-1])
    with pytest.raises(ValidationError, match="The title is longer than 500 characters"):
        ingest_article(article=article_from_pasted(ARTICLE), actor=reviewer, condition="heartburn", title="x" * 501)


def test_an_article_stored_with_invisible_marks_is_found_when_taken_in_without_them(reviewer, reviewer2):
    """Intake drops soft hyphens and zero-width spaces now; an article stored before, with them,
    had been stored a second time (its words key, and so migration 0018's, reads past them)."""
    import hashlib
    from dataclasses import replace

    from claims.articles import article_add
    from claims.ingest.text import words_sha256

    marked = TEXT.replace("Magnesium", "Magne\u00adsium").replace("cramps", "cramps\u200b")
    as_before = replace(  # as intake stored it before: the marks kept
        article_from_pasted(TEXT), text=marked, sha256=hashlib.sha256(marked.encode()).hexdigest()
    )
    first = article_add(article=as_before, actor=reviewer, proposed=[], condition="night leg cramps")
    assert first.text == marked and first.words_sha256 == words_sha256(TEXT)
    before = counts()
    with pytest.raises(DuplicateArticle, match=rf"as source #{first.pk} "):
        ingest_article(article=article_from_pasted(marked), actor=reviewer2, condition="night leg cramps")
    assert counts() == before
