"""The content API's pages: newest publication first, changes by id, remedies by name."""

from core.api.pagination import CheckedCursorPagination


class PublishedCursorPagination(CheckedCursorPagination):
    page_size = 50
    max_page_size = 200
    ordering = "-published_at"


class ChangesCursorPagination(CheckedCursorPagination):
    page_size = 100
    max_page_size = 500
    ordering = "id"


class RemedyCursorPagination(PublishedCursorPagination):
    ordering = "name"
