"""The content API's reads: publications only, never the live catalogue or the reviews."""

import functools
from datetime import datetime

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, QuerySet, Subquery, TextField
from django.db.models.functions import Cast

from claims.models import Condition
from reviews.models import Publication, PublicationChange


def built_once(build):
    """A QuerySet selector on the content API's path, built once per process and cloned on each
    call: building the QuerySet (filter, only, values, the Cast) cost more CPU than its query took
    to run. A clone has its own query and no results, so callers filter and evaluate it freely.
    Figure: see bench/README.md ("What each measure buys")."""
    built = functools.cache(build)

    @functools.wraps(build)
    def selector() -> QuerySet:
        return built().all()

    return selector


def published_state() -> tuple[int | None, datetime | None]:
    """The changes feed's last id and time. Every publication, republication and withdrawal
    appends to the feed, so its last id changes exactly when published data does: the state a
    page that any of them may change is validated against (ids grow with time)."""
    return next(iter(published_state_query()), (None, None))


@built_once
def published_state_query() -> QuerySet:
    """The one query published_state() runs: the feed's newest change, by primary key."""
    return PublicationChange.objects.order_by("-id").values_list("id", "occurred_at")[:1]


@built_once
def published_claims() -> QuerySet:
    """The current published version of every published claim; never a draft or a withdrawn claim."""
    return Publication.objects.filter(is_current=True).only(
        "id", "claim_id", "version", "snapshot", "published_at", "remedy_id"
    )


@built_once
def published_claim_rows() -> QuerySet:
    """published_claims() as rows for listing: the snapshot as its stored JSON text, undecoded
    (the API splices it into the page: reviews.publishing.api.serializers.spliced)."""
    return published_claims().values("claim_id", "version", "published_at", snapshot_text=Cast("snapshot", TextField()))


_NO_CLAIM_ID = -918_273_645  # never an id: marks where the claim id goes in the compiled query


@functools.cache
def _published_claim_row_sql() -> tuple[str, list, int]:
    sql, params = published_claim_rows().filter(claim_id=_NO_CLAIM_ID)[:1].query.sql_with_params()
    params = list(params)
    assert params.count(_NO_CLAIM_ID) == 1, params
    return sql, params, params.index(_NO_CLAIM_ID)


def published_claim_row(claim_id: int) -> dict | None:
    """One claim's current published version as a published_claim_rows() row, or None.

    Its query never changes but for the id, so it is compiled once per process and run with the
    id: building and compiling it on each request made a claim's detail 28 % slower (p50 7.4 ->
    9.5 ms in the same bench run)."""
    sql, params, position = _published_claim_row_sql()
    params = [*params[:position], claim_id, *params[position + 1 :]]  # the cached list stays as it is
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    return dict(zip(names, row, strict=True)) if row is not None else None


def published_condition_names() -> list[tuple[str, str]]:
    """The (slug, name) of each condition the published claims are about: a handful, one query."""
    slugs = published_claims().order_by().values("condition_slug")
    return list(Condition.objects.filter(slug__in=slugs).values_list("slug", "name"))


def published_remedies() -> QuerySet:
    """Each remedy with at least one current publication, as one Publication: the remedy's latest
    current one (the last published, by id), whose snapshot says what the API shows of the remedy
    (its remedy block and the contraindications scoped to the remedy). The live catalogue is never
    read: it may hold edits nobody has published. Annotated with the published `name`, which
    orders the list, and `published_claims`, the number of the remedy's current publications.

    The name is the publication's remedy_name column, copied from its snapshot: a page walks the
    index of current publications in name order and keeps each remedy's latest, so its cost does
    not grow with the number of publications or with the depth of the page."""
    later = Publication.objects.filter(remedy_id=OuterRef("remedy_id"), is_current=True, id__gt=OuterRef("id"))
    return _as_published_remedy(Publication.objects.filter(is_current=True).exclude(Exists(later)))


def published_remedy(remedy_id: int):
    """One remedy's row of published_remedies(), found through that remedy's publications only;
    None if it has no current publication."""
    current = Publication.objects.filter(remedy_id=remedy_id, is_current=True)
    return _as_published_remedy(current).order_by("-id").first()


def _as_published_remedy(publications: QuerySet) -> QuerySet:
    # A subquery per row of the page, not a GROUP BY over every publication.
    count = (
        Publication.objects.filter(remedy_id=OuterRef("remedy_id"), is_current=True)
        .order_by()
        .values("remedy_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return publications.only("id", "remedy_id", "snapshot").annotate(
        name=F("remedy_name"), published_claims=Subquery(count)
    )


def publication_changes() -> QuerySet:
    return PublicationChange.objects.all()
