from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from claims.catalogue import CatalogueError, read_catalogue
from claims.services import catalogue_load


class Command(BaseCommand):
    help = (
        "Load the catalogue of remedy claims. With the articles at hand (--corpus, default "
        "CORPUS_DIR) every quote is found in its article and every checksum checked; without "
        "them the stored offsets are used. Idempotent; all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, help="directory holding the source articles")
        parser.add_argument(
            "--no-corpus",
            action="store_true",
            help="do not read the articles; trust the stored offsets",
        )
        parser.add_argument(
            "--catalogue",
            type=Path,
            default=settings.CATALOGUE_DIR,
            help="catalogue directory (default: claims/catalogue)",
        )

    def handle(self, *args, corpus, no_corpus, catalogue, **options):
        corpus, catalogue = (Path(corpus) if corpus else None), Path(catalogue)
        if corpus is not None and not corpus.is_dir():
            raise CommandError(f"corpus directory not found: {corpus}")
        if corpus is None and not no_corpus and Path(settings.CORPUS_DIR).is_dir():
            corpus = Path(settings.CORPUS_DIR)
        if no_corpus:
            corpus = None
        try:
            summary = catalogue_load(catalogue=read_catalogue(catalogue), corpus_dir=corpus)
        except CatalogueError as exc:
            raise CommandError(f"catalogue not loaded, nothing written: {exc}") from exc

        checked = (
            f"quotes verified against {corpus}"
            if summary.verified_against_corpus
            else "no corpus at hand: stored offsets used"
        )
        self.stdout.write(checked)
        for file_name, count in summary.appearances_per_source.items():
            self.stdout.write(f"  {file_name}: {count} appearances")
        self.stdout.write(
            "claims per kind: " + ", ".join(f"{kind} {n}" for kind, n in sorted(summary.claims_per_kind.items()))
        )
        from claims.models import Appearance, Claim, Remedy, Source

        self.stdout.write(
            f"in the database: {Source.objects.count()} sources, {Remedy.objects.count()} remedies, "
            f"{Claim.objects.count()} claims, {Appearance.objects.count()} appearances"
        )
        if summary.wrote_anything:
            parts = [f"{n} {what} created" for what, n in summary.created.items() if n]
            parts += [f"{n} {what} updated" for what, n in summary.updated.items() if n]
            self.stdout.write(self.style.SUCCESS("loaded: " + ", ".join(parts)))
        else:
            self.stdout.write(self.style.SUCCESS("catalogue already up to date: nothing written"))
