
import django_filters
from django.db.models import BooleanField, Exists, OuterRef
from django.db.models.expressions import RawSQL

from claims.models import Category, ClaimKind, Population, RiskTier
from core.api.filters import IdFilter, RequestScopedFilterSet, UtcDateTimeFilter
from reviews.models import (
    Certainty,
    Publication,
    PublicationChange,
    PublicationCondition,
    PublicationRemedyName,
    PublicationSource,
    Recommendation,
)
from reviews.publishing.snapshots import folded

# The names each publication carries, stored from its snapshot at publication (an index each):
# its remedy's name and aliases, folded (`remedy`, any case), and its sources' file names
# (`source`). Never the catalogue's: a rename, a new or a removed alias reaches these filters with
# the publication that carries it. Written as SQL: building the subquery from a QuerySet cost more
# CPU than running it.
PUBLICATIONS_BY_REMEDY_NAME = f"SELECT publication_id FROM {PublicationRemedyName._meta.db_table} WHERE name = %s"
PUBLICATIONS_BY_SOURCE = f"SELECT publication_id FROM {PublicationSource._meta.db_table} WHERE file_name = %s"
# A file name is carried by a large share of the publications or by none: a prepared statement's
# generic plan walks the current publications in page order and tests each, which for a name no
# publication carries means all of them. This check runs once, first, and ends such a query at
# once. Its ORDER BY has the planner read an index in order, the file name index on a vacuumed
# table; as an EXISTS (which drops the ORDER BY) it was planned as a scan of the whole table.
SOURCE_IS_PUBLISHED = f"({PUBLICATIONS_BY_SOURCE} ORDER BY publication_id LIMIT 1) IS NOT NULL"


class PublishedClaimFilter(RequestScopedFilterSet):
    remedy = django_filters.CharFilter(method="filter_remedy", help_text="Remedy name or alias, any case.")
    category = django_filters.ChoiceFilter(choices=Category.choices)
    kind = django_filters.ChoiceFilter(choices=ClaimKind.choices)
    certainty = django_filters.ChoiceFilter(choices=Certainty.choices)
    recommendation = django_filters.ChoiceFilter(choices=Recommendation.choices)
    population = django_filters.ChoiceFilter(choices=Population.choices)
    risk_tier = django_filters.ChoiceFilter(choices=RiskTier.choices)
    condition = django_filters.CharFilter(
        method="filter_condition", help_text="A contraindicated condition (substring, any case)."
    )
    source = django_filters.CharFilter(method="filter_source", help_text="Source article file name.")
    updated_since = UtcDateTimeFilter(
        field_name="published_at", lookup_expr="gte", help_text="Published at or after (ISO 8601)."
    )
    q = django_filters.CharFilter(method="filter_text", help_text="Free text: statement, remedy, aliases, quotes.")

    class Meta:
        model = Publication
        fields = []

    def filter_remedy(self, queryset, name, value):
        return queryset.filter(pk__in=RawSQL(PUBLICATIONS_BY_REMEDY_NAME, [folded(value)]))

    def filter_condition(self, queryset, name, value):
        matches = PublicationCondition.objects.filter(publication=OuterRef("pk"), condition__contains=value.lower())
        return queryset.filter(Exists(matches))

    def filter_source(self, queryset, name, value):
        published = RawSQL(SOURCE_IS_PUBLISHED, [value], output_field=BooleanField())
        return queryset.filter(published, pk__in=RawSQL(PUBLICATIONS_BY_SOURCE, [value]))

    def filter_text(self, queryset, name, value):
        for word in value.lower().split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class ChangeFilter(RequestScopedFilterSet):
    after = IdFilter(field_name="id", lookup_expr="gt", min_value=0, help_text="Changes after this id.")
    kind = django_filters.ChoiceFilter(choices=PublicationChange.Kind.choices)

    class Meta:
        model = PublicationChange
        fields = ["after", "kind"]


