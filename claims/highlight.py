"""An article's text as HTML with every proposal's quote marked, by offsets, on the server.

The article is untrusted text: every piece of it is escaped, and the marks add no text of their
own, so the page's text content is exactly the stored text — the selection script (claims/static/
claims/ingest.js) counts offsets in it for "add a missed claim".
"""

from __future__ import annotations

from collections import defaultdict

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

_PRECEDENCE = ("pending", "accepted", "rejected")  # a piece under several proposals shows the first


def highlighted(text: str, proposals) -> SafeString:
    """`text` escaped, with <mark> around each stretch covered by proposals: its class says the
    most pressing status among them, its title names them, and the stretch where proposals start
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
        status = min((p.status for p in covering), key=_PRECEDENCE.index)
        parts.append(
            format_html(
                '<mark class="proposal {}"{} data-proposals="{}" title="{}">{}</mark>',
                status,
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
