"""The environment every bench process runs the app with: production settings (DEBUG off), the
local host, no HTTPS redirect, a throttle the bench never hits, a bench-only audit chain key."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
# The venv's interpreter for manage.py and gunicorn, whatever runs the bench itself.
PYTHON = str(_VENV_PYTHON) if _VENV_PYTHON.exists() else sys.executable
BENCH_CHAIN_KEY = "bench-only-audit-chain-key-0123456789abcdef"
# The settings the content bench serves: the app's, plus the stock-DRF peer (bench/peer/).
PEER_SETTINGS = "bench.peer.settings"


def corpus_dir() -> Path:
    """The source articles, where the app's settings look for them (CORPUS_DIR)."""
    return Path(os.environ.get("CORPUS_DIR", ROOT.parent / "shared" / "corpus"))


def int_env(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def django_env(db_url: str, *, anchor_path: Path, settings: str = "config.settings", **extra: str) -> dict:
    """os.environ plus the app's settings for a bench run against `db_url`."""
    return dict(os.environ) | {
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": db_url,
        "DEBUG": "false",
        "SECRET_KEY": "bench",
        "AUDIT_CHAIN_KEY": BENCH_CHAIN_KEY,
        # The run's own anchor file: the database is re-created on every run.
        "AUDIT_ANCHOR_PATH": str(anchor_path),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "API_THROTTLE_RATE": "1000000/min",
        "LOG_LEVEL": "WARNING",
        "CORPUS_DIR": str(corpus_dir()),
        **extra,
    }


def setup_django(env: dict) -> None:
    """Django in this process, with the same settings as the bench's subprocesses."""
    os.environ.update(env)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()
