import sys
from contextlib import nullcontext

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from audit.api.filters import AuditEventFilter
from audit.export import chain_head, export_blocks
from audit.models import AuditEvent, AuditEventType


class Command(BaseCommand):
    help = (
        "Export audit events as CSV or NDJSON (constant memory, any size). NDJSON ends with the chain "
        "head; check a file with `verify_audit --file`."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "ndjson"], default="ndjson")
        parser.add_argument("--output", help="file to write (default: stdout)")
        parser.add_argument("--since", help="events at or after this ISO 8601 time")
        parser.add_argument("--until", help="events before this ISO 8601 time")
        parser.add_argument("--claim", help="claim id")
        parser.add_argument("--remedy", help="remedy id (its events and its claims' events)")
        parser.add_argument("--review", help="review id")
        parser.add_argument("--actor", help="username or user id")
        parser.add_argument(
            "--event-type",
            action="append",
            dest="event_type",
            choices=AuditEventType.values,
            help="repeat for several types",
        )

    def handle(self, *args, format, output, **options):
        params = {
            key: options[key] for key in ("since", "until", "claim", "remedy", "review", "actor") if options.get(key)
        }
        from django.http import QueryDict

        data = QueryDict(mutable=True)
        data.update(params)
        for event_type in options.get("event_type") or []:
            data.appendlist("event_type", event_type)
        filterset = AuditEventFilter(data, queryset=AuditEvent.objects.all())
        if not filterset.is_valid():
            problems = "; ".join(
                f"--{name.replace('_', '-')}: {' '.join(errors)}" for name, errors in filterset.errors.items()
            )
            raise CommandError(f"invalid filter: {problems}")
        head = chain_head(filtered=filterset.narrows)  # read first; rows stop at it (see AuditExportView)
        queryset = filterset.qs.filter(seq__lte=head["head_seq"] or 0)

        target = open(output, "wb") if output else nullcontext(sys.stdout.buffer)  # noqa: SIM115
        show_progress = output is not None and sys.stderr.isatty()
        progress = tqdm(total=queryset.count(), unit="events", file=sys.stderr) if show_progress else None
        count = 0
        try:
            with target as out:
                for block, rows in export_blocks(queryset, format, head=head):
                    out.write(block)
                    count += rows
                    if progress is not None:
                        progress.update(rows)
        except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
            sys.stderr.close()
            return
        finally:
            if progress is not None:
                progress.close()
        self.stderr.write(f"{count} events exported" + (f" to {output}" if output else ""))
