"""The auditors' API and exports: who may read, what the filters keep, what the files hold."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from audit.keys import chain_keys
from audit.models import AuditEvent
from reviews.publishing import services as publishing

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/audit/events/",
    "/api/v1/audit/claims/{claim}/history/",
    "/api/v1/audit/export/?format=csv",
    "/api/v1/audit/export/?format=ndjson",
    "/api/v1/audit/head/",
]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def ndjson(response):
    return [json.loads(line) for line in body(response).decode().splitlines()]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_only_auditors_may_read(published, people, quinine_claim, endpoint):
    url = endpoint.format(claim=quinine_claim.pk)
    assert APIClient().get(url).status_code == 401
    for role in ("content", "reviewer", "senior"):
        client = APIClient()
        client.force_login(people[role])
        assert client.get(url).status_code == 403, role
    auditor = APIClient()
    auditor.force_login(people["auditor"])
    assert auditor.get(url).status_code == 200


def test_events_list_with_diffs_and_cursor(auditor_api, published):
    page = auditor_api.get("/api/v1/audit/events/?page_size=5").json()
    assert [e["seq"] for e in page["results"]] == [1, 2, 3, 4, 5]
    assert {e["key_id"] for e in page["results"]} == {"t1"}
    graded = auditor_api.get("/api/v1/audit/events/?event_type=review.graded").json()["results"][0]
    assert graded["changes"]["summary"] == ["", "Small trials."]
    assert auditor_api.get(page["next"]).json()["results"][0]["seq"] == 6


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("claim={quinine}", lambda e, ctx: e["claim_id"] == ctx["quinine"].pk),
        ("review={review}", lambda e, ctx: e["review_id"] == ctx["review"]),
        ("actor=api_sen", lambda e, ctx: e["actor_username"] == "api_sen"),
        ("actor={senior_id}", lambda e, ctx: e["actor_username"] == "api_sen"),
        (
            "event_type=review.published&event_type=review.approved",
            lambda e, ctx: e["event_type"] in {"review.published", "review.approved"},
        ),
        (
            "remedy={remedy}",
            lambda e, ctx: e["remedy_id"] == ctx["quinine"].remedy_id or e["claim_id"] == ctx["quinine"].pk,
        ),
    ],
)
def test_each_filter_narrows_the_export(auditor_api, published, people, quinine_claim, query, check):
    ctx = {"quinine": quinine_claim, "review": published["quinine"].review_id}
    query = query.format(
        quinine=quinine_claim.pk, review=ctx["review"], senior_id=people["senior"].pk, remedy=quinine_claim.remedy_id
    )
    rows = [r for r in ndjson(auditor_api.get(f"/api/v1/audit/export/?format=ndjson&{query}")) if "record" not in r]
    everything = AuditEvent.objects.count()
    assert rows and len(rows) < everything
    assert all(check(r, ctx) for r in rows)


def test_time_range_filter(auditor_api, published):
    events = list(AuditEvent.objects.order_by("seq"))
    middle = events[len(events) // 2].occurred_at.isoformat()
    rows = [
        r
        for r in ndjson(auditor_api.get("/api/v1/audit/export/", {"format": "ndjson", "since": middle}))
        if "record" not in r
    ]
    assert rows[0]["seq"] == events[len(events) // 2].seq and rows[-1]["seq"] == events[-1].seq
    rows = [
        r
        for r in ndjson(auditor_api.get("/api/v1/audit/export/", {"format": "ndjson", "until": middle}))
        if "record" not in r
    ]
    assert rows[-1]["seq"] == events[len(events) // 2].seq - 1


def test_bad_filter_or_format_is_400(auditor_api):
    for query in ("format=xml", "since=yesterday", "event_type=review.teleported", "claim=abc"):
        response = auditor_api.get(f"/api/v1/audit/export/?{query}")
        assert response.status_code == 400, query
        assert response.json()["error"]["message"].startswith("Invalid query parameter")


def test_ndjson_rows_carry_the_chain_and_end_with_the_head(auditor_api, published):
    rows = ndjson(auditor_api.get("/api/v1/audit/export/?format=ndjson"))
    head, events = rows[-1], rows[:-1]
    last = AuditEvent.objects.order_by("-seq").first()
    assert head == {
        "record": "chain_head",
        "events": last.seq,
        "head_seq": last.seq,
        "head_hash": last.hash,
        "filtered": False,
        "exported": len(events),
        "key_id": "t1",
        "mac": chain_keys().mac("t1", {k: v for k, v in head.items() if k != "mac"}),
    }
    assert {
        "id",
        "seq",
        "occurred_at",
        "actor_id",
        "actor_username",
        "event_type",
        "claim_id",
        "review_id",
        "remedy_id",
        "reason",
        "before",
        "after",
        "prev_hash",
        "key_id",
        "hash",
    } == set(events[0])
    assert events[0]["occurred_at"].endswith("Z")
    assert auditor_api.get("/api/v1/audit/head/").json() == {k: head[k] for k in ("events", "head_seq", "head_hash")}


def test_csv_parses_and_escapes_formulas(auditor_api, published, people):
    publishing.review_withdraw(
        review=published["stretching"].review, actor=people["senior"], reason='=HYPERLINK("http://evil")'
    )
    text = body(auditor_api.get("/api/v1/audit/export/?format=csv")).decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == AuditEvent.objects.count()
    withdrawn = [r for r in rows if r["event_type"] == "review.withdrawn"][0]
    assert withdrawn["reason"].startswith("'=HYPERLINK")
    assert json.loads(withdrawn["after"])["state"] == "withdrawn"


def test_claim_history_has_diffs_and_publication_versions(auditor_api, published, quinine_claim):
    history = auditor_api.get(f"/api/v1/audit/claims/{quinine_claim.pk}/history/").json()
    types = [e["event_type"] for e in history["events"]]
    assert types[0] == "review.started" and types[-1] == "review.published"
    assert history["publications"][0]["version"] == 1 and history["publications"][0]["is_current"] is True
    assert auditor_api.get("/api/v1/audit/claims/999999999/history/").status_code == 404


def test_rendered_export_streams_from_a_chunked_iterator(published, monkeypatch):
    """Away from PostgreSQL, rows leave before the query is exhausted: the first block goes out
    after reading only the first chunk."""
    from audit import export as audit_export

    fetched = []
    original = audit_export.export_queryset

    def spying_queryset(queryset):
        qs = original(queryset)

        class Spy:
            def iterator(self, chunk_size):
                for item in qs.iterator(chunk_size=2):
                    fetched.append(item)
                    yield item

        return Spy()

    monkeypatch.setattr(audit_export, "export_queryset", spying_queryset)
    blocks = audit_export._rendered_blocks(AuditEvent.objects.order_by("seq"), "ndjson", block_bytes=1)
    first, rows = next(blocks)
    assert json.loads(first)["seq"] == 1 and rows == 1
    assert len(fetched) == 1 < AuditEvent.objects.count()


def test_export_command_and_offline_verification(published, tmp_path):
    target = tmp_path / "audit.ndjson"
    call_command("export_audit", "--output", str(target), stderr=io.StringIO())
    out = io.StringIO()
    call_command("verify_audit", "--file", str(target), stdout=out)
    assert out.getvalue().strip() == f"ok, {AuditEvent.objects.count()} events"


def test_offline_verification_finds_the_tampered_event(published, tmp_path):
    target = tmp_path / "audit.ndjson"
    call_command("export_audit", "--output", str(target), stderr=io.StringIO())
    lines = target.read_text().splitlines()
    tampered = json.loads(lines[4])
    tampered["reason"] = "approved after all"
    lines[4] = json.dumps(tampered)
    target.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match=f"broken at event seq {tampered['seq']}: content changed") as excinfo:
        call_command("verify_audit", "--file", str(target), stdout=io.StringIO())
    assert excinfo.value.returncode == 1


def test_offline_verification_finds_a_deleted_event(published, tmp_path):
    target = tmp_path / "audit.ndjson"
    call_command("export_audit", "--output", str(target), stderr=io.StringIO())
    lines = target.read_text().splitlines()
    del lines[3]
    target.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match="broken at event seq 5: prev_hash|broken at event seq 5"):
        call_command("verify_audit", "--file", str(target), stdout=io.StringIO())


def test_export_command_filters_and_csv(published, quinine_claim, tmp_path):
    target = tmp_path / "q.csv"
    call_command(
        "export_audit",
        "--format",
        "csv",
        "--claim",
        str(quinine_claim.pk),
        "--event-type",
        "review.approved",
        "--output",
        str(target),
        stderr=io.StringIO(),
    )
    rows = list(csv.DictReader(target.open()))
    assert [(r["claim_id"], r["event_type"]) for r in rows] == [(str(quinine_claim.pk), "review.approved")]
    with pytest.raises(CommandError, match="--since"):
        call_command("export_audit", "--since", "last tuesday", stderr=io.StringIO())


def test_admin_action_exports_selected_claims_history(published, people, quinine_claim, client):
    client.force_login(people["auditor"])
    response = client.post(
        "/admin/claims/claim/", {"action": "export_claim_history_action", "_selected_action": [quinine_claim.pk]}
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    assert rows and all(
        r["claim_id"] == str(quinine_claim.pk) or r["remedy_id"] == str(quinine_claim.remedy_id) for r in rows
    )


def test_block_size_does_not_change_the_output(published):
    from audit.export import export_blocks

    events = AuditEvent.objects.all()
    for fmt in ("csv", "ndjson"):
        small = list(export_blocks(events, fmt, block_bytes=1))
        large = list(export_blocks(events, fmt, block_bytes=10**9))
        assert len(small) > len(large)
        assert b"".join(block for block, _ in small) == b"".join(block for block, _ in large)
        assert sum(rows for _, rows in small) == sum(rows for _, rows in large) == events.count()


def test_an_actor_that_only_looks_numeric_is_a_username(auditor_api, published):
    # "²".isdigit() is true, and int("²") raises: it must be read as a username, not crash.
    response = auditor_api.get("/api/v1/audit/events/", {"actor": "²"})
    assert response.status_code == 200 and response.json()["results"] == []
