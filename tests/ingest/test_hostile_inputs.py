"""Inputs made to keep a server busy: each is read in a time that grows with its length, not
exponentially nor with its square, or refused with a clear error.

The two readings that had no end (a chain of "and rest …" under a pattern that could cut it in
exponentially many ways; a page of "<" with no ">") are run in a child process that must finish:
not a measure of speed (`make bench-ingest` measures that), a guard that they end at all.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose
from claims.ingest.text import MAX_TABLE_CELLS, ArticleInputError, _without_code, article_from_bytes

ROOT = Path(__file__).resolve().parents[2]
PAGE = "<html><body>" + "<p>Magnesium may help some people with cramps at night, and so does stretching.</p>" * 5


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_from_catalogue_files(corpus_dir=None)


def test_a_list_joined_by_and_is_still_read_as_one_that_should_be_avoided(lexicon):
    text = "Massage and ice packs and heat packs and stretching should all be avoided if there is a clot."
    kinds = {p.remedy: p.kind for p in propose(text, lexicon)}
    assert kinds and set(kinds.values()) == {"caution"}, kinds


def test_scripts_styles_and_templates_are_left_out_and_one_left_open_runs_to_the_end():
    assert _without_code("a<script>x</script>b<STYLE>y</style >c") == "a b c"
    assert _without_code("a<script>x</script>b<template>never closed</p>") == "a b"
    assert _without_code("<scripted>kept</scripted>") == "<scripted>kept</scripted>"


def test_a_page_with_more_table_cells_than_can_be_read_is_refused_by_name():
    html = PAGE + "<table><tr>" + "<td>a</td>" * (MAX_TABLE_CELLS + 1) + "</tr></table></body></html>"
    with pytest.raises(ArticleInputError) as refused:
        article_from_bytes(html.encode(), name="cells.html", fmt="html")
    assert str(refused.value).startswith(f"cells.html: the page has {MAX_TABLE_CELLS + 1:,} table cells, more than")
    fewer = PAGE + "<table><tr>" + "<td>a</td>" * 50 + "</tr></table></body></html>"
    assert "Magnesium" in article_from_bytes(fewer.encode(), name="fewer.html", fmt="html").text


def test_the_readings_that_had_no_end_finish():
    child = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ["DEBUG"] = "true"
import django
django.setup()
from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose
from claims.ingest.text import article_from_bytes
lexicon = lexicon_from_catalogue_files(corpus_dir=None)
chain = propose("Try melatonin" + " and rest" * 60 + ".", lexicon, "insomnia")
listed = propose("Avoid " + " and ".join(["yoga", "massage", "stretching"] * 30) + ".", lexicon, "insomnia")
page = article_from_bytes((sys.argv[1] + "<p>" + "<" * 200_000).encode(), name="p.html", fmt="html")
print(sorted({(p.remedy, p.kind) for p in chain}), len(listed) > 0, len(page.text) > 200_000)
"""
    try:
        done = subprocess.run(
            [sys.executable, "-c", child, PAGE], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a hostile input is still being read after five minutes: a pattern backtracks without end")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[('melatonin', 'treatment')] True True"
