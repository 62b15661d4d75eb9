"""Test settings: the real settings, plus what only a test run wants."""

import os
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("AUDIT_CHAIN_KEY", "test-only-audit-chain-key")
os.environ.setdefault("AUDIT_ANCHOR_PATH", os.devnull)

from config.settings import *  # noqa: E402,F403

# Django 6.1's PBKDF2 (1.5M iterations) would dominate the run.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

# Never the CACHE_URL of the environment: the tests clear the cache, which on Redis empties the
# whole database. The tests marked `redis` build their own clients on TEST_REDIS_URL.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Never the chain key or the anchor file of the environment: a fixed test key, and each test
# appends its anchors to its own file (tests/conftest.py).
AUDIT_CHAIN_KEY = "test-only-audit-chain-key"
AUDIT_CHAIN_KEY_ID = "t1"
AUDIT_CHAIN_OLD_KEYS = {}
AUDIT_ANCHOR_PATH = Path(os.devnull)

# Django flushes a PostgreSQL test database with TRUNCATE, which the append-only tables refuse
# unless a superuser's session says so (reviews/db_rules.py). Only the test connections do.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c reviews.allow_truncate=on"  # noqa: F405
