"""Timing shared by the benchmarks: rounds of interleaved series, percentiles, the machine's
background load, and a peak-RSS sampler."""

from __future__ import annotations

import threading
import time

import psutil


def percentile(samples: list[float], p: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(samples: list[float]) -> dict:
    return {
        "p50_ms": round(percentile(samples, 50), 3),
        "p95_ms": round(percentile(samples, 95), 3),
        "min_ms": round(min(samples), 3),
        "max_ms": round(max(samples), 3),
        "n": len(samples),
    }


def rounded(samples: list[float]) -> list[float]:
    return [round(s, 3) for s in samples]


def background_cpu(seconds: float = 2.0) -> float | None:
    """Share of all CPUs busy over `seconds` while the bench itself is idle (Linux /proc/stat):
    anything else running on the machine makes every figure noisier."""

    def sample():
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        idle = values[3] + values[4]  # idle + iowait
        return sum(values), idle

    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except OSError:
        return None
    total = total1 - total0
    return round(1 - (idle1 - idle0) / total, 3) if total else None


# A series stops at n samples, or once it has run this long with at least MIN_SAMPLES: a slow case
# (hundreds of ms a request) gets fewer samples rather than stretching the run.
SERIES_BUDGET_S = 25.0
MIN_SAMPLES = 40


def _over_budget(samples: list, started: float) -> bool:
    return len(samples) >= MIN_SAMPLES and time.perf_counter() - started > SERIES_BUDGET_S


def time_series(series: dict, *, n: int, warmup: int) -> dict[str, dict]:
    """Times several ways of answering one request, a request of each per round, the order
    rotating from round to round. On this noisy machine the drift (other load, the database
    settling after the seed) then falls on every series alike, so their ratios hold even when the
    absolute times move. A series is a function returning (body, ms, database ms or None).
    Returns, per series, its samples, database samples and last body."""
    names = list(series)
    out = {name: {"samples": [], "db": [], "body": b""} for name in names}
    for _ in range(warmup):
        for name in names:
            out[name]["body"] = series[name]()[0]
    started = time.perf_counter()
    for i in range(n):
        turn = i % len(names)
        for name in names[turn:] + names[:turn]:
            body, elapsed, db_ms = series[name]()
            out[name]["body"] = body
            out[name]["samples"].append(elapsed)
            if db_ms is not None:
                out[name]["db"].append(db_ms)
        if _over_budget(out[names[0]]["samples"], started):
            break
    return out


class PeakSampler(threading.Thread):
    """Peak RSS of one process, sampled every `interval` seconds until stop()."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def _sample(self) -> bool:
        try:
            self.peak = max(self.peak, self.process.memory_info().rss)
            self.samples += 1
            return True
        except psutil.Error:
            return False

    def run(self):
        while not self._stop_event.is_set() and self._sample():
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        self._sample()
        return self.peak
