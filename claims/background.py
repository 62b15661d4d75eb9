"""A long article's proposals, made in the background: Django's tasks framework with a database
queue (django-tasks-db), run by `manage.py db_worker`. An article longer than
settings.INGEST_INLINE_CHARACTERS, asking for too much reading (too_much_reading) or outrunning
the request all the same (request_deadline), is stored with a queued ProposerRun (claims.articles);
the worker reads it part by part — the text cut at its headings, where no cue reaches across, so
the proposals are those of the whole text — and records its progress after each part, which the
proposals page shows. The proposals are then stored together, with one audit event by the
proposer (a system actor). A failure is kept on the run, with its reason; the article stays.
"""

from __future__ import annotations

import time
from dataclasses import replace
from functools import partial

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from audit.actors import SystemActor
from audit.models import AuditEvent
from audit.trail import audit_record, service
from claims.ingest.propose import Proposal as Proposed
from claims.ingest.propose import propose
from claims.ingest.segments import HEADING, segment
from claims.ingest.workload import Names, workload
from claims.models import Source
from claims.proposals import Proposal, ProposerRun, RunState
from core.errors import Conflict, NotAllowed

PROPOSER = SystemActor("proposer")
PART_CHARACTERS = 50_000  # a part: at least this much text, up to the next heading
HEARTBEAT_SECONDS = 30  # how often a worker reading a part says it is alive (ProposerRun.progressed_at)


def inline_limit() -> int:
    return getattr(settings, "INGEST_INLINE_CHARACTERS", 200_000)


def too_much_reading(names: Names) -> bool:
    """Whether the proposer's reading of an article with these `names` is too long to wait for in
    a request: more work than settings.INGEST_INLINE_WORK (a page of long lists of drug names asks
    far more than prose of its length; claims.ingest.workload)."""
    return workload(names) > getattr(settings, "INGEST_INLINE_WORK", 1_000_000)


class OutranTheRequest(Exception):
    """The proposer's reading in a request went past settings.INGEST_INLINE_SECONDS."""


def request_deadline():
    """A heartbeat for propose() in a request: it stops the reading, with OutranTheRequest, once
    settings.INGEST_INLINE_SECONDS have passed. The estimate (too_much_reading) sends most long
    readings to the background before they start; this catches what it did not foresee."""
    deadline = time.monotonic() + getattr(settings, "INGEST_INLINE_SECONDS", 10)

    def heartbeat(_read: int) -> None:
        if time.monotonic() >= deadline:
            raise OutranTheRequest

    return heartbeat


def parts_of(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """The text cut at headings into parts of at least `size` characters (PART_CHARACTERS; the
    last may be shorter; a text without headings is one part)."""
    size = size or PART_CHARACTERS
    cuts = [0]
    for seg in segment(text):
        line = text.rfind("\n", 0, seg.start) + 1  # a heading's line, its "## " marker with it
        if seg.kind == HEADING and line - cuts[-1] >= size:
            cuts.append(line)
    return list(zip(cuts, [*cuts[1:], len(text)], strict=True))


def propose_in_parts(
    text: str, lexicon, condition: str | None = None, *, size: int | None = None, progress=None, heartbeat=None
) -> list[Proposed]:
    """propose() on each part in turn (an article about `condition`), offsets in the whole text;
    progress(done, total, read) after each, heartbeat(read) after each segment; `read`: how many
    characters of the whole text are read."""
    parts = parts_of(text, size)
    proposed: list[Proposed] = []
    for done, (start, end) in enumerate(parts, 1):
        within = partial(_read_from, heartbeat, start) if heartbeat is not None else None
        part = propose(text[start:end], lexicon, condition, heartbeat=within)
        proposed.extend(replace(p, start=p.start + start, end=p.end + start) for p in part)
        if progress is not None:
            progress(done, len(parts), end)
    return proposed


def _read_from(heartbeat, start: int, read: int) -> None:
    heartbeat(start + read)


@task
def propose_article(source_id: int) -> int:
    """The background task: the proposals of a stored article (see run_proposer)."""
    return run_proposer(source_id)


def run_proposer(source_id: int, lexicon=None) -> int:
    """Propose a queued article's claims, recording progress; returns how many were stored. A run
    already done is left alone (a task delivered twice stores nothing twice)."""
    from claims.articles import default_lexicon

    with transaction.atomic():
        run = ProposerRun.objects.select_for_update().get(source_id=source_id)
        if run.state == RunState.DONE:
            return run.proposals
        run.state, run.started_at, run.progressed_at, run.error, run.finished_at = (
            RunState.RUNNING,
            timezone.now(),
            None,
            "",
            None,
        )
        run.parts_done = run.characters_read = 0
        run.save()
    # This run's own row: a run retried after it stalled is another run, which this one (its
    # worker alive after all) must neither move back nor mark failed.
    own = ProposerRun.objects.filter(pk=run.pk, state=RunState.RUNNING, started_at=run.started_at)
    try:
        text, condition = Source.objects.values_list("text", "condition__name").get(pk=source_id)

        heard = time.monotonic()

        def progress(done, total, read):
            nonlocal heard
            heard = time.monotonic()
            own.update(parts=total, parts_done=done, characters_read=read, progressed_at=timezone.now())

        def heartbeat(read):  # a part of long lists of names can take minutes: alive, and how far
            nonlocal heard
            if time.monotonic() - heard >= HEARTBEAT_SECONDS:
                heard = time.monotonic()
                own.update(characters_read=read, progressed_at=timezone.now())

        lexicon = lexicon if lexicon is not None else default_lexicon()
        proposed = propose_in_parts(text, lexicon, condition, progress=progress, heartbeat=heartbeat)
        return proposals_store(source_id=source_id, proposed=proposed)
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"[:2000] or "failed"
        own.update(state=RunState.FAILED, error=reason, finished_at=timezone.now())
        raise


@service
def proposals_store(*, source_id: int, proposed: list[Proposed]) -> int:
    """Store the background proposer's proposals of an article, on the record, and close its run."""
    from claims.articles import proposal_rows

    run = ProposerRun.objects.select_for_update().select_related("source").get(source_id=source_id)
    if run.state == RunState.DONE:
        return run.proposals  # stored once, whichever run got here first (nothing moves a run back from done)
    rows = proposal_rows(run.source, proposed)
    Proposal.objects.bulk_create(rows)
    run.state, run.proposals, run.parts_done, run.finished_at = RunState.DONE, len(rows), run.parts, timezone.now()
    run.characters_read = run.characters
    run.full_clean()
    run.save()
    audit_record(
        event_type=AuditEvent.Type.ARTICLE_PROPOSED,
        actor=PROPOSER,
        after={
            "source": source_id,
            "proposals": len(rows),
            "new_remedies": len({row.new_remedy_name.lower() for row in rows if row.remedy is None}),
            "parts": run.parts,
        },
    )
    return len(rows)


@service
def proposer_retry(*, source: Source, actor) -> ProposerRun:
    """Queue the proposer again on an article whose background run failed or stalled (reviewers,
    from the article's proposals page), on the record: the article is kept, and the same text cannot be
    taken in a second time, so this is the way to its proposals."""
    from claims import permissions

    if not permissions.can_add_article(actor):
        raise NotAllowed("Only reviewers may run the proposer again.")
    run = ProposerRun.objects.select_for_update().filter(source=source).first()
    if run is None:
        raise Conflict(f"“{source.title}” was proposed in the request: there is no background run to try again.")
    if not run.retriable:
        raise Conflict(
            f"The proposer's run on “{source.title}” is {run.get_state_display().lower()}: "
            "only a failed run, or one whose worker has given no sign of life for far too long, is tried again."
        )
    # A stalled run's worker may still be alive: storing is done once whichever run stores first.
    before = {"source": source.pk, "state": run.state, "error": run.error, "stalled": run.stalled}
    run.state, run.error, run.parts_done, run.characters_read = RunState.QUEUED, "", 0, 0
    run.started_at = run.progressed_at = run.finished_at = None
    run.queued_at = timezone.now()
    run.full_clean()
    run.save()
    audit_record(
        event_type=AuditEvent.Type.ARTICLE_PROPOSER_RETRIED,
        actor=actor,
        before=before,
        after={"source": source.pk, "state": run.state},
    )
    transaction.on_commit(lambda: propose_article.enqueue(source.pk))
    return run


def queue(source: Source) -> ProposerRun:
    """A queued run for a stored article, its task sent once the transaction commits. Must run in
    the transaction that stores the article."""
    run = ProposerRun.objects.create(source=source, parts=len(parts_of(source.text)), characters=len(source.text))
    transaction.on_commit(lambda: propose_article.enqueue(source.pk))
    return run
