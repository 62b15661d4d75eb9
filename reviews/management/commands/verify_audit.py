import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reviews.audit import ChainReport, verify_chain, verify_database


def _rows_from_ndjson(path: Path, heads: list):
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CommandError(f"{path}:{number}: not JSON: {exc}") from exc
            if row.get("record") == "chain_head":
                heads.append(row)  # the export's closing summary line, not an event
                continue
            yield row


def _check_against_head(report: ChainReport, head: dict) -> ChainReport:
    """The export's closing line says how many events it wrote and, for a full export, which hash
    ends the chain: a dropped or appended event shows up here."""
    broken = ChainReport(False, report.count)
    if report.count != head.get("exported"):
        broken.broken_seq = report.first_gap_seq or report.last_seq
        broken.problem = f"the file holds {report.count} events but the export wrote {head.get('exported')}"
        return broken
    if head.get("exported") == head.get("events"):  # a full export: no gaps, and it ends at the head
        if report.gaps:
            broken.broken_seq = report.first_gap_seq
            broken.problem = "event missing before this one (sequence gap in a full export)"
            return broken
        if report.head != head.get("head_hash"):
            broken.broken_seq = report.last_seq
            broken.problem = "the last event's hash differs from the chain head stated by the export"
            return broken
    return report


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
            heads = []
            report = verify_chain(_rows_from_ndjson(file, heads), allow_gaps=True)
            if report.ok and heads:
                report = _check_against_head(report, heads[-1])
        else:
            report = verify_database()
        if not report.ok:
            raise CommandError(str(report), returncode=1)
        self.stdout.write(str(report))
