"""The audit trail, read-only, and the diff of an event's before and after."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

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
        "claim_link",
        "review_link",
        "remedy_link",
        "reason_short",
    ]
    list_select_related = ["claim__remedy", "review__claim__remedy", "remedy"]
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

    class Media:
        css = {"all": ["reviews/history.css"]}

    def get_queryset(self, request):
        # The list and each event's page: without what is hidden from this reader (audit.visibility).
        return visible_events(request.user, super().get_queryset(request))

    @admin.display(description="changes")
    def diff(self, obj):
        return render_diff(obj)

    @admin.display(description="claim", ordering="claim_id")
    def claim_link(self, obj):
        if obj.claim_id is None:
            return "—"
        return _link("admin:claims_claim_change", obj.claim_id, claim_name(obj.claim), obj.claim.statement)

    @admin.display(description="review", ordering="review_id")
    def review_link(self, obj):
        if obj.review_id is None:
            return "—"
        claim = obj.review.claim  # named in full in the claim column; the title has the statement
        name = f"review #{obj.review_id} of {claim.remedy.name}"
        return _link("admin:reviews_review_change", obj.review_id, name, f"{claim_name(claim)}: {claim.statement}")

    @admin.display(description="remedy", ordering="remedy_id")
    def remedy_link(self, obj):
        if obj.remedy_id is None:
            return "—"
        return _link("admin:claims_remedy_change", obj.remedy_id, obj.remedy.name, obj.remedy.name)

    @admin.display(description="reason")
    def reason_short(self, obj):
        if not obj.reason:
            return ""
        return format_html('<span title="{}">{}</span>', obj.reason, Truncator(obj.reason).chars(140))


def claim_name(claim) -> str:
    """A claim as a list names it: its remedy and kind, and its number."""
    return f"{claim.remedy.name} — {claim.get_kind_display().lower()} (claim #{claim.pk})"


def _link(urlname: str, pk: int, text: str, title: str):
    return format_html('<a href="{}" title="{}">{}</a>', reverse(urlname, args=[pk]), title, text)


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
