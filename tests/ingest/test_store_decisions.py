"""Confirming an article's proposals: accept (a new claim, or one more appearance of the claim of
the same remedy, kind and population), edit then accept, reject with a reason, bulk accept, add a
missed claim; each with its exact ordered audit events, and nothing written when refused."""

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from claims.decisions import proposal_accept, proposal_add, proposal_reject, proposals_accept, proposals_reject
from claims.models import Appearance, Claim, Remedy, Source
from claims.proposals import Proposal
from core.errors import Conflict, NotAllowed, NotReady, ReasonRequired
from reviews.models import Review
from reviews.services import review_start
from tests.ingest.store_helpers import TEXT, events_since, last_seq, sentence, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(reviewer):
    return store(reviewer, title="What readers tried")


def proposal(source, remedy_name) -> Proposal:
    return next(p for p in source.proposals.order_by("start") if p.remedy_name == remedy_name)


def snapshot():
    return (
        Claim.objects.count(),
        Appearance.objects.count(),
        Remedy.objects.count(),
        list(Proposal.objects.values_list("status", flat=True).order_by("pk")),
    )


def test_accepting_makes_a_new_claim_and_its_appearance(source, reviewer):
    quinine = proposal(source, "quinine")
    seq = last_seq()
    accepted = proposal_accept(proposal=quinine, actor=reviewer)
    assert events_since(seq) == ["claim.added", "proposal.accepted"]
    claim = accepted.claim
    assert (claim.remedy.name, claim.kind, claim.population) == ("quinine", "relief", None)
    assert claim.statement == "Quinine brings relief during an episode of night leg cramps."
    [appearance] = claim.appearances.all()
    assert (appearance.source, appearance.quote) == (source, TEXT[appearance.start : appearance.end])
    assert (accepted.status, accepted.decided_by, accepted.appearance) == ("accepted", reviewer, appearance)


def test_accepting_what_the_catalogue_claims_already_adds_an_appearance_to_that_claim(source, reviewer):
    claim = Claim.objects.get(remedy__name="magnesium", kind="prevention", population=None)
    appearances = claim.appearances.count()
    claims = Claim.objects.count()
    seq = last_seq()
    accepted = proposal_accept(proposal=proposal(source, "magnesium"), actor=reviewer)
    assert events_since(seq) == ["proposal.accepted"]
    assert accepted.claim == claim and Claim.objects.count() == claims
    assert claim.appearances.count() == appearances + 1
    assert accepted.appearance.dose == "every evening"


def test_a_merge_affects_the_open_review_of_that_claim(source, reviewer, reviewer2):
    claim = Claim.objects.get(remedy__name="magnesium", kind="prevention", population=None)
    review = review_start(claim=claim, actor=reviewer2)
    proposal_accept(proposal=proposal(source, "magnesium"), actor=reviewer)
    # The accepting reviewer changed what the review reads: a contributor, so not its approver.
    assert review.contributions.filter(user=reviewer).exists()


def test_edit_then_accept(source, reviewer):
    quinine = proposal(source, "quinine")
    start, end, _ = sentence("Quinine eases")
    seq = last_seq()
    accepted = proposal_accept(
        proposal=quinine,
        actor=reviewer,
        changes={"kind": "treatment", "population": "elderly", "start": start, "end": start + 21},
        statement="Quinine treats cramps in older people.",
    )
    assert events_since(seq) == ["proposal.edited", "claim.added", "proposal.accepted"]
    assert (accepted.kind, accepted.population, accepted.quote) == ("treatment", "elderly", "Quinine eases a cramp")
    assert accepted.claim.statement == "Quinine treats cramps in older people."
    assert accepted.appearance.quote == "Quinine eases a cramp"


def test_a_claim_about_another_condition_than_the_article_s(source, reviewer):
    quinine = proposal(source, "quinine")
    seq = last_seq()
    accepted = proposal_accept(proposal=quinine, actor=reviewer, changes={"condition": "Insomnias"})
    assert events_since(seq) == ["proposal.edited", "claim.added", "proposal.accepted"]
    edited = AuditEvent.objects.get(seq=seq + 1)
    assert (edited.before["condition"], edited.after["condition"]) == (None, "Insomnias")
    assert accepted.claim.condition.name == "Insomnias" and accepted.condition == accepted.claim.condition
    assert accepted.claim.statement == "Quinine brings relief during an episode of Insomnias."
    # Said again in other words, the same condition: one more quote of that claim, not another.
    start, end, _ = sentence("Stretching the calf")
    added = proposal_add(source=source, actor=reviewer, start=start, end=end, remedy=accepted.remedy,
                         kind="relief", condition="insomnia")  # fmt: skip
    assert added.claim == accepted.claim


def test_the_article_s_own_condition_is_no_other(source, reviewer):
    accepted = proposal_accept(
        proposal=proposal(source, "quinine"), actor=reviewer, changes={"condition": "Night leg-cramps"}
    )
    assert accepted.condition is None and accepted.claim.condition == source.condition


def test_a_condition_that_is_no_name_writes_nothing(source, reviewer):
    before, seq = snapshot(), last_seq()
    with pytest.raises(ValidationError, match="A condition's name is words"):
        proposal_accept(proposal=proposal(source, "quinine"), actor=reviewer, changes={"condition": "<b>"})
    assert (snapshot(), events_since(seq)) == (before, [])


def test_an_edit_with_a_bad_span_writes_nothing(source, reviewer):
    before, seq = snapshot(), last_seq()
    with pytest.raises(ValidationError, match="not within the text"):
        proposal_accept(proposal=proposal(source, "quinine"), actor=reviewer, changes={"start": 5, "end": 10**6})
    assert (snapshot(), events_since(seq)) == (before, [])


def test_a_new_remedy_needs_a_senior_who_gives_its_risk(source, reviewer, senior):
    beetroot = proposal(source, "beetroot juice")
    before, seq = snapshot(), last_seq()
    with pytest.raises(NotAllowed, match="new remedy, “beetroot juice”: only senior reviewers"):
        proposal_accept(proposal=beetroot, actor=reviewer)
    with pytest.raises(NotReady, match="the new remedy's risk tier; its risk reason"):
        proposal_accept(proposal=beetroot, actor=senior)
    assert (snapshot(), events_since(seq)) == (before, [])
    accepted = proposal_accept(proposal=beetroot, actor=senior, risk_tier="low", risk_reason="A food; nitrates.")
    assert events_since(seq) == ["remedy.added", "claim.added", "proposal.accepted"]
    remedy = Remedy.objects.get(name="beetroot juice")
    assert (remedy.category, remedy.risk_tier, accepted.remedy, accepted.new_remedy_name) == (
        "food_drink",
        "low",
        remedy,
        "beetroot juice",
    )


def test_a_reviewer_may_choose_an_existing_remedy_instead(source, reviewer):
    seq = last_seq()
    cherry = Remedy.objects.get(name="cherry")
    accepted = proposal_accept(proposal=proposal(source, "beetroot juice"), actor=reviewer, changes={"remedy": cherry})
    assert events_since(seq)[0] == "proposal.edited" and events_since(seq)[-1] == "proposal.accepted"
    assert accepted.claim.remedy.name == "cherry" and accepted.new_remedy_name == ""


def test_rejecting_needs_a_reason(source, reviewer):
    quinine = proposal(source, "quinine")
    seq = last_seq()
    for nothing in ("  ", "\u200b", " \u200b\u2060 ", "--"):  # a zero-width space had been a reason
        with pytest.raises(ReasonRequired):
            proposal_reject(proposal=quinine, actor=reviewer, reason=nothing)
    assert events_since(seq) == []
    rejected = proposal_reject(proposal=quinine, actor=reviewer, reason="Reported hearsay, not advice.")
    assert events_since(seq) == ["proposal.rejected"]
    assert (rejected.status, rejected.reason, rejected.claim) == ("rejected", "Reported hearsay, not advice.", None)
    with pytest.raises(Conflict, match="already rejected"):
        proposal_accept(proposal=quinine, actor=reviewer)
    with pytest.raises(Conflict, match="already rejected"):
        proposal_reject(proposal=quinine, actor=reviewer, reason="Twice.")
    assert events_since(seq) == ["proposal.rejected"]


def test_bulk_accept_in_text_order(source, reviewer):
    selected = [proposal(source, "quinine"), proposal(source, "magnesium")]
    seq = last_seq()
    accepted = proposals_accept(proposals=selected, actor=reviewer)
    assert [p.remedy.name for p in accepted] == ["magnesium", "quinine"]
    assert events_since(seq) == ["proposal.accepted", "claim.added", "proposal.accepted"]


def test_bulk_accept_is_all_or_nothing(source, reviewer):
    selected = list(source.proposals.all())  # beetroot juice is a new remedy: a senior's
    before, seq = snapshot(), last_seq()
    with pytest.raises(NotAllowed, match="beetroot juice") as refused:
        proposals_accept(proposals=selected, actor=reviewer)
    assert (snapshot(), events_since(seq)) == (before, [])
    beetroot = source.proposals.get(new_remedy_name="beetroot juice")
    assert refused.value.__notes__ == [
        f"That is proposal #{beetroot.pk}, of the {len(selected)} selected: none was accepted."
    ]


def test_bulk_reject_for_one_reason_in_text_order(source, reviewer):
    selected = [proposal(source, "quinine"), proposal(source, "magnesium")]
    seq = last_seq()
    rejected = proposals_reject(proposals=selected, actor=reviewer, reason="Not a claim about heartburn.")
    assert [p.remedy.name for p in rejected] == ["magnesium", "quinine"]
    assert events_since(seq) == ["proposal.rejected", "proposal.rejected"]
    reasons = [e.reason for e in AuditEvent.objects.filter(seq__gt=seq).order_by("seq")]
    assert reasons == ["Not a claim about heartburn."] * 2
    assert {p.status for p in Proposal.objects.filter(pk__in=[p.pk for p in selected])} == {"rejected"}
    assert Claim.objects.filter(appearances__source=source).count() == 0


def test_bulk_reject_is_all_or_nothing(source, reviewer):
    magnesium, quinine = proposal(source, "magnesium"), proposal(source, "quinine")
    proposal_accept(proposal=quinine, actor=reviewer)  # decided in another tab meanwhile
    before, seq = snapshot(), last_seq()
    with pytest.raises(Conflict, match="already accepted") as refused:
        proposals_reject(proposals=[magnesium, quinine], actor=reviewer, reason="Hearsay.")
    assert (snapshot(), events_since(seq)) == (before, [])
    assert refused.value.__notes__ == [f"That is proposal #{quinine.pk}, of the 2 selected: none was rejected."]
    with pytest.raises(ReasonRequired):
        proposals_reject(proposals=[magnesium], actor=reviewer, reason=" ")
    with pytest.raises(ValidationError, match="Select at least one"):
        proposals_reject(proposals=[], actor=reviewer, reason="Hearsay.")
    assert (snapshot(), events_since(seq)) == (before, [])


def test_a_reason_is_at_most_two_thousand_characters(source, reviewer, auditor):
    """One request's reason of megabytes for a thousand selected had been written a thousand times
    into the audit chain; and who may not decide is told so first, of none of the selected."""
    selected = [proposal(source, "quinine"), proposal(source, "magnesium")]
    before, seq = snapshot(), last_seq()
    with pytest.raises(ValidationError, match="A reason is at most 2,000 characters; this one has 2,001."):
        proposals_reject(proposals=selected, actor=reviewer, reason="x" * 2001)
    with pytest.raises(ValidationError, match="at most 2,000 characters"):
        proposal_reject(proposal=selected[0], actor=reviewer, reason="x" * 2001)
    with pytest.raises(NotAllowed) as refused:
        proposals_reject(proposals=selected, actor=auditor, reason="")
    assert not getattr(refused.value, "__notes__", None)  # of none of them in particular
    assert (snapshot(), events_since(seq)) == (before, [])
    proposals_reject(proposals=selected, actor=reviewer, reason="x" * 2000)
    assert events_since(seq) == ["proposal.rejected", "proposal.rejected"]


def test_adding_a_claim_the_proposer_missed(source, reviewer):
    start, end, quote = sentence("Stretching the calf")
    seq = last_seq()
    added = proposal_add(
        source=source,
        actor=reviewer,
        start=start - 1,  # the selection took the line break before it: trimmed
        end=end,
        remedy=Remedy.objects.get(name="stretching"),
        kind="relief",
    )
    assert events_since(seq) == ["proposal.added", "proposal.accepted"]  # stretching relieves: the catalogue's claim
    assert (added.origin, added.status, added.quote, added.start, added.surface) == (
        "reviewer",
        "accepted",
        quote,
        start,
        "Stretching",
    )
    assert added.claim == Claim.objects.get(remedy__name="stretching", kind="relief", population=None)


def test_a_missed_claim_with_a_new_claim(source, reviewer):
    start, end, _ = sentence("Stretching the calf")
    seq = last_seq()
    proposal_add(source=source, actor=reviewer, start=start, end=end, remedy=Remedy.objects.get(name="stretching"),
                 kind="relief", population="athletes")  # fmt: skip
    assert events_since(seq) == ["proposal.added", "claim.added", "proposal.accepted"]


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(10, 5, "not within the text"), (-1, 4, "not within the text"), (0, 10**6, "not within the text"),
     (TEXT.index("\n\n"), TEXT.index("\n\n") + 2, "only white space"), ("x", 3, "whole numbers"),
     # one full stop had been a claim's quote
     (TEXT.index("cramps for many readers.") + 23, TEXT.index("cramps for many readers.") + 24, "has no words"),
     (TEXT.index("Stretching") + 1, TEXT.index(" the calf"), "starts inside the word “Stretching”"),
     (TEXT.index("Stretching"), TEXT.index("Stretching") + 7, "ends inside the word “Stretching”")],
)  # fmt: skip
def test_a_missed_claim_outside_the_text_writes_nothing(source, reviewer, start, end, message):
    before, seq = snapshot(), last_seq()
    with pytest.raises(ValidationError, match=message):
        proposal_add(source=source, actor=reviewer, start=start, end=end, remedy=Remedy.objects.first(), kind="relief")
    assert (snapshot(), events_since(seq), Proposal.objects.count()) == (before, [], len(before[3]))


def test_a_missed_claim_naming_a_new_remedy_is_refused_to_a_reviewer_by_no_number(source, reviewer):
    start, end, _ = sentence("A glass of beetroot")
    before, seq = snapshot(), last_seq()
    with pytest.raises(NotAllowed, match="^The claim names a new remedy, “beet kvass”: only senior reviewers"):
        proposal_add(source=source, actor=reviewer, start=start, end=end, new_remedy_name="beet kvass",
                     new_remedy_category="food_drink", kind="prevention")  # fmt: skip
    assert (snapshot(), events_since(seq)) == (before, [])


def test_a_passage_of_a_script_without_spaces_may_start_and_end_anywhere(reviewer):
    text = "夜间腿抽筋\n\n夜间腿抽筋时可以服用镁补充剂来缓解症状。\n"
    source = store(reviewer, text=text, proposals=[])
    start = text.index("服用")
    added = proposal_add(source=source, actor=reviewer, start=start, end=text.index("。"),
                         remedy=Remedy.objects.get(name="magnesium"), kind="relief")  # fmt: skip
    assert added.quote == "服用镁补充剂来缓解症状"


def test_a_second_quote_of_the_same_passage_is_refused(source, reviewer):
    accepted = proposal_accept(proposal=proposal(source, "quinine"), actor=reviewer)
    before, seq = snapshot(), last_seq()
    start, end, _ = sentence("Quinine eases")
    # added by a reviewer: no proposal to reject, nothing to add
    said = f"already quotes a passage of the article overlapping this one \\({start}:{end}\\): .*; nothing to add\\.$"
    with pytest.raises(Conflict, match=said):
        proposal_add(source=source, actor=reviewer, start=start + len("Quinine "), end=end,
                     remedy=accepted.remedy, kind="relief")  # fmt: skip
    assert (snapshot(), events_since(seq)) == (before, [])


def test_the_catalogue_articles_take_no_added_claims(reviewer):
    catalogue_source = Source.objects.filter(format="").order_by("pk").first()
    before, seq = snapshot(), last_seq()
    with pytest.raises(NotAllowed, match="one of the catalogue's articles"):
        proposal_add(source=catalogue_source, actor=reviewer, start=0, end=20,
                     remedy=Remedy.objects.get(name="magnesium"), kind="treatment")  # fmt: skip
    assert (snapshot(), events_since(seq)) == (before, [])


def test_only_reviewers_decide(source, content_reader, auditor):
    before, seq = snapshot(), last_seq()
    for actor in (content_reader, auditor):
        with pytest.raises(NotAllowed):
            proposal_accept(proposal=proposal(source, "quinine"), actor=actor)
        with pytest.raises(NotAllowed):
            proposal_reject(proposal=proposal(source, "quinine"), actor=actor, reason="No.")
        with pytest.raises(NotAllowed):
            proposal_add(source=source, actor=actor, start=0, end=5, remedy=Remedy.objects.first(), kind="relief")
    assert (snapshot(), events_since(seq)) == (before, [])


def test_a_claim_made_by_acceptance_is_reviewable_like_any_other(source, reviewer, reviewer2):
    claim = proposal_accept(proposal=proposal(source, "quinine"), actor=reviewer).claim
    review = review_start(claim=claim, actor=reviewer2)
    assert review.state == Review.State.DRAFT and review.claim == claim


def test_a_new_remedy_found_as_a_brand_keeps_the_brand_as_its_alias(senior):
    from claims.ingest.propose import Proposal as Proposed

    text = "Heartburn notes\n\nTwo Tumz tablets settle heartburn after a heavy meal.\n"
    start, end = text.index("Two"), text.index("meal.") + len("meal.")
    brand = Proposed(
        quote=text[start:end],
        start=start,
        end=end,
        remedy="calcium carbonate test",
        category="drug",
        surface="Tumz",
        kind="relief",
        population=None,
        dose="two tablets",
        rule="brand; context: settle",
        confidence=0.9,
        fuzzy=False,
        is_new=True,
    )
    source = store(senior, text=text, proposals=[brand], condition="heartburn")
    seq = last_seq()
    accepted = proposal_accept(
        proposal=source.proposals.get(), actor=senior, risk_tier="moderate", risk_reason="An antacid."
    )
    assert events_since(seq) == ["remedy.added", "claim.added", "proposal.accepted"]
    assert list(accepted.remedy.aliases.values_list("alias", flat=True)) == ["Tumz"]
    added = AuditEvent.objects.filter(event_type="remedy.added").latest("seq")
    assert added.after["aliases"] == ["Tumz"]
