"""Agreement takes both graders agreeing on the same value: a grader who confirms the proposal the
page showed them must not agree on another one the other grader put there meanwhile."""

import re

from django.test import Client
from django.urls import reverse

from reviews.models import Disagreement
from tests.dual_grading.helpers import FIRST, SECOND, grade_independently


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_confirming_agrees_on_the_value_the_page_showed_not_a_newer_proposal(dual_review, reviewer, reviewer2):
    grade_independently(dual_review, reviewer, **FIRST, submit=True)
    grade_independently(dual_review, reviewer2, **SECOND, submit=True)
    point = Disagreement.objects.get(review=dual_review, item="recommendation")
    url = reverse("admin:reviews_grading_disagreements", args=[dual_review.pk])
    first, second = login(reviewer), login(reviewer2)
    first.post(url, {"disagreement": point.pk, "action": "propose", "value": "conditional_against", "reason": "Rare."})
    page = second.get(url).content.decode()
    forms = re.findall(r'<form method="post" class="confirm">.*?</form>', page, re.S)
    form = next(f for f in forms if f'name="disagreement" value="{point.pk}"' in f)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    assert "Conditional against" in form
    # Meanwhile the first grader proposes something else.
    first.post(url, {"disagreement": point.pk, "action": "propose", "value": "strong_against", "reason": "Changed."})
    second.post(url, {**fields, "reason": "Agreed."})  # the form as the page showed it
    point.refresh_from_db()
    assert point.resolution == "" and point.resolved_value == ""
    assert point.proposed_value == "strong_against"
