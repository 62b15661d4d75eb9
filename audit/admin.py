"""The audit trail, read-only, and the diff of an event's before and after."""

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from audit.models import AuditEvent
from audit.visibility import visible_events
from core.admin_bases import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Read-only for everyone: an audit event is a fact."""

    list_display = [
        "seq",
        "occurred_at",
        "event_type",
        "actor_username",
        "claim_id",
        "review_id",
        "remedy_id",
        "reason",
    ]
    list_filter = ["event_type", "occurred_at"]
    search_fields = ["actor_username", "reason", "=claim__id", "=review__id"]
    date_hierarchy = "occurred_at"
    readonly_fields = [
        "seq",
        "occurred_at",
        "event_type",
        "actor",
        "actor_username",
        "claim",
        "review",
        "remedy",
        "reason",
        "diff",
        "prev_hash",
        "hash",
    ]
    exclude = ["before", "after"]

    def get_queryset(self, request):
        # The list and each event's page: without what is hidden from this reader (audit.visibility).
        return visible_events(request.user, super().get_queryset(request))

    @admin.display(description="changes")
    def diff(self, obj):
        return render_diff(obj)


def render_diff(event: AuditEvent):
    changed = event.changed_fields()
    if not changed:
        return "—"
    if "approved_snapshot" in changed:  # the whole approved claim: named by its hash, not printed
        changed["approved_snapshot"] = (None, f"frozen (hash {event.after.get('approved_hash', '')[:12]}…)")
    return format_html(
        "<table>{}</table>",
        format_html_join(
            "",
            "<tr><th>{}</th><td><del>{}</del></td><td>→</td><td><ins>{}</ins></td></tr>",
            ((field, "" if old is None else old, "" if new is None else new) for field, (old, new) in changed.items()),
        ),
    )
