"""Email after a transition commits: never inside its transaction, never failing it.

The hook is the audit event every transition records (post_save of audit.AuditEvent, connected in
apps.py). For the steps of recipients.RULES it registers a callback with transaction.on_commit:
a transition that rolls back registers nothing that runs, so no row is written and nothing is
sent. After the commit each recipient gets a Notification row, then the email: sent, failed
(the backend's error on the row, logged) or skipped (no address, or emails turned off). Nothing
raised here reaches the transition's caller.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification, NotificationSetting
from notifications.recipients import RULES, Rule
from reviews import workflow
from reviews.models import Review

log = logging.getLogger(__name__)
Status = Notification.Status

SUBJECT_PREFIX = "[Remedy claims] "
SUBJECT_LENGTH = 200
NO_ADDRESS = "no email address on the account"
TURNED_OFF = "the recipient turned email notifications off"


@dataclass(frozen=True)
class Step:
    """What the audit event says of the step, kept for after the commit."""

    event_type: str
    review_id: int
    actor_id: int | None
    actor_name: str
    reason: str
    occurred_at: datetime


def on_audit_event(sender, instance, created=False, raw=False, **kwargs):
    """post_save of an audit event: a step that notifies is queued for after the commit."""
    if raw or not created or instance.event_type not in RULES or instance.review_id is None:
        return
    step = Step(
        event_type=instance.event_type,
        review_id=instance.review_id,
        actor_id=instance.actor_id,
        actor_name=instance.actor_username,
        reason=instance.reason,
        occurred_at=instance.occurred_at,
    )
    transaction.on_commit(partial(deliver_safely, step), robust=True)


def deliver_safely(step: Step) -> None:
    try:
        deliver(step)
    except Exception:  # the transition has committed: a notification problem is logged, never raised
        log.exception("notifications for %s on review #%s failed", step.event_type, step.review_id)


def deliver(step: Step) -> list[Notification]:
    review = Review.objects.select_related("claim__remedy").get(pk=step.review_id)
    rule = RULES[step.event_type]
    ids = rule.audience(review) - {step.actor_id}
    # A deactivated account hears nothing more.
    users = get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk")
    turned_off = set(
        NotificationSetting.objects.filter(user__in=ids, email_enabled=False).values_list("user_id", flat=True)
    )
    subject = compose_subject(review, rule)
    notes, server_failure = [], ""
    for user in users:
        try:
            note = notify(
                step, review, rule, user, subject, enabled=user.pk not in turned_off, server_failure=server_failure
            )
        except Exception:  # one recipient's failure does not stop the others
            log.exception("notifying %s of %s on review #%s failed", user, step.event_type, review.pk)
            continue
        notes.append(note)
        if note.status == Status.FAILED and not server_failure:
            # The mail server failed once (a timeout, say): the rest of this step's emails are
            # recorded as failed untried, so the request waits for one timeout, not one per recipient.
            server_failure = note.detail
    return notes


def notify(
    step: Step, review: Review, rule: Rule, user, subject: str, *, enabled: bool, server_failure: str = ""
) -> Notification:
    skipped = NO_ADDRESS if not user.email else TURNED_OFF if not enabled else ""
    note = Notification.objects.create(
        event_type=step.event_type,
        recipient=user,
        actor_id=step.actor_id,
        review=review,
        claim=review.claim,
        email=user.email,
        subject=subject,
        status=Status.SKIPPED if skipped else Status.PENDING,
        detail=skipped,
    )
    if skipped:
        return note
    if server_failure:
        note.status, note.detail = Status.FAILED, f"not tried: {server_failure}"[:2000]
        note.save(update_fields=["status", "detail"])
        return note
    try:
        EmailMessage(subject=subject, body=compose_body(step, review, rule), to=[user.email]).send()
    except Exception as exc:
        log.warning("email to %s for review #%s failed: %r", user.email, review.pk, exc)
        note.status, note.detail = Status.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
        note.save(update_fields=["status", "detail"])
    else:
        note.status, note.sent_at = Status.SENT, timezone.now()
        note.save(update_fields=["status", "sent_at"])
    return note


def one_line(text: str, length: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1] + "…"


def compose_subject(review: Review, rule: Rule) -> str:
    head = f"{SUBJECT_PREFIX}Review #{review.pk} {rule.headline}: "
    return head + one_line(f"{review.claim.remedy} — {review.claim}", SUBJECT_LENGTH - len(head))


def step_state(step: Step) -> str:
    """The state the step led to (the review may have moved on by the time the email leaves)."""
    targets = {t.event: t.target for t in workflow.TRANSITIONS.values()}
    return Review.State(targets[step.event_type]).label


def compose_body(step: Step, review: Review, rule: Rule) -> str:
    claim = review.claim
    when = timezone.localtime(step.occurred_at).strftime("%Y-%m-%d %H:%M %Z")
    lines = [
        f"Review #{review.pk} {rule.headline}, by {step.actor_name or 'the system'} on {when}.",
        "",
        f"Claim #{claim.pk} ({claim.remedy}, {claim.remedy.get_risk_tier_display().lower()} risk):",
        f"  {one_line(claim.statement, 500)}",
        f"The review is now: {step_state(step)}.",
    ]
    if step.reason:
        lines.append(f"Reason: {step.reason}")
    lines += [
        "",
        f"Open it: {settings.SITE_URL.rstrip('/')}{reverse('admin:reviews_review_change', args=[review.pk])}",
        "",
        f"You receive this because {rule.audience_label}. To stop these emails, turn them off in the admin "
        "under Notifications → Notification settings.",
    ]
    return "\n".join(lines)
