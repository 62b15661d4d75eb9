"""The filters the bench uses: remedy (its name or an alias, any case) and certainty."""

import django_filters
from django.db.models import Q

from bench.app import model


class PublishedClaimFilter(django_filters.FilterSet):
    remedy = django_filters.CharFilter(method="filter_remedy", help_text="Remedy name or alias, any case.")

    class Meta:
        model = model("Publication")
        fields = ["remedy", "certainty"]

    def filter_remedy(self, queryset, name, value):
        return queryset.filter(Q(remedy__name__iexact=value) | Q(remedy__aliases__alias__iexact=value)).distinct()
