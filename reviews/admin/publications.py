"""What the content API serves, read-only."""

from django.contrib import admin

from core.admin_bases import ReadOnlyAdmin
from reviews.models import Publication


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """What the content API serves, read-only: publications change only through the services."""

    list_display = [
        "claim",
        "version",
        "is_current",
        "certainty",
        "recommendation",
        "risk_tier",
        "published_by",
        "published_at",
        "withdrawn_at",
    ]
    list_filter = ["is_current", "certainty", "recommendation", "risk_tier"]
    search_fields = ["search_text"]
    readonly_fields = [
        "claim",
        "review",
        "version",
        "is_current",
        "published_by",
        "published_at",
        "withdrawn_at",
        "change_note",
        "snapshot",
    ]
    exclude = ["remedy", "category", "kind", "population", "risk_tier", "certainty", "recommendation", "search_text"]
