"""What the outcome page shows read-only: its review, the certainty worked out from the design and
the domains (and how), the certainty in force, and the override."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from reviews import grade
from reviews.models import Domain


def review_url(review_id: int, anchor: str = "outcomes") -> str:
    return reverse("admin:reviews_review_change", args=[review_id]) + f"#{anchor}"


class OutcomeDisplay:
    @admin.display(description="review")
    def review_link(self, obj):
        review = obj.review
        return format_html(
            '<a href="{}">Review #{}</a> of “{}” — {}',
            review_url(review.pk),
            review.pk,
            review.claim.statement,
            review.get_state_display().lower(),
        )

    @admin.display(description="worked out from the domains")
    def worked_out_certainty(self, obj):
        if not obj.pk:
            return "Worked out when the outcome is saved."
        judgements = list(obj.judgements.values_list("domain", "severity"))
        worked = grade.worked_out(obj.design, judgements)
        if worked is None:
            return "Not worked out: no design is given."
        start = grade.START[obj.design]
        moves = [(Domain(domain).label.lower(), grade.step(domain, severity)) for domain, severity in judgements]
        how = f"{obj.get_design_display().lower()} start {start.label.lower()}"
        how += "".join(f"; {domain} {f'{step:+d}'.replace('-', '−')}" for domain, step in moves if step)
        how += "" if any(step for _, step in moves) else "; no domain moves it"
        return format_html('<span class="outcome-symbols">{}</span> {} ({})', grade.symbols(worked), worked.label, how)

    @admin.display(description="certainty in force")
    def certainty_in_force(self, obj):
        if not obj.certainty:
            return "—"
        note = " — overridden by the reviewer" if obj.certainty_override else ""
        return format_html(
            '<span class="outcome-symbols">{}</span> {}{}',
            grade.symbols(obj.certainty),
            obj.get_certainty_display(),
            note,
        )

    @admin.display(description="override")
    def override_shown(self, obj):
        if not obj.certainty_override:
            return "None: the certainty is worked out from the design and the domains."
        return format_html("to {}: {}", obj.get_certainty_override_display().lower(), obj.override_reason)
