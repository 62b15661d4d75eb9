"""Sent after the commit or not at all, and never failing the transition: a rollback, a user who
turned emails off, an email server that is down, a bug in working out the recipients."""

import logging

import pytest
from django.db import transaction

from notifications import dispatch
from notifications.models import Notification
from notifications.selectors import email_enabled
from notifications.services import email_setting_save
from reviews import services
from reviews.models import Review

pytestmark = pytest.mark.django_db


def test_nothing_is_sent_before_the_commit(
    graded_review, reviewer, senior, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        services.review_submit(review=graded_review, actor=reviewer)
        assert mailoutbox == [] and not Notification.objects.exists()
    assert len(callbacks) == 1  # the submission's, waiting for the commit
    callbacks[0]()
    assert [mail.to for mail in mailoutbox] == [[senior.email]]
    assert Notification.objects.get().status == "sent"


def test_a_rolled_back_transition_sends_nothing(
    graded_review, reviewer, senior, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.review_submit(review=graded_review, actor=reviewer)
            raise RuntimeError("the caller's transaction fails after the submission")
    assert callbacks == []
    assert mailoutbox == [] and not Notification.objects.exists()
    assert Review.objects.get(pk=graded_review.pk).state == Review.State.DRAFT


def test_a_refused_transition_sends_nothing(submitted_review, reviewer, mailoutbox, django_capture_on_commit_callbacks):
    from core.errors import NotAllowed

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(NotAllowed):
        services.review_approve(review=submitted_review, actor=reviewer)  # four-eyes
    assert callbacks == [] and mailoutbox == []


def test_a_user_who_turned_emails_off_gets_none(
    graded_review, reviewer, reviewer2, senior, senior2, mailoutbox, django_capture_on_commit_callbacks
):
    email_setting_save(user=senior, email_enabled=False)
    assert not email_enabled(senior) and email_enabled(senior2)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(review=graded_review, actor=reviewer)
    assert {mail.to[0] for mail in mailoutbox} == {reviewer2.email, senior2.email}
    row = Notification.objects.get(recipient=senior)
    assert (row.status, row.detail) == ("skipped", "the recipient turned email notifications off")
    email_setting_save(user=senior, email_enabled=True)
    assert email_enabled(senior)


def test_a_failing_email_server_does_not_fail_the_transition(
    graded_review, reviewer, reviewer2, senior, senior2, settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.notifications.failing_backend.EmailBackend"}}
    with caplog.at_level(logging.WARNING, logger="notifications"):
        with django_capture_on_commit_callbacks(execute=True):
            review = services.review_submit(review=graded_review, actor=reviewer)
    assert Review.objects.get(pk=review.pk).state == Review.State.IN_REVIEW
    rows = Notification.objects.filter(review=review)
    assert {(n.recipient.username, n.status) for n in rows} == {
        ("rev2", "failed"),
        ("sen1", "failed"),
        ("sen2", "failed"),
    }
    # The first is tried; the server having failed, the others are recorded failed untried.
    details = [n.detail for n in rows.order_by("pk")]
    assert details[0].startswith("SMTPConnectError: (421")
    assert all(d.startswith("not tried: SMTPConnectError: (421") for d in details[1:])
    assert all(n.sent_at is None for n in rows)
    assert "email to rev2@example.org for review" in caplog.text


def test_a_bug_in_the_notifications_is_logged_not_raised(
    graded_review, reviewer, monkeypatch, caplog, mailoutbox, django_capture_on_commit_callbacks
):
    def broken(review):
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(dispatch.RULES, "review.submitted", dispatch.Rule(broken, "awaits a decision", "-"))
    with caplog.at_level(logging.ERROR, logger="notifications"):
        with django_capture_on_commit_callbacks(execute=True):
            review = services.review_submit(review=graded_review, actor=reviewer)
    assert Review.objects.get(pk=review.pk).state == Review.State.IN_REVIEW
    assert mailoutbox == [] and "notifications for review.submitted" in caplog.text
