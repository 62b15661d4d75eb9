"""Every answer of the content API is built from publications only. A remedy's name, risk tier,
ATC code, aliases and remedy-wide contraindications, a source's file name: edits to any of them
reach the API only when a publication carries them."""

import pytest
from django.db.models import Count

from claims.models import Claim, Remedy, RemedyAlias, Source
from reviews import services
from reviews.models import Contraindication
from reviews.publishing import services as publishing
from tests.factories import ReviewFactory
from tests.helpers import ids, take_to_approved

pytestmark = pytest.mark.django_db

UNPUBLISHED = ("Renal failure", "Quinimax", "quinine hydrochloride", "Unpublished", "P01BC02")


def answers(api, claim_id, remedy_id) -> dict:
    urls = ("/api/v1/remedies/", f"/api/v1/remedies/{remedy_id}/", "/api/v1/claims/", f"/api/v1/claims/{claim_id}/")
    return {url: api.get(url).json() for url in urls}


def remedy_wide_contraindication(people, remedy, condition="Renal failure"):
    return services.contraindication_save(
        actor=people["reviewer"],
        contraindication=Contraindication(
            remedy=remedy,
            kind="condition",
            condition=condition,
            severity="absolute",
            rationale="Unpublished label change.",
            source_kind="label",
        ),
    )


def edit_quinine_without_publishing(people, remedy):
    """What a reviewer or an administrator may change before anyone approves it."""
    remedy_wide_contraindication(people, remedy)
    Remedy.objects.filter(pk=remedy.pk).update(
        name="quinine hydrochloride", risk_tier="moderate", atc_code="P01BC02", risk_reason="Unpublished reason."
    )
    RemedyAlias.objects.create(remedy=remedy, alias="Quinimax")


def test_unpublished_edits_of_a_remedy_show_nowhere(api, published, people, quinine_claim):
    remedy = quinine_claim.remedy
    before = answers(api, quinine_claim.pk, remedy.pk)
    edit_quinine_without_publishing(people, remedy)
    after = answers(api, quinine_claim.pk, remedy.pk)
    assert after == before
    shown = after[f"/api/v1/remedies/{remedy.pk}/"]
    assert (shown["name"], shown["risk_tier"], shown["atc_code"]) == ("quinine", "high", "P01BC01")
    assert shown["aliases"] == ["Qualaquin", "quinine sulfate"] and shown["contraindications"] == []
    assert shown["published_claims"] == 1
    for text in UNPUBLISHED:
        assert text not in str(after), text


def test_unpublished_edits_leave_the_remedies_validators_alone(api, published, people, quinine_claim):
    remedy = quinine_claim.remedy
    listed, detail = api.get("/api/v1/remedies/"), api.get(f"/api/v1/remedies/{remedy.pk}/")
    edit_quinine_without_publishing(people, remedy)  # audited: the audit chain grows
    assert api.get("/api/v1/remedies/", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 304
    assert api.get(f"/api/v1/remedies/{remedy.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304


def test_a_remedy_without_a_current_publication_is_neither_listed_nor_found(api, published, people):
    approved = Claim.objects.filter(remedy__name="lemon juice").order_by("pk").first()
    take_to_approved(approved, people)  # approved, not published
    unpublished = Remedy.objects.get(name="magnesium")
    listed = [r["id"] for r in api.get("/api/v1/remedies/").json()["results"]]
    assert approved.remedy_id not in listed and unpublished.pk not in listed
    assert api.get(f"/api/v1/remedies/{unpublished.pk}/").status_code == 404
    assert api.get(f"/api/v1/remedies/{approved.remedy_id}/").status_code == 404


def test_a_withdrawn_remedy_disappears(api, published, people, quinine_claim):
    publishing.review_withdraw(review=published["quinine"].review, actor=people["senior"], reason="Safety.")
    assert [r["name"] for r in api.get("/api/v1/remedies/").json()["results"]] == ["stretching"]
    assert api.get(f"/api/v1/remedies/{quinine_claim.remedy_id}/").status_code == 404


@pytest.fixture
def two_claims_of_one_remedy(db):
    """Two claims of the same low-risk remedy."""
    remedy = (
        Remedy.objects.filter(risk_tier="low").annotate(n=Count("claims")).filter(n__gte=2).order_by("name").first()
    )
    return list(Claim.objects.filter(remedy=remedy).order_by("pk")[:2])


def test_the_latest_current_publication_speaks_for_the_remedy(api, publish, people, two_claims_of_one_remedy):
    first_claim, second_claim = two_claims_of_one_remedy
    remedy = first_claim.remedy
    url = f"/api/v1/remedies/{remedy.pk}/"
    first = publish(first_claim)
    as_first_published = api.get(url).json()
    assert as_first_published["published_claims"] == 1 and as_first_published["contraindications"] == []

    remedy_wide_contraindication(people, remedy, condition="Open wounds")
    RemedyAlias.objects.create(remedy=remedy, alias="Newname")
    Remedy.objects.filter(pk=remedy.pk).update(risk_reason="Reviewed again.")
    second = publish(second_claim, note="second claim")
    shown = api.get(url).json()
    assert shown["published_claims"] == 2 and shown["risk_reason"] == "Reviewed again."
    assert "Newname" in shown["aliases"]
    assert [c["condition"] for c in shown["contraindications"]] == ["Open wounds"]
    # The first claim keeps the remedy as it was published with it.
    assert "Newname" not in api.get(f"/api/v1/claims/{first_claim.pk}/").json()["remedy"]["aliases"]
    # Each claim matches the names its own publication carries.
    assert ids(api.get("/api/v1/claims/", {"remedy": "newname"})) == [second_claim.pk]
    assert sorted(ids(api.get("/api/v1/claims/", {"remedy": remedy.name}))) == [first_claim.pk, second_claim.pk]

    publishing.review_withdraw(review=second.review, actor=people["senior"], reason="Second thoughts.")
    assert api.get(url).json() == as_first_published
    publishing.review_withdraw(review=first.review, actor=people["senior"], reason="Second thoughts.")
    assert api.get(url).status_code == 404
    assert remedy.pk not in [r["id"] for r in api.get("/api/v1/remedies/").json()["results"]]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"remedy": "quinine"}, True),  # the published name, renamed since
        ({"remedy": "QUALAQUIN"}, True),  # a published alias, deleted since
        ({"remedy": "quinine hydrochloride"}, False),  # the unpublished name
        ({"remedy": "Quinimax"}, False),  # an unpublished alias
        ({"risk_tier": "high"}, True),
        ({"risk_tier": "moderate"}, False),
        ({"category": "drug"}, True),
        ({"category": "supplement"}, False),
        ({"condition": "pregnan"}, True),
        ({"condition": "renal"}, False),  # an unpublished remedy-wide contraindication
        ({"q": "qualaquin"}, True),
        ({"q": "quinimax"}, False),
    ],
)
def test_claim_filters_match_what_was_published(api, published, people, quinine_claim, query, found):
    remedy = quinine_claim.remedy
    edit_quinine_without_publishing(people, remedy)
    Remedy.objects.filter(pk=remedy.pk).update(category="supplement")
    RemedyAlias.objects.filter(remedy=remedy, alias="Qualaquin").delete()
    assert (quinine_claim.pk in ids(api.get("/api/v1/claims/", query))) is found


def test_the_source_filter_matches_the_published_file_name(api, published, quinine_claim):
    source = quinine_claim.appearances.order_by("pk").first().source
    published_name = source.file_name
    Source.objects.filter(pk=source.pk).update(file_name="renamed.txt")
    assert quinine_claim.pk in ids(api.get("/api/v1/claims/", {"source": published_name}))
    assert ids(api.get("/api/v1/claims/", {"source": "renamed.txt"})) == []


def publish_low_risk_remedies(publish, count):
    remedies = (
        Remedy.objects.filter(risk_tier="low", claims__isnull=False)
        .exclude(name="stretching")
        .distinct()
        .order_by("pk")[:count]
    )
    for remedy in remedies:
        publish(Claim.objects.filter(remedy=remedy).order_by("pk").first())
    return list(remedies)


def test_remedies_are_paged_in_the_order_of_their_published_names(api, published, publish):
    publish_low_risk_remedies(publish, 4)
    everything = api.get("/api/v1/remedies/", {"page_size": 200}).json()["results"]
    names = [r["name"] for r in everything]
    assert len(names) >= 5 and names == sorted(names)
    # Renamed since: the order stays the published one.
    Remedy.objects.filter(pk=everything[-1]["id"]).update(name="aaa first now")
    walked, page = [], api.get("/api/v1/remedies/", {"page_size": 2}).json()
    while True:
        walked += page["results"]
        if not page["next"]:
            break
        page = api.get(page["next"]).json()
    assert walked == everything


def test_remedies_query_count_does_not_grow(api, published, publish, django_assert_max_num_queries):
    remedies = publish_low_risk_remedies(publish, 4)
    for size in (1, 3, 6):
        with django_assert_max_num_queries(3):  # token, validators, the page
            assert len(api.get("/api/v1/remedies/", {"page_size": size}).json()["results"]) == size
    with django_assert_max_num_queries(3):
        assert api.get(f"/api/v1/remedies/{remedies[0].pk}/").status_code == 200


def test_the_remedy_filter_costs_one_query(api, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # token, validators, the page
        assert len(ids(api.get("/api/v1/claims/", {"remedy": "Qualaquin"}))) == 1
    with django_assert_max_num_queries(3):
        assert ids(api.get("/api/v1/claims/", {"remedy": "no such remedy"})) == []


def test_the_source_filter_costs_one_query(api, published, quinine_claim, django_assert_max_num_queries):
    file_name = quinine_claim.appearances.order_by("pk").first().source.file_name
    with django_assert_max_num_queries(3):  # token, validators, the page
        assert quinine_claim.pk in ids(api.get("/api/v1/claims/", {"source": file_name}))
    with django_assert_max_num_queries(3):
        assert ids(api.get("/api/v1/claims/", {"source": "no-such-article.txt"})) == []


def test_the_remedy_filter_matches_a_published_alias_in_any_case_of_any_script(api, publish, stretching_claim):
    RemedyAlias.objects.create(remedy=stretching_claim.remedy, alias="Dehnübung")
    publish(stretching_claim)
    for query in ("DEHNÜBUNG", "dehnübung", "Stretching", "STRETCHING"):
        assert ids(api.get("/api/v1/claims/", {"remedy": query})) == [stretching_claim.pk], query
    assert ids(api.get("/api/v1/claims/", {"remedy": "dehnubung"})) == []


def test_a_remedy_answer_has_exactly_the_declared_fields(api, published, people, quinine_claim):
    remedy_wide_contraindication(people, quinine_claim.remedy)
    publishing.review_publish(
        review=take_to_approved(
            Claim.objects.filter(remedy=quinine_claim.remedy).exclude(pk=quinine_claim.pk).order_by("pk").first(),
            people,
        ),
        actor=people["senior"],
    )
    from django.test import Client

    schemas = Client().get("/api/schema/", HTTP_ACCEPT="application/json").json()["components"]["schemas"]
    body = api.get(f"/api/v1/remedies/{quinine_claim.remedy_id}/").json()
    assert set(body) == set(schemas["Remedy"]["properties"])
    assert body["inn"] == "quinine" and body["contraindications"]
    for contraindication in body["contraindications"]:
        assert set(contraindication) == set(schemas["RemedyContraindication"]["properties"])
    assert api.get("/api/v1/remedies/").json()["results"][0] == body


def test_claim_and_review_edits_reach_no_filter_before_publication(api, published, people, quinine_claim):
    published_kind = quinine_claim.kind
    other_kind = next(kind for kind in ("relief", "prevention") if kind != published_kind)
    Claim.objects.filter(pk=quinine_claim.pk).update(
        kind=other_kind, population="elderly", statement="Unpublished wording about tonic water."
    )
    # Graded again (by two reviewers independently, quinine being high-risk), not yet published.
    review = ReviewFactory(
        graded=True,
        claim=quinine_claim,
        grader=people["reviewer"],
        second_grader=people["reviewer2"],
        reference=None,
        claim_contraindication=False,
        certainty="very_low",
        recommendation="conditional_for",
        summary="Work in progress",
    )
    assert (review.certainty, review.recommendation) == ("very_low", "conditional_for")

    def found(**query):
        return quinine_claim.pk in ids(api.get("/api/v1/claims/", query))

    assert found(kind=published_kind) and not found(kind=other_kind)
    assert not found(population="elderly")
    assert found(certainty="low") and not found(certainty="very_low")
    assert found(recommendation="strong_against") and not found(recommendation="conditional_for")
    assert not found(q="tonic")
    body = api.get(f"/api/v1/claims/{quinine_claim.pk}/").json()
    assert (body["kind"], body["population"]) == (published_kind, None)
    assert "Unpublished" not in str(body) and "Work in progress" not in str(body)
