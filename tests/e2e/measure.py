"""What the browser tests measure on a page: boxes that spill out of theirs (layout), and what
axe-core says of its accessibility. Screenshots go to test-artifacts/ (gitignored; `make clean`
removes it)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from tests.e2e.browser import REPO_ROOT

ARTIFACTS = REPO_ROOT / "test-artifacts"

# axe-core, vendored from the npm registry (`npm pack axe-core@4.10.3`), its licence header kept:
# tests/e2e/vendor/README.md.
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
AXE_VERSION = "4.10.3"
AXE_SHA256 = "880970c081707360e64f34cea25ff91892f5bc95675b0776925b9709dd8a68bb"

# Overflow, in CSS pixels beyond a tolerance of one (sub-pixel rounding):
# - a table cell whose box extends beyond the box that shows its table: the nearest ancestor that
#   clips (a list's horizontal scroll box: the cell is behind its scroll bar) or the content area;
# - a cell whose content is wider than the cell (a long value spilling over its neighbour);
# - a form control (input, textarea, select, a select2 box) beyond its cell or its form row.
OVERFLOWS = """() => {
  const found = [];
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    else if (el.name) name += "[name=" + el.name + "]";
    if (typeof el.className === "string" && el.className.trim())
      name += "." + el.className.trim().split(/\\s+/).slice(0, 2).join(".");
    const text = (el.innerText || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return text ? `${name} "${text}"` : name;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect(), style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== "hidden";
  };
  const content = document.getElementById("content") || document.body;
  const clipper = (el) => {
    for (let p = el.parentElement; p && p !== content; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== "visible") return p;
    return content;
  };
  const area = content.getBoundingClientRect();
  for (const cell of content.querySelectorAll("td, th")) {
    if (!shown(cell)) continue;
    const box = cell.getBoundingClientRect();
    const right = Math.min(clipper(cell.closest("table")).getBoundingClientRect().right, area.right);
    if (box.right > right + 1)
      found.push(`cell beyond its container by ${Math.round(box.right - right)} px: ${describe(cell)}`);
    if (getComputedStyle(cell).overflowX === "visible" && cell.scrollWidth > cell.clientWidth + 1)
      found.push(`content beyond its cell by ${cell.scrollWidth - cell.clientWidth} px: ${describe(cell)}`);
  }
  const controls = "input:not([type=hidden]), textarea, select, .select2-container";
  for (const control of content.querySelectorAll(controls)) {
    const holder = control.closest("td, th, .form-row");
    if (!holder || !shown(control)) continue;
    const box = control.getBoundingClientRect(), outer = holder.getBoundingClientRect();
    const by = Math.max(box.right - outer.right, outer.left - box.left);
    if (by > 1)
      found.push(`control beyond its ${holder.tagName.toLowerCase()} by ${Math.round(by)} px: ${describe(control)}`);
  }
  return found;
}"""


def overflows(page) -> list[str]:
    return page.evaluate(OVERFLOWS)


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    path = ARTIFACTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page)
    return path


def axe_source_checked() -> Path:
    digest = hashlib.sha256(AXE.read_bytes()).hexdigest()
    assert digest == AXE_SHA256, f"{AXE} is not axe-core {AXE_VERSION} as vendored ({digest})"
    return AXE


def axe_violations(page, *, impact: str = "critical") -> list[str]:
    """axe-core's violations of this impact on the page as it is now, one line per element. The
    page's context must bypass the Content-Security-Policy (bypass_csp), which refuses the
    injected script otherwise."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_source_checked()))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['help']}): {node['target']} {node['failureSummary']}"
        for violation in result["violations"]
        if violation["impact"] == impact
        for node in violation["nodes"]
    ]
