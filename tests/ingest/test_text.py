"""An article's text from a file or a paste: each bad input is refused with a message that names
it, and what is accepted is the text the offsets index, with its sha256."""

import hashlib

import pytest

from claims.ingest.text import (
    MAX_TEXT_BYTES,
    ArticleInputError,
    article_from_bytes,
    article_from_pasted,
    read_article_file,
)


def refused(path, **options) -> str:
    with pytest.raises(ArticleInputError) as caught:
        read_article_file(path, **options)
    return str(caught.value)


def test_a_text_file_is_read_as_it_is_with_the_sha256_of_its_text(tmp_path):
    path = tmp_path / "cramps.txt"
    path.write_text("Leg cramps.\n\nMagnesium helps.\n", encoding="utf-8")
    article = read_article_file(path)
    assert article.text == "Leg cramps.\n\nMagnesium helps.\n"
    assert article.sha256 == hashlib.sha256(article.text.encode()).hexdigest()
    assert (article.name, article.format, article.title) == ("cramps.txt", "txt", "Leg cramps.")


def test_windows_line_ends_become_plain_newlines_before_anything_is_indexed(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"# Title\r\n\r\nText.\r\n")
    assert read_article_file(path).text == "# Title\n\nText.\n"


def test_invisible_marks_inside_words_are_dropped_before_anything_is_indexed(tmp_path):
    """A name broken by a soft hyphen or a zero-width space ("magne\u00adsium") had not been found."""
    from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
    from claims.ingest.propose import propose

    pasted = "Sleep\u200b tips\n\nMagne\u00adsium and melato\u200bnin\u2060 help\ufeff some people sleep.\n"
    article = article_from_pasted(pasted)
    assert article.text == "Sleep tips\n\nMagnesium and melatonin help some people sleep.\n"
    assert {p.remedy for p in propose(article.text, lexicon_from_catalogue_files(), "insomnia")} >= {
        "magnesium",
        "melatonin",
    }
    path = tmp_path / "soft.html"
    path.write_text("<html><body><article><p>" + "Magne&shy;sium helps some readers sleep well. " * 4, encoding="utf-8")
    assert "\u00ad" not in read_article_file(path).text
    # what shapes a script's letters or an emoji stays: a zero-width joiner
    assert article_from_pasted("Tips 👨\u200d👩 for sleep\n").text == "Tips 👨\u200d👩 for sleep\n"


def test_a_binary_file_is_refused_by_what_it_is(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert refused(path) == "article.txt: this is a PDF document, not text; save the article as .txt, .md or .html"


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert refused(path) == "empty.txt: the file is empty"
    path.write_bytes(b"  \n\t\n")
    assert refused(path) == "empty.txt: the file is empty"


def test_a_file_that_is_not_utf8_and_declares_nothing_is_refused(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Crème brûlée helps nobody.".encode("latin-1"))
    message = refused(path)
    assert message.startswith("latin.txt: not UTF-8 (byte 0xe8 at offset 2) and no encoding is declared")
    assert "--encoding" in message


def test_a_declared_encoding_is_honoured(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Crème brûlée helps nobody.".encode("latin-1"))
    assert read_article_file(path, encoding="latin-1").text == "Crème brûlée helps nobody."
    page = tmp_path / "page.html"
    page.write_bytes(
        '<html><head><meta charset="windows-1251"></head><body><article><p>Магний помогает при судорогах '
        "ночью, если пить его курсом.</p></article></body></html>".encode("cp1251")
    )
    assert "Магний помогает" in read_article_file(page).text


def test_nul_bytes_are_refused(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Magnesium\x00 helps.")
    assert refused(path) == "nul.txt: contains NUL bytes (the first at byte 9); this is not a text file"
    with pytest.raises(ArticleInputError, match="pasted text: contains NUL characters"):
        article_from_pasted("Magnesium\x00 helps.")


def test_half_of_a_utf16_pair_is_refused(tmp_path):
    """UTF-7 decodes "+2D0-" to a lone surrogate, which no database stores: the upload had been a
    server error."""
    path = tmp_path / "u7.txt"
    path.write_bytes(b"Ginger tea +2D0- helps with nausea for many readers.")
    assert refused(path, encoding="utf-7") == (
        "u7.txt: character 11 is half of a UTF-16 pair (U+D83D), not a character: check the encoding"
    )


def test_more_than_two_megabytes_of_text_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Magnesium helps. " * (MAX_TEXT_BYTES // 17 + 1))
    size = len(path.read_bytes())  # 2,000,009 bytes: in megabytes, as much as the limit
    assert refused(path) == f"huge.txt: {size:,} bytes of text is over the limit of 2,000,000 bytes"
    path.write_bytes(b"Magnesium helps. " * (MAX_TEXT_BYTES // 10))
    assert refused(path) == "huge.txt: 3.4 MB of text is over the limit of 2.0 MB"
    with pytest.raises(ArticleInputError, match="pasted text: .* over the limit"):
        article_from_pasted("x" * (MAX_TEXT_BYTES + 1))


def test_an_unsupported_or_missing_file_is_named(tmp_path):
    assert refused(tmp_path / "article.pdf").startswith("article.pdf: unsupported file type '.pdf'")
    assert refused(tmp_path / "gone.txt").startswith("gone.txt: no such file")
    (tmp_path / "articles").mkdir()  # had been "unsupported file type '(none)'"
    assert refused(tmp_path / "articles") == "articles: is a folder, not a file"


def test_control_characters_throughout_mean_binary():
    data = bytes(range(1, 9)) * 50 + b"text"
    with pytest.raises(ArticleInputError, match="upload: .* control characters; this looks like a binary file"):
        article_from_bytes(data, name="upload", fmt="txt")


def test_html_is_reduced_to_its_main_text_as_markdown(tmp_path):
    page = tmp_path / "heartburn.html"
    page.write_text(
        "<html><head><title>x</title></head><body><nav><a href='/'>Home</a> | <a href='/shop'>Shop</a></nav>"
        "<article><h1>Home remedies for heartburn</h1><p>Many people chew <b>Tums</b> after meals, "
        "and it helps them quickly.</p><ul><li>Drink water with baking soda.</li><li>Eat ginger.</li></ul>"
        "</article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    article = read_article_file(page)
    assert article.format == "html"
    assert article.title == "Home remedies for heartburn"
    assert "Many people chew Tums after meals" in article.text  # bold unmarked
    assert "- Drink water with baking soda." in article.text
    assert "Shop" not in article.text and "Copyright" not in article.text


def test_what_markdown_escapes_is_stored_as_the_page_wrote_it(tmp_path):
    page = tmp_path / "sleep.html"
    page.write_text(
        "<html><body><article><h1>Sleep aids</h1><p>Try a lavender bath &lt;b&gt;before&lt;/b&gt; bed: "
        "2*3 drops_of oil [optional], C:\\path.</p></article></body></html>",
        encoding="utf-8",
    )
    text = read_article_file(page).text
    assert "Try a lavender bath <b>before</b> bed: 2*3 drops_of oil [optional], C:\\path." in text


def test_the_page_s_own_asterisks_and_backslashes_stay(tmp_path):
    page = tmp_path / "quinine.html"
    page.write_text(
        "<html><body><article><h1>Quinine</h1><p>Quinine *is not* recommended, <em>really</em>, "
        "see C:\\\\share for more.</p></article></body></html>",
        encoding="utf-8",
    )
    assert "Quinine *is not* recommended, really, see C:\\\\share for more." in read_article_file(page).text


def test_a_text_in_a_script_without_spaces_counts_its_letters_as_words():
    assert article_from_pasted("頭痛には").text == "頭痛には"
    with pytest.raises(ArticleInputError, match="1 word is no article"):
        article_from_pasted("Hello")


def test_a_page_without_an_article_is_refused(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><script>var shown = 1;</script><img src='a.png'></body></html>", encoding="utf-8")
    assert refused(page) == "empty.html: no article text found in the HTML page"


def test_a_page_of_megabytes_of_text_is_refused_before_its_text_is_extracted(tmp_path, monkeypatch):
    """A 9.9 MB page kept a server busy for minutes in the extractor before the text limit refused
    what it gave; what the page says outside its markup is counted first, and bounds it."""
    import trafilatura

    def never(*args, **kwargs):
        raise AssertionError("extracted")

    monkeypatch.setattr(trafilatura, "extract", never)
    page = tmp_path / "wide.html"
    paragraph = "<p>Magnesium before bed may ease the cramps of some readers.</p>\n"
    page.write_text(f"<html><body><script>{'x' * 100}</script>{paragraph * 40_000}</body></html>", encoding="utf-8")
    assert refused(page) == "wide.html: 2.3 MB of text outside its markup is over the limit of 2.0 MB"


def test_pasted_text_is_checked_like_a_file():
    with pytest.raises(ArticleInputError, match="^pasted text: there is no text in it$"):
        article_from_pasted(" \n ")
    assert article_from_pasted("Quinine for cramps.").text == "Quinine for cramps."
