"""Blinding, attacked by crawling: while the first grader has submitted and the second is still
grading, the second grader follows every link the admin and the APIs offer them (and a list of
addresses nobody links to), and nothing the first grading alone says shows up anywhere."""

import re
from html import unescape

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from rest_framework.test import APIClient

from core import roles
from core.tokens import token_issue
from reviews import services
from reviews.models import ContraindicationLevel, Grading, Outcome, Recommendation
from reviews.services.dual_grading import grading_contraindication_save, grading_start, grading_submit, grading_update
from tests.factories import UserFactory

SECRETS = ("Zebrafish outcome", "Walrus rationale", "Narwhal summary", "Okapi condition", "Quokka override")


def _first_grading(review, grader):
    grading = grading_start(review=review, actor=grader)
    item = services.outcome_add(
        review=review,
        actor=grader,
        grading=grading,
        name="Zebrafish outcome",
        importance="critical",
        design="randomised",
    )
    services.judgement_save(
        outcome=item, actor=grader, domain="risk_of_bias", severity="serious", rationale="Walrus rationale"
    )
    services.outcome_override(outcome=item, actor=grader, certainty="very_low", reason="Quokka override")
    grading_update(
        grading=grading, actor=grader, recommendation=Recommendation.STRONG_AGAINST, summary="Narwhal summary"
    )
    grading_contraindication_save(
        grading=grading, actor=grader, condition="Okapi condition", severity=ContraindicationLevel.ABSOLUTE,
        rationale="Label.", source_kind="label",
    )  # fmt: skip
    return grading_submit(grading=grading, actor=grader)


@pytest.fixture
def blind(dual_review, reviewer, reviewer2):
    first = _first_grading(dual_review, reviewer)
    second = grading_start(review=dual_review, actor=reviewer2)
    services.outcome_add(review=dual_review, actor=reviewer2, grading=second, name="Mine", importance="critical")
    return {"review": dual_review, "first": first, "second": second}


SKIP = re.compile(r"logout|password|/delete/$|/submit/|/start/|/require/|/remove/|\.js$|\.css$|/static/")


def crawl(client, starts, limit=400):
    seen, queue, pages = set(), list(starts), {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen or SKIP.search(url.split("?")[0]):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        body = b"".join(response) if getattr(response, "streaming", False) else response.content
        text = unescape(body.decode(errors="replace"))
        pages[url] = (response.status_code, text)
        for href in re.findall(r'(?:href|src|action)="([^"#]+)', text):
            href = unescape(href)
            if href.startswith("?"):
                href = url.split("?")[0] + href
            if href.startswith(("/admin/", "/api/")) and href not in seen:
                queue.append(href)
    return pages


def hand_made(blind):
    first, review = blind["first"], blind["review"]
    outcome = Outcome.objects.filter(grading=first).first()
    ct_grading = ContentType.objects.get_for_model(Grading).pk
    ct_outcome = ContentType.objects.get_for_model(Outcome).pk
    urls = []
    for base in (f"/admin/reviews/gradingoutcome/{outcome.pk}", f"/admin/reviews/outcome/{outcome.pk}",
                 f"/admin/reviews/grading/{first.pk}"):  # fmt: skip
        urls += [f"{base}/change/", f"{base}/history/", f"{base}/delete/", f"{base}/"]
    urls += [
        f"/admin/r/{ct_grading}/{first.pk}/",
        f"/admin/r/{ct_outcome}/{outcome.pk}/",
        f"/admin/reviews/gradingoutcome/add/?grading={first.pk}",
        f"/admin/reviews/outcome/add/?review={review.pk}",
        f"/admin/reviews/grading/disagreements/{review.pk}/",
        "/admin/reviews/grading/?q=Zebrafish",
        "/admin/reviews/grading/?submitted_at__isnull=False",
        "/admin/reviews/grading/?_popup=1&_to_field=id",
        "/admin/audit/auditevent/?q=Quokka",
        f"/admin/audit/auditevent/?review__id__exact={review.pk}",
        "/admin/reviews/review/?q=Zebrafish",
        f"/admin/reviews/review/{review.pk}/change/",
        f"/admin/reviews/review/{review.pk}/history/",
        f"/admin/claims/claim/{review.claim_id}/change/",
        f"/admin/claims/claim/{review.claim_id}/history/",
        "/admin/reviews/contraindication/?q=Okapi",
        "/admin/autocomplete/?app_label=reviews&model_name=outcomereference&field_name=reference&term=",
        "/admin/autocomplete/?app_label=reviews&model_name=gradingcontraindication&field_name=source_reference",
        f"/api/v1/audit/claims/{review.claim_id}/history/",
        f"/api/v1/audit/events/?review={review.pk}&page_size=1000",
        "/api/v1/audit/export/?format=ndjson",
        "/api/v1/audit/export/?format=csv",
        f"/api/v1/claims/{review.claim_id}/",
        "/api/v1/claims/",
    ]
    return urls


@pytest.mark.parametrize(
    "who, also", [("reviewer2", roles.AUDITOR), ("reviewer2", roles.SENIOR_REVIEWER), ("third", None)]
)
def test_the_other_grader_finds_nothing_of_the_first_grading_anywhere(blind, request, who, also):
    """The second grader (an auditor too, or a senior too), and a reviewer who grades nothing."""
    user = request.getfixturevalue(who)
    if also:
        user.groups.add(*UserFactory(username="extra", role=also).groups.all())
    client = Client(raise_request_exception=False)
    client.force_login(user)
    api = APIClient(raise_request_exception=False)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token_issue(user=user)}")
    pages = crawl(client, ["/admin/", *hand_made(blind)])
    pages.update({f"api:{u}": v for u, v in crawl(api, [u for u in hand_made(blind) if u.startswith("/api/")]).items()})
    leaks = {url: [s for s in SECRETS if s in text] for url, (status, text) in pages.items()}
    leaks = {url: found for url, found in leaks.items() if found}
    errors = {url: status for url, (status, _) in pages.items() if status >= 500}
    assert len(pages) > 30
    assert leaks == {} and errors == {}
