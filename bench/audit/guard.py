"""Not alongside another benchmark: wait while one runs, and flag what it overlapped."""

from __future__ import annotations

import os
import re
import threading
import time

import psutil

from bench.audit import log

_OTHER_BENCH = [re.compile(r"claims_bench([^_]|$)"), re.compile(r"python -m bench$")]


def other_benchmarks() -> list[str]:
    """Processes of another benchmark: `pgrep -f 'claims_bench[^_]'` and `pgrep -f 'python -m bench$'`."""
    mine = {os.getpid(), *(p.pid for p in psutil.Process().parents())}
    hits = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        if proc.info["pid"] in mine:
            continue
        try:
            cmdline = " ".join(proc.info["cmdline"] or [])
        except TypeError:
            continue
        if any(p.search(cmdline) for p in _OTHER_BENCH):
            hits.append(f"{proc.info['pid']}: {cmdline[:100]}")
    return hits


class QuietWaiter:
    """Waits (polling every `interval` s) while another benchmark runs, 15 minutes in all over the run."""

    def __init__(self, budget: float = 900, interval: float = 30, enabled: bool = True):
        self.budget, self.interval, self.enabled = budget, interval, enabled
        self.waits: list[dict] = []

    def wait(self, before: str) -> None:
        if not self.enabled:
            return
        started = time.perf_counter()
        hits = other_benchmarks()
        spent = sum(w["waited_s"] for w in self.waits)
        while hits and spent + time.perf_counter() - started < self.budget:
            log(f"another benchmark is running ({len(hits)} processes, e.g. {hits[0]}); waiting {self.interval:.0f} s")
            time.sleep(self.interval)
            hits = other_benchmarks()
        waited = time.perf_counter() - started
        if hits:
            log("WARNING: another benchmark still runs (wait budget spent); measuring anyway: figures may be distorted")
        if waited > 1 or hits:
            self.waits.append({"before": before, "waited_s": round(waited, 1), "still_busy": hits})


class BusyWatcher(threading.Thread):
    """Notes, every 2 s, whether another benchmark runs, so a measurement it overlapped can be flagged."""

    def __init__(self, interval: float = 2.0):
        super().__init__(daemon=True)
        self.interval = interval
        self.sightings: list[tuple[float, str]] = []
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            hits = other_benchmarks()
            if hits:
                self.sightings.append((time.perf_counter(), hits[0]))
            self._stop_event.wait(self.interval)

    def seen_since(self, since: float) -> list[str]:
        return sorted({hit for moment, hit in self.sightings if moment >= since})

    def stop(self):
        self._stop_event.set()
