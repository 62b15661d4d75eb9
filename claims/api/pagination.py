from rest_framework.pagination import CursorPagination


class PublishedCursorPagination(CursorPagination):
    """Cursor pages: constant cost at any depth and no COUNT(*) over the table."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = "-published_at"


class ChangesCursorPagination(CursorPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500
    ordering = "id"


class RemedyCursorPagination(PublishedCursorPagination):
    ordering = "name"
