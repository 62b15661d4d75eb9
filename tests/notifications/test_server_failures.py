"""A mail server that fails, and accounts switched off: the transition stands, the request waits for
the server once per step (not once per recipient), and a deactivated account hears nothing more."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend

from notifications.models import Notification
from reviews import services
from tests.factories import ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db

ATTEMPTS = []


class TimingOut(BaseEmailBackend):
    """A server that takes the connection and times out, each time it is tried."""

    def send_messages(self, email_messages):
        ATTEMPTS.append(len(email_messages))
        raise TimeoutError("timed out")


def test_after_the_server_fails_once_the_step_s_other_emails_are_failed_untried(
    graded_review, reviewer, settings, django_capture_on_commit_callbacks
):
    for n in range(5):
        UserFactory(username=f"decider{n}", role="reviewer", email=f"decider{n}@example.org")
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.TimingOut"}}
    ATTEMPTS.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review = services.review_submit(review=graded_review, actor=reviewer)
    assert review.state == "in_review"
    notes = Notification.objects.filter(review=review, event_type="review.submitted").order_by("pk")
    assert len(ATTEMPTS) == 1 and notes.count() >= 5
    assert {n.status for n in notes} == {Notification.Status.FAILED}
    assert [n.detail.startswith("not tried: TimeoutError") for n in notes][1:] == [True] * (notes.count() - 1)


def test_a_deactivated_grader_gets_no_email_about_the_approval(
    standard_claim, reference, reviewer2, senior, mailoutbox, django_capture_on_commit_callbacks
):
    gone = UserFactory(username="gone1", role="reviewer", email="gone1@example.org")
    review = ReviewFactory(graded=True, claim=standard_claim, grader=gone, reference=reference)
    review = services.review_submit(review=review, actor=reviewer2)
    gone.is_active = False
    gone.save()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.review_approve(review=review, actor=senior)
    assert "gone1@example.org" not in {address for mail in mailoutbox for address in mail.to}
    assert not Notification.objects.filter(recipient=gone, event_type="review.approved").exists()
