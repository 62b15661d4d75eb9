"""End to end, in a real browser: a reviewer pastes a short article of our own writing into "Add an
article", sees the proposals highlighted in its text, accepts one, tries to reject one without a
reason (refused) and then with one, edits one (its dose) then accepts it, and adds the claim the
proposer missed by selecting its passage with the mouse. The page is saved as a screenshot at
1400 px (/tmp/ingest_admin.png).

The service is its own (this module overrides the package's `service`), so the audit events it
reads are this scenario's only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.browser import Service, choose_autocomplete, log_in, messages

pytestmark = pytest.mark.browser

SCREENSHOT = Path("/tmp/ingest_admin.png")
QUEUED_SCREENSHOT = Path("/tmp/ingest_background_queued.png")
EDIT_SCREENSHOT = Path("/tmp/ingest_edit_then_accept.png")
ARTICLE = (
    "Leg cramps at night: notes from our clinic\n\n"
    "Magnesium taken daily helps prevent night cramps in older adults.\n"
    "Stretching the calf for a minute before bed reduces cramps.\n"
    "Quinine is no longer advised for cramps because of serious side effects.\n"
    "When a cramp starts, some readers sip a little pickle brine.\n"
    "Resting with the feet propped on two pillows kept the spasms away for several of our patients.\n"
)
LONG_ARTICLE = "".join(f"## Week {week} of the clinic's notes\n\n{ARTICLE}\n" for week in range(1, 9))
MISSED = "Resting with the feet propped on two pillows kept the spasms away for several of our patients."
REASON = "Reported as what readers do, not advised by the article."

# The passage's first and last characters on screen, found by walking the text nodes.
PASSAGE_EDGES = """([start, end]) => {
  const box = document.getElementById("article-text");
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const at = (offset) => {
    let seen = 0, node;
    while ((node = walker.nextNode())) {
      if (offset < seen + node.length) return [node, offset - seen];
      seen += node.length;
    }
  };
  const rect = (offset) => {
    walker.currentNode = box;
    const [node, index] = at(offset);
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range.getBoundingClientRect();
  };
  const first = rect(start), last = rect(end - 1);
  return {x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2};
}"""


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    service = Service(tmp_path_factory.mktemp("e2e-ingest"))
    service.env["INGEST_INLINE_CHARACTERS"] = "2000"  # LONG_ARTICLE goes to the background worker
    service.env["PROPOSALS_REFRESH_SECONDS"] = "1"  # its page follows the run every second
    try:
        service.start()
        yield service
    finally:
        service.stop()


def row(page, remedy: str):
    return page.locator("#proposal-table tr.proposal-row", has=page.locator("td.remedy", has_text=remedy))


def test_a_reviewer_takes_in_an_article_and_confirms_its_claims(service, page):
    [(first_new_seq,)] = service.query("SELECT COALESCE(MAX(seq), 0) + 1 FROM reviews_auditevent")
    log_in(page, "reviewer")
    page.goto("/admin/claims/source/")
    page.click("#add-article")
    page.wait_for_url("**/admin/claims/source/add-article/")
    page.fill("#id_text", ARTICLE)
    page.fill("#id_url", "https://example.org/clinic-notes")
    page.fill("#id_condition", "night leg cramps")
    page.click("#store-article")
    page.wait_for_url(re.compile(r".*/admin/claims/source/\d+/proposals/$"))
    assert "with 4 proposals to confirm" in messages(page, "success")
    source_id = int(re.search(r"/source/(\d+)/proposals/", page.url).group(1))

    # The proposals are highlighted in the text, which reads exactly as pasted.
    text = page.locator("#article-text")
    assert text.evaluate("box => box.textContent") == ARTICLE.replace("\r\n", "\n")
    assert text.locator("mark.proposal.pending").count() == 4
    assert "Magnesium taken daily" in text.locator("mark.proposal").first.inner_text()

    # Accept one.
    row(page, "magnesium").locator("button.accept").click()
    page.wait_for_load_state()
    assert "Accepted proposal" in messages(page, "success")
    assert "Accepted" in row(page, "magnesium").locator("td.status").inner_text()
    assert text.locator("mark.proposal.accepted").count() == 1

    # One box ticks every proposal of the page that can be accepted as it is, and unticks them.
    boxes = page.locator("input.select-proposal:not([disabled])")
    assert boxes.count() == 3 and not any(box.is_checked() for box in boxes.all())
    page.check("#select-all")
    assert all(box.is_checked() for box in boxes.all())
    boxes.first.uncheck()
    assert not page.is_checked("#select-all")
    boxes.first.check()
    assert page.is_checked("#select-all")
    page.uncheck("#select-all")
    assert not any(box.is_checked() for box in boxes.all())

    # Reject one: first without a reason (refused, nothing changed), then with one.
    brine = row(page, "pickle brine")
    brine.locator("button.reject").click()
    page.wait_for_load_state()
    assert "needs a reason" in messages(page, "error")
    assert "Pending" in row(page, "pickle brine").locator("td.status").inner_text()
    # ... and the refusal is shown in the row the page comes back at, in view
    refusal = row(page, "pickle brine").locator(".refused")
    assert "needs a reason" in refusal.inner_text() and refusal.is_visible()
    assert page.evaluate("el => el.getBoundingClientRect().top < window.innerHeight", refusal.element_handle())
    row(page, "pickle brine").locator(".reject input").fill(REASON)
    row(page, "pickle brine").locator("button.reject").click()
    page.wait_for_load_state()
    assert REASON in row(page, "pickle brine").locator("td.status").inner_text()

    # Edit one, then accept it: the dose as the article states it.
    row(page, "stretching").locator("a.edit-accept").click()
    page.wait_for_url(re.compile(r".*/proposals/\d+/accept/$"))
    assert page.locator("#proposal-quote").inner_text() == "Stretching the calf for a minute before bed reduces cramps."
    assert page.locator("#id_remedy + .select2 .select2-selection__rendered").inner_text().strip("×\n ") == "stretching"
    page.fill("#id_dose", "a minute, before bed")
    page.screenshot(path=str(EDIT_SCREENSHOT), full_page=True)
    page.click("#accept-edited")
    page.wait_for_url(re.compile(r".*/source/\d+/proposals/#proposal-\d+$"))
    assert "as edited" in messages(page, "success")
    assert text.locator("mark.proposal.accepted").count() == 2

    # Add the one the proposer missed, by selecting its passage with the mouse: its form is folded
    # under the article until then, and the selection unfolds it.
    assert not page.is_visible("#id_missed-kind")
    start = ARTICLE.index(MISSED)
    edges = page.evaluate(PASSAGE_EDGES, [start, start + len(MISSED)])
    page.mouse.move(edges["x1"], edges["y1"])
    page.mouse.down()
    page.mouse.move(edges["x2"], edges["y2"], steps=8)
    page.mouse.up()
    assert page.locator("#selected-passage").inner_text().strip() == MISSED
    assert page.is_visible("#id_missed-kind")
    # Sent without its remedy: refused, and the form comes back open with the passage still shown.
    page.click("#add-missed-claim")
    page.wait_for_load_state()
    assert page.is_visible("#id_missed-kind")
    assert page.locator("#selected-passage").inner_text().strip() == MISSED
    assert (page.input_value("#id_missed-start"), page.input_value("#id_missed-end")) == (
        str(start),
        str(start + len(MISSED)),
    )
    page.fill("#id_missed-new_remedy_name", "pillows")  # first thought of as a new remedy, then found
    choose_autocomplete(page, "id_missed-remedy", "leg elev", "leg elevation")  # searched as typed
    assert page.input_value("#id_missed-new_remedy_name") == ""  # a remedy is chosen or new, never both
    page.select_option("#id_missed-kind", label="Prevention")
    page.click("#add-missed-claim")
    page.wait_for_load_state()
    assert "Added: leg elevation, prevention" in messages(page, "success")
    added = row(page, "leg elevation")
    assert "Accepted (added)" in added.locator("td.status").inner_text()
    assert text.locator("mark.proposal.accepted").count() == 3
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    # What the services wrote, in order, and the claims the catalogue now holds.
    events = [
        e
        for (e,) in service.query(
            "SELECT event_type FROM reviews_auditevent WHERE seq >= ? ORDER BY seq", [first_new_seq]
        )
    ]
    leg_elevation_new = "claim.added" in events[events.index("proposal.added") :]
    assert events == [
        "article.added",
        "proposal.accepted",  # magnesium, prevention, elderly: the catalogue's claim, one more quote
        "proposal.rejected",
        "proposal.edited",
        "proposal.accepted",  # stretching, prevention: the catalogue's claim
        "proposal.added",
        *(["claim.added"] if leg_elevation_new else []),
        "proposal.accepted",
    ]
    quotes = service.query(
        "SELECT r.name, a.quote FROM claims_appearance a JOIN claims_claim c ON c.id = a.claim_id "
        "JOIN claims_remedy r ON r.id = c.remedy_id WHERE a.source_id = ? ORDER BY a.start",
        [source_id],
    )
    assert quotes == [
        ("magnesium", "Magnesium taken daily helps prevent night cramps in older adults."),
        ("stretching", "Stretching the calf for a minute before bed reduces cramps."),
        ("leg elevation", MISSED),
    ]
    print(f"\nscreenshot: {SCREENSHOT}")


def test_a_long_article_is_proposed_by_the_background_worker(service, page):
    log_in(page, "reviewer")
    page.goto("/admin/claims/source/add-article/")
    page.fill("#id_text", LONG_ARTICLE)
    page.fill("#id_title", "Eight weeks of clinic notes")
    page.fill("#id_condition", "night leg cramps")
    page.click("#store-article")
    page.wait_for_url(re.compile(r".*/admin/claims/source/\d+/proposals/$"))
    assert "being proposed in the background" in messages(page, "success")
    assert "queued" in page.locator("#proposer-run").inner_text()
    assert page.locator("#proposer-progress").inner_text() == "0 of 1 parts (0%)"
    assert page.locator("#article-text mark").count() == 0
    page.screenshot(path=str(QUEUED_SCREENSHOT), full_page=True)

    # The page follows the run by reloading itself, but not once the reviewer types in it: the
    # browser's refresh had emptied a half-typed "Add a claim the proposer missed".
    page.wait_for_event("load")
    page.click("#add-missed summary")
    page.fill("#id_missed-dose", "two pillows")
    page.evaluate("window.stillThisPage = true")
    page.wait_for_timeout(3000)  # three of its refreshes
    assert page.evaluate("window.stillThisPage") is True and page.input_value("#id_missed-dose") == "two pillows"
    assert "no longer refreshes by itself: you are at work on it" in page.locator("#refresh-note").inner_text()
    # ... nor while a remedy is searched (its search box is outside the form): it had reloaded mid-word
    page.reload()
    page.click("#add-missed summary")
    page.locator("#id_missed-remedy + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill("heat")
    page.evaluate("window.stillThisPage = true")
    page.wait_for_timeout(3000)
    assert page.evaluate("window.stillThisPage") is True
    assert page.input_value(".select2-container--open .select2-search__field") == "heat"
    # a refused "Add a claim" is not sent again by the page: it had posted itself every second
    page.keyboard.press("Escape")
    page.select_option("#id_missed-kind", label="Prevention")
    page.click("#add-missed-claim")
    page.wait_for_load_state()
    posts = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.wait_for_timeout(3000)
    assert posts == [] and page.locator("#id_missed-remedy").count() == 1

    # The worker, as `manage.py db_worker` runs in production, here until the queue is empty.
    service.manage("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    page.reload()
    assert page.locator("#proposer-run").count() == 0
    marks = page.locator("#article-text mark.proposal.pending")
    assert marks.count() >= 8 * 4  # each week's four claims
    assert page.locator("#article-text").evaluate("box => box.textContent") == LONG_ARTICLE
    [(state, proposals)] = service.query(
        "SELECT r.state, r.proposals FROM claims_proposerrun r JOIN claims_source s ON s.id = r.source_id "
        "WHERE s.title = 'Eight weeks of clinic notes'"
    )
    assert state == "done" and proposals == page.locator("#proposal-table tr.proposal-row").count()

    # Reject the page's proposals for one reason; only those left to decide are listed then.
    page.check("#select-all")
    ticked = page.locator("input.select-proposal:checked").count()
    page.fill("#bulk-reason", "Our own notes, not an article to publish.")
    page.click("#bulk-reject")
    page.wait_for_load_state()
    assert messages(page, "success") == f"Rejected {ticked} proposals."
    page.click("#proposal-listing a:has-text('pending')")
    page.wait_for_url("**/proposals/?show=pending#proposals")
    page.wait_for_load_state()
    # the benefits of a risky remedy were left for a reviewer to tick by hand (quinine, here)
    assert ticked < proposals and page.locator("input.select-proposal.risky").count() == proposals - ticked
    assert page.locator("#proposal-table tr.proposal-row").count() == proposals - ticked
    assert page.locator("#proposal-table tr.status-rejected").count() == 0
