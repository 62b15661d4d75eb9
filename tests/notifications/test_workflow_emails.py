"""Who gets which email for each step of the workflow (Django's in-memory email backend)."""

import pytest

from core import roles
from notifications.models import Notification
from reviews import services
from reviews.publishing import services as publishing
from tests.factories import ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

PREFIX = "[Remedy claims] "


def sent(mailoutbox) -> dict[str, str]:
    """Each recipient's one email: address -> subject."""
    assert all(len(mail.to) == 1 for mail in mailoutbox)
    by_address = {mail.to[0]: mail.subject for mail in mailoutbox}
    assert len(by_address) == len(mailoutbox), "one email per recipient"
    return by_address


def addresses(*users) -> set[str]:
    return {user.email for user in users}


@pytest.fixture
def submitted_by_another(graded_review, reviewer2, django_capture_on_commit_callbacks):
    """Graded by `reviewer`, submitted by `reviewer2`: a grader and a submitter who is not one."""
    with django_capture_on_commit_callbacks(execute=True):
        return services.review_submit(review=graded_review, actor=reviewer2)


def test_submission_mails_everyone_who_may_decide(
    graded_review, reviewer, reviewer2, senior, senior2, staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        review = services.review_submit(review=graded_review, actor=reviewer, note="Ready.")
    # The grader who submitted is a contributor (four-eyes); auditor, content reader, a superuser
    # without a role and an inactive account may not decide.
    assert set(sent(mailoutbox)) == addresses(reviewer2, senior, senior2)
    subject = f"{PREFIX}Review #{review.pk} awaits a decision: stretching — "
    assert all(s.startswith(subject) for s in sent(mailoutbox).values())
    body = mailoutbox[0].body
    assert f"/admin/reviews/review/{review.pk}/change/" in body and "Reason: Ready." in body
    assert "you may decide on it" in body
    rows = Notification.objects.filter(review=review)
    assert {(n.recipient.username, n.status) for n in rows} == {
        ("rev2", "sent"),
        ("sen1", "sent"),
        ("sen2", "sent"),
    }
    assert {n.event_type for n in rows} == {"review.submitted"}
    assert {n.actor for n in rows} == {reviewer}


def test_high_risk_submission_mails_senior_reviewers_only(
    high_claim, reviewer, reviewer2, senior, senior2, staff, mailoutbox, django_capture_on_commit_callbacks
):
    # Dual-graded: reviewer and reviewer2 grade it independently; only seniors may decide.
    review = ReviewFactory(graded=True, claim=high_claim, grader=reviewer, second_grader=reviewer2)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(review=review, actor=reviewer)
    assert set(sent(mailoutbox)) == addresses(senior, senior2)


def test_a_senior_who_graded_is_not_asked_to_decide(
    standard_claim, reviewer2, senior, senior2, mailoutbox, django_capture_on_commit_callbacks
):
    review = ReviewFactory(graded=True, claim=standard_claim, grader=senior)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(review=review, actor=senior)
    assert set(sent(mailoutbox)) == addresses(reviewer2, senior2)


def test_sending_back_mails_the_graders_only(
    submitted_by_another, reviewer, senior, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review = services.review_request_changes(review=submitted_by_another, actor=senior, reason="Add imprecision.")
    assert sent(mailoutbox) == {
        reviewer.email: f"{PREFIX}Review #{review.pk} was sent back: stretching — {review.claim}"
    }
    assert "Reason: Add imprecision." in mailoutbox[0].body
    assert "sen1" in mailoutbox[0].body and "Changes requested" in mailoutbox[0].body


def test_approval_mails_the_graders_and_the_submitter(
    submitted_by_another, reviewer, reviewer2, senior, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review = services.review_approve(review=submitted_by_another, actor=senior)
    subject = f"{PREFIX}Review #{review.pk} was approved: stretching — {review.claim}"
    assert sent(mailoutbox) == {reviewer.email: subject, reviewer2.email: subject}


def test_publication_and_withdrawal_mail_the_graders_and_the_submitter(
    submitted_by_another, reviewer, reviewer2, senior, senior2, mailoutbox, django_capture_on_commit_callbacks
):
    review = services.review_approve(review=submitted_by_another, actor=senior)  # no callbacks run: no mail
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        publishing.review_publish(review=review, actor=senior2)
    published = f"{PREFIX}Review #{review.pk} was published: stretching — {review.claim}"
    assert sent(mailoutbox) == {reviewer.email: published, reviewer2.email: published}
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.review_withdraw(review=review, actor=senior2, reason="New safety signal.")
    withdrawn = f"{PREFIX}Review #{review.pk} was withdrawn from the API: stretching — {review.claim}"
    assert sent(mailoutbox) == {reviewer.email: withdrawn, reviewer2.email: withdrawn}
    assert "Reason: New safety signal." in mailoutbox[0].body


def test_the_one_who_takes_the_step_is_not_mailed_about_it(
    standard_claim, senior, senior2, reviewer2, mailoutbox, django_capture_on_commit_callbacks
):
    # A senior who graded and submitted it withdraws it: the only grader and submitter is the actor.
    review = ReviewFactory(
        published=True, claim=standard_claim, grader=senior, second_reviewer=reviewer2, senior=senior2
    )
    with django_capture_on_commit_callbacks(execute=True):
        publishing.review_withdraw(review=review, actor=senior, reason="Superseded.")
    assert mailoutbox == []
    assert not Notification.objects.filter(event_type="review.withdrawn").exists()


def test_rejection_sends_nothing(submitted_by_another, senior, mailoutbox, django_capture_on_commit_callbacks):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_reject(review=submitted_by_another, actor=senior, reason="Out of scope.")
    assert mailoutbox == []


def test_a_user_without_an_address_is_recorded_as_skipped(
    graded_review, reviewer, senior, mailoutbox, django_capture_on_commit_callbacks
):
    silent = UserFactory(username="noaddr", role=roles.REVIEWER, email="")
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(review=graded_review, actor=reviewer)
    assert silent.email not in sent(mailoutbox) and senior.email in sent(mailoutbox)
    row = Notification.objects.get(recipient=silent)
    assert (row.status, row.detail, row.email, row.sent_at) == ("skipped", "no email address on the account", "", None)


def test_an_email_tells_the_state_its_step_led_to(
    submitted_by_another, reviewer, senior, senior2, mailoutbox, django_capture_on_commit_callbacks
):
    # The approval's email leaves only after the review has moved on (published in the meantime).
    mailoutbox.clear()
    with django_capture_on_commit_callbacks() as approval:
        review = services.review_approve(review=submitted_by_another, actor=senior)
    publishing.review_publish(review=review, actor=senior2)
    approval[0]()
    assert {mail.subject.split(":")[0] for mail in mailoutbox} == {f"{PREFIX}Review #{review.pk} was approved"}
    assert all("The review is now: Approved." in mail.body for mail in mailoutbox)


def test_sending_back_a_dual_graded_review_mails_both_graders(
    high_claim, reviewer, reviewer2, senior, senior2, mailoutbox, django_capture_on_commit_callbacks
):
    review = ReviewFactory(submitted=True, claim=high_claim, grader=reviewer, second_grader=reviewer2)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_request_changes(review=review, actor=senior, reason="Reconsider the harms.")
    assert set(sent(mailoutbox)) == addresses(reviewer, reviewer2)
