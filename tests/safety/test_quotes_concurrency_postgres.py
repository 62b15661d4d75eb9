"""An appearance written while its article's text is stored, in two transactions at once
(PostgreSQL, READ COMMITTED): each rule had read the other table as it stood before the other
committed, and a forged appearance stood under the stored text. The appearance's rule reads the
article's row FOR SHARE, so the later of the two waits and sees the other (reviews.db_rules.quotes)."""

import hashlib
import threading
import time

import psycopg
import pytest
from django.db import connection

from claims.conditions import condition_named
from claims.models import Appearance, Claim, Remedy, Source
from tests.helpers import connect_as

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TEXT = "Quinine eases a cramp, some claim.\nStretching the calf helps too.\n"
FORGED = "Q" * len("Quinine eases a cramp")


@pytest.fixture
def article_without_its_text():
    """A catalogue article loaded without the corpus (no text yet) and a claim, committed."""
    condition = condition_named("pg quotes condition")
    remedy = Remedy.objects.create(name="pg quotes remedy", category="drug", risk_tier="low", risk_reason="x")
    claim = Claim.objects.create(condition=condition, remedy=remedy, kind="relief", statement="pg quotes")
    source = Source.objects.create(
        file_name="pg_quotes.txt",
        title="PG quotes",
        condition=condition,
        sha256=hashlib.sha256(TEXT.encode()).hexdigest(),
    )
    return source, claim


def connect():
    settings = connection.settings_dict
    conn = connect_as(settings, user=settings["USER"], password=settings["PASSWORD"])
    conn.autocommit = False
    return conn


def in_thread(work):
    outcome = {}

    def run():
        try:
            work()
            outcome["result"] = "written"
        except psycopg.errors.CheckViolation as exc:
            outcome["result"] = str(exc).splitlines()[0]

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


@pytest.mark.parametrize("first", ["text", "appearance"])
def test_a_text_and_a_forged_appearance_written_at_once_are_never_both_kept(article_without_its_text, first):
    source, claim = article_without_its_text
    storing, forging = connect(), connect()
    store_text = ("UPDATE claims_source SET text = %s WHERE id = %s", [TEXT, source.pk])
    forge = (
        'INSERT INTO claims_appearance (claim_id, source_id, quote, start, "end", dose) VALUES (%s, %s, %s, 0, %s, %s)',
        [claim.pk, source.pk, FORGED, len(FORGED), ""],
    )
    (early, early_sql), (late, late_sql) = (
        ((storing, store_text), (forging, forge)) if first == "text" else ((forging, forge), (storing, store_text))
    )
    try:
        early.execute(*early_sql)  # its transaction stays open
        thread, outcome = in_thread(lambda: (late.execute(*late_sql), late.commit()))
        time.sleep(0.5)
        assert thread.is_alive(), "the later write waits for the earlier one's transaction"
        early.commit()
        thread.join(timeout=10)
        assert outcome["result"].startswith(
            "an appearance quotes its article" if first == "text" else "an article's text is what its appearances quote"
        )
    finally:
        for conn in (storing, forging):
            conn.rollback()
            conn.close()
    stored = Source.objects.get(pk=source.pk)
    assert all(stored.text[a.start : a.end] == a.quote for a in Appearance.objects.filter(source=stored) if stored.text)
    assert (stored.text, Appearance.objects.filter(source=stored).count()) in ((TEXT, 0), ("", 1))
