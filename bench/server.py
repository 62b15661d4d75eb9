"""gunicorn as in docker-compose.yml (sync workers) on a free local port: the app (config.wsgi), or
the floor served over HTTP (bench.floor_wsgi)."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, env: dict, *, workers: int, log_path: Path, app: str = "config.wsgi"):
        self.env = env
        self.app = app
        self.workers = workers
        self.log_path = log_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, probe_path: str, headers: dict, timeout: float = 60.0) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [
            str(gunicorn), self.app,
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--log-level", "warning",
        ]
        self._log = open(self.log_path, "w")
        # Own session: stop() signals the master, and nothing else on the machine.
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bench: gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                conn.request("GET", probe_path, headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status == 200:
                    # Every worker imports the app on its first request: wake them all.
                    for _ in range(self.workers * 4):
                        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                        conn.request("GET", probe_path, headers=headers)
                        conn.getresponse().read()
                        conn.close()
                    return
                last = f"HTTP {response.status}"
            except OSError as exc:
                last = str(exc)
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"bench: gunicorn not ready after {timeout:.0f}s ({last}); see {self.log_path}")

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
