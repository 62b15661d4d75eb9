"""An article's text as HTML with every proposal's quote marked, by offsets, on the server.

The article is untrusted text: every piece of it is escaped, and the marks add no text of their
own, so the page's text content is exactly the stored text — the selection script (claims/static/
claims/ingest.js) counts offsets in it for "add a missed claim".
"""

from __future__ import annotations

from collections import defaultdict

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_PRECEDENCE = ("pending", "accepted", "rejected")  # a piece under several proposals shows the first


def highlighted(text: str, proposals) -> SafeString:
    """`text` escaped, with <mark> around each stretch covered by proposals: its class says the
    most pressing status among them (and "mixed" when pending ones sit beside decided ones), its
    title names them, and the stretch where proposals start
    carries the anchor id "at-<offset>" that the proposals list links to."""
    starting, ending = defaultdict(list), defaultdict(list)
    for proposal in proposals:
        starting[proposal.start].append(proposal)
        ending[proposal.end].append(proposal)
    bounds = sorted({0, len(text), *starting, *ending})
    active: dict[int, object] = {}
    parts = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        for proposal in ending.get(left, ()):
            active.pop(proposal.pk, None)
        for proposal in starting.get(left, ()):
            active[proposal.pk] = proposal
        piece = text[left:right]
        if not active:
            parts.append(escape(piece))
            continue
        covering = sorted(active.values(), key=lambda p: (p.start, p.pk))
        statuses = {p.status for p in covering}
        status = min(statuses, key=_PRECEDENCE.index)
        parts.append(
            format_html(
                '<mark class="proposal {}"{} data-proposals="{}" title="{}">{}</mark>',
                # "mixed": some proposals over it are decided, some still pending (striped)
                f"{status} mixed" if status == "pending" and len(statuses) > 1 else status,
                format_html(' id="at-{}"', left) if left in starting else "",
                " ".join(str(p.pk) for p in covering),
                "; ".join(_label(p) for p in covering),
                piece,
            )
        )
    return mark_safe("".join(parts))  # every piece escaped above


def _label(proposal) -> str:
    who = f", {proposal.get_population_display()}" if proposal.population else ""
    return f"#{proposal.pk} {proposal.remedy_name}: {proposal.get_kind_display()}{who} ({proposal.status})"


# -- a quote in its article: the review page and the source page ---------------------------------

CONTEXT = 300  # characters of the article shown on either side of a quote


def quote_in_context(text: str, start: int, end: int, *, window: int = CONTEXT) -> SafeString:
    """The stretch of `text` around [start:end], escaped, with the quote marked: what a reviewer
    reads to judge whether the quote says what the claim says. Cut at whitespace where it can be,
    with an ellipsis where the article goes on."""
    left = _cut(text, max(0, start - window), forward=True)
    right = _cut(text, min(len(text), end + window), forward=False)
    return format_html(
        '{}{}<mark class="quote">{}</mark>{}{}',
        "… " if left > 0 else "",
        text[left:start],
        text[start:end],
        text[end:right],
        " …" if right < len(text) else "",
    )


def quotes_marked(text: str, spans) -> SafeString:
    """The whole of `text`, escaped, with each (start, end, anchor) span marked and its first
    stretch preceded by an empty element with the anchor as its id (no text is added)."""
    starting, ending = defaultdict(list), defaultdict(list)
    for span in spans:
        starting[span[0]].append(span)
        ending[span[1]].append(span)
    bounds = sorted({0, len(text), *starting, *ending})
    active: set = set()
    parts = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        active.difference_update(ending.get(left, ()))
        active.update(starting.get(left, ()))
        piece = text[left:right]
        if not active:
            parts.append(escape(piece))
            continue
        anchors = format_html_join("", '<span id="{}"></span>', ((span[2],) for span in starting.get(left, ())))
        parts.append(format_html('{}<mark class="quote">{}</mark>', anchors, piece))
    return mark_safe("".join(parts))  # every piece escaped above


def _cut(text: str, at: int, *, forward: bool) -> int:
    """`at`, moved to the nearest whitespace within 40 characters (into the window), if any."""
    if at in (0, len(text)):
        return at
    stretch = range(at, min(len(text), at + 40)) if forward else range(at, max(0, at - 40), -1)
    for i in stretch:
        if text[i].isspace():
            return i + 1 if forward else i
    return at
