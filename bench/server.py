"""gunicorn as in docker-compose.yml (sync workers) on a free local port, in its own session: the
app (config.wsgi), or a floor served over HTTP (bench.floor_wsgi, bench.framework_floor_wsgi)."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import psutil

from bench.env import PYTHON, ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str, headers: dict) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


class Gunicorn:
    def __init__(
        self, env: dict, *, workers: int, log_path: Path, app: str = "config.wsgi", timeout: int | None = None
    ):
        self.env, self.app, self.workers, self.log_path, self.timeout = env, app, workers, log_path, timeout
        self.port = free_port()  # taken now: each server has its own before the next looks for one
        self.process: subprocess.Popen | None = None
        self._log = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, probe_path: str | None = None, headers: dict | None = None, wait: float = 60.0) -> None:
        """Starts gunicorn and waits until it answers `probe_path` with a 200 (then wakes every worker:
        each imports the app on its first request), or, without a probe, until a worker runs."""
        command = [PYTHON, "-m", "gunicorn", self.app, "--bind", f"127.0.0.1:{self.port}",
                   "--workers", str(self.workers), "--log-level", "warning"]
        if self.timeout:
            command += ["--timeout", str(self.timeout)]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "w")  # noqa: SIM115 (closed by stop)
        # Own session: stop() signals the master and its workers, and nothing else on the machine.
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline, last = time.monotonic() + wait, None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bench: gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                if probe_path is None:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                        if self.worker() is not None:
                            return
                else:
                    status = _get(self.port, probe_path, headers or {})
                    if status == 200:
                        for _ in range(self.workers * 4):
                            _get(self.port, probe_path, headers or {})
                        return
                    last = f"HTTP {status}"
            except OSError as exc:
                last = str(exc)
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"bench: gunicorn not ready after {wait:.0f}s ({last}); see {self.log_path}")

    def worker(self) -> psutil.Process | None:
        """The first worker process (the audit bench runs one and samples its memory)."""
        children = psutil.Process(self.process.pid).children()
        return children[0] if children else None

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
            except ProcessLookupError:
                pass
        self._log.close()
        self.process = None
