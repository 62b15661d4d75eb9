"""The article pages of the admin: "Add an article" (the add page of sources leads there), pasted
or uploaded; the proposals page with each quote highlighted in the escaped text; accept, reject
with a reason, bulk accept, edit then accept and add a missed claim — refusals as messages."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.ingest import catalogue_lexicon
from claims.models import Claim, Remedy, Source
from claims.proposals import Proposal
from tests.ingest.conftest import DRUG_NAMES
from tests.ingest.store_helpers import TEXT, events_since, last_seq, proposed, sentence, store

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Tips <script>alert('x')</script> for heartburn\n\n"
    "Many people chew Tums after meals; it helps quickly & <b>safely</b>.\n"
    "Alcohol and coffee provoke heartburn.\n"
)


@pytest.fixture(autouse=True)
def few_drug_names(monkeypatch):
    monkeypatch.setattr(catalogue_lexicon, "drug_names", lambda: DRUG_NAMES)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def proposals_url(source):
    return reverse("admin:claims_source_proposals", args=[source.pk])


class ArticleText(HTMLParser):
    """The text content of the page's #article-text, and its marks' proposal ids."""

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.marked = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += 1
            assert tag == "mark", f"only marks inside the text, not <{tag}>"
            self.marked.append(attrs["data-proposals"])
        elif attrs.get("id") == "article-text":
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def article_text_of(response) -> ArticleText:
    parser = ArticleText()
    parser.convert_charrefs = True
    parser.feed(response.content.decode())
    return parser


def test_the_add_page_of_sources_leads_to_add_an_article(client, reviewer, auditor, superuser):
    client.force_login(reviewer)
    response = client.get(reverse("admin:claims_source_add"))
    assert response.status_code == 302 and response["Location"] == reverse("admin:claims_source_add_article")
    assert client.get(response["Location"]).status_code == 200
    changelist = client.get(reverse("admin:claims_source_changelist"))
    assert b'id="add-article"' in changelist.content
    for someone in (auditor, superuser):  # a superuser has no role: no exemption, and no link to a refusal
        client.force_login(someone)
        changelist = client.get(reverse("admin:claims_source_changelist"))
        assert changelist.status_code == 200 and b'id="add-article"' not in changelist.content
        assert client.get(reverse("admin:claims_source_add")).status_code == 403
        assert client.get(reverse("admin:claims_source_add_article")).status_code == 403
        assert client.post(reverse("admin:claims_source_add_article"), {"text": TEXT}).status_code == 403
    assert not Source.objects.filter(text=TEXT).exists()


def test_pasting_an_article_stores_it_and_shows_its_proposals_highlighted(client, reviewer):
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:claims_source_add_article"),
        {"text": HOSTILE, "title": "", "url": "", "language": "en", "condition": "night leg cramps"},
    )
    source = Source.objects.get(text=HOSTILE)
    assert response.status_code == 302 and response["Location"] == proposals_url(source)
    assert source.title == "Tips <script>alert('x')</script> for heartburn" and source.added_by == reviewer
    page = client.get(proposals_url(source))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>safely" not in html
    parsed = article_text_of(page)
    assert "".join(parsed.text) == HOSTILE  # the marks add no text: the offsets hold in the browser
    proposals = list(source.proposals.all())
    assert proposals and {str(p.pk) for p in proposals} <= {i for ids in parsed.marked for i in ids.split()}


def test_uploading_an_html_page_stores_its_main_text(client, reviewer):
    page = (
        "<html><head><title>Heartburn</title></head><body><nav>Home | About</nav><article>"
        "<h1>Heartburn at night</h1><p>Many people chew Tums after meals; it helps quickly.</p>"
        "<p>Alcohol and coffee provoke heartburn in many of our readers, who wrote to us about it.</p>"
        "</article></body></html>"
    )
    client.force_login(reviewer)
    upload = SimpleUploadedFile("heartburn.html", page.encode(), content_type="text/html")
    response = client.post(
        reverse("admin:claims_source_add_article"),
        {"upload": upload, "language": "en", "condition": "night leg cramps"},
    )
    source = Source.objects.get(format="html")
    assert response.status_code == 302
    assert "Tums after meals" in source.text and "<p>" not in source.text
    assert source.file_name.startswith("heartburn_") and source.file_name.endswith(".html")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"upload": ("scan.txt", b"%PDF-1.4 x")}, "scan.txt: this is a PDF document, not text"),
        ({"upload": ("a.docx", b"PK\x03\x04")}, "a.docx: unsupported file type"),
        ({"upload": ("latin.txt", b"Cr\xe8me br\xfbl\xe9e")}, "latin.txt: not UTF-8"),
        ({"upload": ("nul.md", b"a\x00b")}, "nul.md: contains NUL bytes"),
        ({"text": "   \n  "}, "Paste the article's text or upload a file."),
        ({"text": "a" * 2_000_001}, "pasted text: 2,000,001 bytes of text is over the limit of 2,000,000 bytes"),
        ({"text": TEXT, "upload": ("a.txt", b"Other text.")}, "Paste the text or upload a file, not both."),
        # the limit said as the command says it (the form had said "over the limit" alone)
        ({"upload": ("big.txt", b"a " * 5_500_000)}, "big.txt: 11.0 MB is over the limit of 4.0 MB"),
        # a page with no article: what the extractor kept of it is its menu
        (
            {"upload": ("nav.html", b"<html><body><nav>Home | About</nav><script>var a=1;</script></body></html>")},
            "nav.html: no article text found in the HTML page, only 2 words (“Home | About”)",
        ),
    ],
)
def test_bad_input_is_a_message_on_the_form_and_writes_nothing(client, reviewer, data, message, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 5_000_000
    client.force_login(reviewer)
    if "upload" in data:
        name, content = data["upload"]
        data = {**data, "upload": SimpleUploadedFile(name, content)}
    seq, sources = last_seq(), Source.objects.count()
    response = client.post(
        reverse("admin:claims_source_add_article"), {"language": "en", "condition": "night leg cramps", **data}
    )
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert (Source.objects.count(), events_since(seq)) == (sources, [])


def test_an_empty_file_is_said_once(client, reviewer):
    # (it had been said twice: the file field's error and "Paste the article's text or upload a file.")
    client.force_login(reviewer)
    data = {"upload": SimpleUploadedFile("empty.txt", b""), "language": "en", "condition": "headache"}
    said = client.post(reverse("admin:claims_source_add_article"), data).content.decode().replace("&#x27;", "'")
    assert "The submitted file is empty." in said and "Paste the article's text or upload a file." not in said


def test_pasted_line_ends_are_counted_as_stored(client, reviewer, settings):
    # A browser sends a textarea's line ends as CRLF: 2.1 MB pasted had been "2.2 MB over the limit".
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 5_000_000
    client.force_login(reviewer)
    text = TEXT.replace("\n", "\r\n") + "\r\n" * (2_000_000 - len(TEXT))
    response = client.post(
        reverse("admin:claims_source_add_article"), {"text": text, "language": "en", "condition": "headache"}
    )
    assert response.status_code == 302
    assert "\r" not in Source.objects.get(format="txt").text


def test_an_article_in_another_language_is_stored_with_a_note_that_the_proposer_reads_english(client, reviewer):
    client.force_login(reviewer)
    text = "Судороги ночью\n\nМагний помогает при судорогах ночью, если пить его курсом."
    response = client.post(
        reverse("admin:claims_source_add_article"),
        {"text": text, "language": "ru", "condition": "night leg cramps"},
        follow=True,
    )
    said = messages_of(response)
    assert any(m.startswith("Stored “Судороги ночью”") for m in said)
    assert "The proposer reads English only: it proposes little or nothing in an article in 'ru'." in " ".join(said)


def test_a_request_over_the_upload_limit_says_its_size_and_the_limit(client, reviewer, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    client.force_login(reviewer)
    seq, sources = last_seq(), Source.objects.count()
    data = {"text": "a" * 5000, "language": "en", "condition": "night leg cramps"}
    response = client.post(reverse("admin:claims_source_add_article"), data)
    assert response.status_code == 413
    said = response.content.decode()
    assert "over the limit of 1,000 bytes; nothing was written" in said and "upload it as a" in said
    assert (Source.objects.count(), events_since(seq)) == (sources, [])


def test_the_same_text_twice_leads_to_the_article_that_holds_it(client, reviewer):
    source = store(reviewer, title="First time")
    client.force_login(reviewer)
    seq = last_seq()
    response = client.post(
        reverse("admin:claims_source_add_article"), {"text": TEXT, "language": "en", "condition": "night leg cramps"}
    )
    assert response.status_code == 302 and response["Location"] == proposals_url(source)
    assert any(f"already stored as source #{source.pk} “First time”" in m for m in messages_of(response))
    assert events_since(seq) == []


def proposal_of(source, name) -> Proposal:
    return next(p for p in source.proposals.all() if p.remedy_name == name)


def test_accept_reject_and_bulk_accept_from_the_list(client, reviewer):
    source = store(reviewer)
    client.force_login(reviewer)
    url = proposals_url(source)
    quinine, magnesium = proposal_of(source, "quinine"), proposal_of(source, "magnesium")
    caution = source.proposals.get(kind="caution")
    seq = last_seq()
    response = client.post(url, {"action": f"accept:{quinine.pk}"})
    # back at the proposal decided, not at the top of the page
    assert response.status_code == 302 and response["Location"] == f"{url}#proposal-{quinine.pk}"
    assert events_since(seq) == ["claim.added", "proposal.accepted"]
    quinine.refresh_from_db()
    # the claim's statement as a sentence of the message, its full stop once
    said = f"Accepted proposal #{quinine.pk}: claim #{quinine.claim_id}, “{quinine.claim.statement}”"
    assert said in messages_of(response) and quinine.claim.statement.endswith(".")
    response = client.post(url, {"action": f"reject:{caution.pk}", f"reason-{caution.pk}": ""})
    assert any("Nothing was changed: Rejecting a proposal needs a reason." in m for m in messages_of(response))
    # refused: back at the proposal, the refusal shown in its row, where the reviewer is looking
    assert response["Location"] == f"{url}?refused={caution.pk}#proposal-{caution.pk}"
    row = client.get(response["Location"]).content.decode().split(f'id="proposal-{caution.pk}"')[1].split("</tr>")[0]
    assert "Nothing was changed: Rejecting a proposal needs a reason." in row
    client.post(url, {"action": f"reject:{caution.pk}", f"reason-{caution.pk}": "Advice to ask, not a claim."})
    # selected on a page older than the list: the one decided since is named, not silently dropped
    response = client.post(url, {"action": "bulk_accept", "selected": [magnesium.pk, quinine.pk]})
    said = f"Accepted 1 proposal. Already decided, left as they were: #{quinine.pk}."
    assert said in messages_of(response)
    assert events_since(seq) == ["claim.added", "proposal.accepted", "proposal.rejected", "proposal.accepted"]
    statuses = dict(source.proposals.values_list("pk", "status"))
    assert (statuses[quinine.pk], statuses[caution.pk], statuses[magnesium.pk]) == ("accepted", "rejected", "accepted")
    page = client.get(url).content.decode()
    quinine.refresh_from_db()
    assert "Advice to ask, not a claim." in page and f"claim #{quinine.claim_id}</a>" in page


def test_a_new_remedy_from_the_list_is_refused_to_a_reviewer_as_a_message(client, reviewer):
    source = store(reviewer)
    beetroot = proposal_of(source, "beetroot juice")
    client.force_login(reviewer)
    seq = last_seq()
    magnesium = proposal_of(source, "magnesium")
    response = client.post(proposals_url(source), {"action": "bulk_accept", "selected": [beetroot.pk, magnesium.pk]})
    [said] = messages_of(response)
    assert "only senior reviewers may add remedies" in said
    # which of the selection it is: a new user had read the refusal of one row of nineteen unnamed
    assert said.endswith(f"That is proposal #{beetroot.pk}, of the 2 selected: none was accepted.")
    assert events_since(seq) == []


def test_a_new_remedy_row_is_ticked_by_hand_only_to_reject_it(client, reviewer):
    """Its box is not among those "select all" ticks to accept as they are (Edit then accept), but
    it can be selected to reject it with the rest."""
    source = store(reviewer)
    beetroot, magnesium = proposal_of(source, "beetroot juice"), proposal_of(source, "magnesium")
    client.force_login(reviewer)
    page = client.get(proposals_url(source)).content.decode()
    assert f'name="selected" value="{magnesium.pk}" class="select-proposal" ' in page
    assert f'name="selected" value="{beetroot.pk}" class="select-proposal by-hand new-remedy" ' in page
    assert f'aria-label="select proposal {beetroot.pk}, a new remedy: to reject (Edit then accept it)"' in page


def test_a_long_quote_is_cut_in_its_row_and_read_whole_when_opened(client, reviewer):
    """What decides a long quote's kind may come after its first 180 characters ("… such as A, B
    and C may interact with warfarin and cause bleeding")."""
    from claims.ingest.propose import Proposal as Proposed

    named = ", ".join(f"remedy number {i}" for i in range(12))
    line = f"Medicines such as {named}, and magnesium may cause cramps."
    text = "What to watch\n\n" + line + "\n"
    start = text.index(line)
    long = Proposed(line, start, start + len(line), "magnesium", "supplement", "magnesium", "cause",
                    None, "", "lexicon; test", 0.9, False, False)  # fmt: skip
    source = store(reviewer, text, [long])
    client.force_login(reviewer)
    page = client.get(proposals_url(source)).content.decode()
    cell = page.split('<td class="quote">')[1].split("</td>")[0]
    assert cell.startswith('<details class="long-quote"><summary>Medicines such as remedy number 0')
    assert f"…</summary>{line}</details>" in cell and len(line) > 180
    short = client.get(proposals_url(store(reviewer))).content.decode().split('<td class="quote">')[1]
    assert short.startswith(TEXT.split("\n")[2])  # a short quote is shown as it is


def test_a_proposal_whose_claim_quotes_its_passage_already_offers_reject_only(client, reviewer):
    """A claim added by hand on a passage the background run then proposed too: its Accept was
    refused, and "select all" ticked it, so that the whole page's "Accept selected" was refused."""
    source = store(reviewer)
    magnesium = proposal_of(source, "magnesium")
    client.force_login(reviewer)
    source.proposals.filter(pk=magnesium.pk).update(population=None)
    added = {
        "action": "add_missed", "missed-remedy": magnesium.remedy_id, "missed-kind": magnesium.kind,
        "missed-population": "", "missed-start": magnesium.start, "missed-end": magnesium.end - 1,
    }  # fmt: skip
    assert messages_of(client.post(proposals_url(source), added))[0].startswith("Added: magnesium"), added
    page = client.get(proposals_url(source)).content.decode()
    claim = source.proposals.get(origin="reviewer").claim
    assert f'value="{magnesium.pk}" class="select-proposal by-hand quoted" ' in page
    assert f'value="accept:{magnesium.pk}"' not in page
    assert (
        f"Claim #{claim.pk} quotes this passage already ({magnesium.start}:{magnesium.end - 1}): "
        "reject this one as already recorded." in page
    )


def test_reject_selected_for_one_reason(client, reviewer):
    """A long article's proposals that are no claims of it (a page of drug interactions, say) are
    rejected a page at a time for one reason, not one reason a row."""
    source = store(reviewer)
    beetroot, magnesium = proposal_of(source, "beetroot juice"), proposal_of(source, "magnesium")
    client.force_login(reviewer)
    url = proposals_url(source)
    seq = last_seq()
    chosen = {"action": "bulk_reject", "selected": [beetroot.pk, magnesium.pk]}
    response = client.post(url, chosen | {"bulk-reason": " "})
    assert messages_of(response) == ["Nothing was changed: Rejecting the selected proposals needs a reason."]
    assert events_since(seq) == []
    client.get(response["Location"])  # where the refusal is read
    response = client.post(f"{url}?show=pending&page=1", chosen | {"bulk-reason": "Not what the article advises."})
    assert response["Location"] == f"{url}?show=pending&page=1"  # the list as the reviewer left it
    assert messages_of(response) == ["Rejected 2 proposals."]
    assert events_since(seq) == ["proposal.rejected", "proposal.rejected"]
    for proposal in (beetroot, magnesium):
        proposal.refresh_from_db()
        assert (proposal.status, proposal.reason, proposal.decided_by) == (
            "rejected", "Not what the article advises.", reviewer
        )  # fmt: skip
    # from a page older than the list: the decided ones are left as they are, and said so
    quinine = proposal_of(source, "quinine")
    again = {"action": "bulk_reject", "selected": [magnesium.pk, quinine.pk], "bulk-reason": "Hearsay."}
    client.get(response["Location"])
    response = client.post(url, again)
    assert messages_of(response) == [f"Rejected 1 proposal. Already decided, left as they were: #{magnesium.pk}."]
    magnesium.refresh_from_db()
    assert magnesium.reason == "Not what the article advises."
    # another article's proposal, or none: said so, not "already decided"
    other = proposal_of(store(reviewer, TEXT + "\nMore of the same.\n", title="Another article"), "quinine")
    pending = source.proposals.filter(status="pending").first()
    client.get(response["Location"])
    stray = {"action": "bulk_reject", "selected": [other.pk, 10**9, pending.pk, quinine.pk], "bulk-reason": "Hearsay."}
    response = client.post(url, stray)
    assert messages_of(response) == [
        f"Rejected 1 proposal. Already decided, left as they were: #{quinine.pk}. "
        f"Not this article's proposals, left alone: #{other.pk}, #{10**9}."
    ]
    other.refresh_from_db()
    assert other.status == "pending"


@pytest.mark.parametrize("action", ["accept:999999999", "reject:x", "launch:1", "accept:" + "9" * 30, ""])
def test_unknown_actions_are_messages(client, reviewer, action):
    source = store(reviewer)
    client.force_login(reviewer)
    response = client.post(proposals_url(source), {"action": action})
    assert response.status_code == 302
    assert any(m.startswith("Nothing was changed") for m in messages_of(response))


def test_each_pending_proposal_says_what_accepting_it_records(client, reviewer, django_assert_max_num_queries):
    source = store(reviewer)
    client.force_login(reviewer)
    claim = Claim.objects.get(remedy__name="magnesium", kind="prevention", population=None, condition=source.condition)
    page = client.get(proposals_url(source)).content.decode()
    link = f'<a href="/admin/claims/claim/{claim.pk}/change/">claim #{claim.pk}</a>'
    assert f"Accepting records one more quote of {link}: “{claim.statement}”" in page
    assert "Accepting records a new claim: “Quinine brings relief during an episode of night leg cramps.”" in page
    assert "Accepting records a new claim: “Beetroot juice prevents night leg cramps.”" in page
    accepted = proposal_of(source, "quinine")
    client.post(proposals_url(source), {"action": f"accept:{accepted.pk}"})
    page = client.get(proposals_url(source)).content.decode()
    assert "a new claim: “Quinine brings relief" not in page  # decided: nothing more to record
    # however many proposals (test_admin_highlight); the role asked twice: may decide, may add a remedy;
    # the passages the claims quote already, once
    with django_assert_max_num_queries(15):
        client.get(proposals_url(source))


def test_what_accepting_records_is_read_as_the_services_will_read_it(client, reviewer, senior):
    twice = [proposed(start, "beet kvass", "food_drink", "kvass", "prevention", is_new=True)
             for start in ("A glass of beetroot", "Stretching the calf")]  # fmt: skip
    source = store(reviewer, proposals=twice)
    first, second = source.proposals.order_by("start")
    client.force_login(senior)
    page = client.get(proposals_url(source)).content.decode()
    statement = "“Beet kvass prevents night leg cramps.”"
    assert f"Accepting records a new claim: {statement}" in page
    link = f'<a href="#proposal-{first.pk}">proposal #{first.pk}</a>'
    assert f"Accepting records one more quote of the claim accepting {link} makes: {statement}" in page
    url = reverse("admin:claims_source_proposal_accept", args=[source.pk, first.pk])
    form = {"new_remedy_name": "beet kvass", "new_remedy_category": "food_drink", "kind": "prevention"}
    form |= {"start": first.start, "end": first.end, "risk_tier": "low", "risk_reason": "A food."}
    assert client.post(url, form).status_code == 302
    claim = Claim.objects.get(remedy__name="beet kvass")
    page = client.get(proposals_url(source)).content.decode()
    claim_link = f'<a href="/admin/claims/claim/{claim.pk}/change/">claim #{claim.pk}</a>'
    assert f"Accepting records one more quote of {claim_link}: “{claim.statement}”" in page
    client.post(proposals_url(source), {"action": "bulk_accept", "selected": [second.pk]})
    second.refresh_from_db()
    assert second.claim == claim  # as the page said


def test_edit_then_accept_about_another_condition(client, reviewer):
    source = store(reviewer)
    quinine = proposal_of(source, "quinine")
    url = reverse("admin:claims_source_proposal_accept", args=[source.pk, quinine.pk])
    client.force_login(reviewer)
    page = client.get(url).content.decode()
    assert '<datalist id="known-conditions">' in page and '<option value="night leg cramps">' in page
    form = {"remedy": quinine.remedy_id, "kind": "treatment", "condition": "restless legs"}
    form |= {"start": quinine.start, "end": quinine.end}
    assert client.post(url, form).status_code == 302
    claim = Claim.objects.get(remedy=quinine.remedy_id, kind="treatment", condition__name="restless legs")
    assert claim.statement == "Quinine treats restless legs."
    page = client.get(proposals_url(source)).content.decode()
    assert "about restless legs" in page


def test_the_catalogue_articles_have_no_proposals_page(client, reviewer):
    client.force_login(reviewer)
    catalogue_source = Source.objects.filter(format="").order_by("pk").first()
    assert client.get(proposals_url(catalogue_source)).status_code == 404
    seq = last_seq()
    form = {"action": "add_missed", "missed-remedy": Remedy.objects.get(name="magnesium").pk}
    form |= {"missed-kind": "treatment", "missed-start": 100, "missed-end": 200}
    assert client.post(proposals_url(catalogue_source), form).status_code == 404
    assert events_since(seq) == []


def test_a_remedy_chosen_and_a_new_one_named_is_refused_not_half_read(client, senior):
    # The new name had been dropped without a word: the claim was the chosen remedy's.
    source = store(senior)
    start, end, _ = sentence("Stretching the calf")
    client.force_login(senior)
    seq = last_seq()
    stretching = Remedy.objects.get(name="stretching")
    data = {"action": "add_missed", "missed-remedy": stretching.pk, "missed-kind": "relief"}
    data |= {"missed-new_remedy_name": "wall calf stretch", "missed-new_remedy_category": "maneuver"}
    data |= {"missed-risk_tier": "low", "missed-risk_reason": "A stretch.", "missed-start": start, "missed-end": end}
    response = client.post(proposals_url(source), data)
    assert response.status_code == 200 and events_since(seq) == []
    assert "Choose a remedy or name a new one, not both: “stretching” is chosen." in response.content.decode()
    assert not source.proposals.filter(origin="reviewer").exists()
    beetroot = proposal_of(source, "beetroot juice")
    url = reverse("admin:claims_source_proposal_accept", args=[source.pk, beetroot.pk])
    form = {"remedy": stretching.pk, "new_remedy_name": "beetroot juice", "new_remedy_category": "food_drink"}
    form |= {"kind": "prevention", "start": beetroot.start, "end": beetroot.end, "risk_tier": "low", "risk_reason": "-"}
    response = client.post(url, form)
    assert response.status_code == 200 and events_since(seq) == []
    assert "not both" in response.content.decode()
    del data["missed-new_remedy_name"]
    assert client.post(proposals_url(source), data).status_code == 302
    assert events_since(seq) == ["proposal.added", "proposal.accepted"]


def test_edit_then_accept(client, senior, reviewer):
    source = store(reviewer)
    beetroot = proposal_of(source, "beetroot juice")
    url = reverse("admin:claims_source_proposal_accept", args=[source.pk, beetroot.pk])
    client.force_login(senior)
    page = client.get(url)
    assert page.status_code == 200 and "".join(article_text_of(page).text) == TEXT
    form = {"new_remedy_name": "beetroot juice", "new_remedy_category": "food_drink", "kind": "prevention"}
    form |= {"population": "athletes", "start": beetroot.start, "end": beetroot.end, "dose": "a glass"}
    seq = last_seq()
    response = client.post(url, form)  # no risk tier: refused, the form kept
    assert response.status_code == 200 and events_since(seq) == []
    assert "the new remedy&#x27;s risk tier" in response.content.decode()
    response = client.post(url, form | {"risk_tier": "low", "risk_reason": "A food."})
    assert response.status_code == 302
    assert events_since(seq) == ["proposal.edited", "remedy.added", "claim.added", "proposal.accepted"]
    claim = Claim.objects.get(remedy__name="beetroot juice")
    assert (claim.population, claim.appearances.get().dose) == ("athletes", "a glass")
    said = f"Accepted proposal #{beetroot.pk} as edited: claim #{claim.pk}, “{claim.statement}”"
    assert said in messages_of(response) and ".)." not in said


def test_a_reviewer_is_not_asked_for_a_new_remedys_risk_only_a_senior_gives(client, senior, reviewer):
    """The edit page had offered a reviewer the new remedy's risk tier and reason, and refused
    them only once filled in and sent."""
    source = store(reviewer)
    beetroot = proposal_of(source, "beetroot juice")
    url = reverse("admin:claims_source_proposal_accept", args=[source.pk, beetroot.pk])
    for user, offered in ((reviewer, False), (senior, True)):
        client.force_login(user)
        for page in (client.get(url), client.get(proposals_url(source))):
            html = page.content.decode()
            assert ('name="risk_tier"' in html or 'name="missed-risk_tier"' in html) is offered
            assert ("Only a senior reviewer adds a new remedy, with its risk." in html) is not offered
    client.force_login(reviewer)
    form = {"new_remedy_name": "beetroot juice", "new_remedy_category": "food_drink", "kind": "prevention"}
    form |= {"start": beetroot.start, "end": beetroot.end, "risk_tier": "low", "risk_reason": "A food."}
    seq = last_seq()
    response = client.post(url, form)
    assert "only senior reviewers may add remedies" in response.content.decode()
    assert events_since(seq) == []


def test_adding_a_missed_claim_by_its_passage(client, reviewer):
    source = store(reviewer)
    start, end, quote = sentence("Stretching the calf")
    client.force_login(reviewer)
    seq = last_seq()
    stretching = Remedy.objects.get(name="stretching")
    data = {"action": "add_missed", "missed-remedy": stretching.pk, "missed-kind": "relief"}
    assert '<details class="module" id="add-missed">' in client.get(proposals_url(source)).content.decode()
    response = client.post(proposals_url(source), data | {"missed-start": end, "missed-end": start})
    assert response.status_code == 200 and events_since(seq) == []
    assert '<details class="module" id="add-missed" open>' in response.content.decode()  # its error in sight
    response = client.post(proposals_url(source), data | {"missed-start": start, "missed-end": end})
    assert response.status_code == 302
    assert events_since(seq) == ["proposal.added", "proposal.accepted"]
    added = source.proposals.get(origin="reviewer")
    assert (added.quote, added.claim.remedy) == (quote, stretching)


def test_an_auditor_reads_the_proposals_but_decides_nothing(client, reviewer, auditor):
    source = store(reviewer)
    client.force_login(auditor)
    page = client.get(proposals_url(source))
    assert page.status_code == 200
    assert b'name="action" value="accept:' not in page.content and b'id="add-missed"' not in page.content
    quinine = proposal_of(source, "quinine")
    seq = last_seq()
    response = client.post(proposals_url(source), {"action": f"accept:{quinine.pk}"})
    assert any("Only reviewers" in m for m in messages_of(response))
    assert events_since(seq) == []
    # nor is the edit page a form for them: it had offered "Accept as edited", refused once sent
    edit = reverse("admin:claims_source_proposal_accept", args=[source.pk, quinine.pk])
    page = client.get(edit).content.decode()
    assert 'id="accept-edited"' not in page and "Only reviewers confirm or reject proposals." in page


def test_a_decided_proposal_s_edit_page_offers_nothing_to_accept(client, reviewer):
    source = store(reviewer)
    client.force_login(reviewer)
    quinine = proposal_of(source, "quinine")
    client.post(proposals_url(source), {"action": f"accept:{quinine.pk}"})
    page = client.get(reverse("admin:claims_source_proposal_accept", args=[source.pk, quinine.pk])).content.decode()
    assert 'id="accept-edited"' not in page and "accepted already: there is nothing to accept" in page


def test_the_sources_list_and_a_source_page(client, reviewer):
    source = store(reviewer, title="What readers tried")
    client.force_login(reviewer)
    listing = client.get(reverse("admin:claims_source_changelist")).content.decode()
    assert f'href="{proposals_url(source)}">4 pending of 4</a>' in listing
    page = client.get(reverse("admin:claims_source_change", args=[source.pk]))
    assert page.status_code == 200 and b'id="proposals-link"' in page.content
    assert client.get(reverse("admin:claims_source_proposals", args=[10**9])).status_code == 404


def test_the_sources_list_counts_each_related_row_apart(client, reviewer):
    """An article's proposals, its pending ones and its appearances were counted in one join, row by
    row: 12,000 proposals with 300 of them accepted took the sources' list 24 s."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    source = store(reviewer, title="What readers tried")
    client.force_login(reviewer)
    accepted = [proposal_of(source, "quinine"), proposal_of(source, "magnesium")]
    client.post(proposals_url(source), {"action": "bulk_accept", "selected": [p.pk for p in accepted]})
    with CaptureQueriesContext(connection) as captured:
        listing = client.get(reverse("admin:claims_source_changelist"), {"q": "readers"}).content.decode()
    assert f'href="{proposals_url(source)}">2 pending of 4</a>' in listing
    row = listing.split(f'href="{proposals_url(source)}"')[0].rsplit("<tr", 1)[1]
    assert '<td class="field-appearance_count">2</td>' in row
    [counted] = [q["sql"] for q in captured.captured_queries if "appearance_count" in q["sql"]]
    joined = re.findall(r'JOIN "(\w+)"', counted)  # the sources' run and condition, each once; no counted rows
    assert sorted(joined) == ["claims_condition", "claims_proposerrun"], counted


def test_a_new_remedy_s_proposal_offers_no_plain_accept(client, senior):
    """Accepting it needs its risk tier, given on the Edit then accept page: the plain button would
    only ever be refused."""
    source = store(senior)
    client.force_login(senior)
    page = client.get(proposals_url(source)).content.decode()
    new = source.proposals.get(remedy__isnull=True)
    known = source.proposals.filter(remedy__isnull=False).first()
    assert f'value="accept:{new.pk}"' not in page and f'id="new-remedy-{new.pk}"' in page
    assert f'value="accept:{known.pk}"' in page


def test_a_proposal_whose_new_remedy_is_now_in_the_catalogue_offers_a_plain_accept(client, reviewer, senior):
    """Once a senior has added the remedy (by accepting another proposal of it, or under Remedies),
    the row says so and a reviewer accepts it as the services would: under that remedy."""
    starts = (("A glass of beetroot", "prevention"), ("Stretching the calf", "caution"))
    twice = [proposed(start, "beet kvass", "food_drink", "kvass", kind, is_new=True) for start, kind in starts]
    source = store(reviewer, proposals=twice)
    first, second = source.proposals.order_by("start")
    client.force_login(senior)
    url = reverse("admin:claims_source_proposal_accept", args=[source.pk, first.pk])
    form = {"new_remedy_name": "beet kvass", "new_remedy_category": "food_drink", "kind": "prevention"}
    form |= {"start": first.start, "end": first.end, "risk_tier": "low", "risk_reason": "A food."}
    assert client.post(url, form).status_code == 302
    client.force_login(reviewer)
    page = client.get(proposals_url(source)).content.decode()
    assert 'beet kvass <span class="new-remedy now-known">new when proposed, now in the catalogue</span>' in page
    assert f'value="accept:{second.pk}"' in page and f'id="new-remedy-{second.pk}"' not in page
    client.post(proposals_url(source), {"action": f"accept:{second.pk}"})
    second.refresh_from_db()
    assert second.status == "accepted" and second.claim.remedy.name == "beet kvass"


def test_a_long_article_s_proposals_come_a_page_at_a_time(client, reviewer, settings):
    """Thousands of proposals made one page of megabytes and one form with more fields than a
    request may carry: every Accept and Reject was refused with a 400 (TooManyFieldsSent)."""
    from claims.admin_proposals import PROPOSALS_PER_PAGE
    from claims.ingest.propose import Proposal as Proposed

    lines = [f"Reader {i}: magnesium every evening keeps cramps away." for i in range(PROPOSALS_PER_PAGE + 5)]
    text = "Our readers' remedies\n\n" + "\n".join(lines) + "\n"
    proposals = []
    for line in lines:
        start = text.index(line)
        proposals.append(
            Proposed(line, start, start + len(line), "magnesium", "supplement", "magnesium", "prevention",
                     None, "", "lexicon; test", 0.9, False, False)
        )  # fmt: skip
    source = store(reviewer, text, proposals)
    client.force_login(reviewer)
    url = proposals_url(source)
    first = client.get(url).content.decode()
    assert first.count('class="proposal-row') == PROPOSALS_PER_PAGE
    assert f"pending of {len(lines)} proposals" in first and '<a href="?page=2#proposals" rel="next">' in first
    form = first.split('id="proposals-form"')[1].split("</form>")[0]
    assert form.count("<input") < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS // 4  # what a request sends: far below
    # the text marks this page's quotes only
    assert len(article_text_of(client.get(url)).marked) == PROPOSALS_PER_PAGE
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count('class="proposal-row') == 5
    numbers = second.split('class="page-numbers">')[1].split("</span>\n")[0]
    assert numbers == '<a href="?page=1#proposals">1</a> <strong aria-current="page">2</strong> '
    last = source.proposals.order_by("start").last()
    response = client.post(f"{url}?page=2", {"action": f"accept:{last.pk}"})
    # back on the page the proposal is on, at its row
    assert response["Location"] == f"{url}?page=2#proposal-{last.pk}"
    last.refresh_from_db()
    assert last.status == "accepted"
    response = client.post(f"{url}?page=2", {"action": f"reject:{last.pk}", f"reason-{last.pk}": "again"})
    assert response["Location"] == f"{url}?page=2&refused={last.pk}#proposal-{last.pk}"

    # Edit then accept goes back to the page its proposal is on, at its row: it had gone to page 1
    second_page = source.proposals.order_by("start")[PROPOSALS_PER_PAGE + 1]
    edit = reverse("admin:claims_source_proposal_accept", args=[source.pk, second_page.pk])
    assert f'href="{url}?page=2#proposal-{second_page.pk}" class="closelink">Back' in client.get(edit).content.decode()
    form = {"remedy": second_page.remedy_id, "kind": "prevention", "start": second_page.start, "end": second_page.end}
    response = client.post(edit, form | {"dose": "every evening"})
    assert response["Location"] == f"{url}?page=2#proposal-{second_page.pk}"
    first_page = source.proposals.order_by("start").first()
    edit = reverse("admin:claims_source_proposal_accept", args=[source.pk, first_page.pk])
    assert f'href="{url}#proposal-{first_page.pk}" class="closelink">Back' in client.get(edit).content.decode()
    # ... and from the pending only, to the page of the pending it was on: it had gone to all of them
    pending_second = source.proposals.filter(status="pending").order_by("start")[PROPOSALS_PER_PAGE]
    listed = client.get(url, {"show": "pending", "page": 2}).content.decode()
    edit = reverse("admin:claims_source_proposal_accept", args=[source.pk, pending_second.pk])
    assert f'href="{edit}?show=pending" class="edit-accept"' in listed
    back = f"{url}?show=pending&amp;page=2#proposal-{pending_second.pk}"
    assert f'href="{back}" class="closelink">Back' in client.get(f"{edit}?show=pending").content.decode()
    form = {"remedy": pending_second.remedy_id, "kind": "prevention"}
    response = client.post(f"{edit}?show=pending", form | {"start": pending_second.start, "end": pending_second.end})
    assert response["Location"] == back.replace("&amp;", "&")
    # an edited span that moves the proposal to the first page: back there, not to the page it was on
    moved = source.proposals.filter(status="pending").order_by("start").last()
    edit = reverse("admin:claims_source_proposal_accept", args=[source.pk, moved.pk])
    assert f'href="{url}?page=2#proposal-{moved.pk}" class="closelink">Back' in client.get(edit).content.decode()
    title = {"start": 0, "end": len("Our readers' remedies")}
    response = client.post(edit, {"remedy": moved.remedy_id, "kind": "prevention"} | title)
    assert response["Location"] == f"{url}#proposal-{moved.pk}"

    # Only the pending ones: a page of them, the decided ones gone, and the pager keeps to them
    pending = client.get(url, {"show": "pending"}).content.decode()
    left = source.proposals.filter(status="pending").count()
    assert left == len(lines) - 4  # the four decided above
    assert f'<strong aria-current="true">the {left} pending</strong>' in pending
    assert pending.count('class="proposal-row status-pending') == PROPOSALS_PER_PAGE
    assert '<a href="?show=pending&amp;page=2#proposals" rel="next">' in pending
    rest = client.get(url, {"show": "pending", "page": 2}).content.decode()
    assert rest.count('class="proposal-row status-pending') == left - PROPOSALS_PER_PAGE
    assert rest.count('class="proposal-row') == left - PROPOSALS_PER_PAGE


def test_the_remedy_search_lists_the_name_as_typed_first(client, reviewer):
    """Typing "milk" listed "dairy products" (its alias "milk") above milk, and Enter took it: a
    reviewer accepted "Dairy products prevent insomnia" by accident."""
    client.force_login(reviewer)
    url = reverse("admin:autocomplete")
    query = {"app_label": "claims", "model_name": "proposal", "field_name": "remedy"}
    names = [row["text"] for row in client.get(url, query | {"term": "milk"}).json()["results"]]
    assert names[0] == "milk" and "dairy products" in names[1:], names
    # an alias as typed before a name that only starts with it: "water" had listed watercress first
    names = [row["text"] for row in client.get(url, query | {"term": "water"}).json()["results"]]
    assert names[0] == "fluid intake" and "watercress" in names[1:], names
    names = [row["text"] for row in client.get(url, query | {"term": "magn"}).json()["results"]]
    assert names and all(name.lower().startswith("magn") for name in names[:2]), names
    # a brand finds its ingredient (the brand table's, no alias): "Panadol" had found nothing
    names = [row["text"] for row in client.get(url, query | {"term": "panadol"}).json()["results"]]
    assert names == ["paracetamol"], names


def test_a_benefit_of_a_risky_remedy_shows_its_risk_before_it_is_accepted(client, reviewer):
    # "Give aspirin to children" had been one click from a claim, with nothing on the row to stop it.
    from claims.articles import ingest_article
    from claims.ingest.text import article_from_pasted

    text = (
        "Headaches in children\n\nGive aspirin to children under 16 if paracetamol does not work.\n"
        "Adults can take aspirin for a headache.\nQuinine eases the pain.\nAvoid quinine.\n"
    )
    source = ingest_article(article=article_from_pasted(text), actor=reviewer, condition="headache")
    client.force_login(reviewer)
    page = client.get(proposals_url(source)).content.decode().replace("&#x27;", "'")
    rows = {p.pk: p for p in source.proposals.select_related("remedy")}
    flagged = {rows[int(pk)] for pk in re.findall(r'id="proposal-(\d+)"(?:(?!</tr>).)*?class="risk-flag"', page, re.S)}
    said = {(p.remedy.name, p.kind, p.population) for p in flagged}
    # aspirin: its risk reason names children; quinine: rated high; never a caution, nor aspirin for adults
    assert ("acetylsalicylic acid", "treatment", "children") in said
    assert {name for name, _, _ in said} == {"acetylsalicylic acid", "quinine"}
    assert not {kind for _, kind, _ in said} & {"cause", "caution"}
    assert ("acetylsalicylic acid", "treatment", None) not in said
    assert "Moderate risk: OTC analgesic: gastrointestinal bleeding" in page and "High risk: FDA boxed warning" in page
    # and their boxes are ticked by hand only, after reading the risk: "select all" had ticked them,
    # and "Accept selected" made "Phenytoin treats back pain" among nineteen others
    for proposal in flagged:
        box = f'name="selected" value="{proposal.pk}" class="select-proposal by-hand risky" '
        assert box in page, proposal
    plain = [p for p in rows.values() if p not in flagged and p.status == "pending" and p.remedy_id]
    assert plain and all(f'value="{p.pk}" class="select-proposal" ' in page for p in plain)
