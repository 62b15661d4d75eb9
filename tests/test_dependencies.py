"""Dependencies run one way: an app imports only from the apps below it (README, "Where things are").

    config   wires everything
    reviews  the judgement, publishing and the content API
    claims   the catalogue
    audit    the audit trail every app records into
    core     roles, errors, admin bases, tokens, the REST plumbing

Every import statement counts, at module level or inside a function. The audit model names the
subjects it points at by label ("claims.Claim", "reviews.Review"), which is no import.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ["core", "audit", "claims", "reviews", "config"]


def imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("package", LAYERS)
def test_a_package_imports_nothing_from_the_packages_above_it(package):
    above = set(LAYERS[LAYERS.index(package) + 1 :])
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) & above)
        for path in sorted((ROOT / package).rglob("*.py"))
        if imported_packages(path) & above
    }
    assert wrong == {}, f"{package} imports from above it"


def test_the_check_sees_an_upward_import(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("def f():\n    from reviews.models import Review\n")
    assert "reviews" in imported_packages(module)
