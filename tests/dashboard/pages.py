"""Reading the dashboard as a person would: its tables' cells and its charts' bars."""

from __future__ import annotations

import lxml.html

INDEX = "/admin/"


def document(response):
    assert response.status_code == 200, response.status_code
    return lxml.html.fromstring(response.content.decode())


def table(doc, table_id: str) -> dict[str, list[str]]:
    """A table's body rows by their first cell's text: the other cells' texts."""
    rows = doc.xpath(f'//table[@id="{table_id}"]/tbody/tr')
    result = {}
    for row in rows:
        cells = [cell.text_content().strip() for cell in row.xpath("./th|./td")]
        result[cells[0]] = cells[1:]
    return result


def table_series(doc, table_id: str) -> list[str]:
    return doc.xpath(f'//table[@id="{table_id}"]/thead/tr/th/@data-series')


def chart(doc, chart_id: str) -> dict[str, dict[str, str]]:
    """An SVG chart's bars by their label: each segment's value by its series, and the total."""
    svg = doc.xpath(f'//*[local-name()="svg" and @id="chart-{chart_id}"]')
    assert svg, f"no chart-{chart_id}"
    bars = {}
    for row in svg[0].xpath('.//*[local-name()="g" and @class="dash-row"]'):
        label = row.xpath('./*[local-name()="text" and @class="dash-label"]/*[local-name()="title"]')[0].text
        segments = {rect.get("data-series"): rect.get("data-value") for rect in row.xpath('./*[local-name()="rect"]')}
        total = row.xpath('./*[local-name()="text" and @class="dash-total"]')[0].get("data-total")
        bars[label] = {**segments, "total": total}
    return bars


def chart_as_table(bars: dict[str, dict[str, str]], series: list[str]) -> dict[str, list[str]]:
    """A chart's bars as its table would read them: every series' value (0 where no segment),
    then the row's total when there is more than one series."""
    return {
        label: [bar.get(key, "0") for key in series] + ([bar["total"]] if len(series) > 1 else [])
        for label, bar in bars.items()
    }
