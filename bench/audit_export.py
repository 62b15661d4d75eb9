"""Audit-trail export benchmark: `.venv/bin/python -m bench.audit_export` (PostgreSQL only).

What it does, in one run, on its own throwaway database (BENCH_AUDIT_DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/claims_bench_audit, dropped and re-created, dropped again at the end):

1. `manage.py migrate` and `manage.py load_catalogue --no-corpus` (real remedies and claims), then, in
   this process through the project's own code: an auditor account with an API token
   (the app's token_issue), a dozen reviewer accounts and one review per catalogue claim.
2. Generates a valid hash chain of audit events in stages (10k, then 100k, then 1M events: each stage
   appends to the chain of the previous one). Every hash is computed by the app's compute_hash (an
   HMAC under the bench's chain key) on the same field values `audit_record` would hash; rows go in with
   COPY FROM STDIN (the append-only triggers refuse only UPDATE and DELETE). At the first stage
   `manage.py verify_audit` must say ok, and so must `verify_audit --file` on the NDJSON export.
3. At each size measures, in the same run:
   - the floor: `COPY (SELECT <the 15 export columns> ... ORDER BY seq) TO STDOUT WITH CSV` read
     through psycopg;
   - `manage.py export_audit --format csv|ndjson --output FILE` as a subprocess: wall time (Django start-up
     included; also shown net of the start-up of an empty export) and peak RSS (/usr/bin/time %M);
   - GET /api/v1/audit/export/?format=csv|ndjson against gunicorn (1 sync worker), read with http.client:
     wall time and the worker's peak RSS (psutil, sampled every 50 ms), absolute and above its
     pre-request baseline.
4. At the 100k stage, a breakdown in this process: the COPY floor, the shipped export for each
   format, and the Python rendering the SQLite path uses, in rows/s and µs per row.

Targets (from the issue): rows/s at least half the COPY floor's; peak RSS under 100 MB and flat
across sizes (max - min <= 10 MB). Missed targets are printed as MISSED. Results:
bench/results/audit_export.json. See bench/README_audit.md; the code is in bench/audit/.
"""

import sys

from bench.audit.main import main

if __name__ == "__main__":
    sys.exit(main(description=__doc__.splitlines()[0]))
