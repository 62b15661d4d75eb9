"""What the review page shows read-only: the claim, the people, the publications, the articles'
quotes, the certainty worked out from the outcomes and the contraindications in force."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from claims.highlight import quote_in_context
from reviews import grade
from reviews.selectors import contraindications_for_claim


class ReviewDisplay:
    @admin.display(description="claim")
    def claim_link(self, obj):
        url = reverse("admin:claims_claim_change", args=[obj.claim_id])
        remedy = obj.claim.remedy
        return format_html(
            '<a href="{}">{}</a> — remedy <strong>{}</strong> ({}; risk {}: {})',
            url,
            obj.claim.statement,
            remedy.name,
            remedy.get_category_display(),
            remedy.get_risk_tier_display().lower(),
            remedy.risk_reason,
        )

    @admin.display(description="people")
    def people(self, obj):
        rows = [
            ("started by", obj.started_by),
            ("graded by", obj.graded_by),
            ("submitted by", obj.submitted_by),
            ("last edited by", obj.last_edited_by),
            ("decided by", obj.decided_by),
        ]
        text = format_html_join(" · ", "{}: {}", ((label, user or "—") for label, user in rows))
        if obj.decision_note:
            text = format_html("{}<br>decision note: {}", text, obj.decision_note)
        return format_html("{}<br>version {}", text, obj.version)

    @admin.display(description="published versions of this claim")
    def publications(self, obj):
        items = obj.claim.publications.select_related("published_by").order_by("version")
        if not items:
            return "not published"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>v{} — {} by {}{}{}</li>",
                (
                    (
                        p.version,
                        p.published_at.strftime("%Y-%m-%d %H:%M UTC"),
                        p.published_by,
                        " (this review)" if p.review_id == obj.pk else "",
                        " — current" if p.is_current else (" — withdrawn" if p.withdrawn_at else " — superseded"),
                    )
                    for p in items
                ),
            ),
        )

    @admin.display(description="appearances (each quote in its article)")
    def appearances(self, obj):
        # Each article once (prefetched), however many of its quotes the claim has.
        items = obj.claim.appearances.prefetch_related("source").order_by("source__file_name", "start")
        return format_html(
            '<ul class="appearances">{}</ul>',
            format_html_join("", "<li>{}</li>", ((appearance_in_context(a),) for a in items)),
        )

    @admin.display(description="certainty")
    def overall_certainty(self, obj):
        if not obj.certainty:
            return "Not worked out yet: it is the lowest certainty among the critical outcomes (below)."
        return format_html(
            '<span class="outcome-symbols">{}</span> {} — the lowest certainty among the critical outcomes',
            grade.symbols(obj.certainty),
            obj.get_certainty_display(),
        )

    @admin.display(description="all contraindications (inherited from the remedy and the claim's own)")
    def all_contraindications(self, obj):
        items = contraindications_for_claim(obj.claim)
        if not items:
            return "none yet"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li><strong>{}</strong> — {} ({}, {}; source: {} {})</li>",
                (
                    (
                        c.condition,
                        c.rationale,
                        c.get_severity_display().lower(),
                        "remedy-wide" if c.remedy_id else "this claim",
                        c.get_source_kind_display().lower(),
                        c.source_reference or "",
                    )
                    for c in items
                ),
            ),
        )


def appearance_in_context(appearance):
    """One appearance: where it is, and its quote marked in the article's text around it — or the
    quote alone, saying so, when the article's text is not stored (or no longer reads the same)."""
    source = appearance.source
    url = reverse("admin:claims_source_change", args=[source.pk]) + f"#appearance-{appearance.pk}"
    where = format_html(
        '<a href="{}">{}</a> [{}:{}]{}',
        url,
        source.title or source.file_name,
        appearance.start,
        appearance.end,
        f" — dose: {appearance.dose}" if appearance.dose else "",
    )
    if source.text[appearance.start : appearance.end] != appearance.quote:
        return format_html(
            '{}<blockquote class="quote-context no-text">“{}”</blockquote><p class="help">no text stored: '
            "the quote alone</p>",
            where,
            appearance.quote,
        )
    context = quote_in_context(source.text, appearance.start, appearance.end)
    return format_html('{}<blockquote class="quote-context" lang="{}">{}</blockquote>', where, source.language, context)
