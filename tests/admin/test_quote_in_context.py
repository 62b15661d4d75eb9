"""A claim's quote read in its article: on the review page, the text around every appearance with
the quote marked; on the source page, the whole article with every quote marked. The article is
untrusted text: it is escaped, and its marks come from the offsets, on the server."""

import hashlib

import pytest
from django.urls import reverse
from django.utils.html import escape

from claims.highlight import quote_in_context
from claims.models import Appearance, Source
from reviews import services

pytestmark = pytest.mark.django_db

HOSTILE = "Cramps again.\n<script>alert('quote')</script> Stretch the calf before bed.\nMore text <b>here</b>."


@pytest.fixture
def hostile_appearance(standard_claim):
    return appearance_in(standard_claim, HOSTILE)


@pytest.fixture
def textless_appearance(standard_claim):
    """A catalogue article loaded without the corpus: its text is not stored (and a stored text is
    never emptied: reviews.db_rules.quotes)."""
    return appearance_in(standard_claim, "")


def appearance_in(standard_claim, text):
    source = Source.objects.create(
        file_name="hostile.txt",
        title="A <i>hostile</i> article",
        condition=standard_claim.condition,
        language="en",
        sha256=hashlib.sha256(HOSTILE.encode()).hexdigest(),
        text=text,
    )
    quote = "<script>alert('quote')</script> Stretch the calf before bed."
    start = HOSTILE.index(quote)
    return Appearance.objects.create(
        claim=standard_claim, source=source, quote=quote, start=start, end=start + len(quote)
    )


def test_catalogue_quotes_are_shown_in_their_article_on_the_review_page(client, reviewer, standard_claim):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    appearance = standard_claim.appearances.select_related("source").first()
    before = appearance.source.text[max(0, appearance.start - 60) : appearance.start].split()[-1]
    assert f'<mark class="quote">{escape(appearance.quote)}</mark>' in html
    assert before in html  # the text around the quote, not the quote alone
    assert 'class="quote-context"' in html


def test_the_quote_in_context_is_escaped_on_the_review_page(client, reviewer, standard_claim, hostile_appearance):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    assert "<script>alert" not in html
    assert (
        '<mark class="quote">&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt; Stretch the calf before bed.</mark>'
        in html
    )
    assert "Cramps again." in html and "&lt;b&gt;here&lt;/b&gt;" in html
    assert "A &lt;i&gt;hostile&lt;/i&gt; article" in html


def test_the_source_page_shows_the_article_with_its_quotes_marked_and_escaped(client, reviewer, hostile_appearance):
    client.force_login(reviewer)
    url = reverse("admin:claims_source_change", args=[hostile_appearance.source_id])
    html = client.get(url).content.decode()
    assert "<script>alert" not in html
    assert (
        f'<span id="appearance-{hostile_appearance.pk}"></span>'
        '<mark class="quote">&lt;script&gt;alert(&#x27;quote&#x27;)' in html
    )
    assert f'href="#appearance-{hostile_appearance.pk}"' in html


def test_a_catalogue_article_is_shown_on_its_source_page(client, reviewer):
    source = Source.objects.filter(format="").exclude(text="").first()
    client.force_login(reviewer)
    html = client.get(reverse("admin:claims_source_change", args=[source.pk])).content.decode()
    assert 'id="source-text"' in html and "No text stored" not in html
    assert html.count('<mark class="quote">') >= 1


def test_a_source_without_text_says_so(client, reviewer, textless_appearance):
    client.force_login(reviewer)
    html = client.get(reverse("admin:claims_source_change", args=[textless_appearance.source_id])).content.decode()
    assert "No text stored" in html


def test_the_review_page_says_when_no_text_is_stored(client, reviewer, standard_claim, textless_appearance):
    review = services.review_start(claim=standard_claim, actor=reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("admin:reviews_review_change", args=[review.pk])).content.decode()
    assert "no text stored" in html
    assert "“&lt;script&gt;alert(&#x27;quote&#x27;)&lt;/script&gt; Stretch the calf before bed.”" in html


def test_the_context_is_a_window_cut_at_whitespace():
    text = "word " * 200 + "THE QUOTE" + " word" * 200
    start = text.index("THE QUOTE")
    html = str(quote_in_context(text, start, start + 9, window=50))
    assert html.startswith("… word") and html.endswith("word …")
    assert '<mark class="quote">THE QUOTE</mark>' in html
    assert len(html) < 200
