from django.core.management.base import BaseCommand

from claims.exports import export_rows, write_csv, write_ndjson
from claims.selectors import appearances_for_export


class Command(BaseCommand):
    help = "Write every claim appearance to stdout, one row each, as NDJSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["ndjson", "csv"], default="ndjson")

    def handle(self, *args, format, **options):
        writer = write_csv if format == "csv" else write_ndjson
        count = writer(export_rows(appearances_for_export()), self.stdout._out)
        self.stderr.write(f"{count} appearances exported")
