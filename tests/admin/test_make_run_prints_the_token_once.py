"""`make run` prints the demo's content API token and its curl line once, below the service's
address; `make setup-db` on its own prints them once too. The Makefile runs for real here, in a
scratch directory, with a stand-in for the Python of the virtualenv that prints what load_demo
prints (the test makes the real output once) and serves nothing."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("make") is None, reason="needs make"),
]


@pytest.fixture
def scratch(tmp_path, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", "--base-url", "http://127.0.0.1:8000", stdout=out)
    (tmp_path / "demo.txt").write_text(out.getvalue())
    python = tmp_path / "python"
    python.write_text(f'#!/bin/sh\ncase "$*" in *load_demo*) cat "{tmp_path / "demo.txt"}";; esac\nexit 0\n')
    python.chmod(0o755)
    # What the virtualenv's target depends on, older than the stand-in marker: nothing to install.
    (tmp_path / "scripts").mkdir()
    for name in ("requirements.lock", "scripts/find-python"):
        (tmp_path / name).write_text("")
    (tmp_path / "venv").mkdir()
    marker = tmp_path / "venv" / ".installed"
    marker.write_text("")
    os.utime(marker, (os.path.getmtime(marker) + 60,) * 2)
    return tmp_path, out.getvalue()


def make(directory: Path, target: str) -> str:
    done = subprocess.run(
        [
            "make",
            "-s",
            "-f",
            str(MAKEFILE),
            target,
            f"PY={directory / 'python'}",
            f"VENV={directory / 'venv'}",
            "RUN_ENV=",
        ],  # fmt: skip
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def token_line(demo_output: str) -> str:
    [line] = [line for line in demo_output.splitlines() if "content API token" in line]
    return line.rsplit(" ", 1)[1]


@pytest.mark.parametrize("target", ["run", "setup-db"])
def test_the_token_and_the_curl_line_are_printed_once(scratch, target):
    directory, demo_output = scratch
    printed = make(directory, target)
    token = token_line(demo_output)
    assert printed.count(token) == 2  # the token line and the curl line
    assert printed.count("content API token") == 1 and printed.count("curl -H") == 1
    assert "demo review #" in printed  # the rest of the demo's output is still shown (ids vary on PostgreSQL)
    if target == "run":  # below the address of the service
        assert printed.index("Remedy Claims Review (demo data") < printed.index("content API token")
