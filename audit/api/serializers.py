from rest_framework import serializers

from audit.rows import COLUMNS_SPEC, event_row

FIELD_FOR_KIND = {
    "id": lambda column: serializers.IntegerField(allow_null=column.name != "id", help_text=column.help),
    "int": lambda column: serializers.IntegerField(help_text=column.help),
    "time": lambda column: serializers.DateTimeField(help_text=column.help),
    "text": lambda column: serializers.CharField(help_text=column.help),
    "json": lambda column: serializers.JSONField(help_text=column.help),
    "digest": lambda column: serializers.CharField(help_text=column.help),
}


class AuditEventSerializer(serializers.Serializer):
    """An event as audit.rows defines it (the export's columns), plus its field-level changes."""

    locals().update({column.name: FIELD_FOR_KIND[column.kind](column) for column in COLUMNS_SPEC})
    changes = serializers.JSONField(help_text="field -> [before, after] for every changed field")

    def to_representation(self, event):
        changes = {field: list(pair) for field, pair in event.changed_fields().items()}
        return {**event_row(event), "changes": changes}


class ChainHeadSerializer(serializers.Serializer):
    events = serializers.IntegerField()
    head_seq = serializers.IntegerField(allow_null=True)
    head_hash = serializers.CharField(allow_null=True)
