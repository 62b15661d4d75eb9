"""Notifications sit above reviews: they read the workflow, and nothing below them knows of them
(the services call no notifier; the audit event each transition records is the hook)."""

from pathlib import Path

import pytest

from tests.test_dependencies import imported_packages

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("package", ["core", "audit", "claims", "reviews"])
def test_nothing_below_imports_the_notifications(package):
    wrong = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / package).rglob("*.py"))
        if "notifications" in imported_packages(path)
    ]
    assert wrong == []


def test_the_notifications_import_nothing_from_the_wiring():
    assert not any("config" in imported_packages(path) for path in (ROOT / "notifications").rglob("*.py"))
