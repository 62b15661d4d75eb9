"""The PostgreSQL export path: the server renders each row and COPY streams it. It must give the
same rows and values as the rendering in Python, and stream rather than gather."""

import csv
import io
import json

import psycopg
import pytest
from django.db import transaction

from audit import export as audit_export
from audit.models import AuditEvent
from audit.trail import audit_record

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

AWKWARD_REASONS = [
    'a back\\slash, "quotes", a\nnew line and ünïcödé',
    '=HYPERLINK("http://evil")',
    "-1 dose",
    "\tstarts with a tab",
    "@mention",
    "",
]


@pytest.fixture
def awkward_events():
    """The events recorded here: the chain already starts with those of the catalogue load."""
    before = AuditEvent.objects.count()
    with transaction.atomic():
        for n, reason in enumerate(AWKWARD_REASONS):
            audit_record(
                event_type=AuditEvent.Type.REMEDY_CHANGED,
                actor=None,
                reason=reason,
                before={"path": "C:\\temp\\new", "n": n} if n % 2 else None,
                after={"note": reason, "dose": -1.5, "list": [1, "two", None]},
            )
    return AuditEvent.objects.filter(seq__gt=before)


def _both(events, fmt):
    copied = b"".join(block for block, _ in audit_export._copy_blocks(events.order_by("seq"), fmt, 1 << 16))
    rendered = b"".join(block for block, _ in audit_export._rendered_blocks(events.order_by("seq"), fmt, 1 << 16))
    return copied, rendered


def test_copy_ndjson_has_the_same_rows_as_python_rendering(awkward_events):
    copied, rendered = _both(awkward_events, "ndjson")
    copied_rows = [json.loads(line) for line in copied.decode().splitlines()]
    assert copied_rows == [json.loads(line) for line in rendered.decode().splitlines()]
    assert [row["reason"] for row in copied_rows] == AWKWARD_REASONS
    assert copied_rows[1]["before"]["path"] == "C:\\temp\\new"
    assert list(copied_rows[0]) == list(audit_export.COLUMNS)


def test_copy_csv_has_the_same_cells_as_python_rendering(awkward_events):
    copied, rendered = _both(awkward_events, "csv")
    copied_rows = list(csv.reader(io.StringIO(copied.decode(), newline="")))
    rendered_rows = list(csv.reader(io.StringIO(rendered.decode(), newline="")))
    assert len(copied_rows) == len(rendered_rows) == len(AWKWARD_REASONS)
    json_at = [audit_export.COLUMNS.index(name) for name in audit_export.JSON_COLUMNS]
    for ours, theirs in zip(copied_rows, rendered_rows, strict=True):
        # JSON cells may differ in spacing only.
        assert [json.loads(ours[i]) if ours[i] else None for i in json_at] == [
            json.loads(theirs[i]) if theirs[i] else None for i in json_at
        ]
        assert [c for i, c in enumerate(ours) if i not in json_at] == [
            c for i, c in enumerate(theirs) if i not in json_at
        ]
    reasons = [row[audit_export.COLUMNS.index("reason")] for row in copied_rows]
    assert reasons[1:5] == ["'" + reason for reason in AWKWARD_REASONS[1:5]]


def test_copy_export_streams_rows_before_the_copy_ends(awkward_events, monkeypatch):
    with transaction.atomic():
        for n in range(500):
            audit_record(event_type=AuditEvent.Type.REMEDY_CHANGED, actor=None, after={"n": n})
    total = AuditEvent.objects.count()  # not during the COPY: it holds the connection until it ends
    reads = []
    original = psycopg.Copy.read

    def counting_read(self):
        data = original(self)
        reads.append(len(data))
        return data

    monkeypatch.setattr(psycopg.Copy, "read", counting_read)
    blocks = audit_export.export_blocks(AuditEvent.objects.all(), "ndjson", block_bytes=1)
    first, rows = next(blocks)
    assert json.loads(first)["seq"] == 1 and rows == 1
    assert len(reads) == 1 < total
    blocks.close()  # leaves the COPY early: it is cancelled, and the transaction stays usable
    assert AuditEvent.objects.count() == total
    assert awkward_events.count() == len(AWKWARD_REASONS) + 500
