"""The SVG charts (reviews.dashboard.charts): numbers in, markup out, no database. Bars scale to
the longest, segments follow the series, zeros draw nothing, labels are escaped, and nothing is
styled inline (the Content-Security-Policy allows no inline style)."""

import lxml.html

from reviews.dashboard import charts
from reviews.dashboard.charts import Series

from .pages import chart, chart_as_table

SERIES = (Series("a", "Alpha", "dash-a"), Series("b", "Beta", "dash-b"))


def example(**kwargs):
    return charts.chart(
        id="example",
        title="An example",
        row_header="row",
        series=SERIES,
        rows=[("x", "<b>X</b>"), ("y", "Y"), ("z", "Z")],
        counts={("x", "a"): 3, ("x", "b"): 1, ("y", "b"): 2},
        **kwargs,
    )


def parse(c):
    return lxml.html.fromstring(f"<div>{c.svg}</div>")


def test_rows_totals_and_the_table_numbers():
    c = example()
    assert [row.values for row in c.rows] == [(3, 1), (0, 2), (0, 0)]
    assert [row.total for row in c.rows] == [4, 2, 0]
    assert c.totals == (3, 3) and c.total == 6
    bars = chart(parse(c), "example")
    assert chart_as_table(bars, ["a", "b"]) == {"<b>X</b>": ["3", "1", "4"], "Y": ["0", "2", "2"], "Z": ["0", "0", "0"]}


def test_bars_scale_to_the_longest():
    doc = parse(example())
    widths = [float(w) for w in doc.xpath("//*[local-name()='rect'][@data-series]/@width")]
    assert widths == [charts.BAR_WIDTH * 3 / 4, charts.BAR_WIDTH * 1 / 4, charts.BAR_WIDTH * 2 / 4]


def test_labels_are_escaped_and_nothing_is_styled_inline():
    svg = str(example().svg)
    assert "<b>" not in svg and "&lt;b&gt;X&lt;/b&gt;" in svg
    assert "style" not in svg and "<script" not in svg
    assert 'class="dash-seg dash-a"' in svg


def test_a_long_label_is_shortened_on_the_chart_only():
    c = charts.chart(
        id="l", title="t", row_header="r", series=SERIES[:1], rows=[("k", "n" * 80)], counts={("k", "a"): 1}
    )
    doc = parse(c)
    assert doc.xpath("string(//*[local-name()='text'][@class='dash-label'])").endswith("…")
    assert chart(doc, "l") == {"n" * 80: {"a": "1", "total": "1"}}


def test_an_empty_chart_says_so():
    c = charts.chart(id="e", title="t", row_header="r", series=SERIES, rows=[], counts={})
    assert "Nothing yet" in str(c.svg) and c.total == 0
