"""The snapshot's own kinds of field (reviews.publishing.snapshots): how it writes blanks, times
and numbers."""

from rest_framework import serializers

from audit.rows import iso_utc


class OptionalText(serializers.CharField):
    """Text written as null when it is blank."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None


class OptionalChoice(serializers.ChoiceField):
    """A choice written as null when it is blank."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_representation(self, value):
        return super().to_representation(value) if value else None


class Number(serializers.FloatField):
    """A decimal column's value (4 places at most) as a JSON number, as the snapshot writes every
    number; null where not given."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)


class UtcTime(serializers.DateTimeField):
    """A moment in UTC with microseconds, as the audit trail writes times (`iso_utc`)."""

    def to_representation(self, value):
        return iso_utc(value)
