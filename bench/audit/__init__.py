"""The audit-export benchmark (`python -m bench.audit_export`), one module per part: the accounts,
the generated events and their hash chain, the measurements, the breakdown, the verdicts, the
guard against another benchmark, and main. See bench/README_audit.md."""

import time

_T0 = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _T0:7.1f}s] {message}", flush=True)
