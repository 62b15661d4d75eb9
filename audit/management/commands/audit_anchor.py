import json

from django.core.management.base import BaseCommand

from audit.anchor import anchor_path, write_anchor


class Command(BaseCommand):
    help = (
        "Append a signed anchor of the audit chain's head (seq, hash, event count, time, key id) to "
        "AUDIT_ANCHOR_PATH and print it. Run it from cron; `verify_audit` checks the chain against it."
    )

    def handle(self, *args, **options):
        anchor = write_anchor()
        self.stdout.write(json.dumps(anchor, sort_keys=True, separators=(",", ":")))
        self.stderr.write(f"anchored seq {anchor['seq']} in {anchor_path()}")
