from rest_framework import serializers

from audit.trail import iso_utc


class AuditEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    seq = serializers.IntegerField(help_text="Position in the hash chain.")
    occurred_at = serializers.DateTimeField()
    actor_id = serializers.IntegerField(allow_null=True)
    actor_username = serializers.CharField()
    event_type = serializers.CharField()
    claim_id = serializers.IntegerField(allow_null=True)
    review_id = serializers.IntegerField(allow_null=True)
    remedy_id = serializers.IntegerField(allow_null=True)
    reason = serializers.CharField()
    before = serializers.JSONField()
    after = serializers.JSONField()
    changes = serializers.JSONField(help_text="field -> [before, after] for every changed field")
    prev_hash = serializers.CharField()
    key_id = serializers.CharField(help_text="Id of the chain key whose HMAC is `hash`.")
    hash = serializers.CharField()

    def to_representation(self, event):
        return {
            "id": event.pk,
            "seq": event.seq,
            "occurred_at": iso_utc(event.occurred_at),
            "actor_id": event.actor_id,
            "actor_username": event.actor_username,
            "event_type": event.event_type,
            "claim_id": event.claim_id,
            "review_id": event.review_id,
            "remedy_id": event.remedy_id,
            "reason": event.reason,
            "before": event.before,
            "after": event.after,
            "changes": {field: list(pair) for field, pair in event.changed_fields().items()},
            "prev_hash": event.prev_hash,
            "key_id": event.key_id,
            "hash": event.hash,
        }


class ChainHeadSerializer(serializers.Serializer):
    events = serializers.IntegerField()
    head_seq = serializers.IntegerField(allow_null=True)
    head_hash = serializers.CharField(allow_null=True)
