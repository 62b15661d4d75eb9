"""An article's text from a file or from pasted text: checked, decoded and, for HTML, reduced to
its main text. The text returned is what every offset indexes and what the sha256 is taken of.

Every refusal is an ArticleInputError whose message names the file (or "pasted text") and says
what to do, so a bad upload never becomes a server error and never writes anything.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MAX_TEXT_BYTES = 2_000_000  # 2 MB of UTF-8 text: far above any article, far below a dump
MAX_HTML_BYTES = 10_000_000  # pages carry scripts and markup around the text
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}

# File signatures of the binary formats people upload by mistake.
_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"\xd0\xcf\x11\xe0", "a Microsoft Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Invisible marks inside words, dropped from the text stored (a name broken by one, "magne\u00adsium",
# had not been found): the soft hyphen, the zero-width space, the word joiner and a BOM within the
# text. The joiners that shape a script's letters or an emoji (U+200C, U+200D) stay.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CODE_OPENS = re.compile(r"<(script|style|template)\b", re.IGNORECASE)
_CODE_CLOSES = {tag: re.compile(rf"</{tag}\s*>", re.IGNORECASE) for tag in ("script", "style", "template")}
_TAG = re.compile(r"<[^<>]*>")  # not "<[^>]*>": from each of a page of "<" with no ">", to its end
# trafilatura's tables take time growing with the square of their cells: 100,000 took 37 s
MAX_TABLE_CELLS = 20_000
_CELL = re.compile(r"<t[dh]\b", re.IGNORECASE)
_WHITE = re.compile(r"\s+")
# What trafilatura's Markdown puts a backslash before: its "\*" is the page's "*".
_ESCAPED = re.compile(r"\\([`*_{}\[\]<>#|])")  # not "\\": trafilatura keeps a page's backslash as it is
MIN_WORDS = 2  # a lone word or mark ("x", "!!!") is no article
MIN_HTML_WORDS = 30  # nor is a page's menu, what is left of a page with no article: a few words, no sentence
_SENTENCE_END = re.compile(r"[.!?…。]")
_WORDS = re.compile(r"[^\W\d_]{2,}")
# Bold and italics, never an escaped "\*" (the page's own asterisk).
_BOLD = re.compile(r"(?<!\\)\*\*(?=\S)(.+?)(?<=[^\s\\])\*\*")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])")


class ArticleInputError(ValueError):
    """The input cannot be taken in as an article; the message names it and says why."""


@dataclass(frozen=True)
class ArticleText:
    name: str  # the file's name, or "pasted text"
    format: str  # txt | md | html
    text: str  # what the offsets index
    sha256: str  # of the text's UTF-8 bytes
    title: str  # the first line of the text, a suggestion for the source's title
    words_sha256: str = ""  # of its words, spacing aside (words_sha256)


def read_article_file(path: Path | str, *, encoding: str | None = None) -> ArticleText:
    """The article in a .txt, .md or .html file."""
    path = Path(path)
    if path.is_dir():
        raise ArticleInputError(f"{path.name}: is a folder, not a file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ArticleInputError(
            f"{path.name}: unsupported file type {path.suffix or '(none)'!r}; use a .txt, .md or .html file"
        )
    try:
        size = path.stat().st_size
        if size > _raw_limit(fmt):
            raise ArticleInputError(f"{path.name}: {_over(size, _raw_limit(fmt))}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleInputError(f"{path.name}: no such file ({path})") from None
    except IsADirectoryError:
        raise ArticleInputError(f"{path.name}: is a folder, not a file") from None
    except PermissionError:
        raise ArticleInputError(f"{path.name}: cannot be read (permission denied)") from None
    return article_from_bytes(data, name=path.name, fmt=fmt, encoding=encoding)


def article_from_bytes(data: bytes, *, name: str, fmt: str, encoding: str | None = None) -> ArticleText:
    """The article in an uploaded file's bytes; `fmt` is txt, md or html."""
    if fmt not in ("txt", "md", "html"):
        raise ArticleInputError(f"{name}: unknown format {fmt!r} (txt, md or html)")
    check_file_size(len(data), name, fmt)
    if not data.strip():
        raise ArticleInputError(f"{name}: the file is empty")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ArticleInputError(f"{name}: this is {what}, not text; save the article as .txt, .md or .html")
    text = _decode(data, name, fmt, encoding)
    if fmt == "html":
        text = html_main_text(text, name)
    return _checked(text, name, fmt)


def check_file_size(size: int, name: str, fmt: str) -> None:
    """A file of `size` bytes over what an article in `fmt` may take: its clear error (read before the
    file is, by the admin's form: "11.0 MB is over the limit of 4.0 MB")."""
    if size > _raw_limit(fmt):
        raise ArticleInputError(f"{name}: {_over(size, _raw_limit(fmt))}")


def article_from_pasted(text: str, *, name: str = "pasted text") -> ArticleText:
    """The article pasted into a form: already text, so only the content checks apply (a browser
    sends a textarea's line ends as CRLF: counted as the LF stored)."""
    text = text.replace("\r\n", "\n")
    if len(text) > MAX_TEXT_BYTES:  # a character is at least one byte: refuse before encoding
        raise ArticleInputError(f"{name}: {_over(len(text), MAX_TEXT_BYTES, ' of text')}")
    return _checked(text, name, "txt")


def html_main_text(html: str, name: str = "page") -> str:
    """The main text of an HTML page (trafilatura), as Markdown: headings, paragraphs, lists and
    tables kept, navigation and boilerplate dropped, inline bold and italics unmarked, and the
    characters Markdown escapes given back as the page wrote them ("<", "*", "_", "[")."""
    import trafilatura  # imported here: lxml and friends are needed for HTML only

    # What the page says outside its markup bounds its main text, and is counted in a moment: a page
    # of megabytes of text kept a server busy for minutes before the text limit refused it.
    outside = len(_WHITE.sub(" ", _TAG.sub(" ", _without_code(html))).encode())
    if outside > MAX_TEXT_BYTES:
        raise ArticleInputError(f"{name}: {_over(outside, MAX_TEXT_BYTES, ' of text outside its markup')}")
    if (cells := sum(1 for _ in _CELL.finditer(html))) > MAX_TABLE_CELLS:
        raise ArticleInputError(
            f"{name}: the page has {cells:,} table cells, more than the {MAX_TABLE_CELLS:,} its text is read from; "
            "save the article's text as a .txt or .md file and upload that"
        )
    extracted = trafilatura.extract(
        html, output_format="markdown", include_tables=True, include_comments=False, include_links=False
    )
    if not extracted or not extracted.strip():
        raise ArticleInputError(f"{name}: no article text found in the HTML page")
    return _ESCAPED.sub(r"\1", _ITALIC.sub(r"\1", _BOLD.sub(r"\1", extracted)))


def _without_code(html: str) -> str:
    """The page without its scripts, styles and templates; one left open is code to the page's end,
    as a browser reads it (and each open one had been searched to the end for its close)."""
    pieces, position = [], 0
    while opened := _CODE_OPENS.search(html, position):
        pieces.append(html[position : opened.start()])
        closed = _CODE_CLOSES[opened.group(1).lower()].search(html, opened.end())
        if closed is None:
            return " ".join(pieces)
        position = closed.end()
    pieces.append(html[position:])
    return " ".join(pieces)


def _decode(data: bytes, name: str, fmt: str, encoding: str | None) -> str:
    declared = encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            declared = declared or codec
            break
    if declared is None and fmt == "html":
        found = _META_CHARSET.search(data[:4096])
        declared = found.group(1).decode("ascii") if found else None
    if declared is None and b"\x00" in data:
        offset = data.index(b"\x00")
        raise ArticleInputError(f"{name}: contains NUL bytes (the first at byte {offset}); this is not a text file")
    codec = declared or "utf-8"
    try:
        codecs.lookup(codec)
    except LookupError:
        raise ArticleInputError(f"{name}: unknown encoding {codec!r}") from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        if declared is None:
            raise ArticleInputError(
                f"{name}: not UTF-8 (byte 0x{byte:02x} at offset {exc.start}) and no encoding is declared; "
                "save the file as UTF-8 or give its encoding (the form's Encoding, or --encoding)"
            ) from None
        raise ArticleInputError(f"{name}: not valid {codec} (byte 0x{byte:02x} at offset {exc.start})") from None
    return text.removeprefix("\ufeff")


def _checked(text: str, name: str, fmt: str) -> ArticleText:
    if "\x00" in text:
        raise ArticleInputError(f"{name}: contains NUL characters (the first at character {text.index(chr(0))})")
    if half := _SURROGATE.search(text):  # UTF-7's "+2D0-", say: no database stores it
        raise ArticleInputError(
            f"{name}: character {half.start()} is half of a UTF-16 pair (U+{ord(half.group()):04X}), not a "
            "character: check the encoding"
        )
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise ArticleInputError(f"{name}: there is no text in it")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, len(text) // 100):
        raise ArticleInputError(f"{name}: {controls} control characters; this looks like a binary file, not text")
    encoded = text.encode("utf-8", errors="surrogatepass")
    if len(encoded) > MAX_TEXT_BYTES:
        raise ArticleInputError(f"{name}: {_over(len(encoded), MAX_TEXT_BYTES, ' of text')}")
    # Chinese, Japanese or Thai writes no spaces between words: each letter counts as one.
    words = len(_WORDS.findall(text)) + sum(1 for c in text if unicodedata.category(c) == "Lo")
    if words < MIN_WORDS:
        raise ArticleInputError(f"{name}: {words} word{'' if words == 1 else 's'} is no article (at least {MIN_WORDS})")
    if fmt == "html" and words < MIN_HTML_WORDS and not _SENTENCE_END.search(text):
        # what an extractor falls back on when a page has no article: its menu ("Home | About")
        shown = " ".join(text.split())[:60]
        raise ArticleInputError(f"{name}: no article text found in the HTML page, only {words} words (“{shown}”)")
    title = next((line.strip().lstrip("#").strip() for line in text.splitlines() if line.strip()), "")
    return ArticleText(
        name=name,
        format=fmt,
        text=text,
        sha256=hashlib.sha256(encoded).hexdigest(),
        title=title,
        words_sha256=words_sha256(text),
    )


def words_sha256(text: str) -> str:
    """The sha256 of a text's words, spacing aside: a paste with a trailing newline, a file saved
    with trailing spaces and the page itself are one article; and an article stored with the
    invisible marks now dropped on intake is the same text taken in again."""
    words = " ".join(_INVISIBLE.sub("", text).split())
    return hashlib.sha256(words.encode("utf-8", errors="surrogatepass")).hexdigest()


def _raw_limit(fmt: str) -> int:
    # UTF-16 takes up to twice the bytes of UTF-8 for the same text.
    return MAX_HTML_BYTES if fmt == "html" else 2 * MAX_TEXT_BYTES


def _over(size: int, limit: int, what: str = "") -> str:
    """ "2.2 MB of text is over the limit of 2.0 MB"; in bytes when megabytes would say the same."""
    if _mb(size) == _mb(limit):
        return f"{size:,} bytes{what} is over the limit of {limit:,} bytes"
    return f"{_mb(size)}{what} is over the limit of {_mb(limit)}"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
