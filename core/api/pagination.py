from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connections
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination


class CheckedCursorPagination(CursorPagination):
    """Cursor pages: constant cost at any depth and no COUNT(*) over the table.

    A cursor is a query parameter like any other, so a bad one is a 400 naming `cursor`. DRF
    answers an undecodable cursor with a 404, and lets a decodable one whose position does not fit
    the ordering field ("p=notadate") reach the query, where it fails with a 500.

    So is `page_size`: a whole number from 1 to max_page_size, or a 400 naming it and the range.
    DRF would quietly serve the default page for "0" or "abc" and clamp 201 to 200, so a client's
    mistake went unnoticed and its page arithmetic went wrong.
    """

    invalid_cursor_message = "Invalid cursor: follow the next and previous links as given."
    page_size_query_param = "page_size"

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        # isascii: "²".isdigit() is true; the length keeps int() away from thousands of digits.
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 9 and 1 <= int(raw) <= self.max_page_size):
            raise ValidationError({self.page_size_query_param: [self.page_size_message()]})
        return int(raw)

    def page_size_message(self) -> str:
        return f"A page size is a whole number from 1 to {self.max_page_size} (the default is {self.page_size})."

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
                parameter["description"] = self.page_size_message()
        return parameters

    def paginate_queryset(self, queryset, request, view=None):
        self._model, self._db = queryset.model, queryset.db
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        try:
            cursor = super().decode_cursor(request)
        except NotFound:  # not a cursor this API wrote
            raise self._invalid() from None
        if cursor is not None and cursor.position is not None and not self._fits_ordering(cursor.position):
            raise self._invalid()
        return cursor

    def _invalid(self) -> ValidationError:
        return ValidationError({self.cursor_query_param: [self.invalid_cursor_message]})

    def _fits_ordering(self, position: str) -> bool:
        if "\x00" in position:  # PostgreSQL refuses NUL in text
            return False
        # self.ordering is set before the cursor is decoded; its first field is the position's.
        field = self._model._meta.get_field(self.ordering[0].lstrip("-"))
        try:
            # As the query would adapt it: SQLite, for one, converts times to UTC.
            field.get_db_prep_value(field.to_python(position), connections[self._db])
        except (DjangoValidationError, ValueError, TypeError, OverflowError):
            return False
        return True
