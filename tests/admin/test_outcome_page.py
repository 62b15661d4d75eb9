"""The outcome page (reviews/admin/outcomes.py) over HTTP: adding and changing an outcome with its
GRADE domains, overriding its certainty (only with a reason), citing references, removing it; every
save through the services with the review's version, so a stale page is refused; read-only for
anyone who may not edit the review."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reviews import services
from reviews.models import Outcome, Review
from tests.admin.pages import add_outcome_url, form_data, messages_of, new_outcome, outcome_url, review_url
from tests.factories import ReferenceFactory, ReviewFactory
from tests.helpers import audit_types

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(standard_claim, reviewer):
    """A draft review with no outcome yet."""
    return ReviewFactory(claim=standard_claim, grader=reviewer)


@pytest.fixture
def as_reviewer(client, reviewer):
    client.force_login(reviewer)
    return client


def add(client, review, **fields):
    return client.post(add_outcome_url(review), new_outcome(review.version, **fields))


def test_reviewer_adds_an_outcome_with_its_judgements_and_its_certainty_is_worked_out(as_reviewer, draft):
    response = add(
        as_reviewer,
        draft,
        studies=13,
        participants=952,
        relative_measure="MD",
        relative_effect="-2.45",
        relative_ci_low="-3.54",
        relative_ci_high="-1.36",
        severity_imprecision="serious",
        rationale_imprecision="Few events; the interval includes a trivial benefit.",
        severity_risk_of_bias="none",
        rationale_risk_of_bias="Allocation concealed in most trials.",
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert response["Location"] == review_url(draft) + "#outcomes"
    outcome = Outcome.objects.get(review=draft)
    assert (outcome.name, outcome.studies, outcome.participants, str(outcome.relative_effect)) == (
        "Cramp intensity", 13, 952, "-2.4500",
    )  # fmt: skip
    assert outcome.certainty == "moderate"  # randomised: high, imprecision −1
    assert Review.objects.get(pk=draft.pk).certainty == "moderate"  # its only critical outcome
    assert audit_types(draft)[1:] == ["outcome.added", "judgement.saved", "judgement.saved"]
    page = as_reviewer.get(review_url(draft)).content.decode()
    assert "⊕⊕⊕◯" in page and "Cramp intensity" in page and "MD −2.45 (95 % CI −3.54 to −1.36)" in page
    outcome_page = as_reviewer.get(outcome_url(outcome)).content.decode()
    assert "⊕⊕⊕◯</span> Moderate (randomised trials start high; imprecision −1)" in outcome_page


def test_the_add_page_is_reached_from_a_review_only(as_reviewer, draft):
    response = as_reviewer.get(reverse("admin:reviews_outcome_add"))
    assert response.status_code == 302 and response["Location"] == reverse("admin:reviews_review_changelist")
    assert "An outcome is added from its review's page." in messages_of(response)
    assert as_reviewer.get(reverse("admin:reviews_outcome_changelist")).status_code == 302
    page = as_reviewer.get(add_outcome_url(draft))
    assert page.status_code == 200 and f"Review #{draft.pk}" in page.content.decode()
    assert page.context["adminform"].form["position"].value() == 0
    index = as_reviewer.get(reverse("admin:index")).content.decode()
    assert "/admin/reviews/outcome/" not in index


def test_changing_the_outcome_and_its_domains_goes_through_the_services(as_reviewer, graded_review):
    outcome = graded_review.outcomes.get()
    assert as_reviewer.get(add_outcome_url(graded_review)).context["adminform"].form["position"].value() == 1
    assert outcome.certainty == "low"  # observational evidence, no judgement
    data = form_data(as_reviewer.get(outcome_url(outcome)))
    data.update(
        importance="important",
        studies="4",
        severity_large_effect="upgrade_two",
        rationale_large_effect="RR 0.15 in every study.",
    )
    response = as_reviewer.post(outcome_url(outcome), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    outcome.refresh_from_db()
    assert (outcome.importance, outcome.studies, outcome.certainty) == ("important", 4, "high")
    assert audit_types(graded_review)[-2:] == ["outcome.changed", "judgement.saved"]
    # No critical outcome left: the review's certainty cannot be worked out.
    assert Review.objects.get(pk=graded_review.pk).certainty == ""

    data = form_data(as_reviewer.get(outcome_url(outcome)))
    data.update(severity_large_effect="", rationale_large_effect="")
    assert as_reviewer.post(outcome_url(outcome), data).status_code == 302
    assert Outcome.objects.get(pk=outcome.pk).certainty == "low"
    assert audit_types(graded_review)[-1] == "judgement.removed"


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("severity_imprecision", "upgrade_one", "Select a valid choice"),
        ("severity_dose_response", "upgrade_two", "Select a valid choice"),
        ("severity_inconsistency", "serious", "Give the rationale for the judgement of inconsistency"),
        ("rationale_indirectness", "Adults only.", "Judge indirectness, or clear its rationale."),
        ("name", "cramp FREQUENCY", "This review already has an outcome named"),
        ("design", "", "Choose the body of evidence"),
        ("relative_ci_low", "3", "lower bound is above its upper bound"),
    ],
)
def test_what_a_reviewer_gets_wrong_is_said_next_to_the_field(as_reviewer, graded_review, field, value, error):
    before = audit_types(graded_review)
    response = add(as_reviewer, graded_review, relative_ci_high="1", **{field: value})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert audit_types(graded_review) == before


def test_an_override_without_a_reason_is_refused_by_the_form_and_by_the_service(as_reviewer, reviewer, graded_review):
    outcome = graded_review.outcomes.get()
    data = {**form_data(as_reviewer.get(outcome_url(outcome))), "override_certainty": "moderate"}
    response = as_reviewer.post(outcome_url(outcome), {**data, "override_rationale": "   "})
    assert response.status_code == 200
    assert "An override of the worked-out certainty needs a written reason." in response.content.decode()
    assert Outcome.objects.get(pk=outcome.pk).certainty_override == ""
    with pytest.raises(ValidationError):
        services.outcome_override(outcome=outcome, actor=reviewer, certainty="moderate", reason=" ")
    assert audit_types(graded_review)[-1] != "outcome.certainty_overridden"


def test_an_override_with_its_reason_is_shown_and_can_be_removed(as_reviewer, graded_review):
    outcome = graded_review.outcomes.get()
    reason = "Large, consistent effect across the observational studies."
    data = {**form_data(as_reviewer.get(outcome_url(outcome))), "override_certainty": "moderate"}
    assert as_reviewer.post(outcome_url(outcome), {**data, "override_rationale": reason}).status_code == 302
    outcome.refresh_from_db()
    assert (outcome.certainty, outcome.certainty_override, outcome.override_reason) == ("moderate", "moderate", reason)
    assert audit_types(graded_review)[-1] == "outcome.certainty_overridden"
    review_page = as_reviewer.get(review_url(graded_review)).content.decode()
    assert "yes: " + reason in review_page  # the outcomes section
    assert f"Certainty set to moderate by the reviewer (worked out from the domains: low). {reason}" in review_page

    data = {**form_data(as_reviewer.get(outcome_url(outcome))), "override_certainty": ""}
    assert as_reviewer.post(outcome_url(outcome), data).status_code == 302  # the old reason left in the box
    outcome.refresh_from_db()
    assert (outcome.certainty, outcome.certainty_override, outcome.override_reason) == ("low", "", "")
    assert audit_types(graded_review)[-1] == "outcome.override_removed"


def test_a_stale_page_is_refused_and_nothing_of_its_save_stays(client, as_reviewer, reviewer2, graded_review):
    outcome = graded_review.outcomes.get()
    stale = form_data(as_reviewer.get(outcome_url(outcome)))
    # Meanwhile a colleague changes the review.
    services.review_save_grading(
        review=graded_review, actor=reviewer2, expected_version=graded_review.version, summary="Changed meanwhile."
    )
    before = audit_types(graded_review)
    stale.update(
        name="Renamed", severity_imprecision="serious", rationale_imprecision="Wide interval.", override_certainty=""
    )
    response = as_reviewer.post(outcome_url(outcome), stale)
    assert response.status_code == 302 and response["Location"] == outcome_url(outcome)
    [message] = messages_of(response)
    assert message.startswith("Nothing was changed: Review #") and "Nothing was saved; reload the review" in message
    assert Outcome.objects.get(pk=outcome.pk).name == outcome.name
    assert not outcome.judgements.exists()
    assert audit_types(graded_review) == before


def test_references_are_cited_and_withdrawn_through_the_services(as_reviewer, graded_review):
    outcome, cochrane = graded_review.outcomes.get(), ReferenceFactory(title="Cochrane review of quinine")
    data = form_data(as_reviewer.get(outcome_url(outcome)))
    data.update(
        {
            "outcome_references-TOTAL_FORMS": "1",
            "outcome_references-0-reference": str(cochrane.pk),
            "outcome_references-0-note": "Pooled trials.",
        }
    )
    assert as_reviewer.post(outcome_url(outcome), data).status_code == 302
    assert list(outcome.outcome_references.values_list("reference_id", "note")) == [(cochrane.pk, "Pooled trials.")]
    assert audit_types(graded_review)[-1] == "outcome.reference_attached"

    data = form_data(as_reviewer.get(outcome_url(outcome)))
    data["outcome_references-0-DELETE"] = "on"
    assert as_reviewer.post(outcome_url(outcome), data).status_code == 302
    assert not outcome.outcome_references.exists()
    assert audit_types(graded_review)[-1] == "outcome.reference_detached"


def test_removing_an_outcome_asks_first_and_checks_the_version(as_reviewer, graded_review):
    outcome = graded_review.outcomes.get()
    delete_url = reverse("admin:reviews_outcome_delete", args=[outcome.pk])
    page = as_reviewer.get(delete_url)
    assert page.status_code == 200 and f'name="version" value="{graded_review.version}"' in page.content.decode()
    stale = as_reviewer.post(delete_url, {"post": "yes", "version": graded_review.version - 1})
    assert "Nothing was changed" in messages_of(stale)[0]
    assert Outcome.objects.filter(pk=outcome.pk).exists()
    response = as_reviewer.post(delete_url, {"post": "yes", "version": graded_review.version})
    assert response["Location"] == review_url(graded_review) + "#outcomes"
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    assert audit_types(graded_review)[-1] == "outcome.removed"
    assert Review.objects.get(pk=graded_review.pk).certainty == ""


@pytest.mark.parametrize("who", ["auditor", "reviewer2", "senior"])
def test_the_page_is_read_only_for_whoever_may_not_edit_the_review(client, request, who, submitted_review):
    """A submitted review is no longer editable by anyone; an auditor never edits."""
    outcome = submitted_review.outcomes.get()
    client.force_login(request.getfixturevalue(who))
    page = client.get(outcome_url(outcome))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="name"' not in html and 'name="severity_imprecision"' not in html and 'name="_save"' not in html
    assert "Cramp frequency" in html and "not judged" in html
    before = audit_types(submitted_review)
    forced = {"name": "Hijacked", "version": submitted_review.version}
    assert client.post(outcome_url(outcome), forced).status_code == 403
    assert client.get(add_outcome_url(submitted_review)).status_code == 403
    delete_url = reverse("admin:reviews_outcome_delete", args=[outcome.pk])
    assert client.post(delete_url, {"post": "yes", "version": submitted_review.version}).status_code == 403
    assert audit_types(submitted_review) == before


def test_an_auditor_sees_a_draft_outcome_read_only(client, auditor, graded_review):
    client.force_login(auditor)
    outcome = graded_review.outcomes.get()
    html = client.get(outcome_url(outcome)).content.decode()
    assert 'name="name"' not in html and "Observational studies" in html
    assert client.post(outcome_url(outcome), {"name": "x"}).status_code == 403


def test_content_readers_and_strangers_get_no_outcome_page(client, content_reader, graded_review):
    outcome = graded_review.outcomes.get()
    assert "/admin/login/" in client.get(outcome_url(outcome))["Location"]
    client.force_login(content_reader)
    assert client.get(outcome_url(outcome)).status_code == 302  # not staff: the login page
