"""An appearance quotes its article, whoever writes. Past the services, the ORM and SQL are refused
a quote the stored text does not say at its span, a stored text its appearances do not quote, and
any change to an ingested article's text (SQLite and PostgreSQL: reviews.db_rules.quotes; as the
application role in test_database_routes_app_role_postgres.py)."""

import pytest
from django.db import DatabaseError, connection, transaction

from claims.decisions import proposal_accept
from claims.models import Appearance, Source
from claims.proposals import Proposal
from core.errors import Conflict
from tests.ingest.store_helpers import TEXT, events_since, last_seq, store

pytestmark = pytest.mark.django_db

MISQUOTED = "quotes its article"


def sql(statement: str, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)


@pytest.fixture
def source(reviewer):
    return store(reviewer, title="What readers tried")


@pytest.fixture
def appearance(source, reviewer) -> Appearance:
    quinine = source.proposals.get(remedy__name="quinine")
    return proposal_accept(proposal=quinine, actor=reviewer).appearance


def refused(match: str):
    return pytest.raises(DatabaseError, match=match)


def test_a_quote_changed_around_the_services_is_never_accepted(source, reviewer):
    """A proposal's quote rewritten with the ORM (its length kept, so the span's constraint holds)
    had been accepted as it stood: an appearance quoting what the article never says. The service
    refuses it, and so would the database."""
    quinine = source.proposals.get(remedy__name="quinine")
    forged = "Q" * len(quinine.quote)
    Proposal.objects.filter(pk=quinine.pk).update(quote=forged)
    seq, appearances = last_seq(), Appearance.objects.count()
    with pytest.raises(Conflict, match=r"quote is not the article's text at \[\d+:\d+\]: reject it, or edit"):
        proposal_accept(proposal=quinine, actor=reviewer)
    assert (Appearance.objects.count(), events_since(seq)) == (appearances, [])
    # editing its passage takes the quote from the text again, and then it is accepted
    accepted = proposal_accept(
        proposal=quinine, actor=reviewer, changes={"start": quinine.start, "end": quinine.end + 1}
    )
    assert accepted.appearance.quote == TEXT[accepted.start : accepted.end]


def test_an_appearance_of_words_the_article_never_says_is_refused(appearance):
    forged = "Q" * len(appearance.quote)
    with refused(MISQUOTED), transaction.atomic():
        Appearance.objects.create(
            claim=appearance.claim, source=appearance.source, quote=forged, start=appearance.start + 1,
            end=appearance.start + 1 + len(forged),
        )  # fmt: skip
    with refused(MISQUOTED):
        sql(
            'INSERT INTO claims_appearance (claim_id, source_id, quote, start, "end", dose) '
            "VALUES (%s, %s, %s, 0, %s, %s)",
            [appearance.claim_id, appearance.source_id, forged, len(forged), ""],
        )
    assert list(Appearance.objects.filter(source=appearance.source).values_list("quote", flat=True)) == [
        appearance.quote
    ]


@pytest.mark.parametrize(
    "change",
    [
        "quote = upper(quote)",  # the same length: the span's constraint holds
        'start = start + 1, "end" = "end" + 1',  # the quote moved off its words
        "source_id = (SELECT MIN(id) FROM claims_source WHERE text <> '')",  # another article
    ],
)
def test_an_appearance_rewritten_with_sql_is_refused(appearance, change):
    with refused(MISQUOTED):
        sql(f"UPDATE claims_appearance SET {change} WHERE id = %s", [appearance.pk])
    stored = Appearance.objects.get(pk=appearance.pk)
    assert stored.source.text[stored.start : stored.end] == stored.quote == appearance.quote


def test_an_appearance_moved_to_words_the_article_says_is_allowed(appearance):
    start = TEXT.index("Quinine eases a cramp")
    Appearance.objects.filter(pk=appearance.pk).update(quote="Quinine eases a cramp", start=start, end=start + 21)
    assert Appearance.objects.get(pk=appearance.pk).quote == "Quinine eases a cramp"


@pytest.mark.parametrize(
    "change",
    [
        {"text": TEXT + "\nAnd one more line.\n"},  # every quote still at its place
        {"text": ""},
        {"format": ""},  # a catalogue article's, whose text the loader may empty
        {"sha256": "0" * 64},
    ],
)
def test_an_ingested_articles_text_never_changes(appearance, change):
    with refused("ingested article's text|never emptied"), transaction.atomic():
        Source.objects.filter(pk=appearance.source_id).update(**change)
    assert Source.objects.get(pk=appearance.source_id).text == TEXT
    # its title is not its text
    Source.objects.filter(pk=appearance.source_id).update(title="What our readers tried")


def test_a_stored_text_is_what_its_appearances_quote():
    catalogued = Appearance.objects.filter(source__format="").exclude(source__text="").first()
    source = catalogued.source
    text = source.text
    shifted = " " + text  # the same words, every quote one character off
    with refused("what its appearances quote"), transaction.atomic():
        Source.objects.filter(pk=source.pk).update(text=shifted)
    with refused("what its appearances quote"):
        sql("UPDATE claims_source SET text = upper(text) WHERE id = %s", [source.pk])
    # nor emptied, which would leave its appearances unchecked
    with refused("never emptied"), transaction.atomic():
        Source.objects.filter(pk=source.pk).update(text="")
    assert Source.objects.get(pk=source.pk).text == text


def test_an_ingested_article_is_stored_with_its_text(source):
    with refused("stored with its text"), transaction.atomic():
        Source.objects.create(
            file_name="empty.txt", title="Empty", condition=source.condition, sha256="2" * 64, text="", format="txt"
        )


def test_an_appearance_written_before_its_article_is_refused(appearance):
    """The foreign key is checked at commit: an appearance of an article id not stored yet, and the
    article stored after it with any text, had been let through."""
    source = appearance.source
    forged = "Q" * len(appearance.quote)
    with refused(MISQUOTED), transaction.atomic():
        Appearance.objects.create(
            claim=appearance.claim, source_id=source.pk + 1000, quote=forged, start=0, end=len(forged)
        )
        Source.objects.create(
            pk=source.pk + 1000, file_name="later.txt", title="Later", condition=source.condition,
            sha256="1" * 64, text=TEXT, format="txt",
        )  # fmt: skip
    assert not Source.objects.filter(pk=source.pk + 1000).exists()


@pytest.mark.parametrize(
    "text",
    [
        TEXT.replace("Quinine eases a cramp", "Quinine kills a cramp"),
        TEXT + "And one more line.\n",  # every quote still at its place: still another text
        "",
    ],
)
def test_an_article_is_never_deleted_and_stored_again_under_its_id(appearance, text):
    """The foreign keys are checked at commit: an ingested article deleted and stored again under
    its id, in one transaction, had changed its text under its appearances."""
    source = Source.objects.get(pk=appearance.source_id)
    columns = "id, file_name, title, url, language, condition_id, sha256, text, words_sha256, added_at, format"
    with refused("never stored again"), transaction.atomic():
        sql("DELETE FROM claims_source WHERE id = %s", [source.pk])
        sql(
            f"INSERT INTO claims_source ({columns}) VALUES (%s, %s, %s, '', 'en', %s, %s, %s, '', %s, 'txt')",
            [source.pk, source.file_name, source.title, source.condition_id, source.sha256, text, source.added_at],
        )
    assert Source.objects.get(pk=source.pk).text == TEXT


def test_an_article_replaced_in_one_statement_is_refused(appearance):
    """SQLite's INSERT OR REPLACE deletes and inserts in one statement."""
    if connection.vendor != "sqlite":
        pytest.skip("INSERT OR REPLACE is SQLite's")
    source = Source.objects.get(pk=appearance.source_id)
    with refused("never stored again"):
        sql(
            "INSERT OR REPLACE INTO claims_source (id, file_name, title, url, language, condition_id, sha256, text, "
            "words_sha256, added_at, format) VALUES (%s, %s, 't', '', 'en', %s, %s, '', '', %s, 'txt')",
            [source.pk, source.file_name, source.condition_id, source.sha256, source.added_at],
        )
    assert Source.objects.get(pk=source.pk).text == TEXT
