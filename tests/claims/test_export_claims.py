import csv
import io
import json

import pytest
from django.core.management import call_command

from claims.exports import FIELDS
from claims.models import Appearance

pytestmark = pytest.mark.django_db


def export(fmt):
    out, err = io.StringIO(), io.StringIO()
    call_command("export_claims", "--format", fmt, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_ndjson_has_one_parsable_row_per_appearance():
    out, err = export("ndjson")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == Appearance.objects.count()
    assert set(rows[0]) == set(FIELDS)
    # Every quote naming the brand carries a claim about its ingredient.
    mydocalm = {(r["source_file"], r["start"]) for r in rows if "Mydocalm" in r["quote"]}
    tolperisone = [r for r in rows if r["remedy"] == "tolperisone"]
    assert mydocalm and mydocalm <= {(r["source_file"], r["start"]) for r in tolperisone}
    assert "Mydocalm" in tolperisone[0]["aliases"]
    assert f"{len(rows)} appearances exported" in err


def test_csv_has_one_row_per_appearance():
    out, _ = export("csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == Appearance.objects.count()
    assert rows[0].keys() == set(FIELDS) or list(rows[0].keys()) == FIELDS


def test_csv_escapes_cells_a_spreadsheet_would_run():
    appearance = Appearance.objects.first()
    appearance.dose = '=HYPERLINK("x")'
    appearance.save()
    out, _ = export("csv")
    assert "'=HYPERLINK" in out


def test_export_query_count_does_not_grow_with_rows(django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        export("ndjson")
