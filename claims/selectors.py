"""Reads of the catalogue."""

from django.db.models import Prefetch, QuerySet

from claims.models import Appearance, RemedyAlias


def appearances_for_export() -> QuerySet[Appearance]:
    """Every appearance with what an export row needs, in a stable order, without N+1."""
    return (
        Appearance.objects.select_related("source", "claim__remedy")
        .prefetch_related(Prefetch("claim__remedy__aliases", queryset=RemedyAlias.objects.order_by("alias")))
        .order_by("source__file_name", "start", "id")
    )
