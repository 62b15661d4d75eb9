"""`manage.py ingest_article FILE`: the article stored with the claims the proposer sees in it, for
reviewers to confirm in the admin (claims.articles, as the system actor ingest_article); the same
text twice is refused, naming the article that holds it. With --dry-run, the proposals are printed,
one JSON line each (or a readable list), and nothing is written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import URLValidator
from django.db import DatabaseError
from django.template.defaultfilters import pluralize

from claims.articles import INGEST_COMMAND, check_language, existing_source, ingest_article, language_note
from claims.ingest.catalogue_lexicon import (
    database_has_remedies,
    lexicon_from_catalogue_files,
    lexicon_from_database,
)
from claims.ingest.propose import propose
from claims.ingest.text import ArticleInputError, article_from_pasted, read_article_file
from claims.models import Condition
from core.errors import ServiceError


class Command(BaseCommand):
    help = (
        "Propose the remedy and drug claims of an article (.txt, .md or .html; '-' reads pasted text "
        "from stdin) and store it with them for reviewers; --dry-run prints the proposals and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the article: a .txt, .md or .html file, or - for text on stdin")
        parser.add_argument("--dry-run", action="store_true", help="print the proposals, write nothing")
        parser.add_argument(
            "--background",
            action="store_true",
            help="store the article at once and leave its proposals to the background worker (manage.py db_worker)",
        )
        parser.add_argument("--format", choices=["ndjson", "text"], default="ndjson")
        parser.add_argument("--title", default="", help="the article's title (default: its first line)")
        parser.add_argument("--url", default="", help="where the article was published")
        parser.add_argument("--language", default="en", help="the article's language code (default en)")
        parser.add_argument(
            "--condition",
            default="",
            help="the condition the article is about, e.g. 'heartburn' (required unless --dry-run; "
            "a new name adds the condition)",
        )
        parser.add_argument("--encoding", default=None, help="the file's encoding, when it is not UTF-8")
        parser.add_argument(
            "--lexicon",
            choices=["auto", "database", "catalogue"],
            default="auto",
            help="where the known remedies come from: the database, the catalogue files, or "
            "the database when it holds remedies (default)",
        )

    def handle(
        self, *args, file, dry_run, background, format, title, url, language, condition, encoding, lexicon, **options
    ):
        self._check_options(url=url, language=language, title=title, condition=condition)
        if not dry_run and not condition.strip():
            known = ", ".join(Condition.objects.values_list("name", flat=True)) or "none yet"
            raise CommandError(f"--condition: name the condition the article is about (known: {known})")
        try:
            if file == "-":
                article = article_from_pasted(sys.stdin.read())
            else:
                article = read_article_file(Path(file), encoding=encoding)
        except ArticleInputError as exc:
            raise CommandError(str(exc)) from None
        if background and not dry_run:
            return self._store(
                article, None, condition=condition, title=title, url=url, language=language, background=True
            )
        known = self._lexicon(lexicon)
        if not dry_run:
            return self._store(article, known, condition=condition, title=title, url=url, language=language)
        proposals = propose(article.text, known, condition.strip() or None)
        out = self.stdout
        for proposal in proposals:
            if format == "ndjson":
                out.write(json.dumps(proposal.as_dict(), ensure_ascii=False))
            else:
                out.write(self._line(proposal))
        new = len({p.remedy for p in proposals if p.is_new})
        self.stderr.write(
            f"{article.name}: {len(proposals)} proposal{pluralize(len(proposals))}, "
            f"{new} new remed{pluralize(new, 'y,ies')}; "
            f"title {title or article.title!r}; sha256 {article.sha256}; dry run, nothing written"
        )
        try:
            stored = existing_source(article)
        except DatabaseError:  # no database yet (not migrated): nothing can be stored already
            stored = None
        if stored is not None:
            self.stderr.write(
                f"{article.name}: this text is already stored as source #{stored.pk} “{stored.title}”: "
                "without --dry-run it would be refused"
            )

    def _store(self, article, known, *, condition, title, url, language, background=False) -> None:
        try:
            source = ingest_article(
                article=article,
                actor=INGEST_COMMAND,
                condition=condition,
                title=title,
                url=url,
                language=language,
                lexicon=known,
                background=background,
            )
        except ServiceError as exc:
            raise CommandError(f"{article.name}: {exc}") from None
        except ValidationError as exc:
            raise CommandError(f"{article.name}: {'; '.join(exc.messages)}; nothing was written") from None
        head = (
            f"{article.name}: stored as source #{source.pk} {source.file_name!r} ({source.title!r}), "
            f"about {source.condition.name}"
        )
        if background:
            self.stdout.write(f"{head}, sha256 {article.sha256}; its claims are proposed by the background worker")
            return
        proposals = source.proposals.count()
        new = source.proposals.filter(remedy__isnull=True).values("new_remedy_name").distinct().count()
        self.stdout.write(
            f"{head}, {proposals} proposal{pluralize(proposals)}, {new} new remed{pluralize(new, 'y,ies')}, "
            f"sha256 {article.sha256}; reviewers confirm them in the admin (Sources)"
        )
        if note := language_note(language):
            self.stderr.write(note)

    def _check_options(self, *, url: str, language: str, title: str, condition: str) -> None:
        if url:
            try:
                URLValidator()(url)
            except ValidationError:
                raise CommandError(f"--url: not a valid URL: {url!r}") from None
        try:
            check_language(language)
        except ValidationError as exc:
            raise CommandError(f"--language: {exc.messages[0]}") from None
        for name, value in (("--title", title), ("--condition", condition)):
            if "\x00" in value:
                raise CommandError(f"{name}: contains a NUL character")
        if len(" ".join(condition.split())) > Condition._meta.get_field("name").max_length:
            raise CommandError("--condition: longer than 200 characters")
        if len(title) > 500:
            raise CommandError("--title: longer than 500 characters")

    def _lexicon(self, source: str):
        try:
            use_database = source == "database" or (source == "auto" and database_has_remedies())
        except DatabaseError:  # no database yet (not migrated): the catalogue files know the remedies
            use_database = False
        if use_database:
            return lexicon_from_database()
        corpus = Path(settings.CORPUS_DIR)
        return lexicon_from_catalogue_files(corpus_dir=corpus if corpus.is_dir() else None)

    @staticmethod
    def _line(p) -> str:
        remedy = f"{p.remedy} (new, {p.category})" if p.is_new else p.remedy
        extra = "".join(
            f"; {label} {value}" for label, value in (("population", p.population), ("dose", p.dose)) if value
        )
        fuzzy = " fuzzy" if p.fuzzy else ""
        head = f"[{p.start}:{p.end}] {p.kind}: {remedy} as {p.surface!r}{fuzzy}{extra}"
        return f"{head} ({p.rule}; {p.confidence})\n    {p.quote}"
