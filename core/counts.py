"""Counts of related rows as subqueries: several counts joined in one query multiply each other's
rows (an article's 12,000 proposals times its 300 appearances took the sources' list 24 s)."""

from __future__ import annotations

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_of(rows: QuerySet, field: str) -> Coalesce:
    """How many of `rows` point by `field` to the outer query's row, 0 when none."""
    counted = rows.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)
