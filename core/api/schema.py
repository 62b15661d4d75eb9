"""OpenAPI details drf-spectacular cannot infer: the token scheme and the error responses."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "status": {"type": "integer"},
                "message": {"type": "string"},
                "detail": {"type": "object", "additionalProperties": True},
            },
            "required": ["status", "message"],
        }
    },
}
ERRORS = {
    "400": "A query parameter is invalid; the message names it.",
    "401": "No credentials, or an invalid or revoked token.",
    "403": "The account has no role that may use this endpoint.",
    "404": "No such published claim, version or remedy.",
    "406": "The Accept header asks for something other than JSON.",
    "429": "Too many requests for this token; retry after the Retry-After delay.",
}


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "core.tokens.TokenAuthentication"  # knox's, checked in one query
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <token>`; tokens come from `manage.py issue_token USERNAME`.",
        }


def declare_error_responses(result, generator, request, public):
    """Every operation may answer with the JSON error shape on these statuses."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
            responses.setdefault("304", {"description": "Not modified: the ETag still matches."})
            responses.setdefault("412", {"description": "Precondition failed: If-Match names no current ETag."})
    return result
