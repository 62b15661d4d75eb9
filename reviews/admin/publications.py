"""What the content API serves, read-only."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from core.admin_bases import ReadOnlyAdmin
from reviews.models import Publication


def evidence_profile_link(publication: Publication, text: str = "Evidence profile") -> str:
    """A link to the claim's printable evidence profile, for the claim's current publication (the
    profile shows only that one); a dash for a superseded or withdrawn version."""
    if not publication.is_current or publication.withdrawn_at is not None:
        return "—"
    url = reverse("api:claim-evidence-profile", args=[publication.claim_id])
    return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, text)


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """What the content API serves, read-only: publications change only through the services."""

    # The risk tier is a filter, not a column: the list fits beside the navigation and the filters
    # at 1280 px (tests/e2e/test_layout_in_browser.py).
    list_display = [
        "claim",
        "version",
        "is_current",
        "certainty",
        "recommendation",
        "published_by",
        "published_at",
        "withdrawn_at",
        "evidence_profile",
    ]
    list_filter = ["is_current", "certainty", "recommendation", "risk_tier"]
    search_fields = ["search_text"]
    readonly_fields = [
        "claim",
        "review",
        "version",
        "is_current",
        "evidence_profile",
        "published_by",
        "published_at",
        "withdrawn_at",
        "change_note",
        "snapshot",
    ]
    exclude = ["remedy", "category", "kind", "population", "risk_tier", "certainty", "recommendation", "search_text"]

    @admin.display(description="Evidence profile")
    def evidence_profile(self, publication: Publication) -> str:
        return evidence_profile_link(publication)
