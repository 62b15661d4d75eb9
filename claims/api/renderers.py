import orjson
from django.core.serializers.json import DjangoJSONEncoder
from rest_framework.renderers import JSONRenderer


class FastJSONRenderer(JSONRenderer):
    """orjson instead of json.dumps: the published snapshots are large and rendering dominated.
    Anything orjson cannot encode natively (Decimal, lazy strings) goes through Django's encoder."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        return orjson.dumps(data, default=DjangoJSONEncoder().default)
