"""Charts as server-rendered SVG: no script, no inline style (the site's Content-Security-Policy
forbids both); colours come from classes in reviews/static/reviews/dashboard.css. A Chart holds
its numbers once: the SVG and the table under it are both drawn from them, so they cannot differ.

Pure: numbers in, markup out; no database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

LABEL_WIDTH = 230  # the row labels' column
BAR_WIDTH = 400  # the longest bar
TOTAL_WIDTH = 60  # the total after each bar
WIDTH = LABEL_WIDTH + BAR_WIDTH + TOTAL_WIDTH
ROW_HEIGHT = 20
ROW_GAP = 6
LEGEND_ITEM_WIDTH = 172
LEGEND_ROW_HEIGHT = 18
LABEL_CHARACTERS = 32


@dataclass(frozen=True)
class Series:
    """One kind of segment: a state, a certainty, a recommendation … and its colour class."""

    key: str
    label: str
    css: str


@dataclass(frozen=True)
class Row:
    """One bar, and the table row under it."""

    label: str
    values: tuple[int, ...]  # one per series, in the chart's series order
    link: str = ""  # where the row's label leads in the table, if anywhere

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Chart:
    """Horizontal bars, stacked by series (a chart of one series is a plain bar chart)."""

    id: str  # the element ids: chart-<id> (the SVG) and table-<id> (its table)
    title: str
    row_header: str  # what the rows are: "risk tier", "category", "week" …
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    note: str = ""
    show_total: bool = field(default=True)

    @property
    def totals(self) -> tuple[int, ...]:
        """Per series, over every row: the table's last row."""
        return tuple(sum(row.values[i] for row in self.rows) for i in range(len(self.series)))

    @property
    def total(self) -> int:
        return sum(row.total for row in self.rows)

    @property
    def svg(self) -> SafeString:
        return render_svg(self)


def chart(
    *,
    id: str,
    title: str,
    row_header: str,
    series: Iterable[Series],
    rows: Iterable[tuple[str, str]],
    counts: Mapping[tuple[str, str], int],
    links: Mapping[str, str] | None = None,
    note: str = "",
) -> Chart:
    """A chart from counts keyed by (row key, series key); `rows` are (key, label) in order."""
    series = tuple(series)
    links = links or {}
    return Chart(
        id=id,
        title=title,
        row_header=row_header,
        series=series,
        rows=tuple(
            Row(label=label, values=tuple(counts.get((key, s.key), 0) for s in series), link=links.get(key, ""))
            for key, label in rows
        ),
        note=note,
    )


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


def render_svg(c: Chart) -> SafeString:
    """The chart as an <svg> element: a bar per row, its segments in series order, the row's total
    after it, and the legend below. Every number is also an attribute (data-value, data-total)."""
    longest = max((row.total for row in c.rows), default=0)
    scale = BAR_WIDTH / longest if longest else 0
    parts: list[str] = []
    y = 0
    for index, row in enumerate(c.rows):
        parts.append(
            format_html(
                '<g class="dash-row" data-row="{}"><text class="dash-label" x="{}" y="{}" text-anchor="end">'
                "<title>{}</title>{}</text>",
                index,
                LABEL_WIDTH - 8,
                y + ROW_HEIGHT - 6,
                row.label,
                _short(row.label),
            )
        )
        x = float(LABEL_WIDTH)
        for s, value in zip(c.series, row.values, strict=True):
            if not value:
                continue
            width = value * scale
            parts.append(
                format_html(
                    '<rect class="dash-seg {}" x="{}" y="{}" width="{}" height="{}" data-series="{}" data-value="{}">'
                    "<title>{}: {}: {}</title></rect>",
                    s.css,
                    f"{x:.1f}",
                    y,
                    f"{max(width, 1):.1f}",
                    ROW_HEIGHT,
                    s.key,
                    value,
                    row.label,
                    s.label,
                    value,
                )
            )
            x += width
        parts.append(
            format_html(
                '<text class="dash-total" x="{}" y="{}" data-total="{}">{}</text></g>',
                f"{x + 6:.1f}",
                y + ROW_HEIGHT - 6,
                row.total,
                row.total,
            )
        )
        y += ROW_HEIGHT + ROW_GAP
    if not c.rows:
        parts.append(format_html('<text class="dash-empty" x="{}" y="{}">Nothing yet</text>', LABEL_WIDTH, 14))
        y = ROW_HEIGHT + ROW_GAP
    legend_y = y + 6
    per_line = max(1, WIDTH // LEGEND_ITEM_WIDTH)
    if len(c.series) > 1:
        for i, s in enumerate(c.series):
            lx = (i % per_line) * LEGEND_ITEM_WIDTH
            ly = legend_y + (i // per_line) * LEGEND_ROW_HEIGHT
            parts.append(
                format_html(
                    '<g class="dash-key"><rect class="dash-seg {}" x="{}" y="{}" width="12" height="12"></rect>'
                    '<text x="{}" y="{}">{}</text></g>',
                    s.css,
                    lx,
                    ly,
                    lx + 16,
                    ly + 11,
                    s.label,
                )
            )
        height = legend_y + ((len(c.series) - 1) // per_line + 1) * LEGEND_ROW_HEIGHT
    else:
        height = y
    return format_html(
        '<svg id="chart-{}" class="dash-chart" role="img" aria-labelledby="chart-{}-title" '
        'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}">'
        '<title id="chart-{}-title">{}</title>{}</svg>',
        c.id,
        c.id,
        WIDTH,
        height,
        WIDTH,
        height,
        c.id,
        c.title,
        mark_safe("".join(parts)),  # each part built by format_html above
    )


__all__ = ["Chart", "Row", "Series", "chart", "render_svg"]
