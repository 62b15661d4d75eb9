from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from audit.anchor import AnchorFileError, anchor_path, check_against_anchors, read_anchors
from audit.file import ExportFileError, verify_export
from audit.trail import verify_database


class Command(BaseCommand):
    help = (
        "Walk the audit trail's keyed hash chain, then hold it against the anchors kept outside the "
        "database; print 'ok, N events' or the first broken link, a cut tail or a forged anchor (exit "
        "status 1). With --file, verify an NDJSON export instead of the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, help="an NDJSON export of audit events")
        parser.add_argument("--anchors", type=Path, help="the anchor file (default: AUDIT_ANCHOR_PATH)")
        parser.add_argument(
            "--require-anchor", action="store_true", help="fail, rather than warn, when there is no anchor"
        )

    def handle(self, *args, file=None, anchors=None, require_anchor=False, **options):
        if file is not None:
            self._verify_file(file)
        else:
            self._verify_database(anchors or anchor_path(), require_anchor)

    def _verify_file(self, file: Path) -> None:
        if not file.exists():
            raise CommandError(f"file not found: {file}")
        try:
            report = verify_export(file)
        except ExportFileError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        if not report.ok:
            raise CommandError(str(report), returncode=1)
        self.stdout.write(str(report))

    def _verify_database(self, path: Path, require_anchor: bool) -> None:
        try:
            anchors = read_anchors(path)
        except AnchorFileError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        report = verify_database(watch={anchor["seq"] for anchor in anchors})
        if not report.ok:
            raise CommandError(str(report), returncode=1)
        if not anchors:
            message = f"no anchor in {path} (missing or empty): a cut at the tail of the chain would go unnoticed"
            if require_anchor:
                raise CommandError(message, returncode=1)
            self.stdout.write(str(report))
            self.stderr.write(f"warning: {message}")
            return
        check = check_against_anchors(report, anchors)
        if not check.ok:
            raise CommandError(f"broken: {check.message}", returncode=1)
        self.stdout.write(str(report))
        self.stdout.write(f"anchors: {check.message}")
