import pytest

from tests.helpers import ids

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("remedy=QUININE", ["quinine"]),
        ("remedy=qualaquin", ["quinine"]),
        ("category=maneuver", ["stretching"]),
        ("certainty=low", ["quinine"]),
        ("recommendation=conditional_for", ["stretching"]),
        ("risk_tier=high", ["quinine"]),
        ("condition=pregn", ["quinine"]),
        ("q=quinine", ["quinine"]),
        ("q=STRETCH calf", ["stretching"]),
        ("remedy=unicorn", []),
        ("remedy=quinin%25", []),  # an exact name, never a pattern
        ("remedy=qu_nine", []),
    ],
)
def test_each_filter_narrows_the_list(api, published, query, expected):
    by_id = {p.claim_id: name for name, p in published.items()}
    response = api.get(f"/api/v1/claims/?{query}")
    assert response.status_code == 200, response.json()
    assert sorted(by_id[i] for i in ids(response)) == expected


def test_kind_population_and_source_filters(api, published, quinine_claim):
    source = quinine_claim.appearances.first().source.file_name
    assert quinine_claim.pk in ids(api.get(f"/api/v1/claims/?kind={quinine_claim.kind}&source={source}"))
    assert ids(api.get("/api/v1/claims/?source=nope.txt")) == []
    assert ids(api.get("/api/v1/claims/?population=pregnancy")) == []


def test_updated_since(api, published):
    later = published["stretching"].published_at.isoformat()
    assert ids(api.get("/api/v1/claims/", {"updated_since": later})) == [published["stretching"].claim_id]
    assert ids(api.get("/api/v1/claims/", {"updated_since": "2999-01-01T00:00:00Z"})) == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("certainty=sure", "certainty"),
        ("kind=miracle", "kind"),
        ("risk_tier=9", "risk_tier"),
        ("updated_since=yesterday", "updated_since"),
        ("ordering=price", "ordering"),
    ],
)
def test_bad_values_are_400_naming_the_parameter(api, published, query, parameter):
    response = api.get(f"/api/v1/claims/?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert parameter in error["message"] and parameter in error["detail"]


def test_ordering_and_cursor_pagination(api, published):
    newest_first = ids(api.get("/api/v1/claims/"))
    assert newest_first == [published["stretching"].claim_id, published["quinine"].claim_id]
    assert ids(api.get("/api/v1/claims/?ordering=published_at")) == newest_first[::-1]
    first = api.get("/api/v1/claims/?page_size=1").json()
    assert len(first["results"]) == 1 and first["next"]
    second = api.get(first["next"]).json()
    assert [r["id"] for r in first["results"] + second["results"]] == newest_first
    assert second["next"] is None


def test_list_query_count_does_not_grow_with_page_size(api, publish, django_assert_max_num_queries):
    from claims.models import Claim

    for claim in Claim.objects.filter(remedy__risk_tier="low").order_by("pk")[:6]:
        publish(claim)
    for size in (1, 3, 6):
        with django_assert_max_num_queries(3):
            assert len(api.get(f"/api/v1/claims/?page_size={size}").json()["results"]) == size


def test_a_filterset_copies_and_validates_only_the_filters_requested():
    from django.http import QueryDict

    from core.api.filters import with_named_filters_only
    from reviews.publishing.api.filters import PublishedClaimFilter

    def requested(query):  # the filterset the API's backend builds for the query
        data = QueryDict(query)
        return with_named_filters_only(PublishedClaimFilter, data)(data)

    first = requested("certainty=low&remedy=quinine&page_size=5")
    assert set(first.filters) == {"certainty", "remedy"}
    assert set(first.form.fields) == {"certainty", "remedy"}
    assert first.filters["remedy"] is not PublishedClaimFilter.base_filters["remedy"]
    # The same set of filters reuses its filterset class; a bad value still names its parameter.
    second = requested("remedy=x&certainty=sure")
    assert type(second) is type(first)
    assert not second.is_valid() and list(second.errors) == ["certainty"]
    assert set(requested("").filters) == set()
    assert set(PublishedClaimFilter().filters) == set(PublishedClaimFilter.base_filters)  # unbound: all


def test_about_filters_by_the_condition_the_claim_is_about_by_slug_or_name(api, published):
    both = sorted(p.claim_id for p in published.values())
    for about in ("night-leg-cramps", "Night leg cramps", "NIGHT-LEG-CRAMPS", " night  leg cramps "):
        assert sorted(ids(api.get("/api/v1/claims/", {"about": about}))) == both, about
    assert ids(api.get("/api/v1/claims/?about=heartburn")) == []
    body = api.get(f"/api/v1/claims/{published['quinine'].claim_id}/").json()
    assert body["condition"] == {"name": "night leg cramps", "slug": "night-leg-cramps"}


def test_about_reads_another_spelling_of_a_published_conditions_name(api, published):
    """The admin and the command read "Night leg cramp", "night-leg cramps'" and "NIGHT LEG
    CRAMP" as the one condition; so does the API. A condition only its spelling resembles is not it."""
    both = sorted(p.claim_id for p in published.values())
    for about in ("Night leg cramp", "night leg-cramp", "NIGHT LEG CRAMP", "nightleg cramps"):
        assert sorted(ids(api.get("/api/v1/claims/", {"about": about}))) == both, about
    for other in ("night leg", "leg cramps", "night leg cramps 2", "cramps"):
        assert ids(api.get("/api/v1/claims/", {"about": other})) == [], other


def test_about_tells_an_acronym_from_a_plural(api, published, publish, people):
    """PCOS is not the plural of PCO: a spelling is compared by the condition's name, whose case
    tells them apart, not by its lowercase slug."""
    from claims.conditions import condition_named
    from claims.edits import claim_update
    from claims.models import Claim

    claim = Claim.objects.filter(remedy__name="magnesium").order_by("pk").first()
    claim_update(claim=claim, actor=people["senior"], condition=condition_named("PCOS"))
    publish(claim)
    assert claim.pk in ids(api.get("/api/v1/claims/?about=PCOS"))
    assert claim.pk in ids(api.get("/api/v1/claims/?about=pcos"))
    for other in ("PCO", "pco"):
        assert claim.pk not in ids(api.get("/api/v1/claims/", {"about": other})), other


def test_about_reads_the_publication_not_the_catalogue(api, published, people):
    """A senior moving the claim to another condition changes nothing served until a publication
    carries it: the published version still says what it was about."""
    from claims.conditions import condition_named
    from claims.edits import claim_update

    claim = published["stretching"].claim
    claim_update(claim=claim, actor=people["senior"], condition=condition_named("insomnia"))
    assert ids(api.get("/api/v1/claims/?about=insomnia")) == []
    assert claim.pk in ids(api.get("/api/v1/claims/?about=night-leg-cramps"))
