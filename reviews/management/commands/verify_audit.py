import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reviews.audit import verify_chain, verify_database


def _rows_from_ndjson(path: Path):
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{path}:{number}: not JSON: {exc}") from exc
            if row.get("record") == "chain_head":
                continue  # the export's closing summary line, not an event
            yield row


class Command(BaseCommand):
    help = (
        "Walk the audit trail's hash chain and print 'ok, N events' or the first broken link "
        "(exit status 1). With --file, verify an NDJSON export instead of the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, help="an NDJSON export of audit events")

    def handle(self, *args, file=None, **options):
        if file is not None:
            if not file.exists():
                raise CommandError(f"file not found: {file}")
            report = verify_chain(_rows_from_ndjson(file))
        else:
            report = verify_database()
        if not report.ok:
            raise CommandError(str(report), returncode=1)
        self.stdout.write(str(report))
