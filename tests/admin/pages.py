"""Reading and resubmitting admin pages over the test client, as a browser would: the data a
change page would post back unchanged, to which a test applies its edits."""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.urls import reverse

from reviews.models import Domain


def outcome_url(outcome) -> str:
    return reverse("admin:reviews_outcome_change", args=[outcome.pk])


def add_outcome_url(review) -> str:
    return reverse("admin:reviews_outcome_add") + f"?review={review.pk}"


def review_url(review) -> str:
    return reverse("admin:reviews_review_change", args=[review.pk])


def _value(bound) -> str:
    value = bound.value()
    if value is None or value is False:
        return ""
    if value is True:
        return "on"
    return str(value)


def form_data(response) -> dict:
    """What the page's form would post back as it is: the main form and every inline formset."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        data[form.add_prefix(name)] = _value(form[name])
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form.add_prefix(name)] = _value(formset.management_form[name])
        for item in formset.forms:
            for name in item.fields:
                value = _value(item[name])
                if value:
                    data[item.add_prefix(name)] = value
    return {key: value for key, value in data.items() if value != "" or not key.endswith("-DELETE")}


def new_outcome(version: int, **fields) -> dict:
    """The add page's form filled in: a critical benefit from randomised trials, unless told."""
    data = {
        "name": "Cramp intensity",
        "direction": "benefit",
        "importance": "critical",
        "position": "1",
        "design": "randomised",
        "version": str(version),
        "override_certainty": "",
        "override_rationale": "",
        "outcome_references-TOTAL_FORMS": "0",
        "outcome_references-INITIAL_FORMS": "0",
        "outcome_references-MIN_NUM_FORMS": "0",
        "outcome_references-MAX_NUM_FORMS": "1000",
        **{f"severity_{domain}": "" for domain in Domain},
        **{f"rationale_{domain}": "" for domain in Domain},
    }
    return {**data, **{key: str(value) for key, value in fields.items()}}


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
