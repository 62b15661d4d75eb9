"""The claim history auditors read: its events and its publication versions."""

from rest_framework import serializers

from audit.api.serializers import AuditEventSerializer


class PublicationVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    review_id = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    published_by = serializers.CharField(source="published_by.username")
    is_current = serializers.BooleanField()
    withdrawn_at = serializers.DateTimeField(allow_null=True)
    change_note = serializers.CharField()


class ClaimHistorySerializer(serializers.Serializer):
    claim_id = serializers.IntegerField()
    statement = serializers.CharField()
    remedy = serializers.CharField()
    events = AuditEventSerializer(many=True)
    publications = PublicationVersionSerializer(many=True)
