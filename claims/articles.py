"""Taking in an article: its text and sha256 stored as a Source, with the proposer's proposals for
reviewers to confirm (claims.decisions). From the admin's "Add an article" page and from
`manage.py ingest_article`.

The proposer runs before the writing transaction (it takes seconds on a long article, and the
service holds the audit chain's lock); the service then checks again, under that lock, that the
same text is not stored already, and writes the source, its proposals and one audit event
together. Bad input never gets this far: claims.ingest.text refuses it with a clear error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from audit.actors import SystemActor, is_system
from audit.models import AuditEvent
from audit.trail import audit_record, service
from claims import permissions
from claims.conditions import clean_condition_name, condition_named, find_condition
from claims.ingest.about import said_of_another
from claims.ingest.propose import Proposal as Proposed
from claims.ingest.propose import propose
from claims.ingest.text import ArticleText, words_sha256
from claims.ingest.workload import find_names
from claims.models import Category, Condition, Remedy, Source
from claims.proposals import Proposal
from claims.selectors import remedies_named
from core.errors import Conflict, NotAllowed

# The command line takes articles in as this system actor; in the admin, the reviewer does.
INGEST_COMMAND = SystemActor("ingest_article")
_STEM = re.compile(r"[^A-Za-z0-9]+")
# A language tag (BCP 47's common shapes): "en", "ru", "pt-BR", "zh-Hant".
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,4})?")


class DuplicateArticle(Conflict):
    """The same text is stored already; `source` is the article that holds it."""

    def __init__(self, source: Source, *, spaced: bool = False):
        self.source = source
        how = " (the same words, spaced differently)" if spaced else ""
        super().__init__(
            f"This text is already stored{how} as source #{source.pk} “{source.title}” ({source.file_name}); "
            "nothing was written."
        )


def check_language(language: str) -> None:
    """A clear error naming the field when `language` is not a language tag such as "en" or "pt-BR"."""
    if not _LANGUAGE.fullmatch(language or ""):
        given = (language or "")[:20]
        raise ValidationError({"language": f"“{given}” is not a language code such as “en” or “pt-BR”."})


def language_note(language: str) -> str:
    """What a reviewer should know of an article in another language than English: the proposer reads
    English only, so its claims are added by selecting their passages ("" for English)."""
    if (language or "en").lower().split("-")[0] == "en":
        return ""
    return (
        f"The proposer reads English only: it proposes little or nothing in an article in {language!r}. "
        "Add its claims by selecting their passages."
    )


def existing_source(article: ArticleText) -> Source | None:
    """The stored article with this text, or with its words spaced differently."""
    same = Q(sha256=article.sha256)
    if article.words_sha256:
        same |= Q(words_sha256=article.words_sha256)
    return Source.objects.filter(same).only("pk", "title", "file_name", "sha256").order_by("pk").first()


def refuse_duplicate(article: ArticleText) -> None:
    found = existing_source(article)
    if found is not None:
        raise DuplicateArticle(found, spaced=found.sha256 != article.sha256)


def file_name_for(article: ArticleText) -> str:
    """A unique, readable name: the upload's stem (or "pasted") and the text's checksum."""
    stem = "pasted" if article.name == "pasted text" else PurePath(article.name).stem
    stem = _STEM.sub("-", stem).strip("-").lower()[:80] or "article"
    return f"{stem}_{article.sha256[:16]}.{article.format}"


def default_lexicon():
    """The proposer's lexicon from the database's remedies, aliases and quotes (the catalogue
    files before the catalogue is loaded)."""
    from claims.ingest.catalogue_lexicon import (
        database_has_remedies,
        lexicon_from_catalogue_files,
        lexicon_from_database,
    )

    return lexicon_from_database() if database_has_remedies() else lexicon_from_catalogue_files()


def ingest_article(
    *,
    article: ArticleText,
    actor,
    condition: str,
    title: str = "",
    url: str = "",
    language: str = "en",
    lexicon=None,
    background: bool | None = None,
) -> Source:
    """Propose the article's claims, then store the article with them (article_add); an article
    whose reading is too long for a request (_proposed_in_a_request; or any, with background=True)
    is stored at once and proposed in the background (claims.background). The same text twice is
    refused before the proposer runs, naming the article that holds it."""
    if not is_system(actor) and not permissions.can_add_article(actor):
        raise NotAllowed("Only reviewers may add articles.")
    if find_condition(condition) is None:  # a new condition's name must be words; a known one is known
        clean_condition_name(condition)
    check_language(language)
    refuse_duplicate(article)
    options = {"condition": condition, "title": title, "url": url, "language": language}
    if background:
        return article_add(article=article, actor=actor, proposed=[], background=True, **options)
    lexicon = lexicon if lexicon is not None else default_lexicon()
    if background is False:  # the command's choice: the reading takes what it takes
        return article_add(article=article, actor=actor, proposed=propose(article.text, lexicon, condition), **options)
    proposed = _proposed_in_a_request(article.text, lexicon, condition)
    return article_add(article=article, actor=actor, proposed=proposed or [], background=proposed is None, **options)


def _proposed_in_a_request(text: str, lexicon, condition: str) -> list[Proposed] | None:
    """The proposals, or None when their reading is too long to wait for in a request: a text
    longer than settings.INGEST_INLINE_CHARACTERS, or one whose names ask for more reading than
    settings.INGEST_INLINE_WORK (claims.background.too_much_reading), or a reading that outruns
    settings.INGEST_INLINE_SECONDS all the same (the worker then reads it from the start)."""
    background = background_module()
    if len(text) > background.inline_limit():
        return None
    names = find_names(text, lexicon, condition)  # found once: to weigh the reading, then to read
    if background.too_much_reading(names):
        return None
    try:
        return propose(text, lexicon, condition, names=names, heartbeat=background.request_deadline())
    except background.OutranTheRequest:
        return None


def background_module():
    from claims import background  # the tasks framework, loaded only when needed

    return background


@service
def article_add(
    *,
    article: ArticleText,
    actor,
    proposed: Iterable[Proposed],
    condition: str,
    title: str = "",
    url: str = "",
    language: str = "en",
    background: bool = False,
) -> Source:
    """Store an article's text and its proposals (reviewers, or the ingest command), on the record;
    with background=True, none yet: a queued run of the proposer (claims.background). The article
    is about `condition` (a name: the known condition of that name, or a new one)."""
    if not is_system(actor) and not permissions.can_add_article(actor):
        raise NotAllowed("Only reviewers may add articles.")
    refuse_duplicate(article)
    check_language(language)
    # the first line stands for a title not given: a one-paragraph article's is cut at a word
    title = title.strip() if (title or "").strip() else _shortened(article.title.strip(), 500) or article.name
    if len(title) > 500:
        raise ValidationError({"title": "The title is longer than 500 characters."})
    known_condition = find_condition(condition)
    about = known_condition or condition_named(condition)
    source = Source(
        condition=about,
        file_name=file_name_for(article),
        title=title,
        url=url,
        language=language,
        sha256=article.sha256,
        text=article.text,
        words_sha256=words_sha256(article.text),
        format=article.format,
        added_by=None if is_system(actor) else actor,
    )
    source.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            source.save()
    except IntegrityError:  # the same text, stored by a concurrent request that committed first
        raise DuplicateArticle(existing_source(article) or source) from None
    rows = proposal_rows(source, proposed)
    Proposal.objects.bulk_create(rows)
    run = background_module().queue(source) if background else None
    audit_record(
        event_type=AuditEvent.Type.ARTICLE_ADDED,
        actor=actor,
        after={
            "source": source.pk,
            "file_name": source.file_name,
            "title": source.title,
            "url": source.url,
            "language": source.language,
            "condition": about.name,
            "condition_added": known_condition is None,
            "format": source.format,
            "sha256": source.sha256,
            "characters": len(source.text),
            "proposals": len(rows),
            "new_remedies": len({row.new_remedy_name.lower() for row in rows if row.remedy is None}),
            "proposed_in_background": run is not None,
        },
    )
    return source


def proposal_rows(source: Source, proposed: Iterable[Proposed]) -> list[Proposal]:
    """The proposer's proposals as rows of the stored article, checked, not saved."""
    proposed = list(proposed)
    rows = [_row(source, p, remedy) for p, remedy in zip(proposed, _remedies(proposed), strict=True)]
    # a benefit said of another known condition is about it ("Quinine treats night leg cramps" in
    # an article on heartburn), as a reviewer's "about" says: accepting it makes that claim
    conditions = {condition.name: condition for condition in Condition.objects.exclude(pk=source.condition_id)}
    for row in rows:
        named = said_of_another(row.quote, row.kind, source.condition.name, conditions)
        row.condition = conditions[named] if named else None
    for row in rows:
        row.full_clean(exclude=["source"], validate_constraints=False)
    return rows


def _shortened(line: str, most: int) -> str:
    if len(line) <= most:
        return line
    return line[: most - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def find_remedy(name: str) -> Remedy | None:
    """The remedy a name or alias names, compared without case."""
    return remedies_named([name]).get(name.lower())


def _remedies(proposed: list[Proposed]) -> list[Remedy | None]:
    """The existing remedy each proposal names (by name or alias), None for a new one."""
    known = remedies_named(p.remedy for p in proposed)
    return [known.get(p.remedy.lower()) for p in proposed]


def _row(source: Source, p: Proposed, remedy: Remedy | None) -> Proposal:
    category = p.category if p.category in Category.values else Category.HERBAL_FOLK
    atc = p.atc_code if len(p.atc_code) <= 7 else ""
    return Proposal(
        source=source,
        quote=p.quote,
        start=p.start,
        end=p.end,
        remedy=remedy,
        new_remedy_name="" if remedy else p.remedy[:200],
        new_remedy_category="" if remedy else category,
        new_remedy_atc_code="" if remedy else atc,
        surface=p.surface[:200],
        kind=p.kind,
        population=p.population,
        dose=p.dose[:500],
        rule=p.rule[:300],
        confidence=min(max(float(p.confidence), 0.0), 1.0),
        fuzzy=p.fuzzy,
    )
