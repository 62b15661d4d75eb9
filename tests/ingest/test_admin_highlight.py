"""The proposals highlighted in an article by offsets on the server: overlapping and shared spans,
the most pressing status shown (striped where a decided one shares it), everything escaped, no
text added; and the proposals page costs the same number of queries however many it shows."""

import re
from html import unescape
from types import SimpleNamespace

import pytest
from django.urls import reverse

from claims.articles import proposal_rows
from claims.highlight import highlighted
from claims.proposals import Proposal
from tests.ingest.store_helpers import PROPOSED, proposed, store


def fake(pk, start, end, status="pending"):
    return SimpleNamespace(
        pk=pk,
        start=start,
        end=end,
        status=status,
        population=None,
        remedy_name="magnesium",
        get_kind_display=lambda: "Prevention",
        get_population_display=lambda: "",
    )


def test_overlapping_spans_are_cut_into_pieces_with_every_proposal_named():
    text = "0123456789"
    html = highlighted(text, [fake(1, 2, 6, "accepted"), fake(2, 4, 8), fake(3, 4, 8, "rejected")])
    assert html == (
        "01"
        '<mark class="proposal accepted" id="at-2" data-proposals="1" '
        'title="#1 magnesium: Prevention (accepted)">23</mark>'
        '<mark class="proposal pending mixed" id="at-4" data-proposals="1 2 3" '
        'title="#1 magnesium: Prevention (accepted); #2 magnesium: Prevention (pending); '
        '#3 magnesium: Prevention (rejected)">45</mark>'
        '<mark class="proposal pending mixed" data-proposals="2 3" '
        'title="#2 magnesium: Prevention (pending); #3 magnesium: Prevention (rejected)">67</mark>'
        "89"
    )


def test_a_stretch_under_pending_proposals_only_is_not_mixed():
    html = highlighted("0123", [fake(1, 0, 4), fake(2, 0, 4)])
    assert html.startswith('<mark class="proposal pending" id="at-0"')
    assert 'class="proposal accepted"' in highlighted("0123", [fake(1, 0, 4, "accepted"), fake(2, 0, 4, "rejected")])


def test_the_text_is_escaped_and_nothing_marked_is_lost():
    text = '<img src=x onerror="alert(1)"> & “quotes” — 😀 end'
    html = highlighted(text, [fake(1, 0, 5), fake(2, len(text) - 5, len(text))])
    assert "<img" not in html and "onerror=&quot;alert(1)&quot;&gt;" in html
    assert unescape(re.sub(r"</?mark[^>]*>", "", html)) == text
    assert html.endswith('title="#2 magnesium: Prevention (pending)">😀 end</mark>')
    assert highlighted(text, []) == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; “quotes” — 😀 end"


@pytest.mark.django_db
def test_the_proposals_page_costs_the_same_however_many_proposals(client, reviewer, django_assert_max_num_queries):
    few = store(reviewer, proposals=PROPOSED[:1])
    many = store(reviewer, text="Another text.\n" + PROPOSED[0].quote, proposals=[])
    extra = [proposed("Magnesium taken", "magnesium", "supplement", "Magnesium", kind) for kind in ("relief", "cause")]
    shifted = proposal_rows(many, extra * 20)
    for row in shifted:  # the same sentence, at its place in this text
        row.start, row.end = 14, 14 + len(row.quote)
    Proposal.objects.bulk_create(shifted)
    client.force_login(reviewer)
    counts = []
    for source in (few, many):
        with django_assert_max_num_queries(30) as captured:
            assert client.get(reverse("admin:claims_source_proposals", args=[source.pk])).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
