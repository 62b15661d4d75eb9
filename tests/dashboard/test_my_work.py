"""My work on the admin index: the counts of reviews assigned to me, awaiting my decision, sent
back to me and my drafts, each the length of the review list it links to (?mine=…), each list the
reviews the workflow's own predicates put there; "awaiting my decision" agrees with
reviews.permissions review by review, person by person."""

import pytest

from claims.models import Claim
from core import roles
from reviews import permissions, workflow
from reviews.dashboard import mywork
from reviews.models import Review, ReviewState
from tests.factories import ReviewFactory

from .pages import INDEX, document

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/reviews/review/"
DECISIONS = [t for t in workflow.TRANSITIONS.values() if t.decision and ReviewState.IN_REVIEW in t.sources]
PEOPLE = ["reviewer", "reviewer2", "senior", "senior2"]


def may_decide(user, review) -> bool:
    """The workflow's answer: a decision of the table this user may take on this review."""
    return review.state == ReviewState.IN_REVIEW and any(t.allowed(user, review) for t in DECISIONS)


def expected(user) -> dict[str, set[int]]:
    """Each list, from the predicates and the review's own fields."""
    reviews = list(Review.objects.select_related("claim__remedy"))

    def mine(review):
        return review.assignee_id == user.pk or permissions.contributed(user, review)

    return {
        mywork.ASSIGNED: {r.pk for r in reviews if r.is_open and r.assignee_id == user.pk},
        mywork.AWAITING: {r.pk for r in reviews if may_decide(user, r)},
        mywork.ADJUDICATE: {
            r.pk
            for r in reviews
            if r.is_open
            and r.disagreements.filter(resolved_at__isnull=True).exists()
            and permissions.can_adjudicate(user, r)
        },
        mywork.SENT_BACK: {r.pk for r in reviews if r.state == ReviewState.CHANGES_REQUESTED and mine(r)},
        mywork.DRAFTS: {
            r.pk
            for r in reviews
            if r.state == ReviewState.DRAFT
            and (r.started_by_id == user.pk or mine(r) or permissions.is_grader(user, r))
        },
    }


@pytest.fixture
def submitted(demo):
    """Two more reviews awaiting a decision on top of the demo: a standard-risk one graded by
    `reviewer`, and a high-risk one graded by `reviewer` and `reviewer2`; and one assigned to senior2."""
    low = ReviewFactory(submitted=True, grader=demo["reviewer"])
    high_claim = Claim.objects.filter(remedy__risk_tier="high", reviews__isnull=True).order_by("pk").first()
    high = ReviewFactory(submitted=True, claim=high_claim, grader=demo["reviewer"], second_grader=demo["reviewer2"])
    draft = ReviewFactory(grader=demo["reviewer2"])
    Review.objects.filter(pk=draft.pk).update(assignee=demo["senior2"])
    return low, high, draft


def test_awaiting_my_decision_agrees_with_the_permissions(demo, submitted):
    in_review = list(Review.objects.filter(state=ReviewState.IN_REVIEW).select_related("claim__remedy"))
    assert len(in_review) >= 2
    for user in demo.values():
        listed = set(mywork.my_reviews(user, mywork.AWAITING).values_list("pk", flat=True))
        assert listed == {r.pk for r in in_review if may_decide(user, r)}, user.username


def test_who_awaits_which_decision(demo, submitted):
    low, high, _ = submitted
    awaiting = {name: set(mywork.my_reviews(demo[name], mywork.AWAITING).values_list("pk", flat=True)) for name in demo}
    assert low.pk not in awaiting["reviewer"] and high.pk not in awaiting["reviewer"]  # four-eyes
    assert low.pk in awaiting["senior"] and high.pk in awaiting["senior"]
    assert high.pk not in awaiting["reviewer2"]  # a grader, and high risk needs a senior
    assert awaiting["auditor"] == awaiting["admin"] == awaiting["content"] == set()


@pytest.mark.parametrize("name", PEOPLE)
def test_the_counts_link_to_lists_of_as_many(demo, submitted, login, name):
    user = demo[name]
    client = login(user)
    page = document(client.get(INDEX))
    want = expected(user)
    assert sum(map(len, want.values())) > 0 or name == "senior"
    for key, label in mywork.CHOICES:
        item = page.xpath(f'//li[@id="my-work-{key}"]')[0]
        assert item.xpath("string(.//span[@class='dash-count'])") == str(len(want[key])), (name, key)
        assert item.xpath(".//a/@href") == [f"{CHANGELIST}?mine={key}"]
        assert label.lower() in item.text_content()
        listed = client.get(CHANGELIST, {"mine": key})
        assert listed.status_code == 200
        assert {r.pk for r in listed.context["cl"].queryset} == want[key], (name, key)


def test_the_demo_lists(demo, submitted):
    low, high, draft = submitted
    sent_back = Review.objects.get(state=ReviewState.CHANGES_REQUESTED)
    assert mywork.my_counts(demo["senior2"])[mywork.ASSIGNED] == 1
    assert set(mywork.my_reviews(demo["senior2"], mywork.ASSIGNED)) == {draft}
    assert draft in mywork.my_reviews(demo["reviewer2"], mywork.DRAFTS)
    graders = [name for name in PEOPLE if permissions.contributed(demo[name], sent_back)]
    assert graders
    for name in graders:
        assert sent_back in mywork.my_reviews(demo[name], mywork.SENT_BACK)


def test_the_review_list_offers_the_filter_to_reviewers_only(demo, login):
    listed = login(demo["reviewer"]).get(CHANGELIST).content.decode()
    assert "By my work" in listed and "?mine=awaiting" in listed
    audited = login(demo["auditor"]).get(CHANGELIST)
    assert audited.status_code == 200 and "?mine=awaiting" not in audited.content.decode()
    assert roles.is_auditor(demo["auditor"])


def test_the_my_work_counts_take_one_query(demo, django_assert_num_queries):
    user = demo["senior"]
    with django_assert_num_queries(2):  # the user's groups, then the four counts
        counts = mywork.my_counts(user)
    with django_assert_num_queries(1):
        assert mywork.my_counts(user, {roles.SENIOR_REVIEWER}) == counts


def test_the_demo_s_open_disagreements_wait_for_a_third_reviewer(demo):
    """Needle pricking, dual-graded by reviewer and reviewer2, has disagreements still open: a
    senior may settle them, neither grader may."""
    open_disagreements = {
        r.pk for r in Review.objects.all() if r.is_open and r.disagreements.filter(resolved_at__isnull=True).exists()
    }
    assert open_disagreements
    assert set(mywork.my_reviews(demo["senior"], mywork.ADJUDICATE).values_list("pk", flat=True)) >= open_disagreements
    for grader in ("reviewer", "reviewer2"):
        assert not set(mywork.my_reviews(demo[grader], mywork.ADJUDICATE)) & open_disagreements
