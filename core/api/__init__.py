"""The REST plumbing both APIs share (the content API in reviews.publishing.api, the audit API in
audit.api): errors, cursor pagination, filters, renderers, throttling, conditional GET and the
OpenAPI hooks. It knows no model of the catalogue, the reviews or the audit trail."""
