"""Long articles: stored at once and proposed in the background (Django's tasks, a database queue),
part by part with their progress, the proposals the same as the whole text's; a failure kept on the
run with its reason, the article kept."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from audit.models import AuditEvent
from bench.ingest.workload import lists_of_names
from claims import background
from claims.articles import ingest_article
from claims.background import parts_of, propose_in_parts, run_proposer
from claims.ingest import catalogue_lexicon
from claims.ingest.catalogue_lexicon import lexicon_from_catalogue_files
from claims.ingest.propose import propose
from claims.ingest.segments import segment
from claims.ingest.text import article_from_pasted
from claims.models import Source
from claims.proposals import ProposerRun
from tests.helpers import CORPUS_DIR
from tests.ingest.conftest import DRUG_NAMES
from tests.ingest.store_helpers import TEXT, events_since, last_seq

SECTIONS = "".join(f"## Week {week}\n\n{TEXT}\n" for week in range(1, 7))


@pytest.fixture(autouse=True)
def few_drug_names(monkeypatch):
    monkeypatch.setattr(catalogue_lexicon, "drug_names", lambda: DRUG_NAMES)


@pytest.fixture(scope="module")
def lexicon():
    return lexicon_from_catalogue_files(corpus_dir=None)


def test_parts_are_cut_at_headings_and_cover_the_text():
    parts = parts_of(SECTIONS, size=len(TEXT))
    assert len(parts) == 6 and parts[0][0] == 0 and parts[-1][1] == len(SECTIONS)
    assert all(end == next_start for (_, end), (next_start, _) in zip(parts, parts[1:], strict=False))
    assert all(SECTIONS[start:].startswith("## Week") for start, _ in parts)
    assert len(parts_of(SECTIONS, size=10**6)) == 1
    assert parts_of(TEXT * 50, size=10) == [(0, len(TEXT) * 50)]  # no heading: one part


@pytest.mark.parametrize("path", sorted(CORPUS_DIR.glob("*.txt")), ids=lambda p: p.name[:3])
def test_part_by_part_the_proposals_are_the_whole_texts(path, lexicon):
    text = path.read_text(encoding="utf-8")
    seen = []
    in_parts = propose_in_parts(text, lexicon, size=1, progress=lambda *progress: seen.append(progress))
    assert in_parts == propose(text, lexicon)
    assert len(seen) > 2 and seen[-1][0] == seen[-1][1]  # cut at every heading, progress after each
    assert [read for _, _, read in seen] == [end for _, end in parts_of(text, 1)]  # read up to each part's end


@pytest.mark.django_db
def test_a_long_article_is_stored_at_once_and_queued(reviewer, settings, django_capture_on_commit_callbacks):
    settings.INGEST_INLINE_CHARACTERS = 1000
    seq = last_seq()
    with django_capture_on_commit_callbacks(execute=True):
        source = ingest_article(article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps")
    assert source.text == SECTIONS and source.proposals.count() == 0
    run = source.proposer_run
    assert (run.state, run.parts_done, run.parts) == ("queued", 0, 1)
    assert events_since(seq) == ["article.added"]
    assert AuditEvent.objects.get(seq=seq + 1).after["proposed_in_background"] is True
    [task] = DBTaskResult.objects.filter(task_path="claims.background.propose_article")
    assert task.args_kwargs == {"args": [source.pk], "kwargs": {}}


def _foods_rich_in(sentences):
    """New remedies all, proposed from the pattern: "Foods rich in quorbel, vintessa, … help." """
    words = [a + b + c for a in ("ba", "ko", "mi", "zu") for b in ("ler", "vin", "tor") for c in ("ma", "sel", "dry")]
    return "".join(f"Foods rich in {', '.join(words[i % 5 :] + words[: i % 5])} help.\n" for i in range(sentences))


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["known names", "new names"])
def test_a_short_page_of_long_lists_of_names_is_proposed_in_the_background(reviewer, lexicon, page):
    """Under the limit in characters, yet some thirty times an article's reading for its length
    (claims.ingest.workload): the default settings keep it out of the request."""
    text = lists_of_names(lexicon, 20_000) if page == "known names" else _foods_rich_in(60)
    assert len(text) < background.inline_limit() / 5
    source = ingest_article(article=article_from_pasted(text), actor=reviewer, condition="insomnia", lexicon=lexicon)
    assert source.proposer_run.state == "queued" and source.proposals.count() == 0


@pytest.mark.django_db
def test_a_reading_that_outruns_the_request_is_left_to_the_worker(reviewer, lexicon, settings):
    """What the estimate does not foresee (names only the proposer's phrasings find, say) is
    stopped at settings.INGEST_INLINE_SECONDS and read again by the worker, from the start."""
    settings.INGEST_INLINE_SECONDS = 0
    seq = last_seq()
    source = ingest_article(article=article_from_pasted(TEXT), actor=reviewer, condition="insomnia", lexicon=lexicon)
    assert source.proposer_run.state == "queued" and source.proposals.count() == 0
    assert events_since(seq) == ["article.added"]
    assert run_proposer(source.pk, lexicon=lexicon) == len(propose(TEXT, lexicon, "insomnia")) > 0


@pytest.mark.django_db
def test_the_catalogues_longest_article_is_proposed_in_the_request(reviewer, lexicon):
    longest = max(CORPUS_DIR.glob("*.txt"), key=lambda path: path.stat().st_size)
    text = longest.read_text(encoding="utf-8") + "\nReviewed again this winter.\n"  # not the catalogue's own
    assert len(text) > len(lists_of_names(lexicon, 20_000))
    source = ingest_article(
        article=article_from_pasted(text), actor=reviewer, condition="night leg cramps", lexicon=lexicon
    )
    assert not ProposerRun.objects.filter(source=source).exists() and source.proposals.count() > 100


@pytest.mark.django_db
def test_the_worker_stores_the_proposals_with_one_event_and_its_progress(reviewer, monkeypatch, lexicon):
    monkeypatch.setattr(background, "PART_CHARACTERS", len(TEXT))
    source = ingest_article(
        article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps", background=True
    )
    progress = []
    monkeypatch.setattr(
        ProposerRun.objects, "filter", _spy(ProposerRun.objects.filter, progress), raising=False
    )  # fmt: skip
    seq = last_seq()
    stored = run_proposer(source.pk, lexicon=lexicon)
    run = ProposerRun.objects.get(source=source)
    assert (run.state, run.parts_done, run.parts, run.proposals, run.percent) == ("done", 6, 6, stored, 100)
    expected = propose(SECTIONS, lexicon, "night leg cramps")
    assert stored == len(expected) == source.proposals.count() > 0
    assert sorted((p.start, p.end, p.kind) for p in source.proposals.all()) == sorted(
        (p.start, p.end, p.kind) for p in expected
    )
    event = AuditEvent.objects.get(seq=seq + 1)
    assert events_since(seq) == ["article.proposed"]
    assert (event.actor_username, event.after["proposals"], event.after["parts"]) == ("system:proposer", stored, 6)
    assert progress == [(6, d) for d in range(1, 7)]
    assert run_proposer(source.pk, lexicon=lexicon) == stored  # delivered twice: nothing stored twice
    assert source.proposals.count() == stored and events_since(seq) == ["article.proposed"]


@pytest.mark.django_db
@pytest.mark.parametrize("in_background", [False, True])
def test_the_proposer_reads_the_article_as_about_its_condition(reviewer, lexicon, in_background):
    text = "During a migraine, drink coffee.\n"
    source = ingest_article(
        article=article_from_pasted(text),
        actor=reviewer,
        condition="migraine",
        lexicon=lexicon,
        background=in_background,
    )
    if in_background:
        run_proposer(source.pk, lexicon=lexicon)
    assert [p.kind for p in source.proposals.all()] == ["relief"]
    assert [p.kind for p in propose(text, lexicon)] != ["relief"]  # the same words, no condition


def _progress(values):
    if "parts_done" in values and "state" not in values:
        return values["parts"], values["parts_done"]
    return None


def _spy(filter_, seen, recorded=_progress):
    """ProposerRun.objects.filter whose updates append recorded(values) to `seen` (unless None)."""

    class Recorded:
        def __init__(self, queryset):
            self.queryset = queryset

        def update(self, **values):
            if (record := recorded(values)) is not None:
                seen.append(record)
            return self.queryset.update(**values)

        def __getattr__(self, name):
            return getattr(self.queryset, name)

    return lambda *args, **kwargs: Recorded(filter_(*args, **kwargs))


@pytest.mark.django_db
def test_a_failure_is_kept_on_the_run_and_the_article_stays(reviewer, client):
    source = ingest_article(
        article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps", background=True
    )
    seq = last_seq()
    with pytest.raises(AttributeError):
        run_proposer(source.pk, lexicon=object())  # not a lexicon
    run = ProposerRun.objects.get(source=source)
    assert run.state == "failed" and run.error.startswith("AttributeError: ") and run.finished_at
    assert Source.objects.filter(pk=source.pk).exists() and source.proposals.count() == 0
    assert events_since(seq) == []
    client.force_login(reviewer)
    page = client.get(reverse("admin:claims_source_proposals", args=[source.pk])).content.decode()
    assert "The proposer failed on this article: AttributeError" in page and 'http-equiv="refresh"' not in page


@pytest.mark.django_db
def test_the_proposals_page_shows_the_progress_and_refreshes(reviewer, client, settings):
    settings.INGEST_INLINE_CHARACTERS = 1000
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_source_add_article"),
        {"text": SECTIONS, "language": "en", "condition": "night leg cramps"},
    )
    source = Source.objects.get(text=SECTIONS)
    page = client.get(response["Location"])
    assert "being proposed in the background" in " ".join(str(m) for m in page.context["messages"])
    html = page.content.decode()
    assert 'http-equiv="refresh"' in html and 'id="proposer-progress">0 of 1 parts (0%)' in html
    # refreshed by the page's script, which waits while the reviewer types; by the browser without it
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in html
    assert 'id="proposer-run" data-refresh-seconds="5"' in html and 'id="proposer-unclaimed"' not in html
    listing = client.get(reverse("admin:claims_source_changelist")).content.decode()
    assert f'href="{reverse("admin:claims_source_proposals", args=[source.pk])}">queued (0%)</a>' in listing

    # Queued past the time a free worker takes: the page says no worker may be running, and how to start one
    three_minutes_ago = timezone.now() - timedelta(minutes=3)
    ProposerRun.objects.filter(source=source).update(created_at=three_minutes_ago, queued_at=three_minutes_ago)
    html = client.get(response["Location"]).content.decode()
    assert 'id="proposer-unclaimed">No worker has taken this run in the 3\xa0minutes since it was queued' in html
    assert "<code>manage.py db_worker</code> (<code>make worker</code>)" in html and "data-refresh-seconds" in html
    # running: when its worker was last heard of (every 30 s as it reads), and no such warning
    # a refused form's answer is not refreshed: the script read the page again with its POST, which
    # wrote the refused claim once a senior had added its remedy
    refused = client.post(response["Location"], {"action": "add_missed", "missed-kind": "prevention"})
    assert refused.status_code == 200 and "data-refresh-seconds" not in refused.content.decode()
    assert "http-equiv" not in refused.content.decode()
    # queued again by a reviewer: its wait counts from then, not from the first queueing
    ProposerRun.objects.filter(source=source).update(state="failed", error="E: lost", finished_at=timezone.now())
    from claims.background import proposer_retry

    proposer_retry(source=source, actor=reviewer)
    run = ProposerRun.objects.get(source=source)
    assert run.state == "queued" and not run.unclaimed and timezone.now() - run.created_at > timedelta(minutes=2)
    heard = timezone.now() - timedelta(seconds=40)
    ProposerRun.objects.filter(source=source).update(state="running", started_at=heard, progressed_at=heard)
    html = client.get(response["Location"]).content.decode()
    assert re.search("Its worker was last heard of 4[0-9]\xa0seconds ago[.]", html)
    assert 'id="proposer-unclaimed"' not in html


@pytest.mark.django_db
def test_the_command_can_leave_the_proposals_to_the_worker(tmp_path):
    path = tmp_path / "weeks.md"
    path.write_text(SECTIONS, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "ingest_article", str(path), "--background", "--condition", "night leg cramps", stdout=out, stderr=io.StringIO()
    )
    source = Source.objects.get(text=SECTIONS)
    assert "its claims are proposed by the background worker" in out.getvalue()
    assert source.proposer_run.state == "queued" and source.proposals.count() == 0


def test_a_failed_run_is_tried_again_from_the_admin_on_the_record(
    reviewer, client, lexicon, django_capture_on_commit_callbacks
):
    source = ingest_article(
        article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps", background=True
    )
    url = reverse("admin:claims_source_proposals", args=[source.pk])
    client.force_login(reviewer)
    # Not failed: nothing to try again, and nothing is written.
    seq = last_seq()
    client.post(url, {"action": "retry_proposer"}, follow=True)
    assert events_since(seq) == [] and ProposerRun.objects.get(source=source).state == "queued"
    with pytest.raises(AttributeError):
        run_proposer(source.pk, lexicon=object())
    assert 'id="retry-proposer"' in client.get(url).content.decode()
    enqueued = DBTaskResult.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, {"action": "retry_proposer"}, follow=True).content.decode()
    assert "The proposer runs again on this article" in page
    run = ProposerRun.objects.get(source=source)
    assert (run.state, run.error, run.parts_done, run.finished_at) == ("queued", "", 0, None)
    assert DBTaskResult.objects.count() == enqueued + 1  # the task is sent once the retry commits
    event = AuditEvent.objects.get(seq=last_seq())
    assert (event.event_type, event.actor_username) == ("article.proposer_retried", reviewer.username)
    assert event.before["state"] == "failed" and event.before["error"].startswith("AttributeError")
    assert run_proposer(source.pk, lexicon=lexicon) == source.proposals.count() > 0
    assert ProposerRun.objects.get(source=source).state == "done"


def test_only_reviewers_run_the_proposer_again(reviewer, auditor):
    from claims.background import proposer_retry
    from core.errors import NotAllowed

    source = ingest_article(
        article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps", background=True
    )
    with pytest.raises(AttributeError):
        run_proposer(source.pk, lexicon=object())
    with pytest.raises(NotAllowed):
        proposer_retry(source=source, actor=auditor)
    assert ProposerRun.objects.get(source=source).state == "failed"


def test_a_run_whose_worker_stopped_is_tried_again_and_stored_once(
    reviewer, client, lexicon, settings, django_capture_on_commit_callbacks
):
    """A worker that dies mid-run leaves its run "running" for good: once it has run far longer
    than any article takes, it is tried again like a failed one."""
    source = ingest_article(
        article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps", background=True
    )
    ProposerRun.objects.filter(source=source).update(state="running", started_at=timezone.now() - timedelta(minutes=10))
    url = reverse("admin:claims_source_proposals", args=[source.pk])
    client.force_login(reviewer)
    settings.PROPOSER_STALLED_AFTER = 15 * 60  # ten minutes: still at work, as far as anyone knows
    seq = last_seq()
    page = client.post(url, {"action": "retry_proposer"}, follow=True).content.decode()
    assert "only a failed run, or one whose worker has given no sign of life for far too long, is tried again" in page
    assert events_since(seq) == [] and ProposerRun.objects.get(source=source).state == "running"
    assert 'id="retry-proposer"' not in page and 'http-equiv="refresh"' in page

    settings.PROPOSER_STALLED_AFTER = 5 * 60
    page = client.get(url).content.decode()
    assert 'id="proposer-stalled"' in page and 'id="retry-proposer"' in page and 'http-equiv="refresh"' not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "retry_proposer"}, follow=True)
    assert ProposerRun.objects.get(source=source).state == "queued"
    event = AuditEvent.objects.get(seq=last_seq())
    assert (event.event_type, event.before) == (
        "article.proposer_retried",
        {"source": source.pk, "state": "running", "error": "", "stalled": True},
    )
    # the new run stores the proposals; the stopped worker's task, were it delivered again, stores nothing
    stored = run_proposer(source.pk, lexicon=lexicon)
    assert stored == source.proposals.count() > 0
    assert run_proposer(source.pk, lexicon=lexicon) == stored == source.proposals.count()
    assert events_since(seq) == ["article.proposer_retried", "article.proposed"]


@pytest.mark.parametrize("then", ["finishes", "fails"])
def test_a_stalled_worker_that_wakes_up_changes_nothing_of_the_run_tried_again(
    reviewer, lexicon, settings, monkeypatch, then
):
    """The worker of a stalled run was slow, not dead: while it reads, a reviewer runs the proposer
    again and the new run stores the proposals. Its progress, its failure and its proposals had
    turned the finished run back to failed, and a second retry stored every proposal twice."""
    from claims.background import proposer_retry

    monkeypatch.setattr(background, "PART_CHARACTERS", 100)  # a part a week: progress after each
    source = ingest_article(
        article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps", background=True
    )
    assert ProposerRun.objects.get(source=source).parts == 6
    settings.PROPOSER_STALLED_AFTER = 0  # a running run has stalled at once
    real, stored = background.propose_in_parts, {}

    def slow_worker(text, lexicon_, condition, *, size=None, progress=None, heartbeat=None):
        monkeypatch.setattr(background, "propose_in_parts", real)
        proposer_retry(source=source, actor=reviewer)
        stored["again"] = run_proposer(source.pk, lexicon=lexicon)
        if then == "fails":
            raise RuntimeError("the slow worker's part")
        return real(text, lexicon_, condition, size=size, progress=progress, heartbeat=heartbeat)

    monkeypatch.setattr(background, "propose_in_parts", slow_worker)
    seq = last_seq()
    if then == "fails":
        with pytest.raises(RuntimeError):
            run_proposer(source.pk, lexicon=lexicon)
    else:
        assert run_proposer(source.pk, lexicon=lexicon) == stored["again"]
    run = ProposerRun.objects.get(source=source)
    assert (run.state, run.error, run.parts_done) == ("done", "", run.parts)
    assert source.proposals.count() == run.proposals == stored["again"] > 0
    assert events_since(seq) == ["article.proposer_retried", "article.proposed"]


@pytest.mark.django_db
def test_a_run_heard_of_lately_has_not_stalled_however_long_ago_it_started(reviewer, settings):
    source = ingest_article(
        article=article_from_pasted(SECTIONS), actor=reviewer, condition="night leg cramps", background=True
    )
    settings.PROPOSER_STALLED_AFTER = 15 * 60
    now = timezone.now()
    runs = ProposerRun.objects.filter(source=source)
    runs.update(state="running", started_at=now - timedelta(hours=2), progressed_at=now - timedelta(minutes=1))
    assert not runs.get().stalled and not runs.get().retriable
    runs.update(progressed_at=now - timedelta(minutes=16))
    assert runs.get().stalled and runs.get().retriable


@pytest.mark.django_db
def test_the_worker_says_it_is_alive_while_it_reads_a_part(reviewer, lexicon, monkeypatch):
    """One part with no heading to cut at (a long page of lists, say) gave no progress until it
    was read: the worker's heartbeat keeps its run from looking stalled meanwhile, and says how far
    into the text it is (it had shown 0% until the end)."""
    monkeypatch.setattr(background, "HEARTBEAT_SECONDS", 0)
    text = TEXT * 3
    source = ingest_article(article=article_from_pasted(text), actor=reviewer, condition="insomnia", background=True)
    assert ProposerRun.objects.get(source=source).characters == len(text)
    heard, read = [], []
    alive = _spy(
        ProposerRun.objects.filter,
        heard,
        lambda values: (values["progressed_at"], values["characters_read"]) if len(values) == 2 else None,
    )
    monkeypatch.setattr(ProposerRun.objects, "filter", alive, raising=False)
    real_update = ProposerRun.objects.get_queryset().__class__.update

    def seen_percent(queryset, **values):  # what the page showed after each sign of life
        done = real_update(queryset, **values)
        if "characters_read" in values and "parts_done" not in values:
            read.append(ProposerRun.objects.get(source=source).percent)
        return done

    monkeypatch.setattr(ProposerRun.objects.get_queryset().__class__, "update", seen_percent)
    run_proposer(source.pk, lexicon=lexicon)
    run = ProposerRun.objects.get(source=source)
    assert (run.state, run.parts, run.characters_read, run.percent) == ("done", 1, len(text), 100)
    assert len(heard) == len(segment(text)) and heard == sorted(heard)
    assert [at for _, at in heard] == [seg.start for seg in segment(text)]
    assert run.started_at <= heard[0][0] and heard[-1][0] <= run.progressed_at
    assert read == sorted(read) and read[0] == 0 and 50 < read[-1] < 100  # moving, within its one part
